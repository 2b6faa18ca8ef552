import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import type { Context } from './context.js';
import { createDocumentCache } from './documents.js';
import { createGraphQLFastPath, negotiate } from './http.js';
import { schema } from './schema/index.js';
import { createGraphQLServer } from './yoga.js';

function fastPath() {
  const yoga = createGraphQLServer({
    schema,
    log: createLogger('silent'),
    graphiql: false,
    introspection: false,
    metrics: createMetrics(),
  });
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
      await serve('POST', json, { query: '{ nope }' }),
      await serve('POST', json, { query: '{ __schema { types { name } } }' }),
      await serve('POST', json, { query: 'subscription { newOrder { id } }' }),
    ];
    expect(declined.map((d) => d.handled)).toEqual(declined.map(() => false));
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
