// Every move an order can make, in one table, and the one writer of moves and their history rows.
// Placement, the customers' and businesses' actions, the kitchen and the system all move orders
// through `performMove` (placement writes its first history row through the same store writer).
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors.js';
import { encodeEventCursor } from '../domain/cursor.js';
import type { Actor, OrderEventView, OrderState, Role } from '../domain/types.js';
import type { Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';

/** What a person can ask for; clients draw their buttons from these (`Order.nextActions`). */
export const ORDER_ACTIONS = ['accept', 'reject', 'cancel', 'complete'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Timestamps a move writes besides `updated_at`. */
export type Stamp = store.Stamp;

export interface Edge {
  from: OrderState | null;
  to: OrderState;
  /** Who may make this move. */
  actors: readonly Actor[];
  /** Gives the order's stock back. */
  restock: boolean;
  stamps: readonly Stamp[];
  /** The action a person takes to make it (none for the kitchen's and placement). */
  action: OrderAction | null;
  /** Words for a refusal: "only pending orders can be <verb>". */
  verb: string;
}

export const EDGES = {
  place: {
    from: null,
    to: 'pending',
    actors: ['user'],
    restock: false,
    stamps: [],
    action: null,
    verb: 'placed',
  },
  accept: {
    from: 'pending',
    to: 'accepted',
    actors: ['business'],
    restock: false,
    stamps: ['accepted'],
    action: 'accept',
    verb: 'accepted',
  },
  reject: {
    from: 'pending',
    to: 'rejected',
    actors: ['business', 'system'],
    restock: true,
    stamps: ['finished'],
    action: 'reject',
    verb: 'rejected',
  },
  cancel: {
    from: 'pending',
    to: 'cancelled',
    actors: ['user'],
    restock: true,
    stamps: ['finished'],
    action: 'cancel',
    verb: 'cancelled',
  },
  start: {
    from: 'accepted',
    to: 'processing',
    actors: ['kitchen'],
    restock: false,
    stamps: ['started'],
    action: null,
    verb: 'started',
  },
  complete: {
    from: 'processing',
    to: 'completed',
    actors: ['business', 'kitchen'],
    restock: false,
    stamps: ['finished'],
    action: 'complete',
    verb: 'completed early',
  },
} as const satisfies Record<string, Edge>;

export type Move = keyof typeof EDGES;

/** The states in which an order counts against its customer's cap of open orders at a business. */
export const OPEN_STATES: ReadonlySet<OrderState> = new Set(['pending', 'accepted']);
export const MOVES = Object.keys(EDGES) as Move[];

/** What the viewer may do now to an order in `state` (an order they can see). */
export function nextActions(state: OrderState, role: Role | null): OrderAction[] {
  if (role === null) return [];
  return MOVES.flatMap((move) => {
    const edge: Edge = EDGES[move];
    return edge.action && edge.from === state && edge.actors.includes(role) ? [edge.action] : [];
  });
}

export function isFinal(state: OrderState): boolean {
  return !MOVES.some((move) => EDGES[move].from === state);
}

export interface MoveRequest {
  /** The orders to move; those not in the edge's `from` state (or not the owner's) are left alone. */
  ids: readonly string[];
  /** Only orders of this customer or business. */
  owner?: store.Owner | undefined;
  actor: Actor;
  actorId: string | null;
  reason?: string | null | undefined;
  requestId?: string | null | undefined;
  /** ISO time of the move. */
  at: string;
  /** For `start`: when the order is due out of the oven. */
  dueAt?: string | undefined;
}

/**
 * Performs one move on some orders inside the caller's transaction: one conditional update that
 * stamps the edge's times, gives stock back when the edge says so, and writes each moved order's
 * history row. Returns the orders that moved, in the order of `ids`.
 */
export async function performMove(
  tx: Queryable,
  move: Move,
  request: MoveRequest,
): Promise<store.MovedOrder[]> {
  const edge: Edge = EDGES[move];
  if (edge.from === null) throw new Error(`${move} is not a move of an existing order`);
  if (!edge.actors.includes(request.actor)) {
    throw new ForbiddenError('Your account cannot do this', { reason: 'actor', move });
  }
  if (request.ids.length === 0) return [];
  if (edge.stamps.includes('started') && !request.dueAt) throw new Error('start needs a due time');
  const moved = await store.moveOrders(tx, {
    ids: request.ids,
    owner: request.owner,
    from: edge.from,
    to: edge.to,
    stamps: edge.stamps,
    restock: edge.restock,
    releasesHold: OPEN_STATES.has(edge.from) && !OPEN_STATES.has(edge.to),
    at: request.at,
    dueAt: request.dueAt ?? null,
    event: {
      actor: request.actor,
      actorId: request.actorId,
      reason: request.reason ?? null,
      requestId: request.requestId ?? null,
    },
  });
  const byId = new Map(moved.map((o) => [o.id, o]));
  return request.ids.flatMap((id) => byId.get(id) ?? []);
}

/** Why a move of one order did not happen: it is not the viewer's, or not in the edge's state. */
export async function refusal(
  q: Queryable,
  move: Move,
  orderId: string,
  owner: store.Owner,
): Promise<Error> {
  const state = await store.stateOf(q, orderId, owner);
  if (state === null) return new NotFoundError('order not found');
  const edge: Edge = EDGES[move];
  return new InvalidStateError(
    `The order is ${state}; only ${edge.from} orders can be ${edge.verb}`,
    { state: state.toUpperCase() },
  );
}

/** The stored event a move wrote, as subscribers receive it. */
export function eventOfMove(
  move: Move,
  eventId: string,
  orderId: string,
  details: { actor: Actor; at: string; reason?: string | null | undefined },
): OrderEventView {
  const edge: Edge = EDGES[move];
  return {
    cursor: encodeEventCursor(eventId),
    orderId,
    at: details.at,
    from: edge.from,
    to: edge.to,
    actor: details.actor,
    reason: details.reason ?? null,
  };
}
