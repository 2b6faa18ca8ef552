// SQL for webhooks and their outbox. Outbox rows are written by a trigger on order_events (in the
// transition's own transaction, migration 008); here they are claimed, settled and listed.
import type { Queryable } from './db.js';

export interface WebhookRow {
  business_id: string;
  url: string;
  secret: string;
  failing: boolean;
}

export async function webhookOf(q: Queryable, businessId: string): Promise<WebhookRow | null> {
  const rows = await q.query<WebhookRow>(
    'SELECT business_id, url, secret, failing FROM webhooks WHERE business_id = $1',
    [businessId],
  );
  return rows[0] ?? null;
}

/** Sets the business's one webhook (a new URL and secret, not failing). */
export async function upsertWebhook(
  q: Queryable,
  hook: { businessId: string; url: string; secret: string; at: string },
): Promise<WebhookRow> {
  const rows = await q.query<WebhookRow>(
    `INSERT INTO webhooks (business_id, url, secret, failing, created_at, updated_at)
     VALUES ($1, $2, $3, false, $4, $4)
     ON CONFLICT (business_id) DO UPDATE
       SET url = excluded.url, secret = excluded.secret, failing = false, updated_at = excluded.updated_at
     RETURNING business_id, url, secret, failing`,
    [hook.businessId, hook.url, hook.secret, hook.at],
  );
  return rows[0]!;
}

/** Removes the webhook and its outbox; false when there was none. */
export async function deleteWebhook(q: Queryable, businessId: string): Promise<boolean> {
  await q.query('DELETE FROM webhook_deliveries WHERE business_id = $1', [businessId]);
  const rows = await q.query('DELETE FROM webhooks WHERE business_id = $1 RETURNING business_id', [
    businessId,
  ]);
  return rows.length > 0;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  xid: string;
  status: number | null;
  attempts: number;
  excerpt: string | null;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
  given_up_at: Date | null;
}

/** The business's latest deliveries, newest first. */
export async function latestDeliveries(
  q: Queryable,
  businessId: string,
  first: number,
): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    `SELECT d.id::text AS id, d.event_id::text AS event_id, e.xid::text AS xid, d.status,
            d.attempts, d.excerpt, d.delivered_at, d.next_attempt_at, d.given_up_at
       FROM webhook_deliveries d JOIN order_events e ON e.id = d.event_id
      WHERE d.business_id = $1
      ORDER BY d.id DESC LIMIT $2`,
    [businessId, first],
  );
}

export interface ClaimedDelivery {
  id: string;
  business_id: string;
  event_id: string;
  xid: string;
  order_id: string;
  to_state: string;
  at: Date;
  attempts: number;
  created_at: Date;
  body: string | null;
  url: string;
  secret: string;
}

/**
 * Claims due deliveries for one attempt each: rows no other worker holds (SKIP LOCKED) whose order
 * has no earlier delivery still pending, leased until `leaseUntil` (a worker that dies mid-attempt
 * leaves the row to be claimed again then).
 */
export async function claimDue(
  q: Queryable,
  claim: { now: string; leaseUntil: string; limit: number },
): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
        WHERE d.next_attempt_at IS NOT NULL AND d.next_attempt_at <= $1::timestamptz
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                           WHERE p.order_id = d.order_id AND p.next_attempt_at IS NOT NULL
                             AND p.event_id < d.event_id)
        ORDER BY d.next_attempt_at, d.id
        LIMIT $3
        FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d
        SET next_attempt_at = $2::timestamptz, attempts = d.attempts + 1
       FROM due, webhooks w, order_events e
      WHERE d.id = due.id AND w.business_id = d.business_id AND e.id = d.event_id
     RETURNING d.id::text AS id, d.business_id, d.event_id::text AS event_id, e.xid::text AS xid,
               d.order_id, e.to_state, e.at, d.attempts, d.created_at, d.body, w.url, w.secret`,
    [claim.now, claim.leaseUntil, claim.limit],
  );
}

export interface AttemptOutcome {
  id: string;
  /** The attempt count the claim gave the row: a late answer to an older claim changes nothing. */
  attempts: number;
  status: number | null;
  excerpt: string;
  body: string;
  at: string;
  /** Delivered, retried at a time, or given up. */
  result: { delivered: true } | { retryAt: string } | { givenUp: true };
}

/** Records an attempt's answer; false when the row was claimed again or removed meanwhile. */
export async function settleAttempt(q: Queryable, o: AttemptOutcome): Promise<boolean> {
  const delivered = 'delivered' in o.result;
  const givenUp = 'givenUp' in o.result;
  const retryAt = 'retryAt' in o.result ? o.result.retryAt : null;
  // A success clears the webhook's failing flag, a delivery given up sets it: one statement.
  const rows = await q.query<{ business_id: string }>(
    `WITH settled AS (
       UPDATE webhook_deliveries
          SET status = $3, excerpt = $4, body = $5,
              delivered_at = CASE WHEN $6::boolean THEN $7::timestamptz END,
              given_up_at = CASE WHEN $9::boolean THEN $7::timestamptz END,
              next_attempt_at = $8::timestamptz
        WHERE id = $1 AND attempts = $2
        RETURNING business_id
     ), flagged AS (
       UPDATE webhooks w SET failing = $9::boolean
         FROM settled
        WHERE w.business_id = settled.business_id AND ($6::boolean OR $9::boolean)
          AND w.failing <> $9::boolean
     )
     SELECT business_id FROM settled`,
    [o.id, o.attempts, o.status, o.excerpt, o.body, delivered, o.at, retryAt, givenUp],
  );
  return rows.length > 0;
}
