import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

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
});
