// What the system tells operators about each order change: a log line with the request that caused
// it, and the domain metrics. Used by the API and by a stand-alone kitchen alike.
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Actor, OrderState, OrderView } from './domain/types.js';

export interface TransitionContext {
  actor: Actor;
  /** The request that caused the change (for the kitchen: the request that accepted the order). */
  requestId?: string | null | undefined;
}

export interface OrderObserver {
  transitioned(from: OrderState | null, order: OrderView, context: TransitionContext): void;
  outOfStock(): void;
}

export function createOrderObserver(log: Logger, metrics?: Metrics): OrderObserver {
  return {
    transitioned(from, order, { actor, requestId }) {
      log.info(
        {
          requestId: requestId ?? undefined,
          orderId: order.id,
          businessId: order.menuItem.business.id,
          from,
          to: order.state,
          actor,
        },
        'order transition',
      );
      if (!metrics) return;
      if (from === null) metrics.ordersPlaced.inc();
      metrics.orderTransitions.inc({ to: order.state });
      if (order.state === 'completed' && order.acceptedAt && order.finishedAt) {
        metrics.acceptedToCompleted.observe(
          (Date.parse(order.finishedAt) - Date.parse(order.acceptedAt)) / 1000,
        );
      }
    },
    outOfStock() {
      metrics?.ordersOutOfStock.inc();
    },
  };
}
