import { describe, expect, it } from 'vitest';
import { createPasswordQueue } from './password-queue.js';
import { hashPassword } from './passwords.js';

describe('password queue', () => {
  it('runs at most its concurrency of hashes, and lets a login past waiting sign-ups', async () => {
    const queue = createPasswordQueue(2);
    const hash = await hashPassword('queue-pass-1');
    const finished: string[] = [];
    let mostRunning = 0;
    const watch = setInterval(() => (mostRunning = Math.max(mostRunning, queue.load.running)), 1);
    const signUps = Array.from({ length: 8 }, (_, i) =>
      queue.hash(`sign-up-pass-${i}`).then(() => void finished.push(`sign-up ${i}`)),
    );
    const login = queue.verify(hash, 'queue-pass-1').then((ok) => {
      finished.push('login');
      return ok;
    });
    expect(queue.load).toEqual({ running: 2, waiting: 7 });
    expect(await login).toBe(true);
    await Promise.all(signUps);
    clearInterval(watch);
    // In arrival order the login would finish last (index 8), behind all six waiting sign-ups. Ahead
    // of them it finishes after the two running when it arrived, plus what the other slot gets
    // through while the login's own hash runs: one as a rule, two on a loaded machine (a CI run
    // saw index 4). Past that, the login would not have gone first.
    expect(finished.indexOf('login')).toBeLessThanOrEqual(4);
    expect(mostRunning).toBeLessThanOrEqual(2);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot back when a hash fails', async () => {
    const queue = createPasswordQueue(1);
    expect(await queue.verify('not-a-hash', 'whatever-1')).toBe(false);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    await expect(queue.hash('after-a-failure')).resolves.toMatch(/^\$argon2id\$/);
  });
});
