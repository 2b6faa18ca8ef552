import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';

const placed = { to: 'PENDING', actor: 'USER', reason: null } as const;

describe('outcomeOf', () => {
  it('says the restaurant declined, with its reason', () => {
    expect(
      outcomeOf({
        state: 'REJECTED',
        history: [placed, { to: 'REJECTED', actor: 'BUSINESS', reason: 'Out of dough' }],
      }),
    ).toEqual({
      headline: 'Declined by the restaurant — you have not been charged.',
      reason: 'Out of dough',
    });
  });

  it('says a system rejection was not confirmed in time', () => {
    const outcome = outcomeOf({
      state: 'REJECTED',
      history: [placed, { to: 'REJECTED', actor: 'SYSTEM', reason: 'Not accepted within 10 min' }],
    });
    expect(outcome?.headline).toMatch(/^Not confirmed in time/);
    expect(outcome?.reason).toBe('Not accepted within 10 min');
  });

  it('names who cancelled, and has no reason when none was given', () => {
    expect(
      outcomeOf({ state: 'CANCELLED', history: [placed, { to: 'CANCELLED', actor: 'USER' }] }),
    ).toEqual({ headline: 'Cancelled — nothing will be cooked.', reason: null });
    expect(
      outcomeOf({
        state: 'CANCELLED',
        history: [placed, { to: 'CANCELLED', actor: 'BUSINESS', reason: ' ' }],
      })?.headline,
    ).toMatch(/by the restaurant/);
  });

  it('is null for an order still going or ready', () => {
    expect(outcomeOf({ state: 'COMPLETED', history: [placed] })).toBeNull();
  });
});
