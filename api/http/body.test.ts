import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from './body.js';

let server: Server;
let port: number;

beforeAll(async () => {
  // Answers each request with the body it read, and how many bytes that was.
  server = createServer((req, res) => {
    readBody(req, 1024).then(
      (body) => {
        res.writeHead(200, {
          'content-type': 'text/plain',
          'content-length': body.length,
          'x-bytes': String(body.length),
        });
        res.end(body);
      },
      (error: Error) => {
        res.writeHead(413, { 'content-length': Buffer.byteLength(error.message) });
        res.end(error.message);
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Writes the pieces one after another on one socket (a pause between); reads until `answers`
 * answers arrived whole, or the server closed the socket.
 */
async function exchange(pieces: string[], answers = 1): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  for (const piece of pieces) {
    socket.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  let closed = false;
  socket.once('close', () => (closed = true));
  while (!closed && whole(received) < answers) {
    await Promise.race([once(socket, 'data'), once(socket, 'close')]);
  }
  socket.destroy();
  return received;
}

/** How many answers in `text` arrived with all the bytes their Content-Length announces. */
function whole(text: string): number {
  let count = 0;
  for (let at = text.indexOf('HTTP/1.1 '); at !== -1; at = text.indexOf('HTTP/1.1 ', at + 1)) {
    const end = text.indexOf('\r\n\r\n', at);
    const length = /content-length: (\d+)/i.exec(text.slice(at, end))?.[1];
    if (end === -1 || length === undefined || text.length < end + 4 + Number(length)) break;
    count++;
  }
  return count;
}

const head = (length: number) =>
  `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
const body = JSON.stringify({ query: '{ businesses { id } }', pad: 'x'.repeat(200) });

describe('request bodies', () => {
  it('are read whole however the client sends them', async () => {
    const ways: Record<string, string[]> = {
      'with the headers': [head(body.length) + body],
      'after the headers': [head(body.length), body],
      'in two pieces': [head(body.length) + body.slice(0, 50), body.slice(50)],
      chunked: [
        'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
          `${(50).toString(16)}\r\n${body.slice(0, 50)}\r\n`,
        `${(body.length - 50).toString(16)}\r\n${body.slice(50)}\r\n0\r\n\r\n`,
      ],
    };
    for (const [way, pieces] of Object.entries(ways)) {
      const answer = await exchange(pieces);
      expect(answer, way).toMatch(/^HTTP\/1\.1 200/);
      expect(answer, way).toContain(`x-bytes: ${body.length}`);
      expect(answer.endsWith(body), way).toBe(true);
    }
  });

  it('leave the connection ready for the next request', async () => {
    const second = JSON.stringify({ query: '{ me { id } }' });
    const answer = await exchange([head(body.length) + body, head(second.length) + second], 2);
    expect(answer.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(answer.endsWith(second)).toBe(true);
  });

  it('over the limit are refused, sent at once or bit by bit', async () => {
    const big = 'x'.repeat(2000);
    expect(await exchange([head(big.length) + big])).toMatch(/^HTTP\/1\.1 413/);
    const chunked = await exchange([
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      `${(1500).toString(16)}\r\n${'x'.repeat(1500)}\r\n0\r\n\r\n`,
    ]);
    expect(chunked).toMatch(/^HTTP\/1\.1 413/);
  });
});
