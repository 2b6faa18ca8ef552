// One look per order state for both roles: label, colour token and icon, plus the customer timeline.
import { isFinal } from '../../../api/domain/order-edges';
import type { OrderState as StoredState } from '../../../api/domain/types';
import type { Actor, OrderState } from '../gql/graphql';
import type { IconName } from './icons';
import { orderSummary, type SummaryLine } from './orders';

export interface StatusLook {
  label: string;
  /** What a customer reads on the badge (the business board says "New"). */
  customerLabel: string;
  /** Suffix of the `--status-*` CSS custom properties. */
  tone: 'new' | 'accepted' | 'cooking' | 'ready' | 'cancelled' | 'rejected';
  icon: IconName;
  /** A sentence for the customer's screen-reader announcement and status card. */
  customerText: string;
}

export function statusLook(state: OrderState): StatusLook {
  switch (state) {
    case 'PENDING':
      return {
        label: 'New',
        customerLabel: 'Placed',
        tone: 'new',
        icon: 'bell',
        customerText: 'Order placed — waiting for the restaurant to confirm it.',
      };
    case 'ACCEPTED':
      return {
        label: 'Accepted',
        customerLabel: 'Accepted',
        tone: 'accepted',
        icon: 'check-circle',
        customerText: 'Accepted — your order is queued for the oven.',
      };
    case 'PROCESSING':
      return {
        label: 'Cooking',
        customerLabel: 'Cooking',
        tone: 'cooking',
        icon: 'flame',
        customerText: 'Cooking — your order is in the oven.',
      };
    case 'COMPLETED':
      return {
        label: 'Ready',
        customerLabel: 'Ready',
        tone: 'ready',
        icon: 'bag',
        customerText: 'Ready! Enjoy your meal.',
      };
    case 'CANCELLED':
      return {
        label: 'Cancelled',
        customerLabel: 'Cancelled',
        tone: 'cancelled',
        icon: 'x',
        customerText: 'Cancelled — nothing will be cooked.',
      };
    case 'REJECTED':
      return {
        label: 'Declined',
        customerLabel: 'Declined',
        tone: 'rejected',
        icon: 'ban',
        customerText: 'Declined by the restaurant — you have not been charged.',
      };
  }
}

/** An order no edge of the lifecycle leaves (api/domain/order-edges.ts). */
export function isFinalState(state: OrderState): boolean {
  return isFinal(state.toLowerCase() as StoredState);
}

export function actorLabel(actor: Actor): string {
  switch (actor) {
    case 'USER':
      return 'you';
    case 'BUSINESS':
      return 'the business';
    case 'KITCHEN':
      return 'the kitchen';
    case 'SYSTEM':
      return 'Orderly';
  }
}

export type StepProgress = 'done' | 'current' | 'upcoming' | 'stopped';

export interface TimelineStep {
  key: 'placed' | 'accepted' | 'cooking' | 'ready' | 'cancelled' | 'rejected';
  label: string;
  at: string | null;
  progress: StepProgress;
}

interface TimelineOrder {
  state: OrderState;
  createdAt: string;
  history: readonly { at: string; to: OrderState }[];
}

function reachedAt(order: TimelineOrder, state: OrderState): string | null {
  return order.history.find((event) => event.to === state)?.at ?? null;
}

/** Placed → Accepted → Cooking → Ready, or Placed → Cancelled/Declined for orders that stopped. */
export function timelineSteps(order: TimelineOrder): TimelineStep[] {
  const placedAt = reachedAt(order, 'PENDING') ?? order.createdAt;
  if (order.state === 'CANCELLED' || order.state === 'REJECTED') {
    const cancelled = order.state === 'CANCELLED';
    return [
      { key: 'placed', label: 'Placed', at: placedAt, progress: 'done' },
      {
        key: cancelled ? 'cancelled' : 'rejected',
        label: cancelled ? 'Cancelled' : 'Declined',
        at: reachedAt(order, order.state),
        progress: 'stopped',
      },
    ];
  }
  const lifecycle: OrderState[] = ['PENDING', 'ACCEPTED', 'PROCESSING', 'COMPLETED'];
  const currentIndex = lifecycle.indexOf(order.state);
  const steps: [TimelineStep['key'], string, OrderState][] = [
    ['placed', 'Placed', 'PENDING'],
    ['accepted', 'Accepted', 'ACCEPTED'],
    ['cooking', 'Cooking', 'PROCESSING'],
    ['ready', 'Ready', 'COMPLETED'],
  ];
  return steps.map(([key, label, state], index) => {
    let progress: StepProgress = 'upcoming';
    if (index < currentIndex || (index === currentIndex && state === 'COMPLETED'))
      progress = 'done';
    else if (index === currentIndex) progress = 'current';
    const at = key === 'placed' ? placedAt : reachedAt(order, state);
    return { key, label, at: progress === 'upcoming' ? null : at, progress };
  });
}

/** A ticket-friendly order number: numeric ids as they are, UUIDs by their first six characters. */
export function shortId(id: string): string {
  return /^\d+$/.test(id) ? id : id.replace(/-/g, '').slice(0, 6).toUpperCase();
}

export function stockLabel(inStore: number): string {
  if (inStore <= 0) return 'Sold out';
  if (inStore <= 5) return `Only ${inStore} left`;
  return `${inStore} in stock`;
}

export interface OrderAlert {
  kind: 'success' | 'info' | 'error';
  message: string;
}

/**
 * What to tell a customer who is looking at another screen when their order changes state;
 * null when there is nothing new for them (their own placing or cancelling, or a queue move).
 */
export function orderAlert(
  previous: OrderState | undefined,
  order: {
    state: OrderState;
    lines: readonly SummaryLine[];
    business: { name: string };
    /** When given, a rejection by the system (not confirmed in time) says so. */
    history?: readonly { to: OrderState; actor: Actor }[];
  },
): OrderAlert | null {
  if (previous === order.state) return null;
  const summary = orderSummary(order.lines);
  const what = order.lines.length === 1 ? summary : `order of ${summary}`;
  switch (order.state) {
    case 'PENDING':
    case 'CANCELLED':
      return null;
    case 'ACCEPTED':
      return { kind: 'info', message: `${order.business.name} accepted your ${what}.` };
    case 'PROCESSING':
      return { kind: 'info', message: `Your ${what} is in the oven.` };
    case 'COMPLETED':
      return { kind: 'success', message: `Your ${what} is ready!` };
    case 'REJECTED':
      return {
        kind: 'error',
        message: order.history?.some((event) => event.to === 'REJECTED' && event.actor === 'SYSTEM')
          ? `${order.business.name} did not confirm your ${what} in time. You have not been charged.`
          : `${order.business.name} declined your ${what}. You have not been charged.`,
      };
  }
}
