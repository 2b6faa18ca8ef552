// Limits password checks, counting each attempt atomically BEFORE its check (rate-limiter-flexible's
// consume: one INCR in Redis, or in memory), so a burst of concurrent attempts gets no more checks
// than the limit. Three counts: per name and address (refuses), per address over all names (refuses),
// and a slower global brake per name that only ever waits, so a stranger's failures from elsewhere
// cannot lock the owner out. Sign-ups are counted per address the same way. Counted in Redis when
// there is one, so the count holds across processes; while Redis is away each process counts in its
// own memory instead (the insurance limiter), so logins go on.
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import { RateLimitedError } from '../errors.js';

export interface LoginThrottle {
  /**
   * Counts a login attempt before its password is checked: waits (slowing a guesser) or throws
   * RATE_LIMITED. A failed attempt stays counted; succeeded() gives a good one back.
   */
  beforeAttempt(nameKey: string, address: string): Promise<void>;
  /** The attempt was the owner's: its counts are given back. */
  succeeded(nameKey: string, address: string): Promise<void>;
  /** Counts a sign-up from the address before any work is done for it; throws RATE_LIMITED. */
  beforeSignUp(address: string): Promise<void>;
}

export interface ThrottleOptions {
  /** Attempts per name from one address before refusing (per window). */
  maxFailuresPerName: number;
  /** Attempts per address over all names before refusing (per window). */
  maxFailuresPerAddress: number;
  /**
   * Attempts per name from all addresses before each further one waits a delay step longer (up to
   * eight steps); never refused. Default: four times maxFailuresPerName.
   */
  globalNameAllowance?: number;
  /** Sign-ups per address per signUpWindowSeconds (default 10 an hour). */
  maxSignUpsPerAddress?: number;
  signUpWindowSeconds?: number;
  windowSeconds: number;
  /** Extra delay per attempt beyond half the allowance (per name and address), in ms. */
  delayStepMs: number;
  redis?: Redis | undefined;
  keyPrefix?: string;
  sleep?: (ms: number) => Promise<void>;
}

/** A brake never refuses; this bounds only the count it keeps. */
const UNBOUNDED_POINTS = 1_000_000_000;
const MAX_DELAY_STEPS = 8;

export function createLoginThrottle(options: ThrottleOptions): LoginThrottle {
  const make = (
    points: number,
    keyPrefix: string,
    duration = options.windowSeconds,
  ): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!options.redis) return memory;
    return new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix,
      points,
      duration,
      // Not connected: go straight to the insurance limiter rather than to a command that fails.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  const prefix = options.keyPrefix ?? 'orderly';
  const perName = options.maxFailuresPerName;
  const globalAllowance = options.globalNameAllowance ?? perName * 4;
  const byNameAndAddress = make(perName, `${prefix}:login-name-ip`);
  const byAddress = make(options.maxFailuresPerAddress, `${prefix}:login-ip`);
  const byName = make(UNBOUNDED_POINTS, `${prefix}:login-name`);
  const signUps = make(
    options.maxSignUpsPerAddress ?? 10,
    `${prefix}:signup-ip`,
    options.signUpWindowSeconds ?? 3600,
  );
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const pairKey = (nameKey: string, address: string) => `${nameKey}|${address}`;

  const delay = (attempt: number, freeAttempts: number) =>
    Math.min(Math.max(0, attempt - freeAttempts), MAX_DELAY_STEPS) * options.delayStepMs;

  /** consume, with a refusal as RATE_LIMITED carrying the wait. */
  const consume = async (limiter: RateLimiterAbstract, key: string, message: string) => {
    try {
      return await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new RateLimitedError(message, {
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      });
    }
  };
  const giveBack = (limiter: RateLimiterAbstract, key: string) =>
    limiter.reward(key, 1).catch(() => undefined);

  return {
    async beforeAttempt(nameKey, address) {
      const refusal = 'Too many failed logins; try again later';
      // Counted in order, each given back if a later one refuses, so a refused attempt costs nothing.
      const pair = await consume(byNameAndAddress, pairKey(nameKey, address), refusal);
      try {
        await consume(byAddress, address, refusal);
      } catch (error) {
        await giveBack(byNameAndAddress, pairKey(nameKey, address));
        throw error;
      }
      const global = await byName.consume(nameKey);
      const wait = Math.max(
        delay(pair.consumedPoints - 1, Math.floor(perName / 2)),
        delay(global.consumedPoints - 1, globalAllowance),
      );
      if (wait > 0) await sleep(wait);
    },
    async succeeded(nameKey, address) {
      await Promise.all([
        byNameAndAddress.delete(pairKey(nameKey, address)),
        giveBack(byAddress, address),
        giveBack(byName, nameKey),
      ]);
    },
    async beforeSignUp(address) {
      await consume(signUps, address, 'Too many sign-ups from this address; try again later');
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
