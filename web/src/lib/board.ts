// The business board: orders grouped into columns and oven slots, header figures, ticket urgency.
import type { OrderLike } from './orders';
import { toMs } from './time';

export interface BoardOrder extends OrderLike {
  queuePosition: number | null;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface BoardColumns<T extends BoardOrder> {
  /** PENDING, oldest first: first come, first served. */
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
  doneLimit = 6,
): BoardColumns<T> {
  const fresh = orders
    .filter((o) => o.state === 'PENDING')
    .sort((a, b) => time(a.createdAt) - time(b.createdAt));
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
    .sort((a, b) => time(b.updatedAt) - time(a.updatedAt));
  return { fresh, queued, oven, done, closed };
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

export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
