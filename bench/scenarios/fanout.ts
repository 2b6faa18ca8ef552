// Subscriptions: one business's order events fanned out to 1k, 5k and 10k graphql-ws subscribers
// against B4 (a raw `ws` broadcast of the same bytes to as many clients); memory per idle
// subscription against a bare `ws` connection; heap after subscribe/complete churn.
import { median, percentile, sleep } from '../lib/stats.js';
import type { BenchWorker } from '../lib/workers.js';
import { churn, Swarm } from '../lib/ws-load.js';
import { BOARD_SUBSCRIPTION } from './documents.js';
import { freshOrderly, orderly, rawWs } from './servers.js';
import {
  compare,
  type Baseline,
  type BenchConfig,
  type Row,
  type ScenarioResult,
} from './types.js';

type Memory = { rss: number; heapUsed: number };
type Published = { tPub: number };

interface FanoutFigures {
  rate: number;
  p99Ms: number;
  rateRuns: number[];
  p99Runs: number[];
}

export async function fanoutScenario(config: BenchConfig): Promise<ScenarioResult> {
  const rows: Row[] = [];
  const baselines: Baseline[] = [];
  const server = await orderly(config);
  const wsUrl = `ws://127.0.0.1:${server.ready.port}/graphql`;
  const graphql = { token: server.ready.fixture.board.token, query: BOARD_SUBSCRIPTION };
  const publishOrder = async () => (await server.call<Published>('publish')).tPub;

  // What Orderly sends one subscriber for one event: B4 broadcasts exactly these bytes.
  const live = await activeSubscriptions(server.ready.port);
  const one = new Swarm({ url: wsUrl, graphql });
  await one.grow(1);
  await waitForSubscriptions(server.ready.port, live + 1);
  await one.deliver(publishOrder);
  const frame = one.lastMessage!;
  await one.close();
  await waitForSubscriptions(server.ready.port, live);

  const b4 = await rawWs(config, false);
  await b4.call('frame', frame);
  const publishFrame = async () => (await b4.call<Published>('publish')).tPub;
  const subscribers = new Swarm({ url: wsUrl, graphql });
  for (const size of config.fanoutSizes) {
    const clients = new Swarm({ url: `ws://127.0.0.1:${b4.ready.port}` });
    await clients.grow(size);
    const raw = await measureFanout(config, clients, publishFrame);
    await clients.close();
    config.log(
      `fan-out ${size}: B4 ${raw.rate.toFixed(0)} deliveries/s, p99 ${raw.p99Ms.toFixed(1)} ms`,
    );

    await subscribers.grow(size);
    await waitForSubscriptions(server.ready.port, live + size);
    const ours = await measureFanout(config, subscribers, publishOrder);
    config.log(
      `fan-out ${size}: Orderly ${ours.rate.toFixed(0)} deliveries/s, p99 ${ours.p99Ms.toFixed(1)} ms`,
    );

    const rateBaseline: Baseline = {
      id: `B4-${size}`,
      what: `raw ws broadcast of one pre-serialized ${Buffer.byteLength(frame)}-byte message to ${size} clients`,
      value: raw.rate,
      unit: 'deliveries/s',
      runs: raw.rateRuns,
      extra: { p99Ms: raw.p99Ms },
    };
    baselines.push(rateBaseline);
    rows.push(
      compare(
        {
          id: `fanout-${size}-rate`,
          scenario: `Fan-out to ${size} graphql-ws subscribers: deliveries/s`,
          value: ours.rate,
          unit: 'deliveries/s',
          runs: ours.rateRuns,
          baseline: rateBaseline.id,
          target: { atLeast: 0.4 },
        },
        rateBaseline,
      ),
      compare(
        {
          id: `fanout-${size}-p99`,
          scenario: `Fan-out to ${size} graphql-ws subscribers: p99 publish→receive`,
          value: ours.p99Ms,
          unit: 'ms',
          runs: ours.p99Runs,
          baseline: `${rateBaseline.id} p99`,
          target: { atMost: 2.5 },
        },
        raw.p99Ms,
      ),
    );
  }

  // Churn on top of the largest live set; a publish every second keeps the fan-out path busy.
  const liveNow = live + subscribers.size;
  const heapBefore = (await server.call<Memory>('memory')).heapUsed;
  const publisher = setInterval(() => void server.call('publish'), 1000);
  const done = await churn({
    url: wsUrl,
    token: graphql.token,
    query: BOARD_SUBSCRIPTION,
    connections: config.churn.connections,
    pairsPerSecond: config.churn.pairsPerSecond,
    seconds: config.churn.seconds,
  }).finally(() => clearInterval(publisher));
  await waitForSubscriptions(server.ready.port, liveNow);
  await sleep(500);
  const heapAfter = (await server.call<Memory>('memory')).heapUsed;
  const stillLive = await subscribers.deliver(publishOrder);
  config.log(
    `churn: ${done.pairs} pairs (${done.perSecond.toFixed(0)}/s) over ${liveNow} live; heap ${mb(heapBefore)} → ${mb(heapAfter)} MB`,
  );
  rows.push(
    compare(
      {
        id: 'churn-heap',
        scenario: `Churn: ${done.pairs} subscribe/complete pairs at ${done.perSecond.toFixed(0)}/s over ${liveNow} live subscriptions: heap after GC, end ÷ start`,
        value: heapAfter,
        unit: 'bytes',
        runs: [],
        baseline: 'heap at start',
        target: { atMost: 1.05 },
        extra: { heapBefore, pairs: done.pairs, liveAfter: stillLive.latencies.length },
      },
      heapBefore,
    ),
  );
  await subscribers.close();
  await waitForSubscriptions(server.ready.port, live);

  // Resident memory per idle connection, before and after (in fresh processes for a full run).
  const n = config.memorySubscribers;
  const bare = config.quick ? b4 : await rawWs(config, true);
  const bareBytes = await residentPerConnection(
    config,
    bare,
    new Swarm({ url: `ws://127.0.0.1:${bare.ready.port}` }),
    n,
  );
  const measured = config.quick ? server : await freshOrderly(config);
  const base = await activeSubscriptions(measured.ready.port);
  const ourBytes = await residentPerConnection(
    config,
    measured,
    new Swarm({
      url: `ws://127.0.0.1:${measured.ready.port}/graphql`,
      graphql: { token: measured.ready.fixture.board.token, query: BOARD_SUBSCRIPTION },
    }),
    n,
    (count) => waitForSubscriptions(measured.ready.port, base + count),
  );
  if (!config.quick) await Promise.all([bare.stop(), measured.stop()]);
  config.log(
    `memory: ${(ourBytes / 1024).toFixed(1)} KiB per subscription, ${(bareBytes / 1024).toFixed(1)} KiB per bare ws`,
  );
  baselines.push({
    id: 'B4-memory',
    what: `resident memory per idle bare ws connection (${n} connections)`,
    value: bareBytes,
    unit: 'bytes',
    runs: [],
  });
  rows.push(
    compare(
      {
        id: 'memory-per-subscription',
        scenario: `Resident memory per idle graphql-ws subscription (${n} subscribers)`,
        value: ourBytes,
        unit: 'bytes',
        runs: [],
        baseline: 'B4-memory',
        target: { atMost: 2 },
      },
      bareBytes,
    ),
  );
  return { rows, baselines };
}

