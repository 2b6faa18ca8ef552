// Reads the environment once into a typed config; every other module takes its settings from here.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export type KitchenMode = 'inline' | 'off';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** undefined: PGlite on disk in dataDir; 'memory://': PGlite in memory; postgres://…: PostgreSQL */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  jwtSecret: string | undefined;
  /** Lifetime of an access token (ACCESS_TOKEN_TTL_SECONDS; JWT_TTL_SECONDS is its older name). */
  jwtTtlSeconds: number;
  /** Lifetime of a refresh token. */
  refreshTokenTtlSeconds: number;
  kitchen: KitchenMode;
  kitchenCapacity: number;
  kitchenPrepMs: number;
  /** Safety-net poll for work another process made (only needed without Redis). */
  kitchenPollMs: number;
  /** The stand-alone kitchen serves /metrics and /healthz on this port (HOST; 0: any free one); unset: none. */
  kitchenMetricsPort: number | undefined;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | undefined;
  /** Pending or accepted orders one customer may hold at one business. */
  maxOpenOrders: number;
  /** A pending order nobody accepted within this is rejected by the system. */
  pendingTimeoutMs: number;
  logLevel: string;
  production: boolean;
  /** Seed demo data on first start. Never in production. */
  seed: boolean;
  /** Folder of the built web app; served at / when it exists. */
  webDir: string;
  /** Loosen login throttling for tests that log in many times. */
  loginMaxFailures: number;
  /** Extra wait per failed login beyond half the allowance (slows guessing before refusing it). */
  loginDelayStepMs: number;
  /** Sign-ups one address may make per hour. */
  signupMaxPerAddress: number;
  /** argon2 hashes run at once (each ~30 ms of a core and 19 MiB); logins queue ahead of sign-ups. */
  passwordHashConcurrency: number;
  trustProxy: boolean;
  /** Prefix of the keys this deployment keeps in Redis (login throttling). */
  redisPrefix: string;
  /** Browser origins other than our own that may call the API (CORS). */
  corsOrigins: string[];
  /** How long a database call may take before it fails as UNAVAILABLE (ms; 0: no limit). */
  dbDeadlines: DbDeadlineSettings;
  /** A GraphQL query not answered within this is answered UNAVAILABLE (ms; 0: no limit). */
  operationDeadlineMs: number;
  /** Webhooks may target http and loopback or private addresses (development and tests). */
  webhookAllowPrivate: boolean;
  /** The first retry of a failed webhook delivery waits this long; each next one doubles. */
  webhookRetryBaseMs: number;
  /** How often the webhook worker looks for due deliveries when it found none. */
  webhookPollMs: number;
  /** How long one delivery may take (tests shorten it; a claim is held twice as long). */
  webhookTimeoutMs: number;
  /** Caps on what one client may hold over WebSocket. */
  webSocket: WebSocketLimits;
}

export interface WebSocketLimits {
  /** Open sockets per client address (the address as HTTP derives it, TRUST_PROXY included). */
  maxConnectionsPerAddress: number;
  /** Operations in flight (mostly subscriptions) on one socket; more are refused. */
  maxSubscriptionsPerConnection: number;
  /** Unsent bytes held for one socket; a socket over this is not reading and is dropped. */
  maxBufferedBytes: number;
}

export interface DbDeadlineSettings {
  /** Waiting for a pooled connection, or for a new one to be established (PostgreSQL). */
  connectMs: number;
  /** One statement, on the server (PostgreSQL's statement_timeout) and, a little later, the client. */
  statementMs: number;
  /** Waiting for a row or table lock (PostgreSQL's lock_timeout). */
  lockMs: number;
  /** A transaction left open with nothing running is ended (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const kitchen = (env.KITCHEN ?? 'inline') as KitchenMode;
  if (kitchen !== 'inline' && kitchen !== 'off') {
    throw new ConfigError(`KITCHEN must be "inline" or "off", got "${String(env.KITCHEN)}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^(memory:\/\/|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be memory:// or a postgres:// URL');
  }
  if (production && !env.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    redisUrl: env.REDIS_URL || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtTtlSeconds: int(
      env,
      env.ACCESS_TOKEN_TTL_SECONDS ? 'ACCESS_TOKEN_TTL_SECONDS' : 'JWT_TTL_SECONDS',
      900,
      1,
    ),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 60 * 60, 1),
    kitchen,
    kitchenCapacity: int(env, 'KITCHEN_CAPACITY', 2, 1),
    kitchenPrepMs: int(env, 'KITCHEN_PREP_MS', 10_000, 1),
    kitchenPollMs: int(env, 'KITCHEN_POLL_MS', 1_000, 10),
    kitchenMetricsPort: env.KITCHEN_METRICS_PORT ? int(env, 'KITCHEN_METRICS_PORT', 0) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    maxOpenOrders: int(env, 'MAX_OPEN_ORDERS', 5, 1),
    pendingTimeoutMs: int(env, 'PENDING_TIMEOUT_MS', 600_000, 1),
    logLevel: env.LOG_LEVEL || 'info',
    production,
    seed: !production && env.SEED !== 'off',
    webDir: path.resolve(env.WEB_DIR || 'web/dist'),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1),
    loginDelayStepMs: int(env, 'LOGIN_DELAY_STEP_MS', 250),
    signupMaxPerAddress: int(env, 'SIGNUP_MAX_PER_ADDRESS', 10, 1),
    passwordHashConcurrency: int(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    redisPrefix: env.REDIS_PREFIX || 'orderly',
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
    webhookRetryBaseMs: int(env, 'WEBHOOK_RETRY_BASE_MS', 5_000, 1),
    webhookPollMs: int(env, 'WEBHOOK_POLL_MS', 250, 10),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    dbDeadlines: {
      connectMs: int(env, 'DB_CONNECT_TIMEOUT_MS', 2_000),
      statementMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 5_000),
      lockMs: int(env, 'DB_LOCK_TIMEOUT_MS', 2_000),
      idleInTransactionMs: int(env, 'DB_IDLE_TX_TIMEOUT_MS', 10_000),
    },
    operationDeadlineMs: int(env, 'OPERATION_DEADLINE_MS', 10_000),
    webSocket: {
      maxConnectionsPerAddress: int(env, 'WS_MAX_CONNECTIONS_PER_ADDRESS', 50, 1),
      maxSubscriptionsPerConnection: int(env, 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 100, 1),
      maxBufferedBytes: int(env, 'WS_MAX_BUFFERED_BYTES', 1024 * 1024, 1024),
    },
  };
}

/** The JWT secret: configured, or generated once and kept in DATA_DIR (never in production). */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.production) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (config.databaseUrl === 'memory://') return randomBytes(32).toString('base64url');
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
