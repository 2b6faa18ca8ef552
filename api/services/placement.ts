// One order placement in SQL (see placementTransaction).
import { NotFoundError, OutOfStockError } from '../errors.js';
import type { Db, Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';
import { toOrderView } from '../store/rows.js';
import { isoAt } from './clock.js';
import type { KitchenSettings } from './orders.service.js';
import { spotAtEnd } from './queue.js';
import type { OrderView, Viewer } from './types.js';

/** Another request claimed the same idempotency key first; the caller replays its order. */
export class IdempotencyRace extends Error {}

export interface PlacementInput {
  viewer: Viewer;
  menuItemId: string;
  quantity: number;
  /** The customer's idempotency key, if any. */
  key: string | null;
  /** Epoch ms. */
  now: number;
  kitchen: KitchenSettings;
  requestId: string | null;
}

export type Placement = { replay: true; id: string } | { replay: false; order: OrderView };

/**
 * The SQL of one placement: one statement that reserves the stock, records the order and its first
 * event and reads back the order's view with its place in line; with an idempotency key, that
 * statement runs in a transaction that looks the key up first and claims it after. The benchmark's
 * store baseline (B3) runs this very function.
 */
export async function placementTransaction(db: Db, input: PlacementInput): Promise<Placement> {
  const { viewer, key } = input;
  if (!key) return { replay: false, order: await placeOne(db, input) };
  return db.transaction(async (tx) => {
    const existing = await store.findIdempotentOrder(tx, viewer.id, key);
    if (existing) return { replay: true, id: existing };
    const order = await placeOne(tx, input);
    if (!(await store.claimIdempotencyKey(tx, viewer.id, key, order.id))) {
      throw new IdempotencyRace();
    }
    return { replay: false, order };
  });
}

async function placeOne(q: Queryable, input: PlacementInput): Promise<OrderView> {
  const { viewer, menuItemId, quantity } = input;
  const row = await store.placeOrder(q, {
    userId: viewer.id,
    menuItemId,
    quantity,
    now: isoAt(input.now),
    requestId: input.requestId,
  });
  if (!row) {
    const left = await store.stockOf(q, menuItemId);
    if (left === null) throw new NotFoundError('menu item not found');
    throw new OutOfStockError(
      left === 0 ? 'This item is sold out' : `Only ${left} left; you asked for ${quantity}`,
      { available: left },
    );
  }
  const { capacity, prepMs } = input.kitchen;
  const spot = spotAtEnd({
    now: input.now,
    capacity,
    prepMs,
    cooking: row.cooking_due.map((due) => (due ? new Date(due).getTime() : input.now + prepMs)),
    ahead: row.waiting_ahead,
  });
  return {
    ...toOrderView(row),
    queuePosition: spot.position,
    estimatedReadyAt: isoAt(spot.readyAt),
  };
}
