import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateQueue, spotAtEnd } from './queue.js';

describe('estimateQueue', () => {
  const base = { now: 1_000, capacity: 2, prepMs: 100 };

  it('puts waiting orders into free slots at once', () => {
    const spots = estimateQueue({ ...base, cooking: [], waiting: ['a', 'b', 'c'] });
    expect(spots.get('a')).toEqual({ position: 1, readyAt: 1_100 });
    expect(spots.get('b')).toEqual({ position: 2, readyAt: 1_100 });
    expect(spots.get('c')).toEqual({ position: 3, readyAt: 1_200 });
  });

  it('waits for the slot that frees first', () => {
    const spots = estimateQueue({
      ...base,
      cooking: [
        { id: 'x', dueAt: 1_080 },
        { id: 'y', dueAt: 1_030 },
      ],
      waiting: ['a', 'b', 'c'],
    });
    expect(spots.get('x')).toEqual({ position: 0, readyAt: 1_080 });
    expect(spots.get('a')!.readyAt).toBe(1_130);
    expect(spots.get('b')!.readyAt).toBe(1_180);
    expect(spots.get('c')!.readyAt).toBe(1_230);
  });

  it('never promises an overdue order for the past', () => {
    const spots = estimateQueue({ ...base, cooking: [{ id: 'x', dueAt: 900 }], waiting: [] });
    expect(spots.get('x')).toEqual({ position: 0, readyAt: 1_000 });
  });

  it('queues behind every slot when capacity is one', () => {
    const spots = estimateQueue({
      ...base,
      capacity: 1,
      cooking: [{ id: 'x', dueAt: 1_050 }],
      waiting: ['a', 'b'],
    });
    expect(spots.get('a')).toEqual({ position: 1, readyAt: 1_150 });
    expect(spots.get('b')).toEqual({ position: 2, readyAt: 1_250 });
  });
});

describe('spotAtEnd', () => {
  it('gives the end of the line the spot estimateQueue gives it, for any oven and line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.array(fc.integer({ min: -30_000, max: 60_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        (capacity, prepMs, dueOffsets, ahead) => {
          const now = 1_000_000;
          const cooking = dueOffsets.map((offset, i) => ({ id: `c${i}`, dueAt: now + offset }));
          const waiting = Array.from({ length: ahead + 1 }, (_, i) => `w${i}`);
          const all = estimateQueue({ now, capacity, prepMs, cooking, waiting });
          const spot = spotAtEnd({
            now,
            capacity,
            prepMs,
            cooking: cooking.map((c) => c.dueAt),
            ahead,
          });
          expect(spot).toEqual(all.get(`w${ahead}`));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
