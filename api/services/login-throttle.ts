// Slows, then refuses, repeated failed logins per account name and per client address. Counted in
// Redis when there is one, so the count holds across processes; while Redis is away each process
// counts in its own memory instead (rate-limiter-flexible's insurance limiter), so logins go on.
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import { RateLimitedError } from '../errors.js';

export interface LoginThrottle {
  /** Waits (slowing a guesser) or throws RATE_LIMITED before a login attempt is checked. */
  beforeAttempt(nameKey: string, address: string): Promise<void>;
  failed(nameKey: string, address: string): Promise<void>;
  succeeded(nameKey: string): Promise<void>;
}

export interface ThrottleOptions {
  /** Failures per name before refusing (per window). */
  maxFailuresPerName: number;
  /** Failures per address before refusing (per window); an address may try many names. */
  maxFailuresPerAddress: number;
  windowSeconds: number;
  /** Extra delay per failure beyond half the allowance, in ms. */
  delayStepMs: number;
  redis?: Redis | undefined;
  keyPrefix?: string;
  sleep?: (ms: number) => Promise<void>;
}

export function createLoginThrottle(options: ThrottleOptions): LoginThrottle {
  const make = (points: number, keyPrefix: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: options.windowSeconds });
    if (!options.redis) return memory;
    return new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix,
      points,
      duration: options.windowSeconds,
      // Not connected: go straight to the insurance limiter rather than to a command that fails.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  const prefix = options.keyPrefix ?? 'orderly';
  const byName = make(options.maxFailuresPerName, `${prefix}:login-fail-name`);
  const byAddress = make(options.maxFailuresPerAddress, `${prefix}:login-fail-ip`);
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));

  const refused = (msBeforeNext: number) =>
    new RateLimitedError('Too many failed logins; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
    });

  return {
    async beforeAttempt(nameKey, address) {
      const [name, ip] = await Promise.all([byName.get(nameKey), byAddress.get(address)]);
      const nameFailures = name?.consumedPoints ?? 0;
      const ipFailures = ip?.consumedPoints ?? 0;
      if (nameFailures >= options.maxFailuresPerName) throw refused(name?.msBeforeNext ?? 0);
      if (ipFailures >= options.maxFailuresPerAddress) throw refused(ip?.msBeforeNext ?? 0);
      const over = nameFailures - Math.floor(options.maxFailuresPerName / 2);
      if (over > 0) await sleep(Math.min(over * options.delayStepMs, 8 * options.delayStepMs));
    },
    async failed(nameKey, address) {
      await Promise.all([byName.penalty(nameKey, 1), byAddress.penalty(address, 1)]);
    },
    async succeeded(nameKey) {
      await byName.delete(nameKey);
    },
  };
}

/** Redis for throttling: commands fail fast while it is away (never queued), and so fall back. */
export function connectThrottleRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // A Redis that accepts but never answers would hold every login; give up and count locally.
    commandTimeout: 1_000,
  });
  // ioredis reconnects on its own; an 'error' event without a listener would end the process.
  redis.on('error', () => undefined);
  return redis;
}
