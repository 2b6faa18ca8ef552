import { describe, expect, it } from 'vitest';
import {
  decodeTokenExpiry,
  isExpired,
  msUntilExpiry,
  readStoredSession,
  refreshDelayMs,
  refreshLeadMs,
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

describe('when to refresh', () => {
  const now = 1_800_000_000_000;
  const pair = (lifetimeS: number, issuedAt = now) =>
    sessionFromAuth({
      token: fakeJwt({ iat: issuedAt / 1000, exp: issuedAt / 1000 + lifetimeS }),
      refreshToken: 'r1',
      role: 'BUSINESS',
      id: 'b1',
      name: 'Pizza Palace',
    });

  it('leads by a minute, or a fifth of the lifetime when that is shorter', () => {
    expect(refreshLeadMs(900_000)).toBe(60_000);
    expect(refreshLeadMs(5_000)).toBe(1_000);
  });

  it('times a token just received by its lifetime, whatever this device clock says', () => {
    // Less the second `iat` may have been rounded down by.
    expect(refreshDelayMs(pair(900), now, true)).toBe(839_000);
    expect(refreshDelayMs(pair(5), now, true)).toBe(3_000);
    // The device clock is ten minutes fast: still about 14 minutes from now.
    expect(refreshDelayMs(pair(900), now + 600_000, true)).toBe(839_000);
  });

  it('times a stored token by its expiry, and refreshes at once when it is due or past', () => {
    expect(refreshDelayMs(pair(900), now + 300_000, false)).toBe(540_000);
    expect(refreshDelayMs(pair(900), now + 850_000, false)).toBe(0);
    expect(refreshDelayMs(pair(900), now + 2_000_000, false)).toBe(0);
  });

  it('never refreshes a session without a refresh token', () => {
    const old = sessionFromAuth({
      token: fakeJwt({ exp: now / 1000 + 60 }),
      role: 'USER',
      id: 'u1',
      name: 'a',
    });
    expect(refreshDelayMs(old, now, true)).toBeNull();
  });

  it('keeps a stored session whose access token expired but whose refresh token may live', () => {
    const stored = readStoredSession(serializeSession(pair(5)), now + 60_000);
    expect(stored).toEqual({ kind: 'stale', session: pair(5) });
  });
});
