// Abusive GraphQL is refused before it runs; oversized and mistyped bodies are refused; introspection is off in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe('GraphQL limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const refused = async (query: string) => {
    const r = await gql(server.url, query);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    return r.errors![0]!.message;
  };

  it('refuses a query nested too deep', async () => {
    const deep =
      '{ businesses { menu { business { menu { business { menu { business { menu { business { id } } } } } } } } } }';
    expect(await refused(deep)).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: businesses { id }`).join(' ');
    expect(await refused(`{ ${aliases} }`)).toMatch(/alias/i);
  });

  it('refuses a query that would cost too much', async () => {
    const wide = Array.from(
      { length: 9 },
      (_, i) =>
        `b${i}: businesses { id name menu { id name price business { id name menu { id name price inStore business { id name imageUrl } } } } }`,
    ).join(' ');
    expect(await refused(`{ ${wide} }`)).toMatch(/cost/i);
  });

  it('refuses a huge document by its token count', async () => {
    const fields = Array.from({ length: 1600 }, () => '__typename').join(' ');
    expect(await refused(`{ ${fields} }`)).toMatch(/token/i);
  });

  it('refuses batched requests', async () => {
    const r = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ businesses { id } }' },
        { query: '{ businesses { id } }' },
      ]),
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it('refuses bodies over 64 KiB with 413 and the error body, and non-JSON REST bodies with 415', async () => {
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ businesses { id } }`,
        variables: { pad: 'x'.repeat(70_000) },
      }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const text = await rest(server.url, 'POST', '/user_login', {
      raw: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('BAD_REQUEST');
  });

  it('still answers introspection outside production', async () => {
    const r = await gql(server.url, '{ __schema { queryType { name } } }');
    expect(r.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      production: true,
      seed: false,
      jwtSecret: 'production-secret-0123456789-abcdefghij',
    });
  });
  afterAll(() => server?.stop());

  it('turns introspection off and hides GraphiQL', async () => {
    const r = await gql(server.url, '{ __schema { queryType { name } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('seeds nothing', async () => {
    const r = await gql(server.url, '{ businesses { id } }');
    expect(r.data).toEqual({ businesses: [] });
  });
});