async function measureFanout(
  config: BenchConfig,
  swarm: Swarm,
  publish: () => Promise<number>,
): Promise<FanoutFigures> {
  for (let i = 0; i < 3; i++) await swarm.deliver(publish);
  const rateRuns: number[] = [];
  const p99Runs: number[] = [];
  for (let run = 0; run < config.runs; run++) {
    const latencies: Float64Array[] = [];
    let span = 0;
    for (let e = 0; e < config.fanoutEvents; e++) {
      const delivery = await swarm.deliver(publish);
      latencies.push(delivery.latencies);
      span += delivery.spanMicros;
      await sleep(20);
    }
    const all = new Float64Array(latencies.reduce((n, l) => n + l.length, 0));
    let offset = 0;
    for (const l of latencies) {
      all.set(l, offset);
      offset += l.length;
    }
    rateRuns.push(all.length / (span / 1e6));
    p99Runs.push(percentile(all, 99) / 1000);
  }
  return { rate: median(rateRuns), p99Ms: median(p99Runs), rateRuns, p99Runs };
}

async function residentPerConnection(
  config: BenchConfig,
  worker: BenchWorker<unknown>,
  swarm: Swarm,
  n: number,
  settled: (connections: number) => Promise<void> = async () => undefined,
): Promise<number> {
  const pause = config.quick ? 100 : 1000;
  // A first round warms the code paths and pools, so the difference is the connections' own.
  await swarm.grow(Math.min(n, 500));
  await settled(Math.min(n, 500));
  await swarm.close();
  await settled(0);
  await sleep(pause);
  const before = await worker.call<Memory>('memory');
  await swarm.grow(n);
  await settled(n);
  await sleep(pause);
  const after = await worker.call<Memory>('memory');
  await swarm.close();
  await settled(0);
  return (after.rss - before.rss) / n;
}

async function activeSubscriptions(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^orderly_active_subscriptions (\d+)/m.exec(text)?.[1]);
}

/** Waits until the server's active-subscriptions gauge reads `n`. */
async function waitForSubscriptions(port: number, n: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = NaN;
  while (Date.now() < deadline) {
    seen = await activeSubscriptions(port);
    if (seen === n) return;
    await sleep(100);
  }
  throw new Error(`expected ${n} active subscriptions, the server reports ${seen}`);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
