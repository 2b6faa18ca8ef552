// The kept-answer lane answers exactly as the whole path does: status, body and headers.
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries, demoIds, startServer, type TestServer } from '../../tests/helpers/server.js';
import { loginBusiness } from '../../tests/helpers/clients.js';
import { scrape } from '../../tests/helpers/metrics.js';

const PARTNER = 'https://partner.example';
const MENU = 'query Menu($id: ID!) { menu(businessId: $id) { id name price inStore imageUrl } }';
// Every business with its menu: an answer over the compression threshold.
const LIST = '{ businesses { id name menu { id name price inStore imageUrl } } }';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so that the answer's bytes and headers are seen as sent (no client decoding). */
function post(url: string, path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzip = res.headers['content-encoding'] === 'gzip';
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: (gzip ? gunzipSync(raw) : raw).toString(),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers an answer is judged by: all but the date and the request id's value. */
function judged(answer: Answer) {
  const { date: _date, 'x-request-id': id, ...headers } = answer.headers;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return { status: answer.status, headers, body: answer.body };
}

describe('the kept-answer lane', () => {
  let server: TestServer;
  let queries: { readonly count: number };
  let businessId: string;
  beforeAll(async () => {
    server = await startServer({
      kitchen: 'off',
      webhookPollMs: 3_600_000,
      corsOrigins: [PARTNER],
    });
    queries = countQueries(server.app);
    businessId = (await demoIds(server.url))['Pizza Palace']!.id;
  });
  afterAll(() => server?.stop());

  it('answers as the whole path does, for every kind of client', async () => {
    const menu = JSON.stringify({ query: MENU, variables: { id: businessId } });
    const list = JSON.stringify({ query: LIST });
    const clients: [string, string, Record<string, string>][] = [
      ['plain', menu, {}],
      ['plain JSON', menu, { accept: 'application/json' }],
      ['allowed origin', menu, { origin: PARTNER }],
      ['other origin', menu, { origin: 'https://stranger.example' }],
      ['gzip, small answer', menu, { 'accept-encoding': 'gzip' }],
      ['gzip, large answer', list, { 'accept-encoding': 'gzip' }],
      ['no encoding, large answer', list, {}],
    ];
    for (const [client, body, headers] of clients) {
      // Executed (and kept), then the kept answer through the whole path ("/graphql?" is the
      // same URL to GraphQL but not to the lane), then through the lane: no SQL for the last two.
      const executed = await post(server.url, '/graphql', body, headers);
      const before = queries.count;
      const whole = await post(server.url, '/graphql?', body, headers);
      const laned = await post(server.url, '/graphql', body, headers);
      expect(queries.count, client).toBe(before);
      expect(judged(laned), client).toEqual(judged(executed));
      expect(judged(laned), client).toEqual(judged(whole));
    }
    const gzipped = await post(server.url, '/graphql', list, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const allowed = await post(server.url, '/graphql', menu, { origin: PARTNER });
    expect(allowed.headers['access-control-allow-origin']).toBe(PARTNER);
  });

  it('counts and times what it answers as the whole path would', async () => {
    const menu = JSON.stringify({ query: MENU, variables: { id: businessId } });
    await post(server.url, '/graphql', menu);
    const requests =
      'orderly_http_request_duration_seconds_count{route="/graphql",method="POST",status="200"}';
    const kept = 'orderly_public_reads_total{read="answer",result="hit"}';
    // The web app's menu query is named Menu; a name no client of ours sends counts as "other".
    const operations =
      /^orderly_graphql_operation_duration_seconds_count\{type="query",operation="(Menu|other)"\}$/;
    const operationCount = (metrics: Map<string, number>) =>
      [...metrics].filter(([name]) => operations.test(name)).reduce((sum, [, n]) => sum + n, 0);
    const before = await scrape(server.url);
    for (let i = 0; i < 3; i++) await post(server.url, '/graphql', menu);
    const after = await scrape(server.url);
    for (const metric of [requests, kept]) {
      expect(after.get(metric), metric).toBe((before.get(metric) ?? 0) + 3);
    }
    expect(operationCount(after)).toBe(operationCount(before) + 3);
  });

  it('leaves whatever it does not answer to the whole path, body and all', async () => {
    const business = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const mine = JSON.stringify({ query: '{ me { id } }' });
    const me = await post(server.url, '/graphql', mine, {
      authorization: `Bearer ${business.token}`,
    });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toEqual({ data: { me: { id: expect.any(String) } } });
    // Read by the lane, not kept: the whole path answers it with the body the lane read.
    const unknown = JSON.stringify({
      query: '{ businesses { id } }',
      variables: { x: Date.now() },
    });
    const first = await post(server.url, '/graphql', unknown);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).data.businesses.length).toBeGreaterThan(0);
    const broken = await post(server.url, '/graphql', '{"query": "{ businesses { id }"');
    expect(broken.status).toBe(400);
  });
});
