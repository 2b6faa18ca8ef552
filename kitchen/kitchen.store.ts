// SQL for the kitchen: completing what is due and starting what fits, under a per-business lock.
import type { Queryable } from '../api/store/db.js';

/** Serializes every kitchen's claims on one business, across processes. */
export async function lockBusiness(tx: Queryable, businessId: string): Promise<boolean> {
  // NO KEY UPDATE: placing an order (a foreign-key share lock on the business) is never blocked.
  const rows = await tx.query('SELECT id FROM businesses WHERE id = $1 FOR NO KEY UPDATE', [
    businessId,
  ]);
  return rows.length === 1;
}

export async function completeDue(tx: Queryable, businessId: string, now: string) {
  return tx.query<{ id: string }>(
    `UPDATE orders SET state = 'completed', finished_at = $2::timestamptz, updated_at = $2::timestamptz
      WHERE business_id = $1 AND state = 'processing' AND due_at <= $2::timestamptz
      RETURNING id`,
    [businessId, now],
  );
}

export async function countCooking(tx: Queryable, businessId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders WHERE business_id = $1 AND state = 'processing'`,
    [businessId],
  );
  return rows[0]?.n ?? 0;
}

/** Starts the `slots` longest-accepted orders. */
export async function startNext(
  tx: Queryable,
  businessId: string,
  slots: number,
  now: string,
  dueAt: string,
) {
  return tx.query<{ id: string }>(
    `UPDATE orders SET state = 'processing', started_at = $3::timestamptz, due_at = $4::timestamptz,
            updated_at = $3::timestamptz
      WHERE id IN (SELECT id FROM orders WHERE business_id = $1 AND state = 'accepted'
                    ORDER BY accept_seq LIMIT $2)
        AND state = 'accepted'
      RETURNING id`,
    [businessId, slots, now, dueAt],
  );
}

export async function insertKitchenEvents(
  tx: Queryable,
  ids: readonly string[],
  from: string,
  to: string,
  now: string,
) {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO order_events (order_id, from_state, to_state, actor, at)
     SELECT id, $2, $3, 'kitchen', $4::timestamptz FROM unnest($1::uuid[]) AS id`,
    [ids, from, to, now],
  );
}

/** Businesses with an order to start or to complete now. */
export async function businessesWithWork(q: Queryable, now: string): Promise<string[]> {
  const rows = await q.query<{ business_id: string }>(
    `SELECT DISTINCT business_id FROM orders
      WHERE state = 'accepted' OR (state = 'processing' AND due_at <= $1::timestamptz)`,
    [now],
  );
  return rows.map((r) => r.business_id);
}

export async function nextDueAt(q: Queryable): Promise<number | null> {
  const rows = await q.query<{ due: Date | null }>(
    `SELECT min(due_at) AS due FROM orders WHERE state = 'processing'`,
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
  );
  return new Map(rows.flatMap((r) => (r.request_id ? [[r.order_id, r.request_id] as const] : [])));
}
