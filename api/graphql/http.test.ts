import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import type { Context } from './context.js';
import { createDocumentCache } from './documents.js';
import { createGraphQLFastPath, negotiate } from './http.js';
import { schema } from './schema/index.js';
import { createGraphQLServer } from './yoga.js';

function server(extraPlugins: Plugin[] = [], introspection = false) {
  return createGraphQLServer({
    schema,
    log: createLogger('silent'),
    graphiql: false,
    introspection,
    metrics: createMetrics(),
    deadlineMs: 0,
    extraPlugins,
  });
}

function fastPath(extraPlugins: Plugin[] = []) {
  const yoga = server(extraPlugins);
  const serve = createGraphQLFastPath({
    yoga,
    documents: createDocumentCache(yoga),
    makeContext: async () => ({ viewer: null }) as Context,
  });
  return async (method: string, headers: Record<string, string>, body: unknown) => {
    const written: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const res = {
      writeHead(status: number, h: Record<string, unknown>) {
        written.status = status;
        written.headers = h;
      },
      end(text: string) {
        written.body = text;
      },
    } as unknown as ServerResponse;
    const req = { method, headers } as IncomingMessage;
    const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const handled = await serve(req, res, raw, 'test');
    return { handled, ...written };
  };
}

const json = { 'content-type': 'application/json' };

describe('GraphQL fast path', () => {
  it('answers a JSON POST of a query itself', async () => {
    const answer = await fastPath()('POST', json, { query: '{ __typename }' });
    expect(answer).toMatchObject({
      handled: true,
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(JSON.parse(answer.body!)).toEqual({ data: { __typename: 'Query' } });
  });

  it('leaves to yoga what it does not answer the same way', async () => {
    const serve = fastPath();
    const declined = [
      await serve('GET', json, { query: '{ __typename }' }),
      await serve('POST', { 'content-type': 'text/plain' }, { query: '{ __typename }' }),
      await serve('POST', { ...json, accept: 'text/event-stream' }, { query: '{ __typename }' }),
      await serve('POST', json, '{"query": '),
      await serve('POST', json, [{ query: '{ __typename }' }]),
      await serve('POST', json, { query: '{ __typename }', extensions: { persisted: 1 } }),
      await serve('POST', json, { query: '{ __typename }', extra: true }),
      await serve('POST', json, { query: '{ __typename }', variables: [] }),
      await serve('POST', json, { query: 'query { a: __typename } query { b: __typename }' }),
      await serve('POST', json, { query: 'subscription { newOrder { id } }' }),
    ];
    expect(declined.map((d) => d.handled)).toEqual(declined.map(() => false));
  });

  it('answers a refusal known from the text exactly as yoga does', async () => {
    const yoga = server();
    const serve = fastPath();
    const refused = [
      '{ nope }',
      '{ __schema { types { name } } }',
      '{ businesses { menu { business { menu { id } } } } }',
      '{ orders(state: PENDIN) { id } }',
    ];
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      for (const query of refused) {
        const fast = await serve('POST', { ...json, accept }, { query });
        const viaYoga = await yoga.fetch(
          'http://localhost/graphql',
          { method: 'POST', headers: { ...json, accept }, body: JSON.stringify({ query }) },
          { makeContext: async () => ({ viewer: null }) as Context },
        );
        expect(fast.handled, query).toBe(true);
        expect(fast.status, `${accept} ${query}`).toBe(viaYoga.status);
        const headers = Object.fromEntries(
          Object.entries(fast.headers!).map(([name, value]) => [name.toLowerCase(), value]),
        );
        expect(headers['content-type']).toBe(viaYoga.headers.get('content-type'));
        expect(JSON.parse(fast.body!)).toEqual(await viaYoga.json());
      }
    }
  });

  it('runs only while every plugin of the server applies to what it answers', async () => {
    // The server's own plugins, in production and outside it: nothing the fast path skips.
    expect(server([], false).fastPathGaps).toEqual([]);
    expect(server([], true).fastPathGaps).toEqual([]);
    // A plugin with a request-level hook (a response header, CSRF checks, a response cache…):
    // the fast path declines everything, so yoga answers and the plugin applies.
    const stamped: Plugin = {
      onResponse({ response }) {
        response.headers.set('x-stamped', 'yes');
      },
    };
    const yoga = server([stamped]);
    expect(yoga.fastPathGaps).toEqual(['onResponse ×1']);
    const answer = await fastPath([stamped])('POST', json, { query: '{ __typename }' });
    expect(answer.handled).toBe(false);
    const response = await yoga.fetch(
      'http://localhost/graphql',
      { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }' }) },
      { makeContext: async () => ({ viewer: null }) as Context },
    );
    expect(response.headers.get('x-stamped')).toBe('yes');
  });

  it("negotiates the media type as yoga's result processors do", () => {
    expect(negotiate(undefined)).toBe('application/json');
    expect(negotiate('*/*')).toBe('application/json');
    expect(negotiate('application/json')).toBe('application/json');
    expect(negotiate('application/graphql-response+json')).toBe(
      'application/graphql-response+json',
    );
    expect(negotiate('application/graphql-response+json, application/json')).toBe(
      'application/graphql-response+json',
    );
    expect(negotiate('application/json;charset=latin1')).toBeNull();
    expect(negotiate('text/event-stream')).toBeNull();
    expect(negotiate('multipart/mixed')).toBeNull();
    expect(negotiate('text/html')).toBeNull();
  });
});
