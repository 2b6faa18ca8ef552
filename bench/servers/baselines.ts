// The baselines, over the same app modules and the same fixture data (no Orderly server running):
//   GET  /b0  bare node:http sending precomputed JSON bytes, as many as the GraphQL orders answer
//   POST /b1  bare node:http running graphql-js execute of the orders query (document parsed once)
//             with the same schema and resolvers
//   GET  /b2  bare node:http making the orders service call behind that query, JSON.stringify-ed
//   GET  /b0-menu  precomputed JSON bytes, as many as the GraphQL answer to the anonymous menu query
//   B-raw: what a hand-written server does — the SQL Orderly runs (taken from the store's statement
//   builders at start, never copied), sent through the raw driver with plain unnamed statements,
//   the rows JSON.stringify-ed; no Orderly service, no GraphQL:
//     GET /raw-orders  the board's orders list as the BoardOrders query reads it: { orders: rows }
//     GET /raw-menu    the board business's menu: { menu: rows }
//   The driver is PGlite's own query() on the very instance under the app (PGlite in memory), or
//   a pg.Pool of 10 of its own on the app's URL and schema (PostgreSQL).
//   B3 (IPC "placeOrders"): the placement's SQL transaction in a loop straight through the store
//             driver, one at a time on PGlite, `concurrency` at once on PostgreSQL
import { createServer, type IncomingMessage } from 'node:http';
import { execute, parse, type DocumentNode } from 'graphql';
import pg from 'pg';
import { buildApp } from '../../api/app.js';
import { createContext } from '../../api/graphql/context.js';
import { schema } from '../../api/graphql/schema/index.js';
import { systemClock } from '../../api/services/clock.js';
import { placementTransaction } from '../../api/services/placement.js';
import type { Viewer } from '../../api/domain/types.js';
import type { Statement } from '../../api/store/db.js';
import { menuStatement } from '../../api/store/menus.store.js';
import { ordersListStatement, type OrderFields } from '../../api/store/orders.store.js';
import { benchDatabase } from '../lib/pglite-template.js';
import { createFixture } from '../fixture.js';
import { serveWorker, settledMemory } from '../lib/worker-side.js';
import { MENU_QUERY, ORDERS_QUERY } from '../scenarios/documents.js';

const database = await benchDatabase();
const app = await buildApp({
  databaseUrl: database.url,
  db: database.db,
  kitchenPrepMs: 3_600_000,
  maxOpenOrders: 1_000_000_000,
});
const fixture = await createFixture(app);
const viewer: Viewer = await app.services.auth.verify(fixture.board.token);
const documents = new Map<string, DocumentNode>(
  [ORDERS_QUERY, MENU_QUERY].map((query) => [query, parse(query)]),
);
const contextFor = (who: Viewer | null = viewer) =>
  createContext(app.services, who, 'bench', '127.0.0.1');

async function runQuery(
  query: string,
  variables?: Record<string, unknown>,
  who: Viewer | null = viewer,
) {
  const document = documents.get(query);
  if (!document) throw new Error('unknown query');
  return JSON.stringify(
    await execute({
      schema,
      document,
      contextValue: contextFor(who),
      ...(variables ? { variableValues: variables } : {}),
    }),
  );
}

const b0Bytes = Buffer.from(await runQuery(ORDERS_QUERY));
// As anyone reads the menu before ordering: no viewer.
const menuAnswer = await runQuery(MENU_QUERY, { id: fixture.board.businessId }, null);
const menuItems = (JSON.parse(menuAnswer) as { data?: { menu?: unknown[] } }).data?.menu;
if (menuItems?.length !== 3) throw new Error(`the board's menu, anonymously: ${menuAnswer}`);
const b0MenuBytes = Buffer.from(menuAnswer);

