// `npm run bench`: Orderly against baselines measured in the same run, printed and written to
// bench/results/ (and, for a full run, into the README). `-- --quick` is a smoke run for CI.
//   --quick            small sizes and 1 s runs (under a minute); judges no numbers
//   --only=a,b         scenarios: reads, placement, fanout, webhooks, growth, amplification
//   --profile          Orderly servers run with --cpu-prof (profiles in bench/results/profiles/)
//   --out=DIR          where results go (default bench/results); the README is updated only by default
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import { pgliteTemplate } from './lib/pglite-template.js';
import { machine, markdown, withBenchmarkSection, type Report } from './lib/report.js';
import { hasTaskset, LOAD_CORE, ROOT, WorkerPool } from './lib/workers.js';
import { amplificationScenario } from './scenarios/amplification.js';
import { fanoutScenario } from './scenarios/fanout.js';
import { growthScenario } from './scenarios/growth.js';
import { placementScenario } from './scenarios/placement.js';
import { readsScenario } from './scenarios/reads.js';
import { webhooksScenario } from './scenarios/webhooks.js';
import { baselines, dropSchemas, orderly, rawWs } from './scenarios/servers.js';
import type { BenchConfig, ScenarioResult } from './scenarios/types.js';

const SCENARIOS = ['reads', 'placement', 'fanout', 'webhooks', 'growth', 'amplification'] as const;

export async function runBench(argv: string[]): Promise<Report> {
  const started = performance.now();
  const flag = (name: string) => argv.includes(`--${name}`);
  const option = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = flag('quick');
  const only = option('only')?.split(',') ?? [...SCENARIOS];
  const outDir = path.resolve(option('out') ?? path.join(ROOT, 'bench/results'));
  mkdirSync(outDir, { recursive: true });

  const pinned = hasTaskset() && pin(LOAD_CORE);
  const config: BenchConfig = {
    quick,
    runs: quick ? 1 : 3,
    seconds: quick ? 0.5 : 5,
    warmupSeconds: quick ? 0.3 : 3,
    connections: 10,
    fanoutSizes: quick ? [50, 100, 200] : [1000, 5000, 10_000],
    fanoutEvents: quick ? 2 : 10,
    memorySubscribers: quick ? 100 : 5000,
    churn: quick
      ? { pairsPerSecond: 200, seconds: 1.5, connections: 5 }
      : { pairsPerSecond: 1000, seconds: 60, connections: 20 },
    postgresUrl: await reachablePostgres(
      process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL,
    ),
    profileDir: flag('profile') ? path.join(outDir, 'profiles') : undefined,
    log: (line) =>
      console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
    pool: new WorkerPool(),
    schemas: [],
  };
  config.pool.onStarted = (worker) =>
    config.log(`${worker.name} ready in ${worker.startSeconds.toFixed(1)} s`);
  const results: ScenarioResult[] = [];
  try {
    process.env.BENCH_PGLITE_TEMPLATE = await pgliteTemplate();
    // The shared servers start together (on both cores; pinned once ready).
    void orderly(config);
    if (only.includes('reads') || only.includes('placement')) void baselines(config);
    if (only.includes('fanout')) void rawWs(config, false);
    if ((only.includes('reads') || only.includes('placement')) && config.postgresUrl) {
      void orderly(config, 'postgres');
      void baselines(config, 'postgres');
    }
    if (only.includes('reads')) results.push(await readsScenario(config));
    if (only.includes('placement')) {
      results.push(await placementScenario(config, 'pglite'));
      results.push(await placementScenario(config, 'postgres'));
    }
    if (only.includes('fanout')) results.push(await fanoutScenario(config));
    if (only.includes('webhooks')) results.push(await webhooksScenario(config));
    if (only.includes('amplification')) results.push(await amplificationScenario(config));
    if (only.includes('growth')) results.push(await growthScenario(config));
  } finally {
    await config.pool.stopAll();
    await dropSchemas(config);
  }

  const report: Report = {
    date: new Date().toISOString(),
    quick,
    machine: machine(pinned),
    node: process.version,
    durationSeconds: (performance.now() - started) / 1000,
    settings: {
      runs: config.runs,
      secondsPerRun: config.seconds,
      warmupSeconds: config.warmupSeconds,
      connections: config.connections,
      fanoutSizes: config.fanoutSizes,
      fanoutEventsPerRun: config.fanoutEvents,
      memorySubscribers: config.memorySubscribers,
      churn: config.churn,
      postgres: Boolean(config.postgresUrl),
      scenarios: only,
    },
    rows: results.flatMap((r) => r.rows),
    baselines: results.flatMap((r) => r.baselines),
  };
  const table = markdown(report);
  const name = quick ? 'quick' : 'latest';
  writeFileSync(path.join(outDir, `${name}.md`), table);
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  if (!quick && !option('out') && only.length === SCENARIOS.length) {
    const readmePath = path.join(ROOT, 'README.md');
    const readme = withBenchmarkSection(readFileSync(readmePath, 'utf8'), readmeSection(table));
    // Formatted as `npm run lint` expects (prettier aligns the tables).
    const options = await prettier.resolveConfig(readmePath);
    writeFileSync(readmePath, await prettier.format(readme, { ...options, filepath: readmePath }));
  }
  console.log('\n' + table);
  return report;
}

export function readmeSection(table: string): string {
  return [
    '## Benchmarks',
    '',
    '`npm run bench` (a few minutes) measures what Orderly exists for against baselines measured in the',
    'same run — absolute numbers on a shared machine drift by a third from run to run, ratios do not.',
    'Servers run with `NODE_ENV=production` in their own processes, pinned to one core with `taskset`;',
    'the load generator (autocannon for HTTP, `ws` clients for subscriptions, permessage-deflate off) runs',
    'on the other. `npm run bench -- --quick` is the smoke run CI uses (under a minute, numbers not judged);',
    '`-- --only=reads|placement|fanout|webhooks|growth|amplification` runs a part and `-- --profile` writes CPU profiles. Results:',
    '`bench/results/latest.md` and `latest.json`. PostgreSQL rows need `BENCH_DATABASE_URL` or',
    '`TEST_DATABASE_URL`. The reads have three kinds of baseline on bare `node:http`: B0 sends',
    'precomputed bytes of the answer’s size (B0-menu for the menu), B1 and B2 run graphql-js or the',
    'service call over the same modules, and B-raw is what a hand-written server does — the very SQL',
    'Orderly runs (taken from the store’s statement builders) through the raw driver, plain unnamed',
    'statements (PGlite’s own `query()` on the same instance, or a `pg` pool of 10), rows',
    '`JSON.stringify`-ed. The board’s orders list (GraphQL `orders`, REST `/get_orders`) and the',
    'anonymous GraphQL `menu` query are measured against B-raw on PGlite and on PostgreSQL, the menu',
    'also against B0-menu. B1, B2 and B-raw cross the real store on every request, so they sit in the',
    'hundreds or low thousands of requests a second rather than the tens of thousands of B0.',
    '`bench/results/before/` holds the first full run, before the GraphQL',
    'fast path, graphql-jit, the one-statement placement and the shared subscription fan-out.',
    '',
    table,
  ].join('\n');
}

function pin(core: number): boolean {
  return (
    spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' })
      .status === 0
  );
}

async function reachablePostgres(url: string | undefined): Promise<string | undefined> {
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/run.ts')) {
  runBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
