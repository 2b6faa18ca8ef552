import { describe, expect, it } from 'vitest';
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
    for (let i = 0; i < 6; i++) {
      await throttle.beforeAttempt('user:alice', '10.0.0.1');
      await throttle.failed('user:alice', '10.0.0.1');
    }
    expect(waits).toEqual([250, 500]);
    await expect(throttle.beforeAttempt('user:alice', '10.0.0.2')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it("forgets a name's failures after a success", async () => {
    const { throttle, waits } = make();
    for (let i = 0; i < 5; i++) await throttle.failed('user:bob', `10.0.1.${i}`);
    await throttle.succeeded('user:bob');
    await throttle.beforeAttempt('user:bob', '10.0.2.1');
    expect(waits).toEqual([]);
  });

  it('refuses an address that fails on many names', async () => {
    const { throttle } = make();
    for (let i = 0; i < 20; i++) await throttle.failed(`user:guess-${i}`, '10.9.9.9');
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
      await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).resolves.toBeUndefined();
      for (let i = 0; i < 3; i++) await throttle.failed('user:carol', '10.1.0.1');
      await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      await throttle.succeeded('user:carol');
      await expect(throttle.beforeAttempt('user:carol', '10.1.0.1')).resolves.toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });
});
