// Driver errors that mean the database is away, full or too slow, rather than that the request was
// wrong: they become UNAVAILABLE. A dropped connection also proves that nothing uncommitted survived,
// which makes a read or an unfinished transaction safe to run again.
import { DomainError, UnavailableError } from '../errors.js';
import type { DependencyWatch } from '../outages.js';

/**
 * dropped: the connection broke (nothing uncommitted survived); unreachable: no connection can be
 * made; stalled: no answer within the client's own deadline; timeout: the server gave up a statement
 * (its deadline, a lock wait, or memory); full: no disk space left.
 */
export type Unavailability = 'dropped' | 'unreachable' | 'stalled' | 'timeout' | 'full';

/** A problem with the data directory of embedded PGlite, reported at start-up with its path. */
export class DataDirError extends Error {}

export class DataDirLockedError extends DataDirError {
  /** `holder`: who has it, e.g. "process 1234" or "process 1234 on web-2". */
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(`DATA_DIR ${dataDir} is in use by ${holder}; stop it or use another DATA_DIR`);
  }
}

export class DataDirFullError extends DataDirError {
  constructor(readonly dataDir: string) {
    super(`cannot write to DATA_DIR ${dataDir}: the disk is full`);
  }
}

// SQLSTATE classes and codes (PostgreSQL appendix A).
const DROPPED_CODES = /^(08|57P01|57P02)/; // connection exception, admin or crash shutdown
const UNREACHABLE_CODES = new Set(['57P03', '53300']); // cannot connect now, too many connections
const TIMEOUT_CODES = new Set(['57014', '55P03', '53200']); // statement timeout, lock timeout, OOM
const FULL_CODES = new Set(['53100']); // disk_full
const DROPPED_SYSCALLS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const UNREACHABLE_SYSCALLS = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** Emscripten's errno for ENOSPC, as PGlite's file system reports it. */
const WASM_ENOSPC = 51;

export function unavailability(error: unknown): Unavailability | null {
  if (typeof error !== 'object' || error === null || error instanceof DomainError) return null;
  // Node's connect to a name with several addresses fails with all of their errors.
  if (error instanceof AggregateError) return unavailability(error.errors[0]);
  const { code, errno, name, message } = error as {
    code?: unknown;
    errno?: unknown;
    name?: unknown;
    message?: unknown;
  };
  if (typeof code === 'string') {
    if (FULL_CODES.has(code) || code === 'ENOSPC') return 'full';
    if (TIMEOUT_CODES.has(code)) return 'timeout';
    if (UNREACHABLE_CODES.has(code) || UNREACHABLE_SYSCALLS.has(code)) return 'unreachable';
    if (DROPPED_CODES.test(code) || DROPPED_SYSCALLS.has(code)) return 'dropped';
  }
  if (name === 'ErrnoError' && errno === WASM_ENOSPC) return 'full';
  if (typeof message !== 'string') return null;
  // node-postgres reports these with no code.
  if (
    /timeout exceeded when trying to connect|due to connection timeout|Query read timeout/.test(
      message,
    )
  )
    return 'stalled';
  if (/Connection terminated|not queryable|Connection ended/.test(message)) return 'dropped';
  return null;
}

const MESSAGES: Record<Unavailability, string> = {
  dropped: 'The connection to the database was lost; try again shortly',
  unreachable: 'The database is unavailable; try again shortly',
  stalled: 'The database did not answer in time; try again shortly',
  timeout: 'The database did not answer in time; try again shortly',
  full: 'The database has run out of disk space; try again later',
};

/** The UNAVAILABLE error a driver error stands for, or the error itself when it is not one. */
export function asUnavailable(error: unknown, cause: unknown = error): unknown {
  if (error instanceof UnavailableError) return error;
  const kind = unavailability(error);
  if (!kind) return error;
  return new UnavailableError(MESSAGES[kind], {
    retryAfterSeconds: kind === 'full' ? 60 : 2,
    cause,
  });
}

/** The error to throw for a failure, noting the outage when it is one the database is having. */
export function failure(watch: DependencyWatch, error: unknown, cause: unknown = error): unknown {
  const translated = asUnavailable(error, cause);
  // A statement or lock timeout is this call's trouble, not an outage.
  if (translated !== error && unavailability(error) !== 'timeout') watch.failed(cause);
  return translated;
}

/** What `orderly` prints when it cannot start for one of these reasons; undefined for a surprise. */
export function startupRefusal(error: unknown): string | undefined {
  if (error instanceof DataDirError) return error.message;
  if (!(error instanceof UnavailableError)) return undefined;
  if (error.cause instanceof DataDirError) return error.cause.message;
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
