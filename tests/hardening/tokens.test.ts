// Forged, expired and misaddressed tokens are refused over HTTP (401/403) and WebSocket (4401).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { gql, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SECRET = 'hardening-secret-0123456789-abcdefghijklmnop';
const key = (secret: string) => new TextEncoder().encode(secret);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tokens', () => {
  let server: TestServer;
  let user: { token: string; u_id: string };
  let business: { token: string; e_id: string };
  const forged: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer({ jwtSecret: SECRET });
    user = await loginUser(server.url, 'alice', 'alice-pass');
    business = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const now = Math.floor(Date.now() / 1000);
    const claims = { role: 'user', name: 'alice' };
    const sign = (secret: string, edit: (j: SignJWT) => SignJWT) =>
      edit(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(user.u_id)).sign(
        key(secret),
      );
    const good = (j: SignJWT) =>
      j.setIssuer('orderly').setAudience('orderly-api').setIssuedAt().setExpirationTime('1h');
    forged['unsigned (alg none)'] =
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: user.u_id, iss: 'orderly', aud: 'orderly-api', exp: now + 3600 })}.`;
    forged['signed with another key'] = await sign(
      'another-secret-0123456789-abcdefghijklmnop',
      good,
    );
    forged['expired'] = await sign(SECRET, (j) =>
      j
        .setIssuer('orderly')
        .setAudience('orderly-api')
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600),
    );
    forged['not yet valid'] = await sign(SECRET, (j) => good(j).setNotBefore(now + 3600));
    forged['wrong audience'] = await sign(SECRET, (j) =>
      j.setIssuer('orderly').setAudience('someone-else').setExpirationTime('1h'),
    );
    forged['wrong issuer'] = await sign(SECRET, (j) =>
      j.setIssuer('mallory').setAudience('orderly-api').setExpirationTime('1h'),
    );
    forged['no expiry'] = await sign(SECRET, (j) =>
      j.setIssuer('orderly').setAudience('orderly-api'),
    );
    const [h, , s] = user.token.split('.');
    forged['tampered payload'] =
      `${h}.${b64({ ...claims, role: 'business', sub: business.e_id, iss: 'orderly', aud: 'orderly-api', exp: now + 3600 })}.${s}`;
    forged['garbage'] = 'not.a.token';
  });
  afterAll(() => server?.stop());

  it('refuses every forged token with 401 on REST and GraphQL', async () => {
    expect(Object.keys(forged)).toHaveLength(9);
    for (const [name, token] of Object.entries(forged)) {
      const r = await rest(server.url, 'GET', '/get_orders', { token });
      expect({ name, status: r.status, code: r.body.error?.code }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      const g = await gql(server.url, '{ orders { id } }', {}, token);
      expect({ name, status: g.status, code: g.errors?.[0]?.extensions?.code }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses every forged token at WebSocket connect with 4401', async () => {
    for (const [name, token] of Object.entries(forged)) {
      const code = await connectCode(server.url, token);
      expect({ name, code }).toEqual({ name, code: 4401 });
    }
    expect(await connectCode(server.url, user.token)).toBe('acked');
  });

  it('answers 403 to a token of the wrong role, both ways', async () => {
    const asBusiness = await rest(server.url, 'POST', '/cancel_order', {
      token: business.token,
      body: { o_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(asBusiness.status).toBe(403);
    const asUser = await rest(server.url, 'POST', '/set-menu-and-instore', {
      token: user.token,
      body: { items: [] },
    });
    expect(asUser.status).toBe(403);
    const g = await gql(
      server.url,
      'mutation { acceptOrder(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      user.token,
    );
    expect(g.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

function connectCode(base: string, token: string): Promise<number | 'acked'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(base.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    socket.once('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      ),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.close(1000);
        resolve('acked');
      }
    });
    socket.once('close', (code) => resolve(code));
  });
}
