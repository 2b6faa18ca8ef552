import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { AuthService } from './auth.service.js';
import { createLoginThrottle } from './login-throttle.js';

describe('token verification', () => {
  const clock = { now: () => Date.now() };
  beforeEach(() => {
    clock.now = () => Date.now();
  });
  const auth = (ttlSeconds: number, secret = 'a-test-secret-that-is-long-enough-1234') =>
    new AuthService({
      db: {} as Db,
      secret,
      ttlSeconds,
      clock,
      throttle: createLoginThrottle({
        maxFailuresPerName: 5,
        maxFailuresPerAddress: 50,
        windowSeconds: 60,
        delayStepMs: 0,
      }),
    });
  const alice = {
    role: 'user',
    id: '6a0c6f8e-1f51-4c55-9d43-2f3c1f6f0b11',
    name: 'alice',
  } as const;

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
});
