// Login throttles that hold under bursts: every attempt is counted before its password is checked,
// so concurrent attempts (over HTTP, or many operations on one WebSocket) never get more checks than
// the limit; and a stranger's burst from one address does not lock the owner out from another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, rest, wsClient } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

const LIMIT = 5;

const login = (base: string, name: string, password: string, address: string) =>
  rest(base, 'POST', '/user_login', {
    body: { u_name: name, u_password: password },
    headers: { 'x-forwarded-for': address },
  });

describe('login throttling under concurrent attempts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ loginMaxFailures: LIMIT, loginDelayStepMs: 5, trustProxy: true });
  });
  afterAll(() => server?.stop());

  it('checks at most the limit of 41 concurrent logins from one address, refusing the right password sent last', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      login(server.url, 'alice', `wrong-password-${i}`, '10.20.0.1'),
    );
    attempts.push(login(server.url, 'alice', 'alice-pass', '10.20.0.1'));
    const answers = await Promise.all(attempts);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(41 - LIMIT);
    expect(statuses.at(-1)).toBe(429);
    const refused = answers.at(-1)!;
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    // The lock-out lasts the throttle's window (15 min): that is the wait the web app counts down.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // The owner, from an address of their own, still gets in.
    expect((await login(server.url, 'alice', 'alice-pass', '10.20.0.2')).status).toBe(200);
  });

  it('checks at most the limit of 400 concurrent guesses', async () => {
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) => login(server.url, 'bob', `guess-${i}-x`, '10.21.0.1')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(400 - LIMIT);
  });

  it('counts look-alikes of a name as guesses at that name', async () => {
    const variants = ['carol', 'CAROL', 'ｃａｒｏｌ', 'Carol', 'car\u043el', 'cArOl', 'CaRoL'];
    const statuses = (
      await Promise.all(variants.map((n) => login(server.url, n, 'not-carols', '10.22.0.1')))
    ).map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(variants.length - LIMIT);
  });

  it('checks at most the limit of 30 concurrent userLogin operations on one WebSocket', async () => {
    await gqlOk(server.url, 'mutation { signUpUser(name: "dave", password: "dave-pass") { id } }');
    const client = wsClient(server.url);
    try {
      const run = (password: string) =>
        new Promise<string>((resolve) => {
          let code = 'OK';
          client.subscribe(
            {
              query: 'mutation($p: String!) { userLogin(name: "dave", password: $p) { token } }',
              variables: { p: password },
            },
            {
              next: (result) => {
                const error = result.errors?.[0] as { extensions?: { code?: string } } | undefined;
                if (error) code = error.extensions?.code ?? 'ERROR';
              },
              error: () => resolve('SOCKET'),
              complete: () => resolve(code),
            },
          );
        });
      const codes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => run(i === 29 ? 'dave-pass' : `wrong-${i}-pass`)),
      );
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(LIMIT);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - LIMIT);
      expect(codes.at(-1)).toBe('RATE_LIMITED');
    } finally {
      await client.dispose();
    }
  });
});
