// Every move an order can make, in one table: from where to where, who may make it, whether it
// gives stock back, which times it stamps. Plain data, so the web app reads the same rules
// (api/services/order-lifecycle.ts performs the moves).
import type { Actor, OrderState, Role } from './types.js';

/** What a person can ask for; clients draw their buttons from these (`Order.nextActions`). */
export const ORDER_ACTIONS = ['accept', 'reject', 'cancel', 'complete'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Timestamps a move writes besides `updated_at`. */
export type Stamp = 'accepted' | 'started' | 'finished';

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
