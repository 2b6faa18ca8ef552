// The logged-in person as the browser keeps it: parsing and persisting the tokens, and when to
// trade the refresh token for a new pair.
import type { Role } from '../gql/graphql';

export interface Session {
  token: string;
  role: Role;
  id: string;
  name: string;
  /** The token's `exp` claim in epoch milliseconds, or null when the token carries none. */
  expiresAt: number | null;
  /** Trades for a new pair before `expiresAt`; null for a session stored before refresh existed. */
  refreshToken: string | null;
}

export const SESSION_STORAGE_KEY = 'orderly.session';

export interface AuthPayloadLike {
  token: string;
  role: Role;
  id: string;
  name: string;
  refreshToken?: string | null;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads a numeric-date claim (seconds) as epoch ms, without verifying: the server is the authority. */
function decodeTimeClaim(token: string, claim: 'exp' | 'iat'): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof claims === 'object' && claims !== null && claim in claims) {
      const value = (claims as Record<string, unknown>)[claim];
      if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
    }
    return null;
  } catch {
    return null;
  }
}

/** The `exp` claim in epoch milliseconds. */
export function decodeTokenExpiry(token: string): number | null {
  return decodeTimeClaim(token, 'exp');
}

/** How long the token lives (`exp` − `iat`, both by the server's clock), or null when unknown. */
export function tokenLifetimeMs(token: string): number | null {
  const exp = decodeTimeClaim(token, 'exp');
  const iat = decodeTimeClaim(token, 'iat');
  return exp === null || iat === null || exp <= iat ? null : exp - iat;
}

/** How early to refresh: a minute, or a fifth of the token's life when that is shorter. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.2);
}

/**
 * Milliseconds from now until the session should be refreshed, or null when it cannot be (no
 * refresh token, or a token without expiry). `receivedNow`: the token has just come from the
 * server, so its lifetime by the server's clock times the wait and a wrong device clock does not
 * matter; otherwise (read back from storage) the wait comes from `exp` and this device's clock.
 */
export function refreshDelayMs(session: Session, now: number, receivedNow: boolean): number | null {
  if (session.refreshToken === null || session.expiresAt === null) return null;
  const lifetime = tokenLifetimeMs(session.token);
  // `iat` is the server's time rounded down to the second: up to a second of the life is gone.
  if (receivedNow && lifetime !== null)
    return Math.max(0, lifetime - 1_000 - refreshLeadMs(lifetime));
  const left = session.expiresAt - now;
  return Math.max(0, left - refreshLeadMs(lifetime ?? left));
}

export function sessionFromAuth(payload: AuthPayloadLike): Session {
  return {
    token: payload.token,
    role: payload.role,
    id: payload.id,
    name: payload.name,
    expiresAt: decodeTokenExpiry(payload.token),
    refreshToken: payload.refreshToken ?? null,
  };
}

export function isExpired(session: Session, now: number): boolean {
  return session.expiresAt !== null && session.expiresAt <= now;
}

/** Milliseconds until the token expires, or null when it never does (as far as we can tell). */
export function msUntilExpiry(session: Session, now: number): number | null {
  return session.expiresAt === null ? null : Math.max(0, session.expiresAt - now);
}

/**
 * none: nobody; expired: the name of whoever has to log in again; stale: the access token expired
 * but a refresh token may still be live, so refresh before asking anyone to log in; valid: usable.
 */
export type StoredSession =
  | { kind: 'none' }
  | { kind: 'expired'; name: string }
  | { kind: 'stale'; session: Session }
  | { kind: 'valid'; session: Session };

/** Parses what localStorage holds; anything malformed counts as no session. */
export function readStoredSession(raw: string | null, now: number): StoredSession {
  if (!raw) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'none' };
  }
  if (typeof value !== 'object' || value === null) return { kind: 'none' };
  const record = value as Record<string, unknown>;
  const { token, role, id, name, refreshToken } = record;
  if (
    typeof token !== 'string' ||
    token === '' ||
    (role !== 'USER' && role !== 'BUSINESS') ||
    typeof id !== 'string' ||
    typeof name !== 'string'
  ) {
    return { kind: 'none' };
  }
  const refresh = typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : null;
  const session = sessionFromAuth({ token, role, id, name, refreshToken: refresh });
  if (!isExpired(session, now)) return { kind: 'valid', session };
  return refresh ? { kind: 'stale', session } : { kind: 'expired', name };
}

export function serializeSession(session: Session): string {
  const { token, role, id, name, refreshToken } = session;
  return JSON.stringify({ token, role, id, name, refreshToken });
}

/** The same person in the same role: a refresh keeps the session, anything else is a new one. */
export function sameAccount(a: Session | null, b: Session | null): boolean {
  return a !== null && b !== null && a.role === b.role && a.id === b.id;
}
