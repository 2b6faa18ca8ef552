// Toast notifications: results of actions and live alerts, announced politely to screen readers.

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  link?: { label: string; href: string } | undefined;
}

const DURATION_MS: Record<ToastKind, number> = { success: 4000, info: 5000, error: 8000 };

class Toasts {
  items = $state<Toast[]>([]);
  #nextId = 1;

  show(kind: ToastKind, message: string, link?: Toast['link']): number {
    const id = this.#nextId++;
    this.items = [...this.items.slice(-3), { id, kind, message, link }];
    setTimeout(() => this.dismiss(id), DURATION_MS[kind]);
    return id;
  }

  success(message: string, link?: Toast['link']): number {
    return this.show('success', message, link);
  }

  error(message: string): number {
    return this.show('error', message);
  }

  info(message: string, link?: Toast['link']): number {
    return this.show('info', message, link);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
