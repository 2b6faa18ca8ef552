// Answers travel compressed when the client takes it: GraphQL and REST JSON on the fly, the web
// app's files from the copies the build made; small answers and event streams as they are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(
  url: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decode = (raw: Raw) => {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
};

describe('compressed answers', () => {
  let server: TestServer;
  let webDir: string;
  const script = `console.log(${JSON.stringify('orderly '.repeat(2000))});\n`;
  beforeAll(async () => {
    // A built web app as web/precompress.ts leaves it: each text asset with .br and .gz beside it.
    webDir = mkdtempSync(join(tmpdir(), 'orderly-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><body>Orderly</body></html>');
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), script);
    writeFileSync(join(webDir, 'assets', 'app-1234.js.br'), brotliCompressSync(script));
    writeFileSync(join(webDir, 'assets', 'app-1234.js.gz'), gzipSync(script));
    server = await startServer({ webDir });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const menus = JSON.stringify({
    query: '{ businesses { id name menu { id name price inStore imageUrl } } }',
  });
  const post = (encoding?: string) =>
    get(
      `${server.url}/graphql`,
      {
        'content-type': 'application/json',
        ...(encoding ? { 'accept-encoding': encoding } : {}),
      },
      'POST',
      menus,
    );

  it('compresses a GraphQL answer with Brotli or gzip, whichever the client takes', async () => {
    const plain = await post();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    // Uncompressed for a client that takes no encoding, and a shared cache is told it varies.
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    const br = await post('br');
    const gz = await post('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    for (const answer of [br, gz]) {
      expect(answer.body.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decode(answer))).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  it('compresses REST answers too, and leaves small ones alone', async () => {
    const openapi = await get(`${server.url}/openapi.json`, { 'accept-encoding': 'gzip' });
    expect(openapi.status).toBe(200);
    expect(openapi.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(openapi))).toHaveProperty('paths');
    const health = await get(`${server.url}/healthz`, { 'accept-encoding': 'gzip, br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ status: 'ok' });
  });

  it("serves the build's compressed copies of the web app's files", async () => {
    const path = `${server.url}/assets/app-1234.js`;
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(decode(br)).toBe(script);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz)).toBe(script);
    const plain = await get(path, { 'accept-encoding': 'br;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });
});
