// Reads, against baselines on bare node:http in their own process over the same data, interleaved
// run by run (every target once per run, each warmed up first):
//   PGlite: B0 (bytes), B1 (graphql-js execute), B2 (the service call) against Orderly's GraphQL
//   `orders` query, the same through yoga, and REST /get_orders.
//   PGlite and PostgreSQL: B-raw, the SQL Orderly runs sent through the raw driver and
//   JSON.stringify-ed (servers/baselines.ts), against the GraphQL `orders` query and REST
//   /get_orders (the board's list) and the anonymous GraphQL `menu` query (the board business's
//   menu); the menu also against B0-menu, precomputed bytes of its answer's size.
// Every target's answer is checked before any load: the board's 12 orders, or its 3 menu items.
import type { BenchWorker } from '../lib/workers.js';
import { hammer, type HttpFigures, type HttpTarget } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import {
  baselines,
  orderly,
  type BaselinesReady,
  type OrderlyReady,
  type Store,
} from './servers.js';
import { MENU_QUERY, ORDERS_QUERY } from './documents.js';
import {
  compare,
  type Baseline,
  type BenchConfig,
  type Row,
  type ScenarioResult,
} from './types.js';

/** What a target answers: the board's orders or the board business's menu. */
type Answer = 'orders' | 'menu';
type ReadTarget = HttpTarget & { answer: Answer };

const STORE_LABEL: Record<Store, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const BOARD_ORDERS = 12;
const BOARD_MENU = ['Margherita', 'Calzone', 'Tiramisu'];
const NO_POSTGRES = 'no PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)';

export async function readsScenario(config: BenchConfig): Promise<ScenarioResult> {
  const { log } = config;
  const stores: Store[] = config.postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
  const servers = await Promise.all(
    stores.map((store) => Promise.all([baselines(config, store), orderly(config, store)])),
  );
  const targets: Record<string, ReadTarget> = {};
  stores.forEach((store, i) => {
    const [bare, app] = servers[i]!;
    Object.assign(targets, storeTargets(store, bare, app));
  });
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
  const B0menu = b(
    'B0-menu',
    'bare node:http sending precomputed JSON of the anonymous menu answer’s size',
  );
  const gql = summary('graphql');
  const yoga = summary('yoga');
  const rest = summary('rest');
  const rows: Row[] = [
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
  ];
  const rawBaselines: Baseline[] = [];
  for (const store of ['pglite', 'postgres'] as const) {
    const label = STORE_LABEL[store];
    const specs = rawRows(store);
    if (!stores.includes(store)) {
      rows.push(
        ...specs.map((spec) => ({
          id: spec.id,
          scenario: spec.scenario,
          baseline: spec.baseline,
          ...(spec.goal ? { target: spec.goal } : {}),
          value: NaN,
          unit: 'req/s',
          runs: [],
          skipped: NO_POSTGRES,
        })),
      );
      continue;
    }
    const rawOrders = b(
      `B-raw-orders-${store}`,
      `bare node:http, the store’s orders-list SQL on the raw driver, JSON.stringify (${label})`,
    );
    const rawMenu = b(
      `B-raw-menu-${store}`,
      `bare node:http, the store’s menu SQL on the raw driver, JSON.stringify (${label})`,
    );
    rawBaselines.push(rawOrders, rawMenu);
    const against = { [rawOrders.id]: rawOrders, [rawMenu.id]: rawMenu, [B0menu.id]: B0menu };
    for (const spec of specs) {
      const s = summary(spec.target);
      rows.push(
        compare(
          {
            id: spec.id,
            scenario: spec.scenario,
            value: s.value,
            unit: 'req/s',
            runs: s.runs,
            baseline: spec.baseline,
            ...(spec.goal ? { target: spec.goal } : {}),
            extra: { p99Ms: s.p99, bytes: sizes[spec.target]! },
          },
          against[spec.baseline]!,
        ),
      );
    }
  }
  return { baselines: [B0, B1, B2, B0menu, ...rawBaselines], rows };
}

