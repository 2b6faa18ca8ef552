// Small input checks shared by the services. Each throws the domain error the SPEC names.
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

export function requireInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${field} must be an integer from ${min} to ${max}`, { field });
  }
  return value;
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

// Control characters (C0, DEL, C1) have no place in names shown to people.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

export function requireText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a string`, { field });
  const length = charLength(value);
  if (length < min || length > max) {
    throw new BadRequestError(`${field} must be ${min}–${max} characters`, { field });
  }
  if (CONTROL.test(value)) {
    throw new BadRequestError(`${field} must not contain control characters`, { field });
  }
  if (value.trim() !== value || value.trim() === '') {
    throw new BadRequestError(`${field} must not start or end with spaces`, { field });
  }
  return value;
}
