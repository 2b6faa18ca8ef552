import { describe, expect, it } from 'vitest';
import {
  createRefresher,
  refreshRetryDelayMs,
  type ExchangeResult,
  type LockManagerLike,
  type RefresherDeps,
} from './refresh';
import type { Session } from './session';

function session(refreshToken: string, token = `access-${refreshToken}`): Session {
  return { token, role: 'BUSINESS', id: 'b1', name: 'Pizza Palace', expiresAt: 1, refreshToken };
}

/** A server that rotates: each refresh token trades once; a retired one ends the session. */
function rotatingServer() {
  const retired = new Set<string>();
  let next = 1;
  const calls: string[] = [];
  let release: (() => void) | null = null;
  return {
    calls,
    /** Holds answers until `answer()` is called, to stage overlapping refreshes. */
    hold() {
      return new Promise<void>((resolve) => (release = resolve));
    },
    answer() {
      release?.();
    },
    async exchange(refreshToken: string, gate?: Promise<void>): Promise<ExchangeResult> {
      calls.push(refreshToken);
      await gate;
      if (retired.has(refreshToken)) return { kind: 'ended' };
      retired.add(refreshToken);
      return { kind: 'ok', session: session(`r${++next}`) };
    },
  };
}

/** Storage and a Web Lock shared by several tabs, as one browser profile has. */
function sharedBrowser(initial: Session) {
  let stored: Session | null = initial;
  let queue = Promise.resolve();
  const locks: LockManagerLike = {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const turn = queue.then(callback);
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
  return {
    locks,
    read: () => stored,
    write: (value: Session) => {
      stored = value;
    },
  };
}

function tab(
  browser: ReturnType<typeof sharedBrowser>,
  exchange: RefresherDeps['exchange'],
  locks: LockManagerLike | null = browser.locks,
) {
  return createRefresher({ readStored: browser.read, writeStored: browser.write, exchange, locks });
}

describe('refreshing one session', () => {
  it('trades once when several parts of a tab ask at the same time', async () => {
    const server = rotatingServer();
    const browser = sharedBrowser(session('r1'));
    const gate = server.hold();
    const refresher = tab(browser, (token) => server.exchange(token, gate));
    const asks = [
      refresher.refresh(session('r1')),
      refresher.refresh(session('r1')),
      refresher.refresh(session('r1')),
    ];
    server.answer();
    const results = await Promise.all(asks);
    expect(server.calls).toEqual(['r1']);
    for (const result of results) expect(result).toMatchObject({ kind: 'ok', exchanged: true });
    expect(browser.read()?.refreshToken).toBe('r2');
  });

  it('lets a second tab take the pair the first one just got, instead of sending a retired token', async () => {
    const server = rotatingServer();
    const browser = sharedBrowser(session('r1'));
    const gate = server.hold();
    const first = tab(browser, (token) => server.exchange(token, gate));
    const second = tab(browser, (token) => server.exchange(token));
    // Both tabs hold r1 and their timers fire together.
    const results = [first.refresh(session('r1')), second.refresh(session('r1'))];
    server.answer();
    const [one, two] = await Promise.all(results);
    expect(server.calls).toEqual(['r1']);
    expect(one).toMatchObject({ kind: 'ok', exchanged: true });
    expect(two).toEqual({ kind: 'ok', session: session('r2'), exchanged: false });
  });

  it('without a lock, two tabs send the same token and the second ends the session', async () => {
    // Why the lock matters: this is what rotation with reuse detection does to unlocked tabs.
    const server = rotatingServer();
    const browser = sharedBrowser(session('r1'));
    const gate = server.hold();
    const first = tab(browser, (token) => server.exchange(token, gate), null);
    const second = tab(browser, (token) => server.exchange(token, gate), null);
    const results = [first.refresh(session('r1')), second.refresh(session('r1'))];
    server.answer();
    expect((await Promise.all(results)).map((r) => r.kind)).toEqual(['ok', 'ended']);
  });

  it('starts a new trade after the previous one settled', async () => {
    const server = rotatingServer();
    const browser = sharedBrowser(session('r1'));
    const refresher = tab(browser, (token) => server.exchange(token));
    const first = await refresher.refresh(session('r1'));
    if (first.kind !== 'ok') throw new Error('first refresh failed');
    const second = await refresher.refresh(first.session);
    expect(server.calls).toEqual(['r1', 'r2']);
    expect(second).toMatchObject({ kind: 'ok', session: { refreshToken: 'r3' } });
  });

  it('ends when storage no longer holds the session (logged out in another tab)', async () => {
    const server = rotatingServer();
    const browser = sharedBrowser(session('r1'));
    browser.write(null as unknown as Session);
    const result = await tab(browser, (token) => server.exchange(token)).refresh(session('r1'));
    expect(result).toEqual({ kind: 'ended' });
    expect(server.calls).toEqual([]);
  });

  it('reports a network failure as failed, keeping the stored session for a retry', async () => {
    const browser = sharedBrowser(session('r1'));
    const refresher = tab(browser, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await refresher.refresh(session('r1'))).toEqual({ kind: 'failed' });
    expect(browser.read()?.refreshToken).toBe('r1');
  });
});

describe('refreshRetryDelayMs', () => {
  it('backs off from about a second to at most about 30 s', () => {
    expect(refreshRetryDelayMs(0, 0.5)).toBe(1_000);
    expect(refreshRetryDelayMs(3, 0.5)).toBe(8_000);
    expect(refreshRetryDelayMs(20, 0.5)).toBe(30_000);
    expect(refreshRetryDelayMs(20, 1)).toBeLessThanOrEqual(36_000);
  });
});
