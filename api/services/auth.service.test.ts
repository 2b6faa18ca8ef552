import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accounts from '../store/accounts.store.js';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { SignJWT } from 'jose';
import { AuthService, JWT_AUDIENCE, JWT_ISSUER } from './auth.service.js';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.js';
import { createPasswordQueue } from './password-queue.js';

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

describe('sign-up and login', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({ url: 'memory://', dataDir: '' });
    await migrate(db);
  });
  afterAll(() => db?.close());

  /** A throttle that records what it was asked, and when, against the password checks. */
  const recording = () => {
    const calls: string[] = [];
    const throttle: LoginThrottle = {
      beforeAttempt: async (key, address) => void calls.push(`attempt ${key} ${address}`),
      succeeded: async (key) => void calls.push(`succeeded ${key}`),
      beforeSignUp: async (address) => void calls.push(`sign-up ${address}`),
    };
    return { calls, throttle };
  };
  const service = (throttle: LoginThrottle) =>
    new AuthService({
      db,
      secret: 'a-test-secret-that-is-long-enough-1234',
      ttlSeconds: 60,
      refreshTtlSeconds: 3600,
      throttle,
      passwords: createPasswordQueue(1),
    });

  it('keeps a name in its NFKC form and refuses a look-alike of it with CONFLICT', async () => {
    const { calls, throttle } = recording();
    const auth = service(throttle);
    expect((await auth.signUp('user', 'Ｈｅｉｄｉ', 'heidi-pass', '10.0.0.1')).name).toBe('Heidi');
    await expect(auth.signUp('user', 'HEID\u0406', 'heidi-pass', '10.0.0.1')).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    expect(calls).toEqual(['sign-up 10.0.0.1', 'sign-up 10.0.0.1']);
  });

  it('refuses a hidden character with BAD_REQUEST before counting a sign-up or hashing', async () => {
    const { calls, throttle } = recording();
    await expect(
      service(throttle).signUp('user', 'ivan\u200b', 'ivan-pass-1', '10.0.0.2'),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'name must not contain control, invisible or text-direction characters',
    });
    expect(calls).toEqual([]);
  });

  it('counts a login under the name’s look-alike key, before the password is checked', async () => {
    const { calls, throttle } = recording();
    const auth = service(throttle);
    await auth.signUp('user', 'judy', 'judy-pass-1', '10.0.0.3');
    await expect(auth.login('user', 'JUDY', 'wrong-pass', '10.0.0.4')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect((await auth.login('user', 'ｊｕｄｙ', 'judy-pass-1', '10.0.0.4')).name).toBe('judy');
    expect(calls.slice(1)).toEqual([
      'attempt user:judy 10.0.0.4',
      'attempt user:judy 10.0.0.4',
      'succeeded user:judy',
    ]);
  });
});
