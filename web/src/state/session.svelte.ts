// The current session for the whole app: persisted across reloads, shared across tabs, refreshed
// silently before the access token expires, and revoked on the server at "Log out".
import { Client, fetchExchange } from '@urql/core';
import {
  msUntilExpiry,
  readStoredSession,
  refreshDelayMs,
  sameAccount,
  serializeSession,
  sessionFromAuth,
  SESSION_STORAGE_KEY,
  type AuthPayloadLike,
  type Session,
} from '../lib/session';
import {
  browserLocks,
  createRefresher,
  refreshRetryDelayMs,
  type ExchangeResult,
} from '../lib/refresh';
import { failureKind } from '../lib/errors';
import { readText, writeText } from '../lib/prefs';
import { LogoutDocument, RefreshSessionDocument } from '../features/auth/auth.gql';
import type { Role } from '../gql/graphql';

export const EXPIRED_MESSAGE = 'Your session has expired. Please log in again.';
export const ENDED_MESSAGE = 'Your session ended; log in again.';
const MAX_TIMER_MS = 2_147_483_647;
/** A token the server refuses this soon after it arrived is refused for good, not for its age. */
const FRESH_TOKEN_MS = 5_000;

// Refreshing and logging out need no access token, and must not depend on the session's client.
const authClient = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  exchanges: [fetchExchange],
});

async function exchange(refreshToken: string): Promise<ExchangeResult> {
  const result = await authClient.mutation(RefreshSessionDocument, { refreshToken }).toPromise();
  if (result.data) return { kind: 'ok', session: sessionFromAuth(result.data.refreshSession) };
  return result.error && failureKind(result.error) === 'UNAUTHENTICATED'
    ? { kind: 'ended' }
    : { kind: 'failed' };
}

function storedSession(): Session | null {
  const stored = readStoredSession(readText(SESSION_STORAGE_KEY), Date.now());
  return stored.kind === 'valid' || stored.kind === 'stale' ? stored.session : null;
}

const refresher = createRefresher({
  readStored: storedSession,
  writeStored: (session) => writeText(SESSION_STORAGE_KEY, serializeSession(session)),
  exchange,
  locks: browserLocks(),
});

class SessionStore {
  current = $state<Session | null>(null);
  /** A stored session whose access token expired: being refreshed before anything is shown. */
  resuming = $state<Session | null>(null);
  /** Shown on the login screen: why the person is there. */
  notice = $state<string | null>(null);
  /** The name to prefill on the login screen after an expiry. */
  lastName = $state('');
  lastRole = $state<Role>('USER');
  loggingOut = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #receivedAt = 0;
  #failures = 0;

  constructor() {
    const stored = readStoredSession(readText(SESSION_STORAGE_KEY), Date.now());
    switch (stored.kind) {
      case 'valid':
        this.#adopt(stored.session, false);
        break;
      case 'stale':
        this.resuming = stored.session;
        this.lastName = stored.session.name;
        this.lastRole = stored.session.role;
        void this.#refresh();
        break;
      case 'expired':
        writeText(SESSION_STORAGE_KEY, null);
        this.notice = EXPIRED_MESSAGE;
        this.lastName = stored.name;
        break;
      case 'none':
        break;
    }
    window.addEventListener('storage', (event) => {
      if (event.key !== SESSION_STORAGE_KEY) return;
      const next = readStoredSession(event.newValue, Date.now());
      if (next.kind === 'valid' || next.kind === 'stale') {
        if (next.session.token === this.current?.token) return;
        // Another tab logged in or refreshed: the pair it wrote is this tab's too.
        this.resuming = null;
        this.#adopt(next.session, next.kind === 'valid');
      } else if (this.current) {
        this.notice = next.kind === 'expired' ? EXPIRED_MESSAGE : 'You logged out in another tab.';
        this.#clear();
      }
    });
    // Back online after failed refreshes: try again now rather than at the end of the backoff.
    window.addEventListener('online', () => {
      if (this.#failures > 0) void this.#refresh();
    });
  }

  signIn(payload: AuthPayloadLike): void {
    const session = sessionFromAuth(payload);
    writeText(SESSION_STORAGE_KEY, serializeSession(session));
    this.notice = null;
    this.resuming = null;
    this.#adopt(session, true);
  }

  /** "Log out": revokes the session on the server, then forgets it here and in every tab. */
  async logOut(): Promise<void> {
    if (!this.current || this.loggingOut) return;
    this.loggingOut = true;
    clearTimeout(this.#timer);
    // A refresh under way rotates the token: revoke the pair it ends with.
    await refresher.settled();
    const refreshToken = storedSession()?.refreshToken ?? this.current?.refreshToken ?? null;
    if (refreshToken) {
      // Unreachable server: the session still ends here, and its refresh token expires unused.
      await authClient.mutation(LogoutDocument, { refreshToken }).toPromise();
    }
    this.loggingOut = false;
    this.signOut();
  }

  /** Forgets the session in this browser (the server is told by `logOut`). */
  signOut(): void {
    writeText(SESSION_STORAGE_KEY, null);
    this.notice = 'You have logged out.';
    this.#clear();
  }

  /** The session is over (refused or revoked): back to login with a message. */
  expire(message: string = EXPIRED_MESSAGE): void {
    if (!this.current && !this.resuming) return;
    writeText(SESSION_STORAGE_KEY, null);
    this.notice = message;
    this.resuming = null;
    this.#clear();
  }

  /** The server refused `token`: refresh it, unless it is fresh (then it is refused for good). */
  rejected(token: string): void {
    const current = this.current;
    if (!current || current.token !== token) return; // an older token; the current one is fine
    if (current.refreshToken === null || Date.now() - this.#receivedAt < FRESH_TOKEN_MS) {
      this.expire(current.refreshToken === null ? EXPIRED_MESSAGE : ENDED_MESSAGE);
      return;
    }
    void this.#refresh();
  }

  /** Resolves once any refresh under way has finished (the socket reconnects after it). */
  settled(): Promise<void> {
    return refresher.settled();
  }

  async #refresh(): Promise<void> {
    const held = this.current ?? this.resuming;
    if (!held || this.loggingOut) return;
    clearTimeout(this.#timer);
    const result = await refresher.refresh(held);
    // Logged out, or someone else logged in, while the server answered.
    if (this.loggingOut || !sameAccount(this.current ?? this.resuming, held)) return;
    switch (result.kind) {
      case 'ok':
        this.#failures = 0;
        this.resuming = null;
        if (result.session.token !== this.current?.token)
          this.#adopt(result.session, result.exchanged);
        break;
      case 'ended':
        this.expire(ENDED_MESSAGE);
        break;
      case 'failed':
        this.#schedule(refreshRetryDelayMs(this.#failures));
        this.#failures += 1;
        break;
    }
  }

  #adopt(session: Session, receivedNow: boolean): void {
    this.current = session;
    this.lastName = session.name;
    this.lastRole = session.role;
    this.#receivedAt = receivedNow ? Date.now() : 0;
    const refreshIn = refreshDelayMs(session, Date.now(), receivedNow);
    if (refreshIn !== null) {
      this.#schedule(refreshIn);
      return;
    }
    // A session stored before refresh tokens existed lasts as long as its access token.
    clearTimeout(this.#timer);
    const wait = msUntilExpiry(session, Date.now());
    if (wait !== null) {
      this.#timer = setTimeout(() => this.expire(), Math.min(wait, MAX_TIMER_MS));
    }
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#refresh(), Math.min(ms, MAX_TIMER_MS));
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#failures = 0;
    this.current = null;
  }
}

export const session = new SessionStore();
