// The baselines, over the same app modules and the same fixture data (no Orderly server running):
//   GET  /b0  bare node:http sending precomputed JSON bytes, as many as the GraphQL orders answer
//   POST /b1  bare node:http running graphql-js execute of the orders query (document parsed once)
//             with the same schema and resolvers
//   GET  /b2  bare node:http making the orders service call behind that query, JSON.stringify-ed
//   B3 (IPC "placeOrders"): the placement's SQL transaction in a loop straight through the store
//             driver, one at a time on PGlite, `concurrency` at once on PostgreSQL
import { createServer, type IncomingMessage } from 'node:http';
import { execute, parse, type DocumentNode } from 'graphql';
import { buildApp } from '../../api/app.js';
import { createContext } from '../../api/graphql/context.js';
import { schema } from '../../api/graphql/schema/index.js';
import { systemClock } from '../../api/services/clock.js';
import { placementTransaction } from '../../api/services/placement.js';
import type { Viewer } from '../../api/domain/types.js';
import { benchDatabase } from '../lib/pglite-template.js';
import { createFixture } from '../fixture.js';
import { serveWorker, settledMemory } from '../lib/worker-side.js';
import { ORDERS_QUERY } from '../scenarios/documents.js';

const database = await benchDatabase();
const app = await buildApp({
  databaseUrl: database.url,
  db: database.db,
  kitchenPrepMs: 3_600_000,
  maxOpenOrders: 1_000_000_000,
});
const fixture = await createFixture(app);
const viewer: Viewer = await app.services.auth.verify(fixture.board.token);
const documents = new Map<string, DocumentNode>([[ORDERS_QUERY, parse(ORDERS_QUERY)]]);
const contextFor = () => createContext(app.services, viewer, 'bench', '127.0.0.1');

async function runQuery(query: string) {
  const document = documents.get(query);
  if (!document) throw new Error('unknown query');
  return JSON.stringify(await execute({ schema, document, contextValue: contextFor() }));
}

const b0Bytes = Buffer.from(await runQuery(ORDERS_QUERY));

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
serveWorker({ port, b0Bytes: b0Bytes.length, fixture }, handlers, async () => {
  server.close();
  await app.stop();
});
