// Small input checks shared by the services. Each throws the domain error clients are told of.
import { charLength, hasControlCharacters } from '../domain/limits.js';
import { BadRequestError, NotFoundError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An id that cannot exist is simply not found: the caller learns nothing more. */
export function requireId(value: unknown, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(`${what} not found`);
  return value.toLowerCase();
}

/** `lines[0].quantity` as a message names it is `lines.0.quantity` as data. */
const fieldPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

export function requireInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${field} must be an integer from ${min} to ${max}`, {
      field: fieldPath(field),
    });
  }
  return value;
}

export function requireText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a string`, { field });
  const length = charLength(value);
  if (length < min || length > max) {
    throw new BadRequestError(`${field} must be ${min}–${max} characters`, { field });
  }
  if (hasControlCharacters(value)) {
    throw new BadRequestError(`${field} must not contain control characters`, { field });
  }
  if (value.trim() !== value || value.trim() === '') {
    throw new BadRequestError(`${field} must not start or end with spaces`, { field });
  }
  return value;
}

/** Optional free text (a reason, a note): absent or empty is null; otherwise at most `max` characters. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null || value === '') return null;
  const refuse = (problem: string) =>
    new BadRequestError(`${field} ${problem}`, { field: fieldPath(field) });
  if (typeof value !== 'string') throw refuse('must be a string');
  if (charLength(value) > max) throw refuse(`must be at most ${max} characters`);
  if (hasControlCharacters(value)) throw refuse('must not contain control characters');
  return value;
}
