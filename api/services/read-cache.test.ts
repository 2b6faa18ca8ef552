// One kind of read kept in memory, with plain functions for loads: bounded, aged, shared while
// loading, and never filled by a load that began before an invalidation.
import { beforeEach, describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('a read cache', () => {
  let now = 0;
  let serving = true;
  const cache = (capacity: number, maxAgeMs = 60_000) =>
    new ReadCache<string>({
      serving: () => serving,
      now: () => now,
      capacity,
      maxAgeMs,
    });
  beforeEach(() => {
    now = 0;
    serving = true;
  });

  it('keeps at most its capacity, dropping the least recently read', async () => {
    const kept = cache(2);
    let loads = 0;
    const load = (value: string) => async () => (loads++, value);
    await kept.get('a', load('A'));
    await kept.get('b', load('B'));
    await kept.get('a', load('A'));
    await kept.get('c', load('C'));
    expect(kept.size).toBe(2);
    expect(loads).toBe(3);
    expect(await kept.get('a', load('A'))).toBe('A');
    expect(loads).toBe(3);
    expect(await kept.get('b', load('B2'))).toBe('B2');
    expect(loads).toBe(4);
  });

  it('reads again after its maximum age, and never keeps nothing-found', async () => {
    const kept = cache(10, 1000);
    let loads = 0;
    await kept.get('a', async () => (loads++, 'A'));
    now = 999;
    await kept.get('a', async () => (loads++, 'A'));
    expect(loads).toBe(1);
    now = 1000;
    await kept.get('a', async () => (loads++, 'A'));
    expect(loads).toBe(2);
    expect(await kept.get('missing', async () => null)).toBeNull();
    expect(kept.size).toBe(1);
  });

  it('shares one load between the reads that miss meanwhile, and forgets it on a change', async () => {
    const kept = cache(10);
    let loads = 0;
    let finish = (_value: string) => undefined as void;
    const slow = () =>
      new Promise<string>((resolve) => {
        loads++;
        finish = resolve;
      });
    const first = kept.get('a', slow);
    const joined = kept.get('a', slow);
    expect(loads).toBe(1);
    kept.forget('a');
    const fresh = kept.get('a', async () => (loads++, 'new'));
    finish('old');
    expect([await first, await joined, await fresh]).toEqual(['old', 'old', 'new']);
    expect(await kept.get('a', async () => (loads++, 'newer'))).toBe('new');
    expect(loads).toBe(2);
  });

  it('loads the missing keys of a batch together and keeps each', async () => {
    const kept = cache(10);
    const batches: string[][] = [];
    const load = async (missing: string[]) => (
      batches.push(missing),
      new Map(missing.filter((k) => k !== 'x').map((k) => [k, k.toUpperCase()]))
    );
    await kept.get('a', async () => 'A');
    const values = await kept.getMany(['a', 'b', 'c', 'b', 'x'], load);
    expect([...values]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ]);
    expect(batches).toEqual([['b', 'c', 'x']]);
    await kept.getMany(['c', 'b'], load);
    expect(batches).toHaveLength(1);
  });
});
