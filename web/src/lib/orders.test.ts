import { describe, expect, it } from 'vitest';
import type { OrderState } from '../gql/graphql';
import {
  appendPage,
  countByState,
  itemsLabel,
  mergeSnapshot,
  orderSummary,
  upsertOrder,
  withoutOrder,
  type OrderLike,
} from './orders';

interface TestOrder extends OrderLike {
  queuePosition: number | null;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds)).toISOString();

function order(
  id: string,
  state: OrderState,
  created: number,
  updated = created,
  queuePosition: number | null = null,
): TestOrder {
  return { id, state, createdAt: at(created), updatedAt: at(updated), queuePosition };
}

describe('upsertOrder', () => {
  it('adds a new order at the top and reports it as added', () => {
    const result = upsertOrder([order('1', 'PENDING', 1)], order('2', 'PENDING', 5));
    expect(result.added).toBe(true);
    expect(result.orders.map((o) => o.id)).toEqual(['2', '1']);
  });

  it('applies a newer state and reports the transition', () => {
    const result = upsertOrder([order('1', 'PENDING', 1)], order('1', 'ACCEPTED', 1, 3));
    expect(result.orders[0]?.state).toBe('ACCEPTED');
    expect(result.previousState).toBe('PENDING');
    expect(result.added).toBe(false);
  });

  it('ignores an event older than what it already shows', () => {
    const current = [order('1', 'PROCESSING', 1, 9)];
    const result = upsertOrder(current, order('1', 'ACCEPTED', 1, 3));
    expect(result.orders[0]?.state).toBe('PROCESSING');
    expect(result.previousState).toBeNull();
  });

  it('takes queue moves that keep updatedAt', () => {
    const result = upsertOrder([order('1', 'ACCEPTED', 1, 3, 2)], order('1', 'ACCEPTED', 1, 3, 1));
    expect(result.orders[0]?.queuePosition).toBe(1);
    expect(result.previousState).toBeNull();
  });

  it('does not mutate its input', () => {
    const list = [order('1', 'PENDING', 1)];
    upsertOrder(list, order('1', 'CANCELLED', 1, 2));
    expect(list[0]?.state).toBe('PENDING');
  });
});

describe('mergeSnapshot', () => {
  it('keeps events that overtook the query and sorts newest first', () => {
    const live = [order('2', 'ACCEPTED', 2, 8)];
    const snapshot = [
      order('1', 'COMPLETED', 1, 5),
      order('2', 'PENDING', 2, 2),
      order('3', 'PENDING', 3),
    ];
    const merged = mergeSnapshot(live, snapshot);
    expect(merged.map((o) => [o.id, o.state])).toEqual([
      ['3', 'PENDING'],
      ['2', 'ACCEPTED'],
      ['1', 'COMPLETED'],
    ]);
  });

  it('prefers what it has on a tie so a slow query cannot roll back a queue move', () => {
    const live = [order('1', 'ACCEPTED', 1, 3, 1)];
    expect(mergeSnapshot(live, [order('1', 'ACCEPTED', 1, 3, 2)])[0]?.queuePosition).toBe(1);
  });
});

describe('countByState', () => {
  it('counts every state, zero included', () => {
    const counts = countByState([
      order('1', 'PENDING', 1),
      order('2', 'PENDING', 2),
      order('3', 'COMPLETED', 3),
    ]);
    expect(counts).toEqual({
      PENDING: 2,
      ACCEPTED: 0,
      PROCESSING: 0,
      COMPLETED: 1,
      CANCELLED: 0,
      REJECTED: 0,
    });
  });
});

describe('orderSummary', () => {
  const line = (quantity: number, name: string) => ({ quantity, menuItem: { name } });

  it('names a one-line order by its quantity and item', () => {
    expect(orderSummary([line(3, 'Margherita')])).toBe('3 × Margherita');
  });

  it('counts items in words', () => {
    expect([1, 4].map(itemsLabel)).toEqual(['1 item', '4 items']);
  });

  it('names a basket by its first item and how many more lines it has', () => {
    expect(orderSummary([line(1, 'Margherita'), line(2, 'Garlic Bread'), line(1, 'Cola')])).toBe(
      'Margherita + 2 more',
    );
  });
});

describe('paged history', () => {
  it('appends an older page without repeating an order that moved there live', () => {
    const shown = [order('9', 'COMPLETED', 9, 20), order('5', 'REJECTED', 5)];
    const next = appendPage(shown, [order('5', 'REJECTED', 5), order('3', 'CANCELLED', 3)]);
    expect(next.map((o) => o.id)).toEqual(['9', '5', '3']);
  });

  it('keeps the live copy when a page carries an older one', () => {
    const shown = [order('9', 'COMPLETED', 9, 20)];
    const [kept] = appendPage(shown, [order('9', 'PROCESSING', 9, 15)]);
    expect(kept?.state).toBe('COMPLETED');
  });

  it('takes an order out of a list it moved from', () => {
    const list = [order('2', 'PENDING', 2), order('1', 'ACCEPTED', 1)];
    expect(withoutOrder(list, '2').map((o) => o.id)).toEqual(['1']);
    expect(withoutOrder(list, '7')).toEqual(list);
  });
});
