// The logged-in person as the browser keeps it: parsing, persisting and expiry of the JWT.
import type { Role } from '../gql/graphql';

export interface Session {
  token: string;
  role: Role;
  id: string;
  name: string;
  /** The token's `exp` claim in epoch milliseconds, or null when the token carries none. */
  expiresAt: number | null;
}

export const SESSION_STORAGE_KEY = 'orderly.session';

interface AuthPayloadLike {
  token: string;
  role: Role;
  id: string;
  name: string;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the `exp` claim without verifying the signature: the server stays the authority. */
export function decodeTokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof claims === 'object' && claims !== null && 'exp' in claims) {
      const exp = (claims as { exp: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return exp * 1000;
    }
    return null;
  } catch {
    return null;
  }
}

export function sessionFromAuth(payload: AuthPayloadLike): Session {
  return {
    token: payload.token,
    role: payload.role,
    id: payload.id,
    name: payload.name,
    expiresAt: decodeTokenExpiry(payload.token),
  };
}

export function isExpired(session: Session, now: number): boolean {
  return session.expiresAt !== null && session.expiresAt <= now;
}

/** Milliseconds until the token expires, or null when it never does (as far as we can tell). */
export function msUntilExpiry(session: Session, now: number): number | null {
  return session.expiresAt === null ? null : Math.max(0, session.expiresAt - now);
}

export type StoredSession =
  { kind: 'none' } | { kind: 'expired'; name: string } | { kind: 'valid'; session: Session };

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
  const { token, role, id, name } = record;
  if (
    typeof token !== 'string' ||
    token === '' ||
    (role !== 'USER' && role !== 'BUSINESS') ||
    typeof id !== 'string' ||
    typeof name !== 'string'
  ) {
    return { kind: 'none' };
  }
  const session = sessionFromAuth({ token, role, id, name });
  return isExpired(session, now) ? { kind: 'expired', name } : { kind: 'valid', session };
}

export function serializeSession(session: Session): string {
  const { token, role, id, name } = session;
  return JSON.stringify({ token, role, id, name });
}
