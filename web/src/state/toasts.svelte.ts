// Toast notifications: results of actions and live alerts, announced politely to screen readers.
// A toast may carry an action (Undo), and toasts of one group merge into one ("3 new orders").

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  link?: { label: string; href: string } | undefined;
  action?: ToastAction | undefined;
  /** Toasts of one group replace each other; `count` says how many have merged. */
  group?: string | undefined;
  count: number;
}

export interface ToastOptions {
  action?: ToastAction;
  durationMs?: number;
  group?: string;
  /** The message once several of the group have merged, given how many. */
  merged?: (count: number) => string;
}

const DURATION_MS: Record<ToastKind, number> = { success: 4000, info: 5000, error: 8000 };

class Toasts {
  items = $state<Toast[]>([]);
  /** Screens that show toasts in a place of their own (the board's bar): the corner stays empty. */
  docked = $state(0);
  #nextId = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(kind: ToastKind, message: string, link?: Toast['link'], options: ToastOptions = {}): number {
    const id = this.#nextId++;
    const previous = options.group
      ? this.items.find((toast) => toast.group === options.group)
      : undefined;
    const count = previous ? previous.count + 1 : 1;
    const text = previous && options.merged ? options.merged(count) : message;
    if (previous) this.#clear(previous.id);
    const rest = this.items.filter((toast) => toast !== previous);
    const toast: Toast = {
      id,
      kind,
      message: text,
      link,
      action: options.action,
      group: options.group,
      count,
    };
    this.items = [...rest.slice(-3), toast];
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), options.durationMs ?? DURATION_MS[kind]),
    );
    return id;
  }

  success(message: string, link?: Toast['link'], options?: ToastOptions): number {
    return this.show('success', message, link, options);
  }

  error(message: string): number {
    return this.show('error', message);
  }

  info(message: string, link?: Toast['link'], options?: ToastOptions): number {
    return this.show('info', message, link, options);
  }

  dismiss(id: number): void {
    this.#clear(id);
    if (this.items.some((toast) => toast.id === id)) {
      this.items = this.items.filter((toast) => toast.id !== id);
    }
  }

  /** Runs a toast's action (Undo) and removes the toast. */
  act(id: number): void {
    const toast = this.items.find((item) => item.id === id);
    this.dismiss(id);
    toast?.action?.run();
  }

  #clear(id: number): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(id);
  }
}

export const toasts = new Toasts();
