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

export const FINAL_STATES: ReadonlySet<OrderState> = new Set([
  'completed',
  'cancelled',
  'rejected',
]);

export type Role = 'user' | 'business';
export type Actor = Role | 'kitchen';

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

export interface MenuItemView {
  id: string;
  name: string;
  imageUrl: string;
  price: number;
  inStore: number;
  business: BusinessView;
}

export interface OrderView {
  id: string;
  state: OrderState;
  quantity: number;
  unitPrice: number;
  userId: string;
  userName: string;
  menuItem: MenuItemView;
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

export interface OrderEventView {
  at: string;
  from: OrderState | null;
  to: OrderState;
  actor: Actor;
}

export function isOrderState(value: unknown): value is OrderState {
  return typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value);
}
