// Structured JSON logs (pretty in a terminal during development); secrets are censored by key.
import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, at whatever depth (to MAX_DEPTH) they sit. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'password',
  'token',
  'authorization',
  'password_hash',
]);
const CENSOR = '[redacted]';
/** Objects below this depth are not looked into (nor written: pino stops at cycles itself). */
const MAX_DEPTH = 5;

export function createLogger(
  level: string,
  options: {
    pretty?: boolean;
    destination?: pino.DestinationStream;
    /** How long a line may wait in stdout's buffer (tests lengthen it). */
    flushEveryMs?: number;
  } = {},
): Logger {
  // pino's own `redact` (by path, with wildcards for "at any key") cost 8–10 µs a line, most of
  // an access line's cost on a request answered from memory; this walk costs well under 1 µs
  // for a line with nothing to censor, and censors at any depth rather than at listed paths.
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'orderly' },
    formatters: { log: redactSecrets, bindings: redactSecrets },
  };
  if (options.destination) return pino(settings, options.destination);
  const pretty = options.pretty ?? (process.stdout.isTTY && process.env.NODE_ENV !== 'production');
  if (!pretty) return bufferedLogger(settings, options.flushEveryMs ?? FLUSH_EVERY_MS);
  return pino({
    ...settings,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } },
  });
}

/** Lines gathered before they are written to stdout, and how long they may wait at most. */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 250;

/**
 * Logs to stdout in writes of about 4 KiB rather than one write per line: a write is a system
 * call, and one per request cost more than the rest of an answer kept in memory (a kept menu went
 * from about 30% to about 45% of a bare server). Lines wait at most a quarter of a second; a
 * warning or worse is written at once with those before it, and whatever waits is written as the
 * process exits.
 */
function bufferedLogger(settings: pino.LoggerOptions, flushEveryMs: number): Logger {
  const destination = bufferedStdout(flushEveryMs);
  return pino(
    {
      ...settings,
      hooks: {
        logMethod(args, method, level) {
          method.apply(this, args);
          if (level >= pino.levels.values.warn!) destination.flush();
        },
      },
    },
    destination,
  );
}

/** One buffer for stdout per process, however many loggers write to it (lines stay in order). */
let stdoutBuffer: ReturnType<typeof pino.destination> | undefined;
function bufferedStdout(flushEveryMs: number) {
  if (stdoutBuffer) return stdoutBuffer;
  const destination = pino.destination({ dest: 1, sync: true, minLength: BUFFER_BYTES });
  setInterval(() => destination.flush(), flushEveryMs).unref();
  process.once('exit', () => destination.flushSync());
  return (stdoutBuffer = destination);
}

/**
 * The object with every secret key's value censored, to MAX_DEPTH: the object itself when there
 * is none (the common case, no copy), else a copy; what the caller logged is never changed.
 */
export function redactSecrets<T extends Record<string, unknown>>(object: T): T {
  return censored(object, 0) as T;
}

function censored(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const inner = censored(value[i], depth + 1);
      if (inner !== value[i]) (copy ??= [...value])[i] = inner;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    const inner = object[key];
    const out = SECRET_KEYS.has(key) && inner !== undefined ? CENSOR : censored(inner, depth + 1);
    if (out !== inner) (copy ??= copyOf(object))[key] = out;
  }
  return copy ?? value;
}

/** A plain copy; an Error keeps what pino's serializer reads (its type, message and stack). */
function copyOf(object: Record<string, unknown>): Record<string, unknown> {
  if (!(object instanceof Error)) return { ...object };
  const error = Object.assign(Object.create(Object.getPrototypeOf(object) as object), object);
  for (const key of ['name', 'message', 'stack', 'cause'] as const) {
    if (key in object) error[key] = (object as unknown as Record<string, unknown>)[key];
  }
  return error as Record<string, unknown>;
}
