import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../tests/helpers/stores.js';
import { connectThrottleRedis, createLoginThrottle } from './login-throttle.js';

describe('login throttle', () => {
  const make = () => {
    const waits: number[] = [];
    const throttle = createLoginThrottle({
      maxFailuresPerName: 6,
      maxFailuresPerAddress: 20,
      windowSeconds: 60,
      delayStepMs: 250,
      sleep: async (ms) => void waits.push(ms),
    });
    return { throttle, waits };
  };

  it('waits longer after each failure past half the allowance, then refuses', async () => {
    const { throttle, waits } = make();
    for (let i = 0; i < 6; i++) await throttle.beforeAttempt('user:alice', '10.0.0.1');
    expect(waits).toEqual([250, 500]);
    await expect(throttle.beforeAttempt('user:alice', '10.0.0.1')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // The owner elsewhere is not locked out by a stranger's guesses.
    await expect(throttle.beforeAttempt('user:alice', '10.0.0.2')).resolves.toBeUndefined();
  });

  it('slows, but never refuses, a name guessed at from many addresses', async () => {
    const { throttle, waits } = make();
    // The global allowance is four times the per-name one: 25 attempts go unhindered.
    for (let i = 0; i < 40; i++) await throttle.beforeAttempt('user:dora', `10.3.0.${i}`);
    expect(waits).toHaveLength(15);
    expect(waits.slice(0, 4)).toEqual([250, 500, 750, 1000]);
    expect(waits.at(-1)).toBe(8 * 250);
  });

  it('gives no burst of concurrent attempts more checks than the limit', async () => {
    const { throttle } = make();
    const results = await Promise.allSettled(
      Array.from({ length: 400 }, () => throttle.beforeAttempt('user:erin', '10.4.0.1')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
  });

  it('refuses the eleventh sign-up from one address, not one from another', async () => {
    const { throttle } = make();
    for (let i = 0; i < 10; i++) await throttle.beforeSignUp('10.5.0.1');
    await expect(throttle.beforeSignUp('10.5.0.1')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
    });
    await expect(throttle.beforeSignUp('10.5.0.2')).resolves.toBeUndefined();
  });

  it("forgets a name's failures after a success", async () => {
    const { throttle, waits } = make();
    for (let i = 0; i < 5; i++) await throttle.beforeAttempt('user:bob', '10.0.1.1');
    expect(waits).toEqual([250]);
    await throttle.succeeded('user:bob', '10.0.1.1');
    await throttle.beforeAttempt('user:bob', '10.0.1.1');
    expect(waits).toEqual([250]);
  });

  it('refuses an address that fails on many names', async () => {
    const { throttle } = make();
    for (let i = 0; i < 20; i++) await throttle.beforeAttempt(`user:guess-${i}`, '10.9.9.9');
    await expect(throttle.beforeAttempt('user:someone', '10.9.9.9')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(throttle.beforeAttempt('user:someone', '10.9.9.8')).resolves.toBeUndefined();
  });

  it('counts failures in memory while Redis is away, so logins go on and guessing is still refused', async () => {
    // Nothing listens on port 1: the client never becomes ready.
    const redis = connectThrottleRedis('redis://127.0.0.1:1');
    try {
      const throttle = createLoginThrottle({
        maxFailuresPerName: 3,
        maxFailuresPerAddress: 30,
        windowSeconds: 60,
        delayStepMs: 0,
        redis,
        sleep: async () => undefined,
      });
      for (let i = 0; i < 3; i++) {
        await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).resolves.toBeUndefined();
      }
      await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      await throttle.succeeded('user:carol', '10.1.0.1');
      await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).resolves.toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });

  it.skipIf(!TEST_REDIS_URL)(
    'gives no burst more checks than the limit when counted in Redis, over two processes',
    async () => {
      const keyPrefix = `test-${randomBytes(4).toString('hex')}`;
      const clients = [
        connectThrottleRedis(TEST_REDIS_URL!),
        connectThrottleRedis(TEST_REDIS_URL!),
      ];
      try {
        await Promise.all(clients.map((c) => once(c, 'ready')));
        const [one, two] = clients.map((redis) =>
          createLoginThrottle({
            maxFailuresPerName: 5,
            maxFailuresPerAddress: 1000,
            windowSeconds: 60,
            delayStepMs: 0,
            redis,
            keyPrefix,
          }),
        );
        const results = await Promise.allSettled(
          Array.from({ length: 400 }, (_, i) =>
            (i % 2 ? one! : two!).beforeAttempt('user:frank', '10.6.0.1'),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      } finally {
        for (const c of clients) c.disconnect();
      }
    },
  );
});
