// B4: a bare `ws` server that broadcasts one pre-serialized message to every client it holds.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { monotonicMicros, serveWorker, settledMemory } from '../lib/worker-side.js';

const server = createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
let frame = Buffer.from('{}');
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

serveWorker(
  { port },
  {
    frame: (text: string) => {
      frame = Buffer.from(text);
      return frame.length;
    },
    publish: () => {
      const tPub = monotonicMicros();
      for (const client of wss.clients) client.send(frame, { binary: false });
      return { tPub, clients: wss.clients.size };
    },
    memory: () => settledMemory(),
  },
  async () => {
    for (const client of wss.clients) client.terminate();
    server.close();
  },
);
