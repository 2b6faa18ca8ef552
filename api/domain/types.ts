// The shapes services hand to transports and to the event bus: plain JSON, so they cross Redis unchanged.

export const ORDER_STATES = [
  'pending',
  'accepted',
  'processing',
  'completed',
  'cancelled',
  'rejected',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export type Role = 'user' | 'business';
export type Actor = Role | 'kitchen' | 'system';

export interface Viewer {
  role: Role;
  id: string;
  name: string;
}

export interface BusinessView {
  id: string;
  name: string;
  imageUrl: string;
}

/** Whether a business takes orders now; while paused, why and until when (if it said). */
export interface OrderingView {
  open: boolean;
  reason: string | null;
  until: string | null;
}

export interface MenuItemView {
  id: string;
  name: string;
  imageUrl: string;
  price: number;
  inStore: number;
  business: BusinessView;
}

/** How many of an item: the kitchen's all-day count. */
export interface ItemCountView {
  menuItem: MenuItemView;
  quantity: number;
}

export interface OrderLineView {
  menuItem: MenuItemView;
  quantity: number;
  /** The price of one when the order was placed. */
  unitPrice: number;
  note: string | null;
}

export interface OrderView {
  id: string;
  state: OrderState;
  /** All lines together. */
  quantity: number;
  /** The first line's unit price (older clients read one item per order). */
  unitPrice: number;
  userId: string;
  userName: string;
  /** The first line's item. */
  menuItem: MenuItemView;
  lines: OrderLineView[];
  note: string | null;
  /** The sum of the lines, in the menu's currency. */
  total: number;
  createdAt: string;
  updatedAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** 0 = in the oven; n ≥ 1 = n-th in line; null when final. */
  queuePosition: number | null;
  estimatedReadyAt: string | null;
}

/** One stored transition of an order, with its place in the event log. */
export interface OrderEventView {
  /** Opaque and increasing: resume `orderEvents(after:)` from it. */
  cursor: string;
  orderId: string;
  at: string;
  from: OrderState | null;
  to: OrderState;
  actor: Actor;
  reason: string | null;
}

export function isOrderState(value: unknown): value is OrderState {
  return typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value);
}
