// The one event bus: typed topics, in-process by default, across processes through Redis when REDIS_URL is set.
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { MenuItemView, OrderView } from './services/types.js';

export type Events = {
  /** Every change of one order (state, queue position or estimate). */
  orderUpdated: [orderId: string, order: OrderView];
  /** Every change of any order of a business. */
  businessOrderUpdated: [businessId: string, order: OrderView];
  /** Every change of any order of a customer. */
  userOrderUpdated: [userId: string, order: OrderView];
  /** A newly placed order, for its business. */
  newOrder: [businessId: string, order: OrderView];
  /** A menu item created or changed (price, stock, name). */
  menuUpdated: [businessId: string, item: MenuItemView];
  /** Work for a business's kitchen: an order was accepted or a slot was freed. */
  kitchenWake: [businessId: string];
};

export type EventBus = PubSub<Events>;

export interface Bus {
  pubsub: EventBus;
  close(): Promise<void>;
}

export function createBus(redisUrl: string | undefined): Bus {
  if (!redisUrl) return { pubsub: createPubSub<Events>(), close: async () => undefined };
  const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // ioredis reconnects on its own; an unhandled 'error' event would crash the process.
  publishClient.on('error', () => undefined);
  subscribeClient.on('error', () => undefined);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Events>({ eventTarget }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** Publishes an order's change to everyone entitled to see it. */
export function publishOrder(pubsub: EventBus, order: OrderView): void {
  pubsub.publish('orderUpdated', order.id, order);
  pubsub.publish('businessOrderUpdated', order.menuItem.business.id, order);
  pubsub.publish('userOrderUpdated', order.userId, order);
}
