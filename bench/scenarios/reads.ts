// Reads: B0 (bytes), B1 (graphql-js execute), B2 (the service call) on bare node:http, against
// Orderly's GraphQL `orders` query and REST /get_orders, interleaved run by run.
import { hammer, type HttpFigures, type HttpTarget } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import { baselines, orderly } from './servers.js';
import { ORDERS_QUERY } from './documents.js';
import { compare, type Baseline, type BenchConfig, type ScenarioResult } from './types.js';

export async function readsScenario(config: BenchConfig): Promise<ScenarioResult> {
  const { log } = config;
  const [bare, orderlyServer] = await Promise.all([baselines(config), orderly(config)]);
  const base = `http://127.0.0.1:${bare.ready.port}`;
  const app = `http://127.0.0.1:${orderlyServer.ready.port}`;
  const token = orderlyServer.ready.fixture.board.token;
  const graphqlHeaders = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    authorization: `Bearer ${token}`,
  };
  const graphqlBody = JSON.stringify({ query: ORDERS_QUERY, operationName: 'BoardOrders' });
  const targets: Record<string, HttpTarget> = {
    B0: { url: `${base}/b0` },
    B1: {
      url: `${base}/b1`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: graphqlBody,
    },
    graphql: { url: `${app}/graphql`, method: 'POST', headers: graphqlHeaders, body: graphqlBody },
    // The same request through yoga's fetch layer: the fast path leaves URLs with a query to yoga.
    yoga: {
      url: `${app}/graphql?via=yoga`,
      method: 'POST',
      headers: graphqlHeaders,
      body: graphqlBody,
    },
    B2: { url: `${base}/b2` },
    rest: { url: `${app}/get_orders`, headers: { authorization: `Bearer ${token}` } },
  };
  const sizes = await checkAnswers(targets);
  log(`reads: answers ok (${JSON.stringify(sizes)})`);
  for (const [name, target] of Object.entries(targets)) {
    await hammer(target, { seconds: config.warmupSeconds, connections: config.connections });
    log(`reads: warmed ${name}`);
  }
  const figures: Record<string, HttpFigures[]> = {};
  for (let run = 0; run < config.runs; run++) {
    for (const [name, target] of Object.entries(targets)) {
      const f = await hammer(target, {
        seconds: config.seconds,
        connections: config.connections,
      });
      if (f.non2xx || f.errors)
        throw new Error(`${name}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors`);
      (figures[name] ??= []).push(f);
      log(`reads: run ${run + 1} ${name} ${f.rps.toFixed(0)} req/s p99 ${f.p99Ms} ms`);
    }
  }
  const summary = (name: string) => {
    const runs = figures[name]!.map((f) => f.rps);
    return { runs, value: median(runs), p99: median(figures[name]!.map((f) => f.p99Ms)) };
  };
  const b = (id: string, what: string): Baseline => {
    const s = summary(id);
    return {
      id,
      what,
      value: s.value,
      unit: 'req/s',
      runs: s.runs,
      extra: { p99Ms: s.p99, bytes: sizes[id]! },
    };
  };
  const B0 = b('B0', 'bare node:http sending precomputed JSON of the orders answer’s size');
  const B1 = b('B1', 'bare node:http, graphql-js execute of the orders query (parse cached)');
  const B2 = b('B2', 'bare node:http, the orders service call, JSON.stringify');
  const gql = summary('graphql');
  const yoga = summary('yoga');
  const rest = summary('rest');
  return {
    baselines: [B0, B1, B2],
    rows: [
      compare(
        {
          id: 'graphql-orders',
          scenario: 'GraphQL `orders` query, whole server (POST /graphql)',
          value: gql.value,
          unit: 'req/s',
          runs: gql.runs,
          baseline: 'B1',
          target: { atLeast: 0.6 },
          extra: { p99Ms: gql.p99, vsB0: gql.value / B0.value, bytes: sizes.graphql! },
        },
        B1,
      ),
      compare(
        {
          id: 'graphql-orders-yoga',
          scenario: 'The same through yoga’s fetch layer (fast path bypassed), for comparison',
          value: yoga.value,
          unit: 'req/s',
          runs: yoga.runs,
          baseline: 'B1',
          extra: { p99Ms: yoga.p99 },
        },
        B1,
      ),
      compare(
        {
          id: 'rest-get-orders',
          scenario: 'REST GET /get_orders, whole server',
          value: rest.value,
          unit: 'req/s',
          runs: rest.runs,
          baseline: 'B2',
          target: { atLeast: 0.5 },
          extra: { p99Ms: rest.p99, bytes: sizes.rest! },
        },
        B2,
      ),
    ],
  };
}

/** Every target answers 200 with the board's 12 orders before any load is measured. */
async function checkAnswers(targets: Record<string, HttpTarget>) {
  const sizes: Record<string, number> = {};
  for (const [name, t] of Object.entries(targets)) {
    const response = await fetch(t.url, {
      method: t.method ?? 'GET',
      headers: t.headers ?? {},
      ...(t.body !== undefined ? { body: t.body } : {}),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${text}`);
    const body = JSON.parse(text) as { data?: { orders: unknown[] }; orders?: unknown[] };
    const orders = body.data?.orders ?? body.orders ?? [];
    if (orders.length !== 12)
      throw new Error(`${name}: expected the board's 12 orders, got ${text}`);
    sizes[name] = Buffer.byteLength(text);
  }
  return sizes;
}
