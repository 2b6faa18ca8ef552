// Bounds how many argon2 hashes run at once (each ~30 ms of a core and 19 MiB), so a flood of
// sign-ups cannot fill libuv's thread pool and every core. Logins wait ahead of sign-ups: a
// customer logging in waits for at most the hashes already running, never for the whole flood.
import { hashPassword, verifyPassword } from './passwords.js';

export type PasswordLane = 'login' | 'signUp';

export interface PasswordQueue {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Hashes running and waiting now (for tests and metrics). */
  readonly load: { running: number; waiting: number };
}

export function createPasswordQueue(concurrency: number): PasswordQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`password concurrency must be an integer ≥ 1, got ${concurrency}`);
  }
  let running = 0;
  const waiting: Record<PasswordLane, (() => void)[]> = { login: [], signUp: [] };

  const next = () => {
    const start = waiting.login.shift() ?? waiting.signUp.shift();
    if (start) start();
    else running--;
  };
  const run = async <T>(lane: PasswordLane, work: () => Promise<T>): Promise<T> => {
    // A slot passes straight from one finished hash to the next waiting one.
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => waiting[lane].push(resolve));
    try {
      return await work();
    } finally {
      next();
    }
  };

  return {
    hash: (password) => run('signUp', () => hashPassword(password)),
    verify: (hash, password) => run('login', () => verifyPassword(hash, password)),
    get load() {
      return { running, waiting: waiting.login.length + waiting.signUp.length };
    },
  };
}
