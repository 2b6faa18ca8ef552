// The web app's security headers and the CORS policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

describe('security headers and CORS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ corsOrigins: ['https://partner.example'] });
  });
  afterAll(() => server?.stop());

  it('serves pages and JSON with CSP (no inline script), frame denial and no sniffing', async () => {
    for (const path of ['/', '/no-such-page', '/healthz']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const shell = await fetch(`${server.url}/`);
    if (shell.status === 200) {
      const csp = shell.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(shell.headers.get('x-frame-options')).toBe('DENY');
    }
    const missing = await fetch(`${server.url}/nothing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets only the listed origin call the API from a browser', async () => {
    const ok = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');

    const evil = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await fetch(`${server.url}/healthz`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('vary')).toContain('Origin');
  });
});