/** The rows against B-raw (and B0-menu) of one store: which target, against which baseline. */
function rawRows(store: Store) {
  const label = STORE_LABEL[store];
  const graphql = store === 'pglite' ? 'graphql' : `graphql-${store}`;
  const rest = store === 'pglite' ? 'rest' : `rest-${store}`;
  return [
    {
      id: `graphql-orders-raw-${store}`,
      scenario: `GraphQL \`orders\` query against its SQL on the raw driver, ${label}`,
      target: graphql,
      baseline: `B-raw-orders-${store}`,
      goal: { atLeast: 0.8 },
    },
    {
      id: `rest-get-orders-raw-${store}`,
      scenario: `REST GET /get_orders against the list’s SQL on the raw driver, ${label}`,
      target: rest,
      baseline: `B-raw-orders-${store}`,
    },
    {
      id: `graphql-menu-${store}`,
      scenario: `Anonymous GraphQL \`menu\` query (POST /graphql, no token), ${label}`,
      target: `menu-${store}`,
      baseline: 'B0-menu',
      goal: { atLeast: 0.3 },
    },
    {
      id: `graphql-menu-raw-${store}`,
      scenario: `The same menu query against its SQL on the raw driver, ${label}`,
      target: `menu-${store}`,
      baseline: `B-raw-menu-${store}`,
    },
  ];
}

/** What one store's servers are measured on; on PGlite also B0–B2 and the yoga comparison. */
function storeTargets(
  store: Store,
  bare: BenchWorker<BaselinesReady>,
  orderlyServer: BenchWorker<OrderlyReady>,
): Record<string, ReadTarget> {
  const base = `http://127.0.0.1:${bare.ready.port}`;
  const app = `http://127.0.0.1:${orderlyServer.ready.port}`;
  const { board } = orderlyServer.ready.fixture;
  const json = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const graphqlHeaders = { ...json, authorization: `Bearer ${board.token}` };
  const graphqlBody = JSON.stringify({ query: ORDERS_QUERY, operationName: 'BoardOrders' });
  const graphql: ReadTarget = {
    answer: 'orders',
    url: `${app}/graphql`,
    method: 'POST',
    headers: graphqlHeaders,
    body: graphqlBody,
  };
  const rest: ReadTarget = {
    answer: 'orders',
    url: `${app}/get_orders`,
    headers: { authorization: `Bearer ${board.token}` },
  };
  const rawOrders: ReadTarget = { answer: 'orders', url: `${base}/raw-orders` };
  const menu: ReadTarget = {
    answer: 'menu',
    url: `${app}/graphql`,
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      query: MENU_QUERY,
      operationName: 'Menu',
      variables: { id: board.businessId },
    }),
  };
  const rawMenu: ReadTarget = { answer: 'menu', url: `${base}/raw-menu` };
  if (store === 'postgres') {
    return {
      'B-raw-orders-postgres': rawOrders,
      'graphql-postgres': graphql,
      'rest-postgres': rest,
      'B-raw-menu-postgres': rawMenu,
      'menu-postgres': menu,
    };
  }
  return {
    B0: { answer: 'orders', url: `${base}/b0` },
    B1: {
      answer: 'orders',
      url: `${base}/b1`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: graphqlBody,
    },
    graphql,
    // The same request through yoga's fetch layer: the fast path leaves URLs with a query to yoga.
    yoga: { ...graphql, url: `${app}/graphql?via=yoga` },
    B2: { answer: 'orders', url: `${base}/b2` },
    rest,
    'B-raw-orders-pglite': rawOrders,
    'B0-menu': { answer: 'menu', url: `${base}/b0-menu` },
    'B-raw-menu-pglite': rawMenu,
    'menu-pglite': menu,
  };
}

/** Every target answers 200 with the board's 12 orders, or its menu, before any load. */
async function checkAnswers(targets: Record<string, ReadTarget>) {
  const sizes: Record<string, number> = {};
  for (const [name, t] of Object.entries(targets)) {
    const response = await fetch(t.url, {
      method: t.method ?? 'GET',
      headers: t.headers ?? {},
      ...(t.body !== undefined ? { body: t.body } : {}),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${text}`);
    const body = JSON.parse(text) as {
      data?: { orders?: unknown[]; menu?: { name?: unknown }[] };
      orders?: unknown[];
      menu?: { name?: unknown }[];
    };
    if (t.answer === 'orders') {
      const orders = body.data?.orders ?? body.orders ?? [];
      if (orders.length !== BOARD_ORDERS)
        throw new Error(`${name}: expected the board's ${BOARD_ORDERS} orders, got ${text}`);
    } else {
      const names = (body.data?.menu ?? body.menu ?? []).map((item) => item.name);
      if (JSON.stringify(names) !== JSON.stringify(BOARD_MENU))
        throw new Error(`${name}: expected the board's menu ${BOARD_MENU.join(', ')}, got ${text}`);
    }
    sizes[name] = Buffer.byteLength(text);
  }
  return sizes;
}
