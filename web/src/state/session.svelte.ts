// The current session for the whole app: persisted across reloads, shared across tabs, logged out at expiry.
import {
  msUntilExpiry,
  readStoredSession,
  serializeSession,
  sessionFromAuth,
  SESSION_STORAGE_KEY,
  type Session,
} from '../lib/session';
import { readText, writeText } from '../lib/prefs';
import type { Role } from '../gql/graphql';

export const EXPIRED_MESSAGE = 'Your session has expired. Please log in again.';
const MAX_TIMER_MS = 2_147_483_647;

class SessionStore {
  current = $state<Session | null>(null);
  /** Shown on the login screen: why the person is there. */
  notice = $state<string | null>(null);
  /** The name to prefill on the login screen after an expiry. */
  lastName = $state('');
  lastRole = $state<Role>('USER');
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const stored = readStoredSession(readText(SESSION_STORAGE_KEY), Date.now());
    if (stored.kind === 'valid') this.#adopt(stored.session);
    if (stored.kind === 'expired') {
      writeText(SESSION_STORAGE_KEY, null);
      this.notice = EXPIRED_MESSAGE;
      this.lastName = stored.name;
    }
    window.addEventListener('storage', (event) => {
      if (event.key !== SESSION_STORAGE_KEY) return;
      const next = readStoredSession(event.newValue, Date.now());
      if (next.kind === 'valid') {
        this.#adopt(next.session);
      } else if (this.current) {
        this.notice = next.kind === 'expired' ? EXPIRED_MESSAGE : 'You logged out in another tab.';
        this.#clear();
      }
    });
  }

  signIn(payload: { token: string; role: Role; id: string; name: string }): void {
    const session = sessionFromAuth(payload);
    writeText(SESSION_STORAGE_KEY, serializeSession(session));
    this.notice = null;
    this.#adopt(session);
  }

  signOut(): void {
    writeText(SESSION_STORAGE_KEY, null);
    this.notice = 'You have logged out.';
    this.#clear();
  }

  /** The token is no longer accepted (expired or revoked): back to login with a message. */
  expire(message: string = EXPIRED_MESSAGE): void {
    if (!this.current) return;
    writeText(SESSION_STORAGE_KEY, null);
    this.notice = message;
    this.#clear();
  }

  #adopt(session: Session): void {
    this.current = session;
    this.lastName = session.name;
    this.lastRole = session.role;
    clearTimeout(this.#timer);
    const wait = msUntilExpiry(session, Date.now());
    if (wait !== null) {
      this.#timer = setTimeout(() => this.expire(), Math.min(wait, MAX_TIMER_MS));
    }
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.current = null;
  }
}

export const session = new SessionStore();
