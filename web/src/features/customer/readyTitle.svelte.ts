// The tab title while a customer's order is ready and they have not looked at the tab since.
class ReadyTitle {
  /** Replaces the screen's title while set. */
  current = $state<string | null>(null);
  #stop: (() => void) | null = null;

  /** Shows `title` until the tab is next looked at; nothing when it is being looked at now. */
  show(title: string): void {
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    this.current = title;
    if (this.#stop) return;
    const seen = () => {
      if (document.visibilityState !== 'visible') return;
      this.current = null;
      this.#stop?.();
    };
    document.addEventListener('visibilitychange', seen);
    window.addEventListener('focus', seen);
    this.#stop = () => {
      document.removeEventListener('visibilitychange', seen);
      window.removeEventListener('focus', seen);
      this.#stop = null;
    };
  }
}

export const readyTitle = new ReadyTitle();
