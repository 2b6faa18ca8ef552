// Orderly itself under bench: the real app (NODE_ENV=production, logs at the configured level),
// with the bench fixture, plus control requests over IPC (publish an order event, memory, stock).
import { writeHeapSnapshot } from 'node:v8';
import { buildApp } from '../../api/app.js';
import { publishOrder } from '../../api/pubsub.js';
import { benchDatabase } from '../lib/pglite-template.js';
import { createFixture, stockLedger } from '../fixture.js';
import { monotonicMicros, serveWorker, settledMemory } from '../lib/worker-side.js';

const database = await benchDatabase();
const app = await buildApp({
  databaseUrl: database.url,
  db: database.db,
  kitchenPrepMs: 3_600_000,
  loginMaxFailures: 1_000_000,
  // The placement lanes are one customer each, placing without end.
  maxOpenOrders: 1_000_000_000,
});
const fixture = await createFixture(app);
const { port } = await app.start(0, '127.0.0.1');
const [sample] = await app.services.orders.viewsOf([fixture.sampleOrderId]);
if (!sample) throw new Error('fixture order missing');
let sequence = 0;

serveWorker(
  { port, fixture },
  {
    /** Publishes a fresh snapshot of one board order; answers when publish returned. */
    publish: () => {
      const order = { ...sample, updatedAt: new Date(Date.now() + sequence++).toISOString() };
      const tPub = monotonicMicros();
      publishOrder(app.services.pubsub, order);
      return { tPub };
    },
    memory: () => settledMemory(),
    heapSnapshot: (file: string) => {
      settledMemory();
      return writeHeapSnapshot(file);
    },
    ledger: (itemIds: string[]) => stockLedger(app, itemIds),
  },
  () => app.stop(),
);
