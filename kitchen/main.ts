// The kitchen as its own process (`npm run kitchen`, with KITCHEN=off on the API processes).
import { loadConfig, ConfigError } from '../api/config.js';
import { createLogger } from '../api/logger.js';
import { createBus } from '../api/pubsub.js';
import { createOrderObserver } from '../api/observe.js';
import { systemClock } from '../api/services/clock.js';
import { OrdersService } from '../api/services/orders.service.js';
import { openDb } from '../api/store/db.js';
import { migrate } from '../api/store/migrate.js';
import { Kitchen } from './kitchen.js';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel).child({ component: 'kitchen' });
  const db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  await migrate(db);
  const bus = createBus(config.redisUrl);
  const settings = { capacity: config.kitchenCapacity, prepMs: config.kitchenPrepMs };
  const orders = new OrdersService({
    db,
    pubsub: bus.pubsub,
    clock: systemClock,
    kitchen: settings,
    observer: createOrderObserver(log),
  });
  const kitchen = new Kitchen({
    db,
    pubsub: bus.pubsub,
    orders,
    clock: systemClock,
    ...settings,
    pollMs: config.kitchenPollMs,
    log,
  });
  await kitchen.start();
  log.info({ database: db.kind, ...settings }, 'kitchen is cooking');
  const shutdown = async () => {
    await kitchen.stop();
    await bus.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`orderly kitchen: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
