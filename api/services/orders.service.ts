// The order rules: who may do what to which order, stock reservation, idempotency, and the events each change sends.
import {
  HISTORY_PAGE_DEFAULT,
  HISTORY_PAGE_MAX,
  MAX_HISTORY_SEARCH_LENGTH,
  MAX_LINES,
  MAX_NOTE_LENGTH,
  MAX_ORDER_QUANTITY,
  MAX_QUANTITY,
  MAX_REASON_LENGTH,
  MIN_QUANTITY,
  ORDERS_LIST_MAX,
} from '../domain/limits.js';
import { decodeOrderCursor, encodeOrderCursor, type OrderPosition } from '../domain/cursor.js';
import { BadRequestError, ForbiddenError, NotFoundError, OutOfStockError } from '../errors.js';
import { publishOrder, publishOrderEvent, type EventBus } from '../pubsub.js';
import type { Db, Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';
import { ALL_ORDER_FIELDS, type OrderFields, type PlacementLine } from '../store/orders.store.js';
import { menuItemViews } from '../store/menus.store.js';
import { isoAt, type Clock } from './clock.js';
import { orderEventStream } from './event-stream.js';
import { IdempotencyRace, placementTransaction, requireSameBasket } from './placement.js';
import { spotAtEnd } from './queue.js';
import type { OrderObserver } from '../observe.js';
import { EDGES, eventOfMove, performMove, refusal, type Move } from './order-lifecycle.js';
import {
  ORDER_STATES,
  type Actor,
  type ItemCountView,
  type OrderEventView,
  type OrderState,
  type OrderView,
  type Viewer,
} from '../domain/types.js';
import { optionalText, requireId, requireInteger, requireText } from './validate.js';

export interface KitchenSettings {
  capacity: number;
  prepMs: number;
}

export interface OrdersDeps {
  db: Db;
  pubsub: EventBus;
  clock: Clock;
  kitchen: KitchenSettings;
  /** Pending and accepted orders one customer may hold at one business. */
  maxOpenOrders: number;
  /** Told of each committed change (logs, metrics); must not throw. */
  observer?: OrderObserver;
}

export interface RequestMeta {
  requestId?: string | undefined;
}

/** Pending orders the system rejects in one go; more wait for the next pass. */
const EXPIRY_BATCH = 200;

export interface PlaceOrderInput {
  /** The one-item form: an item and a quantity. */
  menuItemId?: unknown;
  quantity?: unknown;
  /** The basket form: 1–20 lines. */
  lines?: unknown;
  note?: unknown;
  idempotencyKey?: unknown;
}

export interface HistoryPageInput {
  first?: unknown;
  after?: unknown;
  state?: OrderState | null | undefined;
  since?: Date | string | null | undefined;
  until?: Date | string | null | undefined;
  /** An order number's first digits or part of a customer's name (History's search box). */
  search?: unknown;
}

export interface OrderPage {
  edges: { node: OrderView; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Counted only when asked for: the first page's cost stays flat as history grows. */
  totalCount(): Promise<number>;
  /** The money of the matching orders, on every page; summed only when asked for. */
  totalAmount(): Promise<number>;
}

export class OrdersService {
  constructor(private readonly deps: OrdersDeps) {}

  async placeOrder(
    viewer: Viewer,
    input: PlaceOrderInput,
    meta: RequestMeta = {},
  ): Promise<OrderView> {
    if (viewer.role !== 'user') throw new ForbiddenError('Your account cannot do this');
    const lines = requireLines(input);
    const note = optionalText(input.note, 'note', MAX_NOTE_LENGTH);
    const key =
      input.idempotencyKey === undefined || input.idempotencyKey === null
        ? null
        : requireText(input.idempotencyKey, 'idempotencyKey', 1, 200);

    const placement = {
      viewer,
      lines,
      note,
      key,
      now: this.deps.clock.now(),
      kitchen: this.deps.kitchen,
      maxOpenOrders: this.deps.maxOpenOrders,
      requestId: meta.requestId ?? null,
    };
    let order: OrderView;
    let eventId: string;
    try {
      const placed = await placementTransaction(this.deps.db, placement);
      if (placed.replay) return this.requireView(placed.id);
      ({ order, eventId } = placed);
    } catch (error) {
      if (error instanceof OutOfStockError) this.deps.observer?.outOfStock();
      if (!(error instanceof IdempotencyRace) || !key) throw error;
      const winner = await store.findIdempotentOrder(this.deps.db, viewer.id, key);
      if (!winner) throw error;
      await requireSameBasket(this.deps.db, winner, placement);
      return this.requireView(winner);
    }

    const businessId = order.menuItem.business.id;
    this.deps.pubsub.publish('newOrder', businessId, order);
    this.announce(
      eventOfMove('place', eventId, order.id, { actor: 'user', at: order.createdAt }),
      order,
      meta.requestId,
    );
    const items = new Map(order.lines.map((line) => [line.menuItem.id, line.menuItem]));
    for (const item of items.values()) this.deps.pubsub.publish('menuUpdated', businessId, item);
    return order;
  }

  cancelOrder(viewer: Viewer, id: unknown, reason?: unknown, meta: RequestMeta = {}) {
    return this.move(viewer, 'cancel', id, reason, meta);
  }

  acceptOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.move(viewer, 'accept', id, null, meta);
  }

  rejectOrder(viewer: Viewer, id: unknown, reason?: unknown, meta: RequestMeta = {}) {
    return this.move(viewer, 'reject', id, reason, meta);
  }

  completeOrder(viewer: Viewer, id: unknown, meta: RequestMeta = {}) {
    return this.move(viewer, 'complete', id, null, meta);
  }

  /** An order the viewer may see, or null (unknown and foreign orders look the same). */
  async getOrder(
    viewer: Viewer,
    id: unknown,
    fields: OrderFields = ALL_ORDER_FIELDS,
  ): Promise<OrderView | null> {
    let orderId: string;
    try {
      orderId = requireId(id, 'order');
    } catch {
      return null;
    }
    const [order] = await store.selectOrders(
      this.deps.db,
      { ids: [orderId], owner: ownerOf(viewer) },
      fields,
    );
    return order ? this.placeInLine(order) : null;
  }

  /**
   * The viewer's newest orders: `first` of them (1 to 500; all 500 when not given), with the parts
   * of each that `fields` names (all by default).
   */
  async listOrders(
    viewer: Viewer,
    state?: OrderState | null,
    first?: unknown,
    fields: OrderFields = ALL_ORDER_FIELDS,
  ): Promise<OrderView[]> {
    const limit =
      first === undefined || first === null
        ? ORDERS_LIST_MAX
        : requireInteger(first, 'first', 1, ORDERS_LIST_MAX);
    const listed = await store.selectOrders(
      this.deps.db,
      { owner: ownerOf(viewer), state, limit },
      fields,
    );
    return listed.map((order) => this.placeInLine(order));
  }

  /**
   * One page of the viewer's orders, newest first, after `after` (a cursor of an earlier page):
   * stable while new orders arrive, since a page starts strictly below the last one seen.
   */
  async orderHistory(
    viewer: Viewer,
    page: HistoryPageInput,
    size: { default: number; max: number } = {
      default: HISTORY_PAGE_DEFAULT,
      max: HISTORY_PAGE_MAX,
    },
    fields: OrderFields = ALL_ORDER_FIELDS,
  ): Promise<OrderPage> {
    const first =
      page.first === undefined || page.first === null
        ? size.default
        : requireInteger(page.first, 'first', 1, size.max);
    let after: OrderPosition | null = null;
    if (page.after !== undefined && page.after !== null) {
      after = typeof page.after === 'string' ? decodeOrderCursor(page.after) : null;
      if (!after)
        throw new BadRequestError('after is not a cursor of this list', { field: 'after' });
    }
    const filter: store.OrderFilter = {
      owner: ownerOf(viewer),
      state: page.state ?? null,
      since: page.since ? isoAt(new Date(page.since).getTime()) : null,
      until: page.until ? isoAt(new Date(page.until).getTime()) : null,
      search: optionalText(page.search, 'search', MAX_HISTORY_SEARCH_LENGTH)?.trim() || null,
    };
    const rows = await store.selectOrders(
      this.deps.db,
      { ...filter, after, limit: first + 1 },
      fields,
    );
    const orders = rows.slice(0, first).map((order) => this.placeInLine(order));
    const edges = orders.map((node) => ({
      node,
      cursor: encodeOrderCursor({ at: node.createdAt, id: node.id }),
    }));
    return {
      edges,
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
      totalCount: () => store.countOrders(this.deps.db, filter),
      totalAmount: () => store.sumOrderTotals(this.deps.db, filter),
    };
  }

  /** The viewer's stored order events after a cursor, then live ones (`orderEvents`). */
  eventStream(viewer: Viewer, after: unknown): AsyncIterableIterator<OrderEventView> {
    return orderEventStream(this.deps, viewer, after);
  }

  /** How many orders wait for and sit in a business's oven. */
  /** Per business, its queue and what is in its oven (the Kitchen fields, batched per request). */
  kitchenLoads(businessIds: readonly string[]) {
    return store.kitchenLoads(this.deps.db, businessIds);
  }

  /** The all-day count: per item, what the business's pending and accepted orders still need. */
  async allDay(viewer: Viewer | null, businessId: string): Promise<ItemCountView[]> {
    if (viewer?.role !== 'business' || viewer.id !== businessId) {
      throw new ForbiddenError("Only the business sees its kitchen's all-day count");
    }
    return store.allDay(this.deps.db, businessId);
  }

  /** The stored transitions of these orders (the Order.history field, batched per request). */
  histories(orderIds: readonly string[]): Promise<OrderEventView[]> {
    return store.selectHistories(this.deps.db, orderIds);
  }

  /** Loads orders by id with their queue estimates (for events; no viewer check). */
  async viewsOf(ids: readonly string[], q: Queryable = this.deps.db): Promise<OrderView[]> {
    if (ids.length === 0) return [];
    const listed = await store.selectOrders(q, { ids, limit: ids.length });
    return listed.map((order) => this.placeInLine(order));
  }

  /** Sends every waiting order of a business its new place and estimate, after the queue moved. */
  async publishQueue(businessId: string, except: ReadonlySet<string> = new Set()): Promise<void> {
    const live = await store.selectLiveOrders(this.deps.db, [businessId]);
    const ids = live.filter((o) => o.state !== 'processing' && !except.has(o.id)).map((o) => o.id);
    for (const order of await this.viewsOf(ids)) publishOrder(this.deps.pubsub, order);
  }

  /** Publishes a committed move (its stored event and the order now) to subscribers and observers. */
  announce(event: OrderEventView, order: OrderView, requestId?: string | null): void {
    publishOrder(this.deps.pubsub, order);
    publishOrderEvent(this.deps.pubsub, order, event);
    this.deps.observer?.transitioned(event.from, order, { actor: event.actor, requestId });
  }

  /** A customer's or business's move of one of their orders, through the lifecycle. */
  private async move(
    viewer: Viewer,
    move: Move,
    id: unknown,
    reasonInput: unknown,
    meta: RequestMeta,
  ): Promise<OrderView> {
    const edge = EDGES[move];
    // Refused before anything is read: calling the service in-process is as safe as over GraphQL.
    if (!(edge.actors as readonly string[]).includes(viewer.role)) {
      throw new ForbiddenError('Your account cannot do this');
    }
    const orderId = requireId(id, 'order');
    const reason = optionalText(reasonInput, 'reason', MAX_REASON_LENGTH);
    const owner = ownerOf(viewer);
    const at = isoAt(this.deps.clock.now());
    const changed = await this.deps.db.transaction(async (tx) => {
      const [moved] = await performMove(tx, move, {
        ids: [orderId],
        owner,
        actor: viewer.role,
        actorId: viewer.id,
        reason,
        requestId: meta.requestId,
        at,
      });
      if (!moved) throw await refusal(tx, move, orderId, owner);
      return moved;
    });

    const [order] = await this.afterMove(move, [changed], {
      actor: viewer.role,
      at,
      reason,
      requestId: meta.requestId,
    });
    if (!order) throw new NotFoundError('order not found');
    return order;
  }

  /**
   * The system's move: rejects, with a reason the customer sees, every pending order placed before
   * `cutoff` (ISO) that nobody accepted. Exactly once across processes: the move is conditional.
   */
  async expirePending(cutoff: string, reason: string): Promise<string[]> {
    const ids = await store.pendingPlacedBefore(this.deps.db, cutoff, EXPIRY_BATCH);
    if (ids.length === 0) return [];
    const at = isoAt(this.deps.clock.now());
    const moved = await this.deps.db.transaction((tx) =>
      performMove(tx, 'reject', { ids, actor: 'system', actorId: null, reason, at }),
    );
    return (await this.afterMove('reject', moved, { actor: 'system', at, reason })).map(
      (o) => o.id,
    );
  }

  /** Tells everyone of committed moves: the orders, the stock given back, the kitchen, the line. */
  async afterMove(
    move: Move,
    moved: readonly store.MovedOrder[],
    details: { actor: Actor; at: string; reason?: string | null; requestId?: string | null },
    requestIds: ReadonlyMap<string, string> = new Map(),
  ): Promise<OrderView[]> {
    const edge = EDGES[move];
    const orders = await this.viewsOf(moved.map((o) => o.id));
    const eventIds = new Map(moved.map((o) => [o.id, o.event_id]));
    for (const order of orders) {
      const event = eventOfMove(move, eventIds.get(order.id)!, order.id, details);
      this.announce(event, order, requestIds.get(order.id) ?? details.requestId);
    }
    // The kitchen wakes itself and republishes the line after its own pass.
    if (details.actor === 'kitchen') return orders;
    for (const businessId of new Set(moved.map((o) => o.business_id))) {
      const mine = moved.filter((o) => o.business_id === businessId);
      if (edge.restock) {
        const itemIds = [...new Set(mine.flatMap((o) => o.item_ids))];
        for (const item of await menuItemViews(this.deps.db, itemIds)) {
          this.deps.pubsub.publish('menuUpdated', businessId, item);
        }
      }
      if (edge.to === 'accepted' || edge.to === 'completed') {
        this.deps.pubsub.publish('kitchenWake', businessId);
      }
      // A change in line moves everyone behind it; the kitchen republishes when it starts the next.
      if (edge.to !== 'completed') {
        await this.publishQueue(businessId, new Set(mine.map((o) => o.id)));
      }
    }
    return orders;
  }

  private async requireView(id: string): Promise<OrderView> {
    const [order] = await this.viewsOf([id]);
    if (!order) throw new NotFoundError('order not found');
    return order;
  }

  /** A listed order with its place in line and estimate, when it is live and they were read. */
  private placeInLine({ order, line }: store.ListedOrder): OrderView {
    const { capacity, prepMs } = this.deps.kitchen;
    if (order.state === 'processing') {
      const now = this.deps.clock.now();
      const due = order.dueAt ? Date.parse(order.dueAt) : now + prepMs;
      return { ...order, queuePosition: 0, estimatedReadyAt: isoAt(Math.max(due, now)) };
    }
    if (!line) return order;
    const now = this.deps.clock.now();
    const spot = spotAtEnd({
      now,
      capacity,
      prepMs,
      cooking: line.cookingDue.map((due) => (due ? Date.parse(due) : now + prepMs)),
      ahead: line.ahead,
    });
    return { ...order, queuePosition: spot.position, estimatedReadyAt: isoAt(spot.readyAt) };
  }
}

function ownerOf(viewer: Viewer): store.Owner {
  return { column: viewer.role === 'user' ? 'user_id' : 'business_id', id: viewer.id };
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

/** The order's lines, from either form of a placement; every line checked, and their total. */
function requireLines(input: PlaceOrderInput): PlacementLine[] {
  const oneItem = input.menuItemId !== undefined && input.menuItemId !== null;
  const basket = input.lines !== undefined && input.lines !== null;
  if (oneItem === basket) {
    throw new BadRequestError('Send either menuItemId and quantity, or lines', { field: 'lines' });
  }
  const raw: unknown[] = oneItem
    ? [{ menuItemId: input.menuItemId, quantity: input.quantity }]
    : Array.isArray(input.lines)
      ? input.lines
      : [];
  if (raw.length < 1 || raw.length > MAX_LINES) {
    throw new BadRequestError(`lines: an order has 1 to ${MAX_LINES} lines`, { field: 'lines' });
  }
  const lines = raw.map((value, index): PlacementLine => {
    const line = (typeof value === 'object' && value !== null ? value : {}) as Record<
      string,
      unknown
    >;
    const at = (name: string) => (oneItem ? name : `lines[${index}].${name}`);
    const quantity = requireInteger(line.quantity, at('quantity'), MIN_QUANTITY, MAX_QUANTITY);
    const note = optionalText(line.note, at('note'), MAX_NOTE_LENGTH);
    return { menuItemId: requireId(line.menuItemId, 'menu item'), quantity, note };
  });
  const total = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (total > MAX_ORDER_QUANTITY) {
    throw new BadRequestError(
      `lines: the quantities of one order add up to at most ${MAX_ORDER_QUANTITY}`,
      { field: 'lines' },
    );
  }
  return lines;
}
