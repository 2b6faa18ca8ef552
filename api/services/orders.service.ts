// The order rules: who may do what to which order, stock reservation, idempotency, and the events each change sends.
import { BadRequestError, InvalidStateError, NotFoundError, OutOfStockError } from '../errors.js';
import { publishOrder, type EventBus } from '../pubsub.js';
import type { Db, Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';
import { menuItemView } from '../store/menus.store.js';
import { isoAt, type Clock } from './clock.js';
import { IdempotencyRace, placementTransaction } from './placement.js';
import { estimateQueue } from './queue.js';
import type { OrderObserver, TransitionContext } from '../observe.js';
import {
  FINAL_STATES,
  ORDER_STATES,
  type Actor,
  type OrderEventView,
  type OrderState,
  type OrderView,
  type Viewer,
} from './types.js';
import { requireId, requireInteger, requireText } from './validate.js';

export interface KitchenSettings {
  capacity: number;
  prepMs: number;
}

export interface OrdersDeps {
  db: Db;
  pubsub: EventBus;
  clock: Clock;
  kitchen: KitchenSettings;
  /** Told of each committed change (logs, metrics); must not throw. */
  observer?: OrderObserver;
}

export interface RequestMeta {
  requestId?: string | undefined;
}

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 1000;

interface TransitionRule {
  from: readonly OrderState[];
  to: OrderState;
  actor: Actor;
  restock: boolean;
  /** Words for the refusal: "only pending orders can be <verb>". */
  verb: string;
}

const RULES = {
  cancel: { from: ['pending'], to: 'cancelled', actor: 'user', restock: true, verb: 'cancelled' },
  accept: {
    from: ['pending'],
    to: 'accepted',
    actor: 'business',
    restock: false,
    verb: 'accepted',
  },
  reject: { from: ['pending'], to: 'rejected', actor: 'business', restock: true, verb: 'rejected' },
  complete: {
    from: ['processing'],
    to: 'completed',
    actor: 'business',
    restock: false,
    verb: 'completed early',
  },
} as const satisfies Record<string, TransitionRule>;

export class OrdersService {
  constructor(private readonly deps: OrdersDeps) {}

  async placeOrder(
    viewer: Viewer,
    input: { menuItemId: unknown; quantity: unknown; idempotencyKey?: unknown },
    meta: RequestMeta = {},
  ): Promise<OrderView> {
    const quantity = requireInteger(input.quantity, 'quantity', MIN_QUANTITY, MAX_QUANTITY);
    const key =
      input.idempotencyKey === undefined || input.idempotencyKey === null
        ? null
        : requireText(input.idempotencyKey, 'idempotencyKey', 1, 200);
    const menuItemId = requireId(input.menuItemId, 'menu item');

    let order: OrderView;
    try {
      const placed = await placementTransaction(this.deps.db, {
        viewer,
        menuItemId,
        quantity,
        key,
        now: this.deps.clock.now(),
        kitchen: this.deps.kitchen,
        requestId: meta.requestId ?? null,
      });
      if (placed.replay) return this.requireView(placed.id);
      order = placed.order;
    } catch (error) {
      if (error instanceof OutOfStockError) this.deps.observer?.outOfStock();
      if (!(error instanceof IdempotencyRace) || !key) throw error;
      const winner = await store.findIdempotentOrder(this.deps.db, viewer.id, key);
      if (!winner) throw error;
      return this.requireView(winner);
    }

    this.deps.pubsub.publish('newOrder', order.menuItem.business.id, order);
    this.announce(null, order, { actor: 'user', requestId: meta.requestId });
    this.deps.pubsub.publish('menuUpdated', order.menuItem.business.id, order.menuItem);
    return order;
  }

  cancelOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.transition(viewer, id, RULES.cancel, meta);
  }

  acceptOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.transition(viewer, id, RULES.accept, meta);
  }

  rejectOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.transition(viewer, id, RULES.reject, meta);
  }

  completeOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.transition(viewer, id, RULES.complete, meta);
  }

  /** An order the viewer may see, or null (unknown and foreign orders look the same). */
  async getOrder(viewer: Viewer, id: unknown): Promise<OrderView | null> {
    let orderId: string;
    try {
      orderId = requireId(id, 'order');
    } catch {
      return null;
    }
    const [order] = await store.selectOrders(
      this.deps.db,
      `o.id = $1 AND o.${ownerColumn(viewer)} = $2`,
      [orderId, viewer.id],
    );
    return order ? (await this.withQueue([order]))[0]! : null;
  }

  async listOrders(viewer: Viewer, state?: OrderState | null): Promise<OrderView[]> {
    const params: unknown[] = [viewer.id];
    let where = `o.${ownerColumn(viewer)} = $1`;
    if (state) {
      params.push(state);
      where += ' AND o.state = $2';
    }
    return this.withQueue(await store.selectOrders(this.deps.db, where, params));
  }

  /** How many orders wait for and sit in a business's oven. */
  kitchenLoad(businessId: string): Promise<{ queued: number; cooking: number }> {
    return store.kitchenLoad(this.deps.db, businessId);
  }

  history(orderId: string): Promise<OrderEventView[]> {
    return store.selectHistory(this.deps.db, orderId);
  }

  /** Loads orders by id with their queue estimates (for events; no viewer check). */
  async viewsOf(ids: readonly string[], q: Queryable = this.deps.db): Promise<OrderView[]> {
    if (ids.length === 0) return [];
    const orders = await store.selectOrders(q, 'o.id = ANY($1::uuid[])', [ids], ids.length);
    return this.withQueue(orders, q);
  }

  /** Sends every waiting order of a business its new place and estimate, after the queue moved. */
  async publishQueue(businessId: string, except: ReadonlySet<string> = new Set()): Promise<void> {
    const live = await store.selectLiveOrders(this.deps.db, [businessId]);
    const ids = live.filter((o) => o.state !== 'processing' && !except.has(o.id)).map((o) => o.id);
    for (const order of await this.viewsOf(ids)) publishOrder(this.deps.pubsub, order);
  }

  /** Publishes a committed change to its subscribers and observers. */
  announce(from: OrderState | null, order: OrderView, context: TransitionContext): void {
    publishOrder(this.deps.pubsub, order);
    this.deps.observer?.transitioned(from, order, context);
  }

  private async transition(
    viewer: Viewer,
    id: unknown,
    rule: TransitionRule,
    meta: RequestMeta,
  ): Promise<OrderView> {
    const orderId = requireId(id, 'order');
    const owner: store.Owner = { column: ownerColumn(viewer), id: viewer.id };
    const now = isoAt(this.deps.clock.now());
    const changed = await this.deps.db.transaction(async (tx) => {
      const row = await store.transitionOrder(tx, orderId, owner, rule.from, rule.to, now);
      if (!row) {
        const state = await store.stateOf(tx, orderId, owner);
        if (state === null) throw new NotFoundError('order not found');
        throw new InvalidStateError(
          `The order is ${state}; only ${rule.from.join(' or ')} orders can be ${rule.verb}`,
          { state: state.toUpperCase() },
        );
      }
      if (rule.restock) await store.releaseStock(tx, row.menu_item_id, row.quantity, now);
      await store.insertEvent(tx, {
        orderId,
        from: rule.from.length === 1 ? rule.from[0]! : null,
        to: rule.to,
        actor: rule.actor,
        actorId: viewer.id,
        requestId: meta.requestId ?? null,
        at: now,
      });
      return row;
    });

    const order = await this.requireView(changed.id);
    this.announce(rule.from[0] ?? null, order, { actor: rule.actor, requestId: meta.requestId });
    const businessId = changed.business_id;
    if (rule.restock) {
      const item = await menuItemView(this.deps.db, changed.menu_item_id);
      if (item) this.deps.pubsub.publish('menuUpdated', businessId, item);
    }
    if (rule.to === 'accepted' || rule.to === 'completed') {
      this.deps.pubsub.publish('kitchenWake', businessId);
    }
    // A change in line moves everyone behind it; the kitchen republishes when it starts the next order.
    if (rule.to !== 'completed') await this.publishQueue(businessId, new Set([order.id]));
    return order;
  }

  private async requireView(id: string): Promise<OrderView> {
    const [order] = await this.viewsOf([id]);
    if (!order) throw new NotFoundError('order not found');
    return order;
  }

  private async withQueue(orders: OrderView[], q: Queryable = this.deps.db): Promise<OrderView[]> {
    const live = orders.filter((o) => !FINAL_STATES.has(o.state));
    if (live.length === 0) return orders;
    const businessIds = [...new Set(live.map((o) => o.menuItem.business.id))];
    const rows = await store.selectLiveOrders(q, businessIds);
    const now = this.deps.clock.now();
    const { capacity, prepMs } = this.deps.kitchen;
    const spots = new Map<string, { position: number; readyAt: number }>();
    for (const businessId of businessIds) {
      const mine = rows.filter((r) => r.business_id === businessId);
      const estimate = estimateQueue({
        now,
        capacity,
        prepMs,
        cooking: mine
          .filter((r) => r.state === 'processing')
          .map((r) => ({
            id: r.id,
            dueAt: r.due_at ? new Date(r.due_at).getTime() : now + prepMs,
          })),
        waiting: mine.filter((r) => r.state !== 'processing').map((r) => r.id),
      });
      for (const [id, spot] of estimate) spots.set(id, spot);
    }
    return orders.map((o) => {
      const spot = spots.get(o.id);
      return spot
        ? { ...o, queuePosition: spot.position, estimatedReadyAt: isoAt(spot.readyAt) }
        : o;
    });
  }
}

function ownerColumn(viewer: Viewer): store.Owner['column'] {
  return viewer.role === 'user' ? 'user_id' : 'business_id';
}

export function requireOrderStateFilter(value: unknown): OrderState | null {
  if (value === undefined || value === null || value === '') return null;
  const state = String(value).toLowerCase() as OrderState;
  if (!ORDER_STATES.includes(state)) {
    throw new BadRequestError(`state must be one of ${ORDER_STATES.join(', ')}`, {
      field: 'state',
    });
  }
  return state;
}
