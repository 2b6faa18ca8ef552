// Orderly itself under bench: the real app (NODE_ENV=production, logs at the configured level),
// with the bench fixture, plus control requests over IPC (publish an order event, memory, stock).
import { writeHeapSnapshot } from 'node:v8';
import { buildApp } from '../../api/app.js';
import { publishOrder } from '../../api/pubsub.js';
import { benchDatabase } from '../lib/pglite-template.js';
import { addHistory, createFixture, stockLedger } from '../fixture.js';
import { deleteWebhook, upsertWebhook } from '../../api/store/webhooks.store.js';
import { monotonicMicros, serveWorker, settledMemory } from '../lib/worker-side.js';

const database = await benchDatabase();
const app = await buildApp({
  databaseUrl: database.url,
  db: database.db,
  kitchenPrepMs: 3_600_000,
  loginMaxFailures: 1_000_000,
  // The placement lanes are one customer each, placing without end.
  maxOpenOrders: 1_000_000_000,
  // The load generator is one address holding thousands of sockets and subscriptions.
  webSocket: {
    maxConnectionsPerAddress: 1_000_000,
    maxSubscriptionsPerConnection: 1_000_000,
    maxBufferedBytes: 16 * 1024 * 1024,
  },
});
const fixture = await createFixture(app);
// The growth benchmark's servers: the same board, with this many past orders behind it.
const history = Number(process.env.BENCH_HISTORY_ORDERS ?? 0);
if (history > 0) await addHistory(app, fixture.board.businessId, history);
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
    /** Sets (a URL) or removes (null) a webhook on every placement lane's business. */
    setWebhooks: async (url: string | null) => {
      for (const lane of fixture.lanes) {
        if (url === null) await deleteWebhook(app.db, lane.businessId);
        else {
          const at = new Date().toISOString();
          await upsertWebhook(app.db, { businessId: lane.businessId, url, secret: 'bench', at });
        }
      }
      return true;
    },
    /** Webhook deliveries not made yet. */
    webhookBacklog: async () =>
      (
        await app.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM webhook_deliveries WHERE next_attempt_at IS NOT NULL',
        )
      )[0]!.n,
  },
  () => app.stop(),
);
