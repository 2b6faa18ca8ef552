// Writes: placeOrder over REST against B3, the same SQL transaction in a loop straight through the
// store driver, on PGlite and on PostgreSQL; then the stock ledger and an oversell probe.
import { DEEP_STOCK, PROBE_STOCK } from '../fixture.js';
import { hammer, type HttpFigures } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import { baselines, orderly } from './servers.js';
import { compare, type BenchConfig, type Row, type ScenarioResult } from './types.js';

type LoopResult = { count: number; perSecond: number; meanMs: number };
type Ledger = { id: string; inStore: number; ordered: number }[];

export async function placementScenario(
  config: BenchConfig,
  store: 'pglite' | 'postgres',
): Promise<ScenarioResult> {
  const id = `place-order-${store}`;
  const label = store === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const scenario = `placeOrder over REST (POST /order), ${label}`;
  const target = { atLeast: store === 'pglite' ? 0.7 : 0.5 };
  if (store === 'postgres' && !config.postgresUrl) {
    const skipped = 'no PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)';
    return {
      baselines: [],
      rows: [
        {
          id,
          scenario,
          value: NaN,
          unit: 'orders/s',
          runs: [],
          baseline: 'B3-postgres',
          target,
          skipped,
        },
        {
          id: `place-basket-${store}`,
          scenario: `placeOrder of a three-line basket over REST, ${label}`,
          value: NaN,
          unit: 'orders/s',
          runs: [],
          baseline: 'B3-basket-postgres',
          target,
          skipped,
        },
        {
          id: `${id}-ledger`,
          scenario: `Stock ledger and oversell probe, ${label}`,
          value: NaN,
          unit: '',
          runs: [],
          skipped,
        },
      ],
    };
  }
  const concurrency = store === 'pglite' ? 1 : config.connections;
  const [loop, server] = await Promise.all([baselines(config, store), orderly(config, store)]);
  const { fixture, port } = server.ready;
  const url = `http://127.0.0.1:${port}/order`;
  const requests = fixture.lanes.map((lane) => ({
    method: 'POST',
    path: '/order',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${lane.userToken}` },
    body: JSON.stringify({ m_id: lane.itemId, quantity: 1 }),
  }));
  const basketRequests = fixture.lanes.map((lane) => ({
    ...requests[0]!,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${lane.userToken}` },
    body: JSON.stringify({ items: lane.basketItemIds.map((m_id) => ({ m_id, quantity: 1 })) }),
  }));
  const placeOrders = (seconds: number, basket = false) =>
    hammer(
      { url, requests: basket ? basketRequests : requests },
      { seconds, connections: config.connections },
    );
  const storeLoop = (seconds: number, basket = false) =>
    loop.call<LoopResult>('placeOrders', { seconds, concurrency, basket });

  await storeLoop(config.warmupSeconds);
  await placeOrders(config.warmupSeconds);
  config.log(`${id}: warmed`);
  const b3Runs: number[] = [];
  const serverRuns: HttpFigures[] = [];
  for (let run = 0; run < config.runs; run++) {
    const b3 = await storeLoop(config.seconds);
    b3Runs.push(b3.perSecond);
    const f = await placeOrders(config.seconds);
    if (f.errors || f.non2xx)
      throw new Error(`${id}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors`);
    serverRuns.push(f);
    config.log(
      `${id}: run ${run + 1} B3 ${b3.perSecond.toFixed(0)}/s (${b3.meanMs.toFixed(2)} ms), server ${f.rps.toFixed(0)}/s p99 ${f.p99Ms} ms`,
    );
  }

  // The same for three-line baskets (one slot in the oven, three items reserved at once).
  const basketB3Runs: number[] = [];
  const basketRuns: HttpFigures[] = [];
  await storeLoop(config.warmupSeconds, true);
  await placeOrders(config.warmupSeconds, true);
  for (let run = 0; run < config.runs; run++) {
    basketB3Runs.push((await storeLoop(config.seconds, true)).perSecond);
    const f = await placeOrders(config.seconds, true);
    if (f.errors || f.non2xx)
      throw new Error(
        `place-basket-${store}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors`,
      );
    basketRuns.push(f);
    config.log(
      `place-basket-${store}: run ${run + 1} B3 ${basketB3Runs.at(-1)!.toFixed(0)}/s, server ${f.rps.toFixed(0)}/s`,
    );
  }

  // Every reservation is an order line and every line a reservation; then drain a small stock at once.
  const laneLedger = await server.call<Ledger>(
    'ledger',
    fixture.lanes.flatMap((l) => l.basketItemIds),
  );
  const ledgerOk = laneLedger.every((r) => r.inStore >= 0 && r.inStore + r.ordered === DEEP_STOCK);
  const probe = await hammer(
    {
      url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${fixture.probe.userToken}`,
      },
      body: JSON.stringify({ m_id: fixture.probe.itemId, quantity: 1 }),
    },
    { amount: PROBE_STOCK * 2, connections: config.connections },
  );
  const [probeLedger] = await server.call<Ledger>('ledger', [fixture.probe.itemId]);
  const created = probe.statusCodes['201'] ?? 0;
  const refused = probe.statusCodes['409'] ?? 0;
  const probeOk =
    created === PROBE_STOCK &&
    refused === PROBE_STOCK &&
    probeLedger!.inStore === 0 &&
    probeLedger!.ordered === PROBE_STOCK;
  config.log(
    `${id}: ledger ${ledgerOk ? 'ok' : 'BROKEN'}, probe ${created} placed / ${refused} refused`,
  );

  const B3 = {
    id: `B3-${store}`,
    what: `the placement's SQL transaction in a loop through the store driver (${label}, concurrency ${concurrency})`,
    value: median(b3Runs),
    unit: 'orders/s',
    runs: b3Runs,
    extra: { msPerTransaction: (1000 * concurrency) / median(b3Runs) },
  };
  const basketB3 = {
    id: `B3-basket-${store}`,
    what: `the same transaction placing three-line baskets (${label}, concurrency ${concurrency})`,
    value: median(basketB3Runs),
    unit: 'orders/s',
    runs: basketB3Runs,
  };
  const rows: Row[] = [
    compare(
      {
        id,
        scenario,
        value: median(serverRuns.map((f) => f.rps)),
        unit: 'orders/s',
        runs: serverRuns.map((f) => f.rps),
        baseline: B3.id,
        target,
        extra: { p99Ms: median(serverRuns.map((f) => f.p99Ms)), connections: config.connections },
      },
      B3,
    ),
    compare(
      {
        id: `place-basket-${store}`,
        scenario: `placeOrder of a three-line basket over REST, ${label}`,
        value: median(basketRuns.map((f) => f.rps)),
        unit: 'orders/s',
        runs: basketRuns.map((f) => f.rps),
        baseline: basketB3.id,
        target,
        extra: { p99Ms: median(basketRuns.map((f) => f.p99Ms)), connections: config.connections },
      },
      basketB3,
    ),
    {
      id: `${id}-ledger`,
      scenario: `Stock ledger and oversell probe, ${label}`,
      value: ledgerOk && probeOk ? 0 : 1,
      unit: 'oversold or lost',
      runs: [],
      target: { atMost: 0 },
      met: ledgerOk && probeOk,
      extra: {
        laneUnitsOrdered: laneLedger.reduce((n, r) => n + r.ordered, 0),
        probePlaced: created,
        probeRefused: refused,
        probeStockLeft: probeLedger!.inStore,
      },
    },
  ];
  return { baselines: [B3, basketB3], rows };
}
