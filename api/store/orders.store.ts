// SQL for orders and their events. Every state change is a conditional update on the current state.
import type { Actor, OrderEventView, OrderState, OrderView } from '../services/types.js';
import type { Queryable } from './db.js';
import { ORDER_COLUMNS, ORDER_FROM, toOrderView, type OrderRow } from './rows.js';

export interface PlacedOrderRow extends OrderRow {
  /** Due times of the business's orders in the oven, as the placement saw them. */
  cooking_due: (Date | string)[];
  /** Orders waiting for a slot ahead of this one. */
  waiting_ahead: number;
}

/**
 * One statement for a placement: takes the stock if there is enough, records the order and its
 * first event, and reads back the order with what its place in line needs. No row when the stock is
 * short or the item does not exist. Being one statement, it is atomic on its own.
 */
export async function placeOrder(
  q: Queryable,
  order: {
    userId: string;
    menuItemId: string;
    quantity: number;
    now: string;
    requestId: string | null;
  },
): Promise<PlacedOrderRow | null> {
  const rows = await q.query<PlacedOrderRow>(
    `WITH item AS (
       UPDATE menu_items SET in_store = in_store - $3, updated_at = $4::timestamptz
        WHERE id = $2 AND in_store >= $3
        RETURNING id, business_id, name, image_url, price, in_store
     ), placed AS (
       INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state, created_at, updated_at)
       SELECT $1, item.business_id, item.id, $3, item.price, 'pending', $4::timestamptz, $4::timestamptz
         FROM item
       RETURNING id, state, quantity, unit_price, user_id, business_id, menu_item_id, created_at,
                 updated_at, accepted_at, started_at, due_at, finished_at
     ), event AS (
       INSERT INTO order_events (order_id, from_state, to_state, actor, actor_id, request_id, at)
       SELECT placed.id, NULL, 'pending', 'user', $1, $5, $4::timestamptz FROM placed
     )
     SELECT o.id, o.state, o.quantity, o.unit_price::text AS unit_price, o.user_id,
            u.name AS user_name, o.business_id, o.menu_item_id, o.created_at, o.updated_at,
            o.accepted_at, o.started_at, o.due_at, o.finished_at, item.name AS item_name,
            item.image_url AS item_image_url, item.price::text AS item_price,
            item.in_store AS item_in_store, b.name AS business_name,
            b.image_url AS business_image_url,
            ARRAY(SELECT c.due_at FROM orders c
                   WHERE c.business_id = o.business_id AND c.state = 'processing') AS cooking_due,
            (SELECT count(*) FROM orders w
              WHERE w.business_id = o.business_id
                AND (w.state = 'accepted'
                     OR (w.state = 'pending' AND (w.created_at, w.id) < (o.created_at, o.id))))::int
              AS waiting_ahead
       FROM placed o
       JOIN item ON item.id = o.menu_item_id
       JOIN businesses b ON b.id = o.business_id
       JOIN users u ON u.id = o.user_id`,
    [order.userId, order.menuItemId, order.quantity, order.now, order.requestId],
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
