// The business board: orders grouped into columns and oven slots, header figures, ticket urgency.
import type { OrderLike } from './orders';
import { toMs } from './time';

export interface BoardOrder extends OrderLike {
  queuePosition: number | null;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

/** How much the board reads and draws: live orders in full, finished ones only the last few. */
export const BOARD_LIMITS = {
  /** Live orders read per state (the board's query; more than a kitchen can have open). */
  live: 100,
  /** Orders in the oven read at once (more than any kitchen's capacity). */
  cooking: 20,
  /** Done, rejected and cancelled orders kept on the board. */
  finished: 6,
  /** Tickets a New or Accepted column draws before "+N more". */
  column: 6,
} as const;

export interface BoardColumns<T extends BoardOrder> {
  /** PENDING, newest first: a new order lands at the top, where the eye is. */
  fresh: T[];
  /** ACCEPTED, in kitchen order (queue position, then acceptance time). */
  queued: T[];
  /** One entry per oven slot (`capacity` of them, more if the server says so); null = free. */
  oven: (T | null)[];
  /** COMPLETED, most recent first, the last few only. */
  done: T[];
  /** CANCELLED and REJECTED, most recent first. */
  closed: T[];
}

const time = (iso: string | null | undefined) => toMs(iso) ?? 0;

export function boardColumns<T extends BoardOrder>(
  orders: readonly T[],
  capacity: number,
  doneLimit: number = BOARD_LIMITS.finished,
): BoardColumns<T> {
  const fresh = orders
    .filter((o) => o.state === 'PENDING')
    .sort((a, b) => time(b.createdAt) - time(a.createdAt));
  const queued = orders
    .filter((o) => o.state === 'ACCEPTED')
    .sort(
      (a, b) =>
        (a.queuePosition ?? Number.MAX_SAFE_INTEGER) -
          (b.queuePosition ?? Number.MAX_SAFE_INTEGER) || time(a.acceptedAt) - time(b.acceptedAt),
    );
  const cooking = orders
    .filter((o) => o.state === 'PROCESSING')
    .sort((a, b) => time(a.startedAt) - time(b.startedAt));
  const slots = Math.max(capacity, cooking.length);
  const oven: (T | null)[] = Array.from({ length: slots }, (_, i) => cooking[i] ?? null);
  const done = orders
    .filter((o) => o.state === 'COMPLETED')
    .sort((a, b) => time(b.completedAt ?? b.updatedAt) - time(a.completedAt ?? a.updatedAt))
    .slice(0, doneLimit);
  const closed = orders
    .filter((o) => o.state === 'CANCELLED' || o.state === 'REJECTED')
    .sort((a, b) => time(b.updatedAt) - time(a.updatedAt))
    .slice(0, doneLimit);
  return { fresh, queued, oven, done, closed };
}

const FINISHED = new Set(['COMPLETED', 'CANCELLED', 'REJECTED']);

/**
 * Drops finished orders beyond the last `keep` of each final state, so a board left open all
 * night holds what it shows, not every order of the evening.
 */
export function trimFinished<T extends BoardOrder>(
  orders: readonly T[],
  keep: number = BOARD_LIMITS.finished,
): T[] {
  const newest = (o: T) => time(o.completedAt ?? o.updatedAt);
  const kept = new Set<string>();
  for (const state of FINISHED) {
    orders
      .filter((o) => o.state === state)
      .sort((a, b) => newest(b) - newest(a))
      .slice(0, keep)
      .forEach((o) => kept.add(o.id));
  }
  return orders.filter((o) => !FINISHED.has(o.state) || kept.has(o.id));
}

export interface CappedColumn<T> {
  shown: T[];
  /** How many are left out ("+N more"). */
  hidden: number;
}

/** The first `limit` tickets of a column, unless the person asked to see them all. */
export function capColumn<T>(
  items: readonly T[],
  expanded: boolean,
  limit: number = BOARD_LIMITS.column,
): CappedColumn<T> {
  if (expanded || items.length <= limit) return { shown: [...items], hidden: 0 };
  return { shown: items.slice(0, limit), hidden: items.length - limit };
}

/** The id of the ticket to focus once `id` left its column: the one after it, else before it. */
export function nextFocus(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id);
  if (index === -1) return ids[0] ?? null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}

export interface HeaderFigures {
  /** Pending plus accepted-but-not-cooking. */
  waiting: number;
  cooking: number;
  completedToday: number;
  /** Mean accepted → completed over today's completed orders, or null when there are none. */
  averageTurnaroundMs: number | null;
}

function sameLocalDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return (
    x.getFullYear() === y.getFullYear() &&
    x.getMonth() === y.getMonth() &&
    x.getDate() === y.getDate()
  );
}

export function headerFigures(orders: readonly BoardOrder[], now: number): HeaderFigures {
  let waiting = 0;
  let cooking = 0;
  let completedToday = 0;
  let turnaroundTotal = 0;
  let turnaroundCount = 0;
  for (const order of orders) {
    if (order.state === 'PENDING' || order.state === 'ACCEPTED') waiting += 1;
    if (order.state === 'PROCESSING') cooking += 1;
    if (order.state !== 'COMPLETED') continue;
    const completedAt = toMs(order.completedAt ?? order.updatedAt);
    if (completedAt === null || !sameLocalDay(completedAt, now)) continue;
    completedToday += 1;
    const acceptedAt = toMs(order.acceptedAt);
    if (acceptedAt !== null && completedAt >= acceptedAt) {
      turnaroundTotal += completedAt - acceptedAt;
      turnaroundCount += 1;
    }
  }
  return {
    waiting,
    cooking,
    completedToday,
    averageTurnaroundMs:
      turnaroundCount === 0 ? null : Math.round(turnaroundTotal / turnaroundCount),
  };
}

export type Urgency = 'calm' | 'amber' | 'red';

/**
 * How worried a ticket should look after waiting `waitedMs`: amber past one prep time, red past
 * two — an order waiting longer than it takes to cook it is the one a kitchen must look at.
 */
export function ticketUrgency(waitedMs: number, prepTimeMs: number): Urgency {
  const unit = Math.max(1, prepTimeMs);
  if (waitedMs >= 2 * unit) return 'red';
  if (waitedMs >= unit) return 'amber';
  return 'calm';
}

/** Cooking tickets turn amber near their due time and red once overdue. */
export function cookingUrgency(remainingMs: number, prepTimeMs: number): Urgency {
  if (remainingMs <= 0) return 'red';
  if (remainingMs <= Math.max(1, prepTimeMs) * 0.2) return 'amber';
  return 'calm';
}

/** Urgency in words, beside its colour: colour alone says nothing to some eyes. */
export function urgencyLabel(urgency: Urgency): string | null {
  switch (urgency) {
    case 'calm':
      return null;
    case 'amber':
      return 'Late';
    case 'red':
      return 'Very late';
  }
}

export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
