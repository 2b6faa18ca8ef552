import { describe, expect, it } from 'vitest';
import {
  decodeTokenExpiry,
  isExpired,
  msUntilExpiry,
  readStoredSession,
  serializeSession,
  sessionFromAuth,
} from './session';

function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

describe('decodeTokenExpiry', () => {
  it('reads the exp claim in milliseconds', () => {
    expect(decodeTokenExpiry(fakeJwt({ sub: 'u1', exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
  });

  it('decodes base64url payloads with non-ASCII names', () => {
    expect(decodeTokenExpiry(fakeJwt({ name: 'Zoë’s Café ✓', exp: 42 }))).toBe(42_000);
  });

  it('returns null for tokens without exp or that are not JWTs', () => {
    expect(decodeTokenExpiry(fakeJwt({ sub: 'u1' }))).toBeNull();
    expect(decodeTokenExpiry('opaque-token')).toBeNull();
    expect(decodeTokenExpiry('a.%%%.c')).toBeNull();
  });
});

describe('stored sessions', () => {
  const now = 1_800_000_000_000;
  const token = fakeJwt({ exp: now / 1000 + 60 });
  const session = sessionFromAuth({ token, role: 'USER', id: 'u1', name: 'alice' });

  it('round-trips through localStorage text', () => {
    const stored = readStoredSession(serializeSession(session), now);
    expect(stored).toEqual({ kind: 'valid', session });
  });

  it('reports an expired token by name so the login screen can say so', () => {
    expect(readStoredSession(serializeSession(session), now + 61_000)).toEqual({
      kind: 'expired',
      name: 'alice',
    });
  });

  it('ignores malformed or foreign values', () => {
    expect(readStoredSession(null, now)).toEqual({ kind: 'none' });
    expect(readStoredSession('{not json', now)).toEqual({ kind: 'none' });
    expect(
      readStoredSession(JSON.stringify({ token, role: 'ADMIN', id: 'x', name: 'x' }), now),
    ).toEqual({
      kind: 'none',
    });
  });

  it('computes the time left before logout', () => {
    expect(msUntilExpiry(session, now)).toBe(60_000);
    expect(msUntilExpiry(session, now + 120_000)).toBe(0);
    expect(isExpired(session, now + 60_000)).toBe(true);
    expect(msUntilExpiry({ ...session, expiresAt: null }, now)).toBeNull();
  });
});
