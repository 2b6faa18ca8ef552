// A shared ticking "now" for countdowns and ticket timers (4 Hz keeps sub-second ETAs smooth).

class Clock {
  now = $state(Date.now());

  constructor() {
    setInterval(() => {
      this.now = Date.now();
    }, 250);
  }
}

export const clock = new Clock();
