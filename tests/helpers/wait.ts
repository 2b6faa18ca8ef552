import { scrape } from './metrics.js';

/** Polls `check` until it holds; fails the test after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs = 5_000,
  everyMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The server's count of live GraphQL subscriptions, from its /metrics. */
export async function activeSubscriptions(base: string): Promise<number> {
  const count = (await scrape(base)).get('orderly_active_subscriptions');
  if (count === undefined) throw new Error('no orderly_active_subscriptions in /metrics');
  return count;
}

/** The live subscription count once it has stopped moving (completions still in flight land). */
export async function settledSubscriptions(base: string): Promise<number> {
  let last = await activeSubscriptions(base);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await activeSubscriptions(base);
    if (now === last) return now;
    last = now;
  }
}

/**
 * Waits until the server runs at least `count` subscriptions: a subscribe message is on its way
 * when the client sends it, and events published before the server has it are not for it.
 */
export function untilSubscribed(base: string, count: number, timeoutMs = 5_000): Promise<void> {
  return waitFor(async () => (await activeSubscriptions(base)) >= count, timeoutMs);
}
