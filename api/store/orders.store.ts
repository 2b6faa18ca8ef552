// SQL for orders and their events. Every state change is a conditional update on the current state.
import type { Actor, OrderEventView, OrderState, OrderView } from '../services/types.js';
import type { Queryable } from './db.js';
import { ORDER_COLUMNS, ORDER_FROM, toOrderView, type OrderRow } from './rows.js';

export interface ReservedItem {
  id: string;
  business_id: string;
  price: string;
}

/** Takes `quantity` from stock if there is enough; null when there is not (or no such item). */
export async function reserveStock(
  tx: Queryable,
  menuItemId: string,
  quantity: number,
  now: string,
): Promise<ReservedItem | null> {
  const rows = await tx.query<ReservedItem>(
    `UPDATE menu_items SET in_store = in_store - $2, updated_at = $3::timestamptz
      WHERE id = $1 AND in_store >= $2
      RETURNING id, business_id, price::text AS price`,
    [menuItemId, quantity, now],
  );
  return rows[0] ?? null;
}

export async function releaseStock(
  tx: Queryable,
  menuItemId: string,
  quantity: number,
  now: string,
) {
  await tx.query(
    `UPDATE menu_items SET in_store = in_store + $2, updated_at = $3::timestamptz WHERE id = $1`,
    [menuItemId, quantity, now],
  );
}

export async function stockOf(q: Queryable, menuItemId: string): Promise<number | null> {
  const rows = await q.query<{ in_store: number }>(
    'SELECT in_store FROM menu_items WHERE id = $1',
    [menuItemId],
  );
  return rows[0]?.in_store ?? null;
}

export async function insertOrder(
  tx: Queryable,
  order: {
    userId: string;
    item: ReservedItem;
    quantity: number;
    now: string;
  },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::numeric, 'pending', $6::timestamptz, $6::timestamptz)
     RETURNING id`,
    [
      order.userId,
      order.item.business_id,
      order.item.id,
      order.quantity,
      order.item.price,
      order.now,
    ],
  );
  return rows[0]!.id;
}

export interface EventRecord {
  orderId: string;
  from: OrderState | null;
  to: OrderState;
  actor: Actor;
  actorId: string | null;
  requestId: string | null;
  at: string;
}

export async function insertEvent(tx: Queryable, e: EventRecord): Promise<void> {
  await tx.query(
    `INSERT INTO order_events (order_id, from_state, to_state, actor, actor_id, request_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)`,
    [e.orderId, e.from, e.to, e.actor, e.actorId, e.requestId, e.at],
  );
}

export async function findIdempotentOrder(
  q: Queryable,
  userId: string,
  key: string,
): Promise<string | null> {
  const rows = await q.query<{ order_id: string }>(
    'SELECT order_id FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [userId, key],
  );
  return rows[0]?.order_id ?? null;
}

/** Records the key; false when a concurrent request recorded it first. */
export async function claimIdempotencyKey(
  tx: Queryable,
  userId: string,
  key: string,
  orderId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, order_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING order_id`,
    [userId, key, orderId],
  );
  return rows.length === 1;
}

export type Owner = { column: 'user_id' | 'business_id'; id: string };

export interface TransitionedOrder {
  id: string;
  quantity: number;
  menu_item_id: string;
  business_id: string;
}

const STAMP: Record<OrderState, string> = {
  pending: '',
  accepted: `, accepted_at = $4::timestamptz, accept_seq = nextval('orders_accept_seq')`,
  processing: '',
  completed: ', finished_at = $4::timestamptz',
  cancelled: ', finished_at = $4::timestamptz',
  rejected: ', finished_at = $4::timestamptz',
};

/** Moves an order of `owner` from one of `from` to `to`; null if it is not theirs or not in such a state. */
export async function transitionOrder(
  tx: Queryable,
  orderId: string,
  owner: Owner,
  from: readonly OrderState[],
  to: OrderState,
  now: string,
): Promise<TransitionedOrder | null> {
  const rows = await tx.query<TransitionedOrder>(
    `UPDATE orders SET state = $3, updated_at = $4::timestamptz${STAMP[to]}
      WHERE id = $1 AND ${owner.column} = $2 AND state = ANY($5::text[])
      RETURNING id, quantity, menu_item_id, business_id`,
    [orderId, owner.id, to, now, from],
  );
  return rows[0] ?? null;
}

export async function stateOf(
  q: Queryable,
  orderId: string,
  owner: Owner,
): Promise<OrderState | null> {
  const rows = await q.query<{ state: OrderState }>(
    `SELECT state FROM orders WHERE id = $1 AND ${owner.column} = $2`,
    [orderId, owner.id],
  );
  return rows[0]?.state ?? null;
}

export async function selectOrders(
  q: Queryable,
  where: string,
  params: readonly unknown[],
  limit = 500,
): Promise<OrderView[]> {
  const rows = await q.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE ${where}
     ORDER BY o.created_at DESC, o.id DESC LIMIT ${Math.trunc(limit)}`,
    params,
  );
  return rows.map(toOrderView);
}

export interface LiveOrder {
  id: string;
  business_id: string;
  state: OrderState;
  due_at: Date | null;
}

/** The live orders of some businesses in kitchen order: oven, then accepted, then pending. */
export async function selectLiveOrders(q: Queryable, businessIds: readonly string[]) {
  return q.query<LiveOrder>(
    `SELECT id, business_id, state, due_at FROM orders
      WHERE business_id = ANY($1::uuid[]) AND state IN ('pending', 'accepted', 'processing')
      ORDER BY CASE state WHEN 'processing' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END,
               due_at, accept_seq, created_at, id`,
    [businessIds],
  );
}

export async function selectHistory(q: Queryable, orderId: string): Promise<OrderEventView[]> {
  const rows = await q.query<{
    at: Date;
    from_state: OrderState | null;
    to_state: OrderState;
    actor: Actor;
  }>('SELECT at, from_state, to_state, actor FROM order_events WHERE order_id = $1 ORDER BY id', [
    orderId,
  ]);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    from: r.from_state,
    to: r.to_state,
    actor: r.actor,
  }));
}

export async function kitchenLoad(q: Queryable, businessId: string) {
  const rows = await q.query<{ state: OrderState; n: number }>(
    `SELECT state, count(*)::int AS n FROM orders
      WHERE business_id = $1 AND state IN ('accepted', 'processing') GROUP BY state`,
    [businessId],
  );
  const count = (state: OrderState) => rows.find((r) => r.state === state)?.n ?? 0;
  return { queued: count('accepted'), cooking: count('processing') };
}
