// The one writer of order moves and their history rows, by the table of edges in
// api/domain/order-edges.ts. Placement, the customers' and businesses' actions, the kitchen and the
// system all move orders through `performMove` (placement writes its first history row through the
// same store writer).
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors.js';
import { encodeEventCursor } from '../domain/cursor.js';
import { EDGES, OPEN_STATES, type Edge, type Move } from '../domain/order-edges.js';
import type { Actor, OrderEventView } from '../domain/types.js';
import type { Queryable } from '../store/db.js';
import * as store from '../store/orders.store.js';

export * from '../domain/order-edges.js';

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
