// SQL for orders and their events. Every state change is a conditional update on the current state.
import {
  ORDER_STATES,
  type Actor,
  type ItemCountView,
  type OrderEventView,
  type OrderState,
  type OrderView,
} from '../domain/types.js';
import { encodeEventPosition, type OrderPosition } from '../domain/cursor.js';
import { ORDERS_LIST_MAX } from '../domain/limits.js';
import type { Queryable, Statement } from './db.js';
import {
  linesJson,
  MENU_ITEM_COLUMNS,
  isoText,
  LINE_CENTS,
  totalCents,
  toMenuItemView,
  toOrderView,
  type MenuItemRow,
  type OrderRow,
} from './rows.js';

export interface PlacedOrderRow extends OrderRow {
  /** Due times of the business's orders in the oven, as the placement saw them. */
  cooking_due: (Date | string)[];
  /** Orders waiting for a slot ahead of this one. */
  waiting_ahead: number;
  /** The id of the placement's history row in the event log. */
  event_id: string;
}

export interface PlacementLine {
  menuItemId: string;
  quantity: number;
  note: string | null;
}

/**
 * One statement for a placement: locks the lines' items (in id order, so concurrent baskets never
 * deadlock), and only if every item is there, of one business, with enough stock for all its
 * lines together, takes the stock, records the order, its lines and its first history row, and
 * reads back the order with what its place in line needs. No row otherwise: nothing is taken.
 * Being one statement, it is atomic on its own.
 */
