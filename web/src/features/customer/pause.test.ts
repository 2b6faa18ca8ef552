import { describe, expect, it } from 'vitest';
import { closedOrdering, pauseText, reopensInMs } from './pause';

const now = new Date(2026, 11, 2, 18, 0).getTime();
const at = (hours: number, minutes = 0, dayOffset = 0) =>
  new Date(2026, 11, 2 + dayOffset, hours, minutes).toISOString();

describe('pauseText', () => {
  it('says nothing while the restaurant is open', () => {
    expect(pauseText({ open: true, reason: null, until: null }, now)).toBeNull();
  });

  it('names the time it reopens and the reason', () => {
    expect(
      pauseText({ open: false, reason: 'Out of dough', until: at(19, 30) }, now, 'en-GB'),
    ).toBe('Not taking orders until 19:30 — Out of dough');
  });

  it('says "for now" without a time, and leaves out an empty reason', () => {
    expect(pauseText({ open: false, reason: '  ', until: null }, now)).toBe(
      'Not taking orders for now',
    );
  });

  it('names the day when it reopens on another day', () => {
    expect(pauseText({ open: false, reason: null, until: at(9, 0, 1) }, now, 'en-GB')).toBe(
      'Not taking orders until Thu 09:00',
    );
  });
});

describe('reopensInMs', () => {
  it('counts down to until, and is null when open or open-ended', () => {
    expect(reopensInMs({ open: false, reason: null, until: at(18, 30) }, now)).toBe(1_800_000);
    expect(reopensInMs({ open: false, reason: null, until: null }, now)).toBeNull();
    expect(reopensInMs({ open: true, reason: null, until: null }, now)).toBeNull();
  });
});

describe('closedOrdering', () => {
  it('reads the reason and until of a CLOSED refusal', () => {
    const until = at(19, 30);
    expect(
      closedOrdering({
        graphQLErrors: [
          {
            message: 'Not taking orders',
            extensions: { code: 'CLOSED', reason: 'Swamped', until },
          },
        ],
      }),
    ).toEqual({ open: false, reason: 'Swamped', until });
  });

  it('is null for other refusals', () => {
    expect(
      closedOrdering({ graphQLErrors: [{ message: 'x', extensions: { code: 'OUT_OF_STOCK' } }] }),
    ).toBeNull();
  });
});
