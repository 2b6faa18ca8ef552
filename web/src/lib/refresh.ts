// Trading the refresh token for a new pair, one trade at a time: within a tab (one promise shared
// by every caller) and across tabs (a Web Lock), re-reading storage inside the lock because another
// tab may have rotated the token while this one waited, and a retired token sent again ends the
// session for everyone.
import { sameAccount, type Session } from './session';

export type RefreshResult =
  /** `exchanged`: this tab traded the token just now; false: another tab had already. */
  | { kind: 'ok'; session: Session; exchanged: boolean }
  /** The server refused the refresh token, or the session is gone from storage: log in again. */
  | { kind: 'ended' }
  /** Network or server trouble: the session may be fine, try again later. */
  | { kind: 'failed' };

export type ExchangeResult =
  { kind: 'ok'; session: Session } | { kind: 'ended' } | { kind: 'failed' };

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface RefresherDeps {
  /** The session storage holds now: the only copy every tab shares. */
  readStored(): Session | null;
  writeStored(session: Session): void;
  /** Asks the server for a new pair. */
  exchange(refreshToken: string): Promise<ExchangeResult>;
  locks: LockManagerLike | null;
}

export const REFRESH_LOCK = 'orderly.session.refresh';

export interface Refresher {
  /** Refreshes `held` (the session this tab uses), or joins the refresh already under way. */
  refresh(held: Session): Promise<RefreshResult>;
  /** Resolves when no refresh is under way in this tab. */
  settled(): Promise<void>;
}

export function createRefresher(deps: RefresherDeps): Refresher {
  let inFlight: Promise<RefreshResult> | null = null;

  async function trade(held: Session): Promise<RefreshResult> {
    const stored = deps.readStored();
    if (stored === null || !sameAccount(stored, held)) return { kind: 'ended' };
    // Another tab rotated it while this one waited: its new pair is this tab's too.
    if (stored.refreshToken !== held.refreshToken)
      return { kind: 'ok', session: stored, exchanged: false };
    if (stored.refreshToken === null) return { kind: 'ended' };
    const result = await deps.exchange(stored.refreshToken);
    if (result.kind !== 'ok') return result;
    // Written before the lock is released, so the next tab in line reads the new pair.
    deps.writeStored(result.session);
    return { kind: 'ok', session: result.session, exchanged: true };
  }

  return {
    refresh(held) {
      if (inFlight) return inFlight;
      const run = deps.locks ? deps.locks.request(REFRESH_LOCK, () => trade(held)) : trade(held);
      const current: Promise<RefreshResult> = run
        .catch((): RefreshResult => ({ kind: 'failed' }))
        .finally(() => {
          if (inFlight === current) inFlight = null;
        });
      inFlight = current;
      return current;
    },
    async settled() {
      await inFlight;
    },
  };
}

/** Waits after the n-th failed refresh in a row (from 0): 1 s doubling to 30 s, with jitter. */
export function refreshRetryDelayMs(failures: number, random: number = Math.random()): number {
  return Math.round(Math.min(30_000, 1_000 * 2 ** failures) * (0.8 + 0.4 * random));
}

/** `navigator.locks` where the browser has it (secure contexts), so tabs take turns. */
export function browserLocks(): LockManagerLike | null {
  if (typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) return null;
  const locks = navigator.locks;
  return {
    request: <T>(name: string, callback: () => Promise<T>) =>
      locks.request(name, () => callback()) as Promise<T>,
  };
}
