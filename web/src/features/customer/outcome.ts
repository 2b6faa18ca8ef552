// Why a customer's order stopped: who declined or cancelled it, and the reason they gave.
import type { Actor, OrderState } from '../../gql/graphql';

export interface StoppedOrder {
  state: OrderState;
  history: readonly { to: OrderState; actor: Actor; reason?: string | null }[];
}

export interface Outcome {
  /** A sentence for the status card, replacing the state's usual one. */
  headline: string;
  /** The reason as given, when there is one. */
  reason: string | null;
}

function stoppedBy(order: StoppedOrder) {
  for (let i = order.history.length - 1; i >= 0; i -= 1) {
    const event = order.history[i]!;
    if (event.to === order.state) return event;
  }
  return null;
}

/** For a declined or cancelled order: who stopped it and why; null for other states. */
export function outcomeOf(order: StoppedOrder): Outcome | null {
  if (order.state !== 'REJECTED' && order.state !== 'CANCELLED') return null;
  const event = stoppedBy(order);
  const reason = event?.reason?.trim() || null;
  if (order.state === 'REJECTED') {
    const headline =
      event?.actor === 'SYSTEM'
        ? 'Not confirmed in time — the restaurant did not answer, so you have not been charged.'
        : 'Declined by the restaurant — you have not been charged.';
    return { headline, reason };
  }
  switch (event?.actor) {
    case 'BUSINESS':
    case 'KITCHEN':
      return { headline: 'Cancelled by the restaurant — nothing will be charged.', reason };
    case 'SYSTEM':
      return { headline: 'Cancelled by Orderly — nothing will be charged.', reason };
    default:
      return { headline: 'Cancelled — nothing will be cooked.', reason };
  }
}
