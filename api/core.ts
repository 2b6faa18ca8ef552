// What every Orderly process is made of, composed once: the migrated store, the event bus, the
// order rules, the kitchen and the webhook worker. An API process (app.ts) adds the other services
// and its transports; the stand-alone kitchen (kitchen/main.ts) adds only its /metrics.
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { createOrderObserver } from './observe.js';
import { createBus, type Bus } from './pubsub.js';
import type { Clock } from './services/clock.js';
import { OrdersService, type KitchenSettings } from './services/orders.service.js';
import { WebhookDelivery } from './services/webhook-delivery.js';
import { openDb, type Db } from './store/db.js';
import { migrate } from './store/migrate.js';
import { Kitchen } from '../kitchen/kitchen.js';

export interface Core {
  db: Db;
  metrics: Metrics;
  bus: Bus;
  kitchenSettings: KitchenSettings;
  orders: OrdersService;
  /** null when this process does not cook (an API process with KITCHEN=off). */
  kitchen: Kitchen | null;
  webhookDelivery: WebhookDelivery;
}

export async function composeCore(
  config: AppConfig,
  options: {
    clock: Clock;
    log: Logger;
    /** A database opened by the caller; otherwise one from the config. */
    db?: Db;
    poolSize?: number;
    cooks: boolean;
    /** Metrics with the database's live gauges (the API's), or the process's own only. */
    metrics: (db: Db) => Metrics;
  },
): Promise<Core> {
  const { clock, log } = options;
  const db =
    options.db ??
    (await openDb({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      deadlines: config.dbDeadlines,
      log,
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    }));
  const metrics = options.metrics(db);
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');

  const bus = createBus(config.redisUrl, { log });
  metrics.watchRedis(() => bus.health());
  const kitchenSettings = { capacity: config.kitchenCapacity, prepMs: config.kitchenPrepMs };
  const orders = new OrdersService({
    db,
    pubsub: bus.pubsub,
    clock,
    kitchen: kitchenSettings,
    maxOpenOrders: config.maxOpenOrders,
    observer: createOrderObserver(log, metrics),
  });
  const kitchen = options.cooks
    ? new Kitchen({
        db,
        pubsub: bus.pubsub,
        orders,
        clock,
        ...kitchenSettings,
        pollMs: config.kitchenPollMs,
        pendingTimeoutMs: config.pendingTimeoutMs,
        log,
      })
    : null;
  // Webhook deliveries are shared by every process on the database.
  const webhookDelivery = new WebhookDelivery({
    db,
    ordersOf: (ids) => orders.viewsOf(ids),
    log,
    clock,
    retryBaseMs: config.webhookRetryBaseMs,
    allowPrivate: config.webhookAllowPrivate,
    pollMs: config.webhookPollMs,
    timeoutMs: config.webhookTimeoutMs,
  });
  return { db, metrics, bus, kitchenSettings, orders, kitchen, webhookDelivery };
}
