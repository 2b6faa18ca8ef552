import { describe, expect, it } from 'vitest';
import { stockDelta, upsertMenuItem } from './menu';

const item = (id: string, inStore: number) => ({
  id,
  name: `Item ${id}`,
  price: 5,
  inStore,
  imageUrl: '',
});

describe('upsertMenuItem', () => {
  it('updates stock in place, keeping the menu order', () => {
    const menu = [item('1', 5), item('2', 3)];
    expect(upsertMenuItem(menu, item('1', 0)).map((i) => [i.id, i.inStore])).toEqual([
      ['1', 0],
      ['2', 3],
    ]);
    expect(menu[0]?.inStore).toBe(5);
  });

  it('appends items the business just created', () => {
    expect(upsertMenuItem([item('1', 5)], item('9', 2)).map((i) => i.id)).toEqual(['1', '9']);
  });

  it('reports how stock moved', () => {
    expect(stockDelta(item('1', 5), item('1', 3))).toBe(-2);
    expect(stockDelta(undefined, item('1', 3))).toBe(0);
  });
});
