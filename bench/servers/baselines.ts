// B0, B1 and B2 on bare node:http, over the same app modules and the same fixture data:
//   GET  /b0  precomputed JSON bytes, as many as the GraphQL orders answer
//   POST /b1  graphql-js execute of the orders query (document parsed once) with the same schema and resolvers
//   GET  /b2  the orders service call behind that query, JSON.stringify-ed
import { createServer, type IncomingMessage } from 'node:http';
import { execute, parse, type DocumentNode } from 'graphql';
import { buildApp } from '../../api/app.js';
import { createContext } from '../../api/graphql/context.js';
import { schema } from '../../api/graphql/schema/index.js';
import type { Viewer } from '../../api/services/types.js';
import { createFixture } from '../fixture.js';
import { serveWorker, settledMemory } from '../lib/worker-side.js';
import { ORDERS_QUERY } from '../scenarios/documents.js';

const app = await buildApp({
  databaseUrl: process.env.BENCH_DATABASE_URL || 'memory://',
  kitchenPrepMs: 3_600_000,
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

serveWorker({ port, b0Bytes: b0Bytes.length }, { memory: () => settledMemory() }, async () => {
  server.close();
  await app.stop();
});
