// A page on another origin cannot run mutations with a form or plain text, and /metrics answers only
// its token when one is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { snapshot } from '../helpers/snapshot.js';

describe('cross-site requests and the metrics token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ metricsToken: 'scrape-token-0123456789' });
  });
  afterAll(() => server?.stop());

  it('refuses GraphQL mutations sent as a form, multipart or text/plain from a foreign origin, and creates nothing', async () => {
    const before = await snapshot(server.app.db);
    const mutation =
      'mutation { signUpUser(name: "csrf-victim", password: "csrf-pass-123") { id } }';
    const form = new URLSearchParams({ query: mutation });
    const multipart = new FormData();
    multipart.set('query', mutation);
    const bodies: [string, RequestInit][] = [
      ['urlencoded', { body: form }],
      ['multipart', { body: multipart }],
      [
        'text/plain',
        { body: JSON.stringify({ query: mutation }), headers: { 'content-type': 'text/plain' } },
      ],
    ];
    for (const [name, init] of bodies) {
      const r = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        ...init,
        headers: { origin: 'https://evil.example', ...(init.headers as Record<string, string>) },
      });
      expect(r.status, name).toBe(415);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    expect(await snapshot(server.app.db)).toBe(before);
  });

  it('answers /metrics only with the token', async () => {
    const scrape = (authorization?: string) =>
      fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token')).status).toBe(401);
    const ok = await scrape('Bearer scrape-token-0123456789');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('orderly_');
  });
});
