// What every GraphQL operation sees: the viewer, the services, and the request's identity for logs.
import type { EventBus } from '../pubsub.js';
import type { AuthService } from '../services/auth.service.js';
import type { MenusService } from '../services/menus.service.js';
import type { KitchenSettings, OrdersService } from '../services/orders.service.js';
import type { OrderingService } from '../services/ordering.service.js';
import type { WebhooksService } from '../services/webhooks.service.js';
import type { Viewer } from '../domain/types.js';

export interface Services {
  auth: AuthService;
  orders: OrdersService;
  menus: MenusService;
  ordering: OrderingService;
  webhooks: WebhooksService;
  kitchen: KitchenSettings;
  pubsub: EventBus;
}

export interface Context {
  viewer: Viewer | null;
  services: Services;
  pubsub: EventBus;
  requestId: string;
  /** The client's address, for login throttling. */
  address: string;
}

export function createContext(
  services: Services,
  viewer: Viewer | null,
  requestId: string,
  address: string,
): Context {
  return { viewer, services, pubsub: services.pubsub, requestId, address };
}

/** The viewer, for fields whose auth scopes already guarantee one. */
export function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw new Error('auth scopes let an anonymous request through');
  return context.viewer;
}
