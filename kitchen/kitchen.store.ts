// SQL for the kitchen: which orders are due and which start next, under a per-business lock.
// The moves themselves go through the order lifecycle. Each runs as a prepared statement.
import type { Queryable } from '../api/store/db.js';

/**
 * Serializes every kitchen's claims on one business, across processes. A business another worker
 * holds is skipped, not waited for: a stalled worker holds up its own business only.
 */
export async function lockBusiness(tx: Queryable, businessId: string): Promise<boolean> {
  // NO KEY UPDATE: placing an order (a foreign-key share lock on the business) is never blocked.
  const rows = await tx.query(
    'SELECT id FROM businesses WHERE id = $1 FOR NO KEY UPDATE SKIP LOCKED',
    [businessId],
    { prepare: true },
  );
  return rows.length === 1;
}

/** The business's orders in the oven whose time is up. */
export async function dueOrders(tx: Queryable, businessId: string, now: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM orders
      WHERE business_id = $1 AND state = 'processing' AND due_at <= $2::timestamptz
      ORDER BY due_at, accept_seq`,
    [businessId, now],
    { prepare: true },
  );
  return rows.map((r) => r.id);
}

export async function countCooking(tx: Queryable, businessId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders WHERE business_id = $1 AND state = 'processing'`,
    [businessId],
    { prepare: true },
  );
  return rows[0]?.n ?? 0;
}

/** The `slots` longest-accepted orders. */
export async function nextAccepted(
  tx: Queryable,
  businessId: string,
  slots: number,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM orders WHERE business_id = $1 AND state = 'accepted'
      ORDER BY accept_seq LIMIT $2`,
    [businessId, slots],
    { prepare: true },
  );
  return rows.map((r) => r.id);
}

/** Businesses with an order to start or to complete now. */
export async function businessesWithWork(q: Queryable, now: string): Promise<string[]> {
  const rows = await q.query<{ business_id: string }>(
    `SELECT DISTINCT business_id FROM orders
      WHERE state = 'accepted' OR (state = 'processing' AND due_at <= $1::timestamptz)`,
    [now],
    { prepare: true },
  );
  return rows.map((r) => r.business_id);
}

export async function nextDueAt(q: Queryable): Promise<number | null> {
  const rows = await q.query<{ due: Date | null }>(
    `SELECT min(due_at) AS due FROM orders WHERE state = 'processing'`,
    [],
    { prepare: true },
  );
  const due = rows[0]?.due;
  return due ? new Date(due).getTime() : null;
}

/** For each order, the id of the request that accepted it (what the kitchen's moves trace back to). */
export async function acceptingRequests(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await q.query<{ order_id: string; request_id: string | null }>(
    `SELECT order_id, request_id FROM order_events WHERE order_id = ANY($1::uuid[]) AND to_state = 'accepted'`,
    [ids],
    { prepare: true },
  );
  return new Map(rows.flatMap((r) => (r.request_id ? [[r.order_id, r.request_id] as const] : [])));
}

/** When the oldest pending order was placed (epoch ms), if any is. */
export async function oldestPendingAt(q: Queryable): Promise<number | null> {
  const rows = await q.query<{ at: Date | null }>(
    `SELECT min(created_at) AS at FROM orders WHERE state = 'pending'`,
    [],
    { prepare: true },
  );
  const at = rows[0]?.at;
  return at ? new Date(at).getTime() : null;
}
