// Growth: what a busy night's reads cost as a business's history grows. The same board (12 orders
// in every state) behind 100 and behind 100,000 past orders, per store: the board's query and the
// first page of REST /get_orders, interleaved run by run; the large one should cost at most 1.3×.
import { hammer, type HttpFigures, type HttpTarget } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import type { BenchWorker } from '../lib/workers.js';
import { BOARD_LIVE_QUERY } from './documents.js';
import { databaseEnv, type OrderlyReady, type Store } from './servers.js';
import {
  compare,
  type Baseline,
  type BenchConfig,
  type Row,
  type ScenarioResult,
} from './types.js';

/** Cost per request within 1.3× of the small history's: its rate at least 1 ÷ 1.3 of it. */
const TARGET = { atLeast: 1 / 1.3 };

export async function growthScenario(config: BenchConfig): Promise<ScenarioResult> {
  const sizes = config.quick ? { small: 100, large: 2_000 } : { small: 100, large: 100_000 };
  const result: ScenarioResult = { rows: [], baselines: [] };
  for (const store of ['pglite', 'postgres'] as const) {
    if (store === 'postgres' && !config.postgresUrl) {
      result.rows.push(...skipped(store, sizes.large, 'no PostgreSQL for this run'));
      continue;
    }
    const measured = await measure(config, store, sizes);
    result.rows.push(...measured.rows);
    result.baselines.push(...measured.baselines);
  }
  return result;
}

async function measure(
  config: BenchConfig,
  store: Store,
  sizes: { small: number; large: number },
): Promise<ScenarioResult> {
  const start = (history: number) =>
    config.pool.fresh<OrderlyReady>(`orderly-${store}-${history}-orders`, {
      script: 'bench/servers/orderly.ts',
      env: { ...databaseEnv(config, store), BENCH_HISTORY_ORDERS: String(history) },
      timeoutMs: 300_000,
    });
  const servers = await Promise.all([start(sizes.small), start(sizes.large)]);
  try {
    const targets = servers.map(targetsOf);
    const figures = { board: [[], []] as HttpFigures[][], rest: [[], []] as HttpFigures[][] };
    for (const kind of ['board', 'rest'] as const) {
      for (const t of targets)
        await hammer(t[kind], { seconds: config.warmupSeconds, connections: 4 });
    }
    for (let run = 0; run < config.runs; run++) {
      for (const kind of ['board', 'rest'] as const) {
        for (const [i, t] of targets.entries()) {
          const f = await hammer(t[kind], { seconds: config.seconds, connections: 4 });
          if (f.non2xx || f.errors)
            throw new Error(`growth ${store} ${kind}: ${JSON.stringify(f.statusCodes)}`);
          figures[kind][i]!.push(f);
        }
      }
      config.log(`growth ${store}: run ${run + 1} done`);
    }
    const storeName = store === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const result: ScenarioResult = { rows: [], baselines: [] };
    for (const kind of ['board', 'rest'] as const) {
      const [small, large] = figures[kind].map((runs) => runs.map((f) => f.rps));
      const what =
        kind === 'board'
          ? "the board's query (live orders, the last done ones)"
          : 'REST /get_orders, first page of 50';
      const baseline: Baseline = {
        id: `G-${kind}-${store}`,
        what: `${storeName}: ${what} behind ${sizes.small} past orders`,
        value: median(small!),
        unit: 'req/s',
        runs: small!,
      };
      result.baselines.push(baseline);
      result.rows.push(
        compare(
          {
            id: `growth-${kind}-${store}`,
            scenario: `Growth, ${storeName}: ${what} behind ${sizes.large.toLocaleString('en')} past orders (cost within 1.3× of ${sizes.small})`,
            value: median(large!),
            unit: 'req/s',
            runs: large!,
            baseline: baseline.id,
            target: TARGET,
          },
          baseline,
        ),
      );
    }
    return result;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

function targetsOf(server: BenchWorker<OrderlyReady>): { board: HttpTarget; rest: HttpTarget } {
  const base = `http://127.0.0.1:${server.ready.port}`;
  const authorization = `Bearer ${server.ready.fixture.board.token}`;
  return {
    board: {
      url: `${base}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: BOARD_LIVE_QUERY,
        variables: { todayStart: new Date(Date.now() - 3_600_000).toISOString() },
      }),
    },
    rest: { url: `${base}/get_orders?limit=50`, headers: { authorization } },
  };
}

function skipped(store: Store, large: number, why: string): Row[] {
  return (['board', 'rest'] as const).map((kind) => ({
    id: `growth-${kind}-${store}`,
    scenario: `Growth, PostgreSQL: ${kind} behind ${large} past orders`,
    value: NaN,
    unit: 'req/s',
    runs: [],
    skipped: why,
  }));
}
