import { describe, expect, it } from 'vitest';
import {
  describeError,
  ERROR_CODES,
  failureKind,
  fieldErrors,
  formatWait,
  lockoutMessage,
  retryAfterSeconds,
  shortItem,
  type ErrorLike,
} from './errors';

const withCode = (
  code: string,
  message = 'server said no',
  extra: Record<string, unknown> = {},
): ErrorLike => ({
  graphQLErrors: [{ message, extensions: { code, ...extra } }],
});

describe('failureKind', () => {
  it('reads extensions.code, then network errors', () => {
    expect(failureKind(withCode('OUT_OF_STOCK'))).toBe('OUT_OF_STOCK');
    expect(failureKind({ networkError: new Error('Failed to fetch'), graphQLErrors: [] })).toBe(
      'NETWORK',
    );
    expect(failureKind(withCode('SOMETHING_NEW'))).toBe('UNKNOWN');
  });
});

describe('describeError', () => {
  it('never shows a bare code for any known code', () => {
    for (const code of ERROR_CODES) {
      const message = describeError(withCode(code), { action: 'placeOrder' });
      expect(message).not.toContain(code);
      expect(message.length).toBeGreaterThan(10);
    }
  });

  it('says how many are left when an order is out of stock', () => {
    expect(describeError(withCode('OUT_OF_STOCK'), { action: 'placeOrder', inStore: 3 })).toBe(
      'Sorry, only 3 left. Lower the quantity and try again.',
    );
    expect(describeError(withCode('OUT_OF_STOCK'), { action: 'placeOrder', inStore: 0 })).toBe(
      'Sorry, this has just sold out.',
    );
    expect(describeError(withCode('OUT_OF_STOCK'), { action: 'placeOrder' })).toMatch(
      /not enough in stock/,
    );
  });

  it('trusts the count the server sends over the one on screen', () => {
    const refusal = withCode('OUT_OF_STOCK', 'Only 1 left; you asked for 2', { available: 1 });
    expect(describeError(refusal, { action: 'placeOrder', inStore: 5 })).toBe(
      'Sorry, only 1 left. Lower the quantity and try again.',
    );
  });

  it('names the short item of a basket, as the server identifies it', () => {
    const refusal = withCode('OUT_OF_STOCK', 'Only 2 Lemonade left; you asked for 3', {
      available: 2,
      menuItemId: 'lemonade-id',
      item: 'Lemonade',
    });
    expect(shortItem(refusal)).toEqual({ menuItemId: 'lemonade-id', name: 'Lemonade' });
    expect(describeError(refusal, { action: 'placeOrder', nameItem: true })).toBe(
      'Sorry, only 2 Lemonade left. Lower the quantity and try again.',
    );
    expect(describeError(refusal, { action: 'placeOrder' })).toBe(
      'Sorry, only 2 left. Lower the quantity and try again.',
    );
    const soldOut = withCode('OUT_OF_STOCK', 'Lemonade is sold out', {
      available: 0,
      item: 'Lemonade',
    });
    expect(describeError(soldOut, { action: 'placeOrder', nameItem: true })).toBe(
      'Sorry, Lemonade has just sold out.',
    );
    expect(shortItem(withCode('NOT_FOUND'))).toBeNull();
  });

  it('explains why a cancel was refused', () => {
    expect(
      describeError(withCode('INVALID_STATE'), { action: 'cancelOrder', state: 'ACCEPTED' }),
    ).toBe('The kitchen has accepted your order, so it can no longer be cancelled.');
    expect(
      describeError(withCode('INVALID_STATE'), { action: 'cancelOrder', state: 'REJECTED' }),
    ).toMatch(/declined/);
  });

  it('tells a failed login apart from an expired session', () => {
    expect(describeError(withCode('UNAUTHENTICATED'), { action: 'login' })).toMatch(/do not match/);
    expect(describeError(withCode('UNAUTHENTICATED'), { action: 'load' })).toMatch(
      /session has expired/,
    );
  });

  it('names a taken name on sign-up and a slow-down on rate limits', () => {
    expect(describeError(withCode('CONFLICT'), { action: 'signUp' })).toMatch(/already taken/);
    expect(describeError(withCode('RATE_LIMITED'), { action: 'login' })).toMatch(/wait a minute/);
  });

  it('explains network failures in words', () => {
    expect(describeError({ networkError: new Error('x') }, { action: 'load' })).toMatch(
      /cannot be reached/,
    );
  });
});

describe('fieldErrors', () => {
  it('prefers extensions.field and strips the path from the message', () => {
    expect(
      fieldErrors(
        withCode('BAD_REQUEST', 'items[1].price: must be ≥ 0 with at most two decimals', {
          field: 'items.1.price',
        }),
      ),
    ).toEqual([{ field: 'items.1.price', message: 'must be ≥ 0 with at most two decimals' }]);
  });

  it('falls back to parsing the message', () => {
    expect(fieldErrors(withCode('BAD_REQUEST', 'items[0].name: must be 1–100 characters'))).toEqual(
      [{ field: 'items.0.name', message: 'must be 1–100 characters' }],
    );
  });

  it('ignores other codes and messages without a path', () => {
    expect(fieldErrors(withCode('OUT_OF_STOCK', 'items[0].name: x'))).toEqual([]);
    expect(fieldErrors(withCode('BAD_REQUEST', 'bad input'))).toEqual([]);
  });
});

describe('login lock-out', () => {
  it('reads the wait the server imposes from extensions.retryAfterSeconds', () => {
    expect(
      retryAfterSeconds(withCode('RATE_LIMITED', 'slow down', { retryAfterSeconds: 270 })),
    ).toBe(270);
    expect(
      retryAfterSeconds(withCode('RATE_LIMITED', 'slow down', { retryAfterSeconds: 2.2 })),
    ).toBe(3);
    expect(retryAfterSeconds(withCode('RATE_LIMITED'))).toBeNull();
  });

  it('says the wait as people do', () => {
    expect(formatWait(45)).toBe('45 s');
    expect(formatWait(270)).toBe('4 min 30 s');
    expect(formatWait(120)).toBe('2 min');
    expect(formatWait(3_900)).toBe('1 h 5 min');
    expect(formatWait(0.4)).toBe('1 s');
  });

  it('counts down to the end of the lock', () => {
    const until = 1_000_000 + 270_000;
    expect(lockoutMessage(until, 1_000_000)).toBe('Too many attempts — try again in 4 min 30 s');
    expect(lockoutMessage(until, 1_000_000 + 269_500)).toBe('Too many attempts — try again in 1 s');
  });
});
