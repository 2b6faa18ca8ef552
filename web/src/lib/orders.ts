// Keeps a live list of orders: merges query snapshots and subscription events, newest first.
import type { OrderState } from '../gql/graphql';

export interface OrderLike {
  id: string;
  state: OrderState;
  createdAt: string;
  updatedAt: string;
}

/** Who wins when both copies carry the same `updatedAt` (queue moves keep updatedAt). */
export type TieBreak = 'incoming' | 'existing';

function isNewer(incoming: OrderLike, existing: OrderLike, tie: TieBreak): boolean {
  const a = Date.parse(incoming.updatedAt);
  const b = Date.parse(existing.updatedAt);
  if (a !== b) return a > b;
  return tie === 'incoming';
}

function byNewestFirst(a: OrderLike, b: OrderLike): number {
  const diff = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (diff !== 0) return diff;
  return b.id.localeCompare(a.id, undefined, { numeric: true });
}

export interface UpsertResult<T> {
  orders: T[];
  /** True when the order was not in the list before. */
  added: boolean;
  /** The state it had before, when it changed state. */
  previousState: OrderState | null;
}

/** Applies one order (an event or a mutation result); stale copies never overwrite newer ones. */
export function upsertOrder<T extends OrderLike>(
  orders: readonly T[],
  incoming: T,
  tie: TieBreak = 'incoming',
): UpsertResult<T> {
  const index = orders.findIndex((order) => order.id === incoming.id);
  if (index === -1) {
    return { orders: [...orders, incoming].sort(byNewestFirst), added: true, previousState: null };
  }
  const existing = orders[index]!;
  if (!isNewer(incoming, existing, tie))
    return { orders: [...orders], added: false, previousState: null };
  const next = [...orders];
  next[index] = incoming;
  return {
    orders: next,
    added: false,
    previousState: existing.state === incoming.state ? null : existing.state,
  };
}

/** Merges a fresh query result; events that arrived while it was in flight are kept. */
export function mergeSnapshot<T extends OrderLike>(
  orders: readonly T[],
  snapshot: readonly T[],
): T[] {
  let next = [...orders];
  for (const order of snapshot) next = upsertOrder(next, order, 'existing').orders;
  return next.sort(byNewestFirst);
}

export function countByState(orders: readonly OrderLike[]): Record<OrderState, number> {
  const counts: Record<OrderState, number> = {
    PENDING: 0,
    ACCEPTED: 0,
    PROCESSING: 0,
    COMPLETED: 0,
    CANCELLED: 0,
    REJECTED: 0,
  };
  for (const order of orders) counts[order.state] += 1;
  return counts;
}

export interface SummaryLine {
  quantity: number;
  menuItem: { name: string };
}

/** How an order reads in a heading or a toast: "3 × Margherita", or "Margherita + 2 more". */
export function orderSummary(lines: readonly SummaryLine[]): string {
  const [first, ...rest] = lines;
  if (!first) return 'An empty order';
  if (rest.length === 0) return `${first.quantity} × ${first.menuItem.name}`;
  return `${first.menuItem.name} + ${rest.length} more`;
}

/** "1 item", "3 items". */
export function itemsLabel(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'}`;
}

/** The list without the order `id` (it moved to another list). */
export function withoutOrder<T extends { id: string }>(orders: readonly T[], id: string): T[] {
  return orders.some((order) => order.id === id)
    ? orders.filter((order) => order.id !== id)
    : [...orders];
}

/** Appends a page of older orders; ones already shown (moved there live) are not repeated. */
export function appendPage<T extends OrderLike>(orders: readonly T[], page: readonly T[]): T[] {
  let next = [...orders];
  for (const order of page) next = upsertOrder(next, order, 'existing').orders;
  return next;
}
