// Board actions that wait a few seconds before they are sent, so that a mis-tap can be undone.

/** How long Reject and Complete now wait for an Undo before they reach the server. */
export const UNDO_WINDOW_MS = 5_000;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pending send per order: scheduled, then sent when the window ends, unless undone first. */
export class DeferredActions {
  readonly #pending = new Map<string, { handle: unknown; send: () => void }>();

  constructor(
    private readonly delayMs = UNDO_WINDOW_MS,
    private readonly timers: Timers = browserTimers,
  ) {}

  schedule(id: string, send: () => void): void {
    this.undo(id);
    const handle = this.timers.setTimeout(() => {
      this.#pending.delete(id);
      send();
    }, this.delayMs);
    this.#pending.set(id, { handle, send });
  }

  /** Drops the pending send; true when there was one (nothing reaches the server). */
  undo(id: string): boolean {
    const pending = this.#pending.get(id);
    if (!pending) return false;
    this.timers.clearTimeout(pending.handle);
    this.#pending.delete(id);
    return true;
  }

  has(id: string): boolean {
    return this.#pending.has(id);
  }

  /** Sends everything still waiting now (the board is closing: the person did decide). */
  flush(): void {
    const pending = [...this.#pending.values()];
    for (const { handle } of pending) this.timers.clearTimeout(handle);
    this.#pending.clear();
    for (const { send } of pending) send();
  }
}
