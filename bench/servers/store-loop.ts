// B3: the order placement's SQL transaction in a loop, straight through the store driver:
// PGlite one at a time (it has one connection), PostgreSQL at the server's concurrency.
import { buildApp } from '../../api/app.js';
import { systemClock } from '../../api/services/clock.js';
import { placementTransaction } from '../../api/services/orders.service.js';
import type { Viewer } from '../../api/services/types.js';
import { createFixture } from '../fixture.js';
import { serveWorker } from '../lib/worker-side.js';

const app = await buildApp({
  databaseUrl: process.env.BENCH_DATABASE_URL || 'memory://',
  kitchenPrepMs: 3_600_000,
});
const fixture = await createFixture(app);
const lanes = await Promise.all(
  fixture.lanes.map(async (lane) => ({
    viewer: (await app.services.auth.verify(lane.userToken)) as Viewer,
    itemId: lane.itemId,
  })),
);
const kitchen = { capacity: app.config.kitchenCapacity, prepMs: app.config.kitchenPrepMs };

async function run({ seconds, concurrency }: { seconds: number; concurrency: number }) {
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < deadline) {
      const lane = lanes[next++ % lanes.length]!;
      await placementTransaction(app.db, {
        viewer: lane.viewer,
        menuItemId: lane.itemId,
        quantity: 1,
        key: null,
        now: systemClock.now(),
        kitchen,
        requestId: null,
      });
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    count,
    seconds: elapsed,
    perSecond: count / elapsed,
    meanMs: (elapsed * 1000 * concurrency) / count,
  };
}

serveWorker({ kind: app.db.kind }, { run }, () => app.stop());
