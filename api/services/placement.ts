// One order placement in SQL (see placementTransaction), and why a refused one was refused.
import {
  BadRequestError,
  ClosedError,
  ConflictError,
  NotFoundError,
  OutOfStockError,
  RateLimitedError,
} from '../errors.js';
import type { Db, Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';
import { toOrderView } from '../store/rows.js';
import { isoAt } from './clock.js';
import type { KitchenSettings } from './orders.service.js';
import { spotAtEnd } from './queue.js';
import type { OrderView, Viewer } from '../domain/types.js';

export interface PlacementInput {
  viewer: Viewer;
  lines: readonly store.PlacementLine[];
  note: string | null;
  /** The customer's idempotency key, if any. */
  key: string | null;
  /** Epoch ms. */
  now: number;
  kitchen: KitchenSettings;
  /** Pending and accepted orders one customer may hold at one business. */
  maxOpenOrders: number;
  requestId: string | null;
}

export type Placement =
  { replay: true; id: string } | { replay: false; order: OrderView; eventId: string };

/** Times a refused placement is tried again when, read afterwards, nothing explains the refusal. */
const PLACEMENT_ATTEMPTS = 3;

/** Another request claimed the same idempotency key first; the caller replays its order. */
export class IdempotencyRace extends Error {}

/**
 * The SQL of one placement: one statement that reserves the stock of every line, takes one of the
 * customer's open-order places at the business, records the order, its lines and its first event
 * and reads back the order's view with its place in line; with an idempotency key, that statement
 * runs in a transaction that looks the key up first and claims it after. The benchmark's store
 * baseline (B3) runs this very function.
 */
export async function placementTransaction(db: Db, input: PlacementInput): Promise<Placement> {
  const { viewer, key } = input;
  if (!key) return { replay: false, ...(await placeOne(db, input)) };
  return db.transaction(async (tx) => {
    const existing = await store.findIdempotentOrder(tx, viewer.id, key);
    if (existing) {
      await requireSameBasket(tx, existing, input);
      return { replay: true, id: existing };
    }
    const placed = await placeOne(tx, input);
    if (!(await store.claimIdempotencyKey(tx, viewer.id, key, placed.order.id))) {
      throw new IdempotencyRace();
    }
    return { replay: false, ...placed };
  });
}

/** A reused key must come with the basket it was first used for. */
export async function requireSameBasket(
  q: Queryable,
  orderId: string,
  input: Pick<PlacementInput, 'lines' | 'note'>,
) {
  const [first] = (await store.selectOrders(q, { ids: [orderId] })).map((l) => l.order);
  const same =
    first !== undefined &&
    (first.note ?? null) === input.note &&
    first.lines.length === input.lines.length &&
    first.lines.every((line, i) => {
      const asked = input.lines[i]!;
      return (
        line.menuItem.id === asked.menuItemId &&
        line.quantity === asked.quantity &&
        (line.note ?? null) === asked.note
      );
    });
  if (!same) {
    throw new ConflictError(
      'This idempotency key was used for a different order; use a new key for a new order',
      { field: 'idempotencyKey' },
    );
  }
}

async function placeOne(
  q: Queryable,
  input: PlacementInput,
): Promise<{ order: OrderView; eventId: string }> {
  const { viewer } = input;
  for (let attempt = 1; ; attempt++) {
    const row = await store.placeOrder(q, {
      userId: viewer.id,
      lines: input.lines,
      note: input.note,
      now: isoAt(input.now),
      maxOpenOrders: input.maxOpenOrders,
      event: { actor: 'user', actorId: viewer.id, reason: null, requestId: input.requestId },
    });
    if (row) {
      const { capacity, prepMs } = input.kitchen;
      const spot = spotAtEnd({
        now: input.now,
        capacity,
        prepMs,
        cooking: row.cooking_due.map((due) => (due ? new Date(due).getTime() : input.now + prepMs)),
        ahead: row.waiting_ahead,
      });
      const order = {
        ...toOrderView(row),
        queuePosition: spot.position,
        estimatedReadyAt: isoAt(spot.readyAt),
      };
      return { order, eventId: row.event_id };
    }
    const refusal = await whyRefused(q, input);
    if (refusal || attempt >= PLACEMENT_ATTEMPTS) {
      throw refusal ?? new OutOfStockError('The stock changed while you ordered; try again');
    }
  }
}

/**
 * Why the placement statement took nothing: an unknown item, two businesses, a paused business, too
 * many open orders there, or a short line.
 */
async function whyRefused(q: Queryable, input: PlacementInput) {
  const { lines } = input;
  const needed = new Map<string, number>();
  for (const line of lines) {
    needed.set(line.menuItemId, (needed.get(line.menuItemId) ?? 0) + line.quantity);
  }
  const items = await store.stockOf(q, [...needed.keys()]);
  if (items.length < needed.size) return new NotFoundError('menu item not found');
  if (new Set(items.map((i) => i.business_id)).size > 1) {
    return new BadRequestError('lines: every item of an order must be from the same business', {
      field: 'lines',
    });
  }
  const limits = await store.placementLimits(
    q,
    input.viewer.id,
    items[0]!.business_id,
    isoAt(input.now),
  );
  if (limits.paused) {
    const until = limits.until ? new Date(limits.until).toISOString() : null;
    return new ClosedError(
      `Not taking orders${until ? ` until ${until}` : ' for now'}${limits.reason ? ` — ${limits.reason}` : ''}`,
      { reason: limits.reason, until },
    );
  }
  if (limits.open >= input.maxOpenOrders) {
    return new RateLimitedError(
      `You already have ${limits.open} open orders here; wait until the kitchen has taken them`,
      { retryAfterSeconds: 60, limit: input.maxOpenOrders },
    );
  }
  const short = items.find((i) => i.in_store < needed.get(i.id)!);
  if (!short) return null;
  const asked = needed.get(short.id)!;
  const message =
    short.in_store === 0
      ? lines.length === 1
        ? 'This item is sold out'
        : `${short.name} is sold out`
      : lines.length === 1
        ? `Only ${short.in_store} left; you asked for ${asked}`
        : `Only ${short.in_store} ${short.name} left; you asked for ${asked}`;
  return new OutOfStockError(message, {
    available: short.in_store,
    menuItemId: short.id,
    item: short.name,
  });
}
