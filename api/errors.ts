// Domain errors: one class per code, mapped once to REST (status + body) and once to GraphQL (extensions.code).
import { GraphQLError } from 'graphql';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  OUT_OF_STOCK: 409,
  INVALID_STATE: 409,
  CONFLICT: 409,
  CLOSED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes clients are promised (INTERNAL is only ever a masked surprise). */
export const SPEC_ERROR_CODES = Object.keys(ERROR_STATUS).filter(
  (c) => c !== 'INTERNAL',
) as Exclude<ErrorCode, 'INTERNAL'>[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

export abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode;
  /** The HTTP status of the REST answer; the code's own unless a subclass is more precise. */
  abstract readonly status: number;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }
  override toJSON() {
    return { message: this.message, extensions: { ...this.extensions, code: this.code } };
  }
}

function defineError<C extends ErrorCode>(
  code: C,
  name: string,
  status: number = ERROR_STATUS[code],
) {
  const Class = class extends DomainError {
    readonly code = code;
    readonly status = status;
    constructor(message: string, extensions: Record<string, unknown> = {}) {
      super(message, { ...extensions, code });
      this.name = name;
    }
  };
  Object.defineProperty(Class, 'name', { value: name });
  return Class;
}

export const BadRequestError = defineError('BAD_REQUEST', 'BadRequestError');
export const UnauthenticatedError = defineError('UNAUTHENTICATED', 'UnauthenticatedError');
export const ForbiddenError = defineError('FORBIDDEN', 'ForbiddenError');
export const NotFoundError = defineError('NOT_FOUND', 'NotFoundError');
export const OutOfStockError = defineError('OUT_OF_STOCK', 'OutOfStockError');
export const InvalidStateError = defineError('INVALID_STATE', 'InvalidStateError');
export const ConflictError = defineError('CONFLICT', 'ConflictError');
export const RateLimitedError = defineError('RATE_LIMITED', 'RateLimitedError');
export const ClosedError = defineError('CLOSED', 'ClosedError');

/**
 * A dependency (the database, its disk, Redis) is down, full or too slow: nothing is wrong with the
 * request, and sending it again after `retryAfterSeconds` is the remedy. The driver's error is kept
 * as `cause` for the logs, never shown.
 */
export class UnavailableError extends defineError('UNAVAILABLE', 'UnavailableError') {
  readonly retryAfterSeconds: number;
  constructor(message: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    const retryAfterSeconds = options.retryAfterSeconds ?? 2;
    super(message, { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

// Refusals of the HTTP layer keep the code BAD_REQUEST (the set of codes is closed) with the more precise status.
export const PayloadTooLargeError = defineError('BAD_REQUEST', 'PayloadTooLargeError', 413);
export const UnsupportedMediaTypeError = defineError(
  'BAD_REQUEST',
  'UnsupportedMediaTypeError',
  415,
);

/** The REST error body: `{"error":{"code","message"}}`. */
export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/**
 * The client code of an error coming out of graphql-js: a domain error's own code; a request error
 * (syntax, validation, variable coercion; no resolver involved) is BAD_REQUEST; anything else is INTERNAL.
 */
export function errorCodeOf(error: GraphQLError): ErrorCode {
  const original = error.originalError;
  if (original instanceof DomainError) return original.code;
  if (error instanceof DomainError) return error.code;
  const code = error.extensions?.code;
  if (isErrorCode(code)) return code;
  // Syntax, validation and variable errors come with no resolver path and no original error.
  if (!original && !error.path) return 'BAD_REQUEST';
  if (
    original instanceof GraphQLError &&
    !original.path &&
    !(original as GraphQLError).originalError
  ) {
    return 'BAD_REQUEST';
  }
  return 'INTERNAL';
}
