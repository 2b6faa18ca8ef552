// A shared ticking "now" for countdowns and ticket timers (4 Hz keeps sub-second ETAs smooth), in
// server time: corrected by the skew learnt from mutation responses.
import { addSample, estimateSkew } from '../lib/skew';

class Clock {
  now = $state(Date.now());
  #skewMs = 0;
  #samples: number[] = [];

  constructor() {
    setInterval(() => {
      this.now = Date.now() - this.#skewMs;
    }, 250);
  }

  /** Call with a timestamp the server set just before answering (e.g. a new order's createdAt). */
  learn(serverIso: string): void {
    const serverMs = Date.parse(serverIso);
    if (Number.isNaN(serverMs)) return;
    this.#samples = addSample(this.#samples, Date.now() - serverMs);
    this.#skewMs = estimateSkew(this.#samples);
    this.now = Date.now() - this.#skewMs;
  }
}

export const clock = new Clock();
