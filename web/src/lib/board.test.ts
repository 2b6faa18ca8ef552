import { describe, expect, it } from 'vitest';
import type { OrderState } from '../gql/graphql';
import {
  boardColumns,
  capColumn,
  cookingUrgency,
  headerFigures,
  nextFocus,
  ticketUrgency,
  titleWithCount,
  trimFinished,
  urgencyLabel,
  type BoardOrder,
} from './board';

const base = Date.UTC(2026, 0, 1, 12, 0, 0);
const at = (seconds: number | null) =>
  seconds === null ? null : new Date(base + seconds * 1000).toISOString();

function ticket(
  id: string,
  state: OrderState,
  times: {
    created?: number;
    accepted?: number;
    started?: number;
    completed?: number;
    queue?: number;
  } = {},
): BoardOrder {
  const created = times.created ?? 0;
  return {
    id,
    state,
    createdAt: at(created)!,
    updatedAt: at(times.completed ?? times.started ?? times.accepted ?? created)!,
    acceptedAt: at(times.accepted ?? null),
    startedAt: at(times.started ?? null),
    completedAt: at(times.completed ?? null),
    queuePosition: times.queue ?? null,
  };
}

describe('boardColumns', () => {
  const orders = [
    ticket('p2', 'PENDING', { created: 20 }),
    ticket('p1', 'PENDING', { created: 10 }),
    ticket('a2', 'ACCEPTED', { created: 1, accepted: 5, queue: 2 }),
    ticket('a1', 'ACCEPTED', { created: 2, accepted: 6, queue: 1 }),
    ticket('c1', 'PROCESSING', { created: 0, accepted: 1, started: 2 }),
    ticket('d1', 'COMPLETED', { created: 0, accepted: 1, started: 2, completed: 12 }),
    ticket('d2', 'COMPLETED', { created: 0, accepted: 1, started: 3, completed: 13 }),
    ticket('x1', 'CANCELLED', { created: 4 }),
    ticket('r1', 'REJECTED', { created: 3 }),
  ];

  it('puts new orders newest first and the queue in kitchen order', () => {
    const columns = boardColumns(orders, 2);
    expect(columns.fresh.map((o) => o.id)).toEqual(['p2', 'p1']);
    expect(columns.queued.map((o) => o.id)).toEqual(['a1', 'a2']);
  });

  it('draws every oven slot, free ones as null', () => {
    expect(boardColumns(orders, 2).oven.map((o) => o?.id ?? null)).toEqual(['c1', null]);
    expect(boardColumns(orders, 3).oven).toHaveLength(3);
    expect(boardColumns([], 2).oven).toEqual([null, null]);
  });

  it('never hides a cooking order even if the server reports more than capacity', () => {
    const busy = [
      ticket('c1', 'PROCESSING', { started: 1 }),
      ticket('c2', 'PROCESSING', { started: 2 }),
    ];
    expect(boardColumns(busy, 1).oven.map((o) => o?.id)).toEqual(['c1', 'c2']);
  });

  it('keeps the last few done, newest first, and collects closed orders', () => {
    const columns = boardColumns(orders, 2, 1);
    expect(columns.done.map((o) => o.id)).toEqual(['d2']);
    expect(columns.closed.map((o) => o.id)).toEqual(['x1']);
    expect(
      boardColumns(orders, 2)
        .closed.map((o) => o.id)
        .sort(),
    ).toEqual(['r1', 'x1']);
  });
});

describe('a board at volume', () => {
  const many = (state: OrderState, count: number) =>
    Array.from({ length: count }, (_, i) =>
      ticket(`${state}-${i}`, state, { created: i, accepted: i, started: i, completed: i }),
    );

  it('keeps only the last few of each finished state, and every live order', () => {
    const orders = [
      ...many('PENDING', 40),
      ...many('COMPLETED', 200),
      ...many('REJECTED', 50),
      ...many('CANCELLED', 50),
    ];
    const kept = trimFinished(orders, 6);
    expect(kept.filter((o) => o.state === 'PENDING')).toHaveLength(40);
    expect(kept.filter((o) => o.state === 'COMPLETED').map((o) => o.id)).toEqual(
      [194, 195, 196, 197, 198, 199].map((i) => `COMPLETED-${i}`),
    );
    expect(kept.filter((o) => o.state === 'REJECTED')).toHaveLength(6);
    expect(kept.filter((o) => o.state === 'CANCELLED')).toHaveLength(6);
  });

  it('caps a long column with a count of the rest, unless expanded', () => {
    const ids = Array.from({ length: 40 }, (_, i) => i);
    expect(capColumn(ids, false, 6)).toEqual({ shown: [0, 1, 2, 3, 4, 5], hidden: 34 });
    expect(capColumn(ids, true, 6).shown).toHaveLength(40);
    expect(capColumn(ids.slice(0, 6), false, 6)).toEqual({ shown: ids.slice(0, 6), hidden: 0 });
  });

  it('moves focus to the next ticket, or the one before the last', () => {
    expect(nextFocus(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextFocus(['a', 'b', 'c'], 'c')).toBe('b');
    expect(nextFocus(['a'], 'a')).toBeNull();
    expect(nextFocus(['a', 'b'], 'gone')).toBe('a');
  });
});

describe('headerFigures', () => {
  it('counts waiting orders and averages accepted → completed for today', () => {
    const figures = headerFigures(
      [
        ticket('p', 'PENDING'),
        ticket('a', 'ACCEPTED', { accepted: 1 }),
        ticket('c', 'PROCESSING', { accepted: 1, started: 2 }),
        ticket('d1', 'COMPLETED', { accepted: 0, completed: 10 }),
        ticket('d2', 'COMPLETED', { accepted: 10, completed: 30 }),
      ],
      base + 60_000,
    );
    expect(figures).toEqual({
      waiting: 2,
      cooking: 1,
      completedToday: 2,
      averageTurnaroundMs: 15_000,
    });
  });

  it('has no average before the first completion of the day', () => {
    const yesterday = ticket('d', 'COMPLETED', { accepted: -90_000, completed: -86_400 - 60 });
    expect(headerFigures([yesterday], base).averageTurnaroundMs).toBeNull();
  });
});

describe('ticket timers', () => {
  it('turn amber past one prep time and red past two', () => {
    expect(ticketUrgency(9_999, 10_000)).toBe('calm');
    expect(ticketUrgency(10_000, 10_000)).toBe('amber');
    expect(ticketUrgency(20_000, 10_000)).toBe('red');
  });

  it('say their urgency in words too, not by colour alone', () => {
    expect(urgencyLabel('calm')).toBeNull();
    expect(urgencyLabel('amber')).toBe('Late');
    expect(urgencyLabel('red')).toBe('Very late');
  });

  it('warn when a cooking order nears or passes its due time', () => {
    expect(cookingUrgency(5_000, 10_000)).toBe('calm');
    expect(cookingUrgency(1_500, 10_000)).toBe('amber');
    expect(cookingUrgency(0, 10_000)).toBe('red');
  });
});

describe('unseen orders in the tab title', () => {
  it('puts the count of unseen orders in front of the title', () => {
    expect(titleWithCount('Board · Orderly', 2)).toBe('(2) Board · Orderly');
    expect(titleWithCount('Board · Orderly', 0)).toBe('Board · Orderly');
  });
});