export async function placeOrder(
  q: Queryable,
  order: {
    userId: string;
    lines: readonly PlacementLine[];
    note: string | null;
    now: string;
    /** Pending and accepted orders the customer may hold at the business, this one included. */
    maxOpenOrders: number;
    event: HistoryEntry;
  },
): Promise<PlacedOrderRow | null> {
  const params = new Params();
  const userId = params.add(order.userId, '::uuid');
  const now = params.add(order.now, '::timestamptz');
  const items = params.add(
    order.lines.map((l) => l.menuItemId),
    '::uuid[]',
  );
  const quantities = params.add(
    order.lines.map((l) => l.quantity),
    '::int[]',
  );
  const notes = params.add(
    order.lines.map((l) => l.note),
    '::text[]',
  );
  const note = params.add(order.note, '::text');
  const maxOpen = params.add(order.maxOpenOrders, '::int');
  const rows = await q.query<PlacedOrderRow>(
    `WITH req AS (
       SELECT r.menu_item_id, r.quantity, r.note, r.position::int AS position
         FROM unnest(${items}, ${quantities}, ${notes}) WITH ORDINALITY
              AS r (menu_item_id, quantity, note, position)
     ), need AS (
       SELECT menu_item_id, sum(quantity)::int AS quantity FROM req GROUP BY menu_item_id
     ), locked AS (
       SELECT m.id, m.business_id, m.in_store FROM menu_items m JOIN need n ON n.menu_item_id = m.id
        -- Checked again on the locked row; seen short already, it is not waited for (a sold-out
        -- item under a burst answers at once instead of queueing for its lock).
        WHERE m.in_store >= n.quantity
        ORDER BY m.id FOR NO KEY UPDATE OF m
     ), ok AS (
       SELECT count(*) = (SELECT count(*) FROM need) AND bool_and(l.in_store >= n.quantity)
              AND count(DISTINCT l.business_id) = 1
              AND bool_and(${OPEN_FOR_ORDERS('l.business_id', now)}) AS ok,
              min(l.business_id::text)::uuid AS business_id
         FROM locked l JOIN need n ON n.menu_item_id = l.id
     ), held AS (
       INSERT INTO open_orders AS h (user_id, business_id, n)
       SELECT ${userId}, ok.business_id, 1 FROM ok WHERE ok.ok
       ON CONFLICT (user_id, business_id) DO UPDATE SET n = h.n + 1 WHERE h.n < ${maxOpen}
       RETURNING h.n
     ), item AS (
       UPDATE menu_items m SET in_store = m.in_store - n.quantity, updated_at = ${now}
         FROM need n, held
        WHERE m.id = n.menu_item_id
        RETURNING m.id, m.business_id, m.name, m.image_url, m.price, m.in_store
     ), placed AS (
       INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state,
                           created_at, updated_at, note)
       SELECT ${userId}, item.business_id, item.id, (SELECT sum(quantity) FROM req), item.price,
              'pending', ${now}, ${now}, ${note}
         FROM req JOIN item ON item.id = req.menu_item_id
        WHERE req.position = 1
       RETURNING id, state, quantity, unit_price, user_id, business_id, menu_item_id, created_at,
                 updated_at, accepted_at, started_at, due_at, finished_at, note
     ), lines AS (
       INSERT INTO order_lines (order_id, position, menu_item_id, quantity, unit_price, note)
       SELECT placed.id, req.position, req.menu_item_id, req.quantity, item.price, req.note
         FROM placed, req JOIN item ON item.id = req.menu_item_id
       RETURNING order_id, position, menu_item_id, quantity, unit_price, note
     ), ${historyCte(params, 'placed', null, 'pending', order.now, order.event)}
     SELECT o.id, o.state, o.quantity, o.unit_price::text AS unit_price, o.user_id,
            u.name AS user_name, o.business_id, o.menu_item_id, o.created_at, o.updated_at,
            o.accepted_at, o.started_at, o.due_at, o.finished_at, item.name AS item_name,
            item.image_url AS item_image_url, item.price::text AS item_price,
            item.in_store AS item_in_store, b.name AS business_name,
            b.image_url AS business_image_url, o.note, ${linesJson('o', 'lines', 'item')} AS lines,
            (SELECT h.id::text FROM history h) AS event_id,
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
    params.values,
    { prepare: true },
  );
  return rows[0] ?? null;
}

/** SQL that is true while a business takes orders: not paused, or its pause has run out. */
export const OPEN_FOR_ORDERS = (businessId: string, now: string) =>
  `NOT EXISTS (SELECT 1 FROM businesses p WHERE p.id = ${businessId} AND p.paused_at IS NOT NULL
                  AND (p.paused_until IS NULL OR p.paused_until > ${now}))`;

/** The business's pause, and how many open orders the customer holds there. */
export async function placementLimits(
  q: Queryable,
  userId: string,
  businessId: string,
  now: string,
): Promise<{ paused: boolean; reason: string | null; until: Date | null; open: number }> {
  const rows = await q.query<{
    paused: boolean;
    reason: string | null;
    until: Date | null;
    open: number;
  }>(
    `SELECT NOT ${OPEN_FOR_ORDERS('b.id', '$3::timestamptz')} AS paused, b.pause_reason AS reason,
            b.paused_until AS until,
            coalesce((SELECT n FROM open_orders h WHERE h.user_id = $1 AND h.business_id = b.id), 0)
              AS open
       FROM businesses b WHERE b.id = $2`,
    [userId, businessId, now],
    { prepare: true },
  );
  return rows[0] ?? { paused: false, reason: null, until: null, open: 0 };
}

export interface ItemStock {
  id: string;
  business_id: string;
  name: string;
  in_store: number;
}

/** The items a refused placement asked for, as they are now (to say why it was refused). */
export async function stockOf(q: Queryable, menuItemIds: readonly string[]): Promise<ItemStock[]> {
  return q.query<ItemStock>(
    'SELECT id, business_id, name, in_store FROM menu_items WHERE id = ANY($1::uuid[])',
    [menuItemIds],
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
    { prepare: true },
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
    { prepare: true },
  );
  return rows.length === 1;
}

export type Owner = { column: 'user_id' | 'business_id'; id: string };

/** The times a move writes besides `updated_at`. */
export type { Stamp } from '../domain/order-edges.js';
import type { Stamp } from '../domain/order-edges.js';

export interface MovedOrder {
  id: string;
  business_id: string;
  user_id: string;
  /** The id of the move's history row in the event log. */
  event_id: string;
  /** The items on the order's lines. */
  item_ids: string[];
}

export interface HistoryEntry {
  actor: Actor;
  actorId: string | null;
  reason: string | null;
  requestId: string | null;
}

/** Builds `$n` placeholders for a statement as values are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * The one writer of history rows: a CTE that records, for each order id the `source` CTE yields,
 * the move from `from` to `to` at `at`.
 */
function historyCte(
  params: Params,
  source: string,
  from: OrderState | null,
  to: OrderState,
  at: string,
  entry: HistoryEntry,
): string {
  return `history AS (
       INSERT INTO order_events (order_id, from_state, to_state, actor, actor_id, reason, request_id, at)
       SELECT ${source}.id, ${params.add(from, '::text')}, ${params.add(to, '::text')},
              ${params.add(entry.actor, '::text')}, ${params.add(entry.actorId, '::uuid')},
              ${params.add(entry.reason, '::text')}, ${params.add(entry.requestId, '::text')},
              ${params.add(at, '::timestamptz')}
         FROM ${source}
       RETURNING id, order_id
     )`;
}

export interface MoveOrders {
  ids: readonly string[];
  owner?: Owner | undefined;
  from: OrderState;
  to: OrderState;
  stamps: readonly Stamp[];
  restock: boolean;
  /** The move takes orders out of the open ones (pending or accepted) the cap counts. */
  releasesHold: boolean;
  at: string;
  dueAt: string | null;
  event: HistoryEntry;
}

/**
 * One statement for a move: the conditional update (only orders still in `from`, and the owner's),
 * its stamps, the stock given back and the history rows. Being one statement, it is atomic alone.
 */
export async function moveOrders(tx: Queryable, m: MoveOrders): Promise<MovedOrder[]> {
  const params = new Params();
  const at = params.add(m.at, '::timestamptz');
  const stamps = m.stamps.map((stamp) => {
    switch (stamp) {
      case 'accepted':
        return `accepted_at = ${at}, accept_seq = nextval('orders_accept_seq')`;
      case 'started':
        return `started_at = ${at}, due_at = ${params.add(m.dueAt, '::timestamptz')}`;
      case 'finished':
        return `finished_at = ${at}`;
    }
  });
  const owner = m.owner ? ` AND ${m.owner.column} = ${params.add(m.owner.id, '::uuid')}` : '';
  const restock = m.restock
    ? `, restock AS (
       UPDATE menu_items i SET in_store = i.in_store + r.quantity, updated_at = ${at}
         FROM (SELECT l.menu_item_id, sum(l.quantity)::int AS quantity
                 FROM order_lines l JOIN moved ON moved.id = l.order_id
                GROUP BY l.menu_item_id) r
        WHERE i.id = r.menu_item_id
     )`
    : '';
  const release = m.releasesHold
    ? `, released AS (
       UPDATE open_orders h SET n = h.n - c.k
         FROM (SELECT user_id, business_id, count(*)::int AS k FROM moved
                GROUP BY user_id, business_id) c
        WHERE h.user_id = c.user_id AND h.business_id = c.business_id
     )`
    : '';
  const sql = `WITH moved AS (
       UPDATE orders SET state = ${params.add(m.to, '::text')}, updated_at = ${at}${stamps.map((s) => `, ${s}`).join('')}
        WHERE id = ANY(${params.add(m.ids, '::uuid[]')}) AND state = ${params.add(m.from, '::text')}${owner}
        RETURNING id, business_id, user_id,
                  ARRAY(SELECT DISTINCT l.menu_item_id FROM order_lines l
                         WHERE l.order_id = orders.id) AS item_ids
     ), ${historyCte(params, 'moved', m.from, m.to, m.at, m.event)}${restock}${release}
     SELECT m.id, m.business_id, m.user_id, m.item_ids, h.id::text AS event_id
       FROM moved m JOIN history h ON h.order_id = m.id`;
  return tx.query<MovedOrder>(sql, params.values, { prepare: true });
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

export interface OrderFilter {
  /** Only these orders. */
  ids?: readonly string[] | undefined;
  /** Only this customer's or business's orders. */
  owner?: Owner | undefined;
  state?: OrderState | null | undefined;
  /** Created at or after this ISO time. */
  since?: string | null | undefined;
  /** Created before this ISO time. */
  until?: string | null | undefined;
  /**
   * Orders whose number (the id's hex digits, as the apps show them) starts with this, or whose
   * customer's name contains it, case-insensitively.
   */
  search?: string | null | undefined;
  /** Only orders older than this position in the newest-first list. */
  after?: OrderPosition | null | undefined;
  limit?: number;
}

function stateLiteral(state: OrderState): OrderState {
  if (!ORDER_STATES.includes(state)) throw new Error(`not an order state: ${String(state)}`);
  return state;
}

function orderWhere(params: Params, filter: OrderFilter): string {
  const where: string[] = [];
  if (filter.ids) where.push(`o.id = ANY(${params.add(filter.ids, '::uuid[]')})`);
  if (filter.owner)
    where.push(`o.${filter.owner.column} = ${params.add(filter.owner.id, '::uuid')}`);
  // Written into the text (one of six known words): each state's statement is planned for it.
  if (filter.state) where.push(`o.state = '${stateLiteral(filter.state)}'`);
  if (filter.since) where.push(`o.created_at >= ${params.add(filter.since, '::timestamptz')}`);
  if (filter.until) where.push(`o.created_at < ${params.add(filter.until, '::timestamptz')}`);
  if (filter.search) {
    const text = filter.search.toLowerCase();
    const number = text.replace(/^#/, '').replace(/-/g, '');
    const orNumber = /^[0-9a-f]{1,32}$/.test(number)
      ? `replace(o.id::text, '-', '') LIKE ${params.add(`${number}%`, '::text')} OR `
      : '';
    const pattern = params.add(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, '::text');
    where.push(
      `(${orNumber}EXISTS (SELECT 1 FROM users su WHERE su.id = o.user_id AND su.name ILIKE ${pattern}))`,
    );
  }
  if (filter.after) {
    where.push(
      `(o.created_at, o.id) < (${params.add(filter.after.at, '::timestamptz')}, ${params.add(filter.after.id, '::uuid')})`,
    );
  }
  return where.length > 0 ? where.join(' AND ') : 'true';
}

/** What of an order a list reads besides its own columns: each part is a join or a subquery. */
export interface OrderFields {
  /** The customer's name. */
  customer: boolean;
  /** The first line's menu item. */
  item: boolean;
  /** The business's name and image. */
  business: boolean;
  /** Every line with its menu item. */
  lines: boolean;
  /** The sum of the lines. */
  total: boolean;
  /** Where each live order stands in its business's line (queuePosition, estimatedReadyAt). */
  queue: boolean;
}

export const ALL_ORDER_FIELDS: OrderFields = {
  customer: true,
  item: true,
  business: true,
  lines: true,
  total: true,
  queue: true,
};

/** A listed order, and for a waiting one its place in its business's line. */
export interface ListedOrder {
  order: OrderView;
  /** For a pending or accepted order (when the queue was asked for): where it waits. */
  line: {
    /** Waiting orders of its business ahead of it. */
    ahead: number;
    /** Due times of the business's orders in the oven (ISO; null if one has none). */
    cookingDue: (string | null)[];
  } | null;
}

interface ListedRow extends OrderRow {
  queue_ahead?: number | null;
  cooking_due?: (string | null)[] | null;
}

/**
 * The list's one statement: orders newest first by typed filters, with the parts asked for. With
 * the queue, each waiting order's place among its business's waiting orders (accepted ones in the
 * order they were accepted, then pending ones in the order they were placed: the kitchen's order)
 * and the due times of that business's oven come in the same statement.
 */
export function ordersListStatement(
  filter: OrderFilter,
  fields: OrderFields = ALL_ORDER_FIELDS,
): Statement {
  const params = new Params();
  const where = orderWhere(params, filter);
  const limit = limitBucket(filter.limit ?? ORDERS_LIST_MAX);
  const columns = [
    'o.id',
    'o.state',
    'o.quantity',
    'o.unit_price::text AS unit_price',
    'o.user_id',
    'o.business_id',
    'o.menu_item_id',
    `${isoText('o.created_at')} AS created_at`,
    `${isoText('o.updated_at')} AS updated_at`,
    `${isoText('o.accepted_at')} AS accepted_at`,
    `${isoText('o.started_at')} AS started_at`,
    `${isoText('o.due_at')} AS due_at`,
    `${isoText('o.finished_at')} AS finished_at`,
    'o.note',
  ];
  const joins: string[] = [];
  if (fields.customer) {
    columns.push('u.name AS user_name');
    joins.push('JOIN users u ON u.id = o.user_id');
  }
  if (fields.item) {
    columns.push(
      'm.name AS item_name',
      'm.image_url AS item_image_url',
      'm.price::text AS item_price',
      'm.in_store AS item_in_store',
    );
    joins.push('JOIN menu_items m ON m.id = o.menu_item_id');
  }
  if (fields.business) {
    columns.push('b.name AS business_name', 'b.image_url AS business_image_url');
    joins.push('JOIN businesses b ON b.id = o.business_id');
  }
  if (fields.lines) columns.push(`${linesJson('o')} AS lines`);
  if (fields.total) columns.push(`${totalCents('o')} AS total_cents`);
  const page = `SELECT ${columns.join(', ')} FROM orders o ${joins.join(' ')} WHERE ${where}
      ORDER BY o.created_at DESC, o.id DESC LIMIT ${limit}`;
  // Only pending and accepted orders wait in line; a list of others reads no line.
  const waits = !filter.state || filter.state === 'pending' || filter.state === 'accepted';
  if (!fields.queue || !waits) return { text: page, values: params.values };
  // Each business's line is read through its own index lookups (LATERAL), so a generic plan of
  // the prepared statement cannot turn it into a scan of every order. Text timestamps of one fixed
  // width sort as the times do; ties (same millisecond) by id.
  return {
    text: `WITH page AS (${page}),
     lines AS (
       SELECT DISTINCT business_id FROM page WHERE state IN ('pending', 'accepted')
     ), waiting AS (
       SELECT w.id, w.ahead
         FROM lines CROSS JOIN LATERAL (
           SELECT q.id, (row_number() OVER (ORDER BY q.state = 'pending', q.accept_seq,
                                                      q.created_at, q.id) - 1)::int AS ahead
             FROM orders q
            WHERE q.business_id = lines.business_id AND q.state IN ('pending', 'accepted')
         ) w
     ), oven AS (
       SELECT lines.business_id,
              ARRAY(SELECT ${isoText('c.due_at')} FROM orders c
                     WHERE c.business_id = lines.business_id AND c.state = 'processing') AS due
         FROM lines
     )
     SELECT page.*, waiting.ahead AS queue_ahead, oven.due AS cooking_due
       FROM page LEFT JOIN waiting ON waiting.id = page.id
            LEFT JOIN oven ON oven.business_id = page.business_id AND waiting.id IS NOT NULL
      ORDER BY page.created_at DESC, page.id DESC`,
    values: params.values,
  };
}

/**
 * The LIMIT a list's statement is written with: the asked limit rounded up to a power of two, in
 * the text. A prepared statement's generic plan cannot see a `$n` limit and assumes a tenth of the
 * table, which against a long history makes PostgreSQL plan every call afresh; a written one is
 * costed right, and the powers of two keep the statements few (ten). The caller trims the rows.
 */
function limitBucket(limit: number): number {
  const wanted = Math.max(1, Math.trunc(limit));
  return 2 ** Math.ceil(Math.log2(wanted));
}

/** Orders newest first, by typed filters, with the parts asked for (every part by default). */
export async function selectOrders(
  q: Queryable,
  filter: OrderFilter,
  fields: OrderFields = ALL_ORDER_FIELDS,
): Promise<ListedOrder[]> {
  const { text, values } = ordersListStatement(filter, fields);
  const rows = await q.query<ListedRow>(text, values, { prepare: true });
  return rows.slice(0, Math.trunc(filter.limit ?? ORDERS_LIST_MAX)).map((row) => ({
    order: toOrderView(row),
    line:
      row.queue_ahead === null || row.queue_ahead === undefined
        ? null
        : { ahead: row.queue_ahead, cookingDue: row.cooking_due ?? [] },
  }));
}

/** How many orders the filter matches (`after` and `limit` aside). */
export async function countOrders(q: Queryable, filter: OrderFilter): Promise<number> {
  const params = new Params();
  const where = orderWhere(params, { ...filter, after: null });
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders o WHERE ${where}`,
    params.values,
  );
  return rows[0]?.n ?? 0;
}

