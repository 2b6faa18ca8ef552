import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accounts from '../store/accounts.store.js';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { SignJWT } from 'jose';
import { AuthService, JWT_AUDIENCE, JWT_ISSUER } from './auth.service.js';
import { createLoginThrottle } from './login-throttle.js';

describe('token verification and sessions', () => {
  const clock = { now: () => Date.now() };
  let db: Db;
  let alice: { role: 'user'; id: string; name: string };
  beforeAll(async () => {
    db = await openDb({ url: 'memory://', dataDir: '' });
    await migrate(db);
    const id = await accounts.insertAccount(db, 'user', 'alice', 'not-a-hash');
    alice = { role: 'user', id: id!, name: 'alice' };
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    clock.now = () => Date.now();
  });
  const auth = (ttlSeconds: number, secret = 'a-test-secret-that-is-long-enough-1234') =>
    new AuthService({
      db,
      secret,
      ttlSeconds,
      refreshTtlSeconds: 3600,
      clock,
      throttle: createLoginThrottle({
        maxFailuresPerName: 5,
        maxFailuresPerAddress: 50,
        windowSeconds: 60,
        delayStepMs: 0,
      }),
    });
  it('answers a token it verified before without checking it again, and still refuses forgeries', async () => {
    const service = auth(60);
    const { token } = await service.issue(alice);
    const first = await service.verify(token);
    expect(first).toMatchObject(alice);
    expect(await service.verify(token)).toBe(first);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(service.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const otherKey = await auth(60, 'another-secret-that-is-long-enough-5678').issue(alice);
    await expect(service.verify(otherKey.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a remembered token once it expires', async () => {
    let now = Date.parse('2026-11-26T12:00:00.250Z');
    clock.now = () => now;
    const service = auth(60);
    const { token } = await service.issue(alice);
    now += 59_000;
    await expect(service.verify(token)).resolves.toMatchObject(alice);
    now += 1_000; // the token's expiry, to the second
    await expect(service.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Your session has expired',
    });
  });

  it('rotates the refresh token, and ends the whole session when a retired one comes back', async () => {
    const service = auth(60);
    const login = await service.issue(alice);
    const second = await service.refresh(login.refreshToken);
    expect(second).toMatchObject({ ...alice, expiresAt: expect.any(String) });
    expect(second.refreshToken).not.toBe(login.refreshToken);
    const third = await service.refresh(second.refreshToken);
    // The first token again: somebody kept a copy. Its session ends, the live token with it.
    await expect(service.refresh(login.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(service.refresh(third.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(stored.some((r) => r.token_hash === login.refreshToken)).toBe(false);
  });

  it('ends a session on logout, and refuses an expired refresh token', async () => {
    const service = auth(60);
    const login = await service.issue(alice);
    expect(await service.logout(login.refreshToken)).toBe(true);
    await expect(service.refresh(login.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await service.logout('never-issued-token-0123456789')).toBe(false);
    let now = Date.now();
    clock.now = () => now;
    const later = await service.issue(alice);
    now += 3601_000;
    await expect(service.refresh(later.refreshToken)).rejects.toMatchObject({
      message: 'This session has expired; log in again',
    });
  });

  it('refuses with 401 a well-signed token whose subject is gone or not an id', async () => {
    const service = auth(60);
    const ghost = await service.issue({
      role: 'user',
      id: '00000000-0000-4000-8000-000000000000',
      name: 'ghost',
    });
    await expect(service.verify(ghost.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'This account no longer exists',
    });
    const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough-1234');
    const malformed = await new SignJWT({ role: 'user', name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject("1' OR '1'='1")
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setExpirationTime('1m')
      .sign(secret);
    await expect(service.verify(malformed)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