/** What the bench's BoardOrders query reads of each order (scenarios/documents.ts). */
const BOARD_ORDER_FIELDS: OrderFields = {
  customer: true,
  item: true,
  total: true,
  queue: true,
  business: false,
  lines: false,
};
const rawOrders = ordersListStatement(
  { owner: { column: 'business_id', id: fixture.board.businessId }, limit: 500 },
  BOARD_ORDER_FIELDS,
);
const rawMenu = menuStatement(fixture.board.businessId);
const raw = rawDriver();

/** B-raw's driver: plain statements on the app's own PGlite, or on a pool of its own. */
function rawDriver(): { query(statement: Statement): Promise<unknown[]>; end(): Promise<void> } {
  const { pglite } = database;
  if (pglite) {
    return {
      query: async ({ text, values }) => (await pglite.query(text, values)).rows,
      end: async () => undefined, // closed with the app
    };
  }
  if (!/^postgres(ql)?:\/\//.test(database.url)) throw new Error('B-raw: no PGlite instance');
  // As api/store/db-postgres.ts reads the URL: `?schema=` becomes the connection's search_path.
  const url = new URL(database.url);
  const schemaName = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 10,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  });
  pool.on('error', () => undefined); // an idle connection lost; the next query reports its own
  return {
    query: async ({ text, values }) => (await pool.query(text, values)).rows,
    end: () => pool.end(),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const JSON_TYPE = 'application/json; charset=utf-8';
const server = createServer((req, res) => {
  const send = (body: string | Buffer) => {
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const fail = (error: unknown) => {
    res.writeHead(500);
    res.end(String(error));
  };
  /** A store statement that failed: the error with the statement, for the scenario's check. */
  const failed = (statement: Statement) => (error: unknown) =>
    fail(`${String(error)}\n${statement.text}\n${JSON.stringify(statement.values)}`);
  switch (req.url) {
    case '/b0':
      return send(b0Bytes);
    case '/b1':
      return void readBody(req)
        .then((body) => runQuery((JSON.parse(body.toString()) as { query: string }).query))
        .then(send, fail);
    case '/b2':
      return void app.services.orders
        .listOrders(viewer)
        .then((orders) => send(JSON.stringify({ orders })), fail);
    case '/b0-menu':
      return send(b0MenuBytes);
    case '/raw-orders':
      return void raw
        .query(rawOrders)
        .then((rows) => send(JSON.stringify({ orders: rows })), failed(rawOrders));
    case '/raw-menu':
      return void raw
        .query(rawMenu)
        .then((rows) => send(JSON.stringify({ menu: rows })), failed(rawMenu));
    default:
      res.writeHead(404);
      res.end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const lanes = await Promise.all(
  fixture.lanes.map(async (lane) => ({
    viewer: (await app.services.auth.verify(lane.userToken)) as Viewer,
    itemId: lane.itemId,
    basketItemIds: lane.basketItemIds,
  })),
);
const kitchen = { capacity: app.config.kitchenCapacity, prepMs: app.config.kitchenPrepMs };

/** B3: placements for `seconds`, `concurrency` at a time, round the same lanes as the load. */
async function placeOrders({
  seconds,
  concurrency,
  basket = false,
}: {
  seconds: number;
  concurrency: number;
  /** Three-line baskets instead of one item. */
  basket?: boolean;
}) {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let count = 0;
  let next = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const lane = lanes[next++ % lanes.length]!;
      await placementTransaction(app.db, {
        viewer: lane.viewer,
        lines: (basket ? lane.basketItemIds : [lane.itemId]).map((menuItemId) => ({
          menuItemId,
          quantity: 1,
          note: null,
        })),
        note: null,
        key: null,
        now: systemClock.now(),
        kitchen,
        maxOpenOrders: app.config.maxOpenOrders,
        requestId: null,
      });
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return { count, perSecond: count / elapsed, meanMs: (elapsed * 1000 * concurrency) / count };
}

const handlers = { memory: () => settledMemory(), placeOrders };
serveWorker(
  { port, b0Bytes: b0Bytes.length, b0MenuBytes: b0MenuBytes.length, fixture },
  handlers,
  async () => {
    server.close();
    await raw.end();
    await app.stop();
  },
);