/** The sum of the totals (every line's price × quantity) of the orders the filter matches. */
export async function sumOrderTotals(q: Queryable, filter: OrderFilter): Promise<number> {
  const params = new Params();
  const where = orderWhere(params, { ...filter, after: null });
  const rows = await q.query<{ cents: string | null }>(
    `SELECT sum(${LINE_CENTS})::text AS cents
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${where}`,
    params.values,
  );
  return Number(rows[0]?.cents ?? 0) / 100;
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
    { prepare: true },
  );
}

interface EventRow {
  id: string;
  xid: string;
  order_id: string;
  /** ISO 8601 in UTC (isoText). */
  at: string;
  from_state: OrderState | null;
  to_state: OrderState;
  actor: Actor;
  reason: string | null;
}

const EVENT_COLUMNS = `e.id::text AS id, e.xid::text AS xid, e.order_id, ${isoText('e.at')} AS at,
  e.from_state, e.to_state, e.actor, e.reason`;

function toEventView(r: EventRow): OrderEventView {
  return {
    cursor: encodeEventPosition({ xid: r.xid, id: r.id }),
    orderId: r.order_id,
    at: r.at,
    from: r.from_state,
    to: r.to_state,
    actor: r.actor,
    reason: r.reason,
  };
}

/** The stored transitions of these orders, each order's in the order they happened. */
export async function selectHistories(
  q: Queryable,
  orderIds: readonly string[],
): Promise<OrderEventView[]> {
  const rows = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM order_events e WHERE e.order_id = ANY($1::uuid[])
      ORDER BY e.order_id, e.id`,
    [orderIds],
    { prepare: true },
  );
  return rows.map(toEventView);
}

/** A place in the commit-ordered event log: the writing transaction's id, then the event's. */
export interface LogPosition {
  xid: string;
  id: string;
}

/** SQL for the commit horizon: every transaction with a smaller id has committed or aborted. */
const HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

/** The place of a stored event, or null when there is none with that id. */
export async function eventPosition(q: Queryable, id: string): Promise<LogPosition | null> {
  const rows = await q.query<LogPosition>(
    'SELECT xid::text AS xid, id::text AS id FROM order_events WHERE id = $1::bigint',
    [id],
  );
  return rows[0] ?? null;
}

/** Where the settled log ends now: every event from here on is new or still being written. */
export async function eventHorizon(q: Queryable): Promise<LogPosition> {
  const rows = await q.query<{ xid: string }>(`SELECT ${HORIZON}::text AS xid`);
  return { xid: rows[0]!.xid, id: '0' };
}

/**
 * The owner's settled events after a place, in commit order (by writing transaction, then id).
 * Events of a transaction not older than every running one are held back (`heldBack`): one still
 * running could have written an event that sorts before them.
 */
export async function eventsAfter(
  q: Queryable,
  owner: Owner,
  after: LogPosition,
  limit: number,
): Promise<{ events: { position: LogPosition; event: OrderEventView }[]; heldBack: boolean }> {
  const rows = await q.query<EventRow & { settled: boolean }>(
    `SELECT ${EVENT_COLUMNS}, e.xid < h.horizon AS settled
       FROM (SELECT ${HORIZON} AS horizon) h, order_events e JOIN orders o ON o.id = e.order_id
      WHERE o.${owner.column} = $1 AND (e.xid, e.id) > ($2::xid8, $3::bigint)
      ORDER BY e.xid, e.id LIMIT $4`,
    [owner.id, after.xid, after.id, limit],
  );
  const settled = rows.filter((r) => r.settled);
  return {
    events: settled.map((r) => ({ position: { xid: r.xid, id: r.id }, event: toEventView(r) })),
    heldBack: settled.length < rows.length,
  };
}

/** Per business, its accepted orders waiting for a slot and its orders in the oven. */
export async function kitchenLoads(
  q: Queryable,
  businessIds: readonly string[],
): Promise<Map<string, { queued: number; cooking: number }>> {
  const rows = await q.query<{ business_id: string; state: OrderState; n: number }>(
    `SELECT business_id, state, count(*)::int AS n FROM orders
      WHERE business_id = ANY($1::uuid[]) AND state IN ('accepted', 'processing')
      GROUP BY business_id, state`,
    [businessIds],
  );
  const loads = new Map(businessIds.map((id) => [id, { queued: 0, cooking: 0 }]));
  for (const r of rows) {
    const load = loads.get(r.business_id)!;
    if (r.state === 'accepted') load.queued = r.n;
    else load.cooking = r.n;
  }
  return loads;
}

/** Per item, the quantity on the lines of a business's pending and accepted orders, most first. */
export async function allDay(q: Queryable, businessId: string): Promise<ItemCountView[]> {
  const rows = await q.query<MenuItemRow & { quantity: number }>(
    `SELECT ${MENU_ITEM_COLUMNS}, t.quantity
       FROM (SELECT l.menu_item_id, sum(l.quantity)::int AS quantity
               FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.business_id = $1 AND o.state IN ('pending', 'accepted')
              GROUP BY l.menu_item_id) t
       JOIN menu_items m ON m.id = t.menu_item_id
       JOIN businesses b ON b.id = m.business_id
      ORDER BY t.quantity DESC, m.name, m.id`,
    [businessId],
  );
  return rows.map((row) => ({ menuItem: toMenuItemView(row), quantity: row.quantity }));
}

/** Pending orders placed before `cutoff`, oldest first. */
export async function pendingPlacedBefore(
  q: Queryable,
  cutoff: string,
  limit: number,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM orders WHERE state = 'pending' AND created_at <= $1::timestamptz
      ORDER BY created_at LIMIT $2`,
    [cutoff, limit],
  );
  return rows.map((r) => r.id);
}
