// Repeated failed logins are slowed, then refused with 429; unknown names and wrong passwords look alike.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { TEST_REDIS_URL } from '../helpers/stores.js';

async function timedLogin(
  base: string,
  name: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const started = performance.now();
  const r = await rest(base, 'POST', '/user_login', {
    body: { u_name: name, u_password: password },
    headers,
  });
  return { ...r, ms: performance.now() - started };
}

describe('login throttling (in memory)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ loginMaxFailures: 5, loginDelayStepMs: 2_000, trustProxy: true });
  });
  afterAll(() => server?.stop());

  it(
    'slows failures for one name from one address, then refuses even the right password from it with RATE_LIMITED',
    { timeout: 60_000 },
    async () => {
      const attempts = [];
      for (let i = 0; i < 5; i++)
        attempts.push(
          await timedLogin(server.url, 'alice', 'wrong-password', {
            'x-forwarded-for': '10.0.0.1',
          }),
        );
      expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
      // The fourth and fifth failures wait one and two delay steps (2 s each here) longer than the first ones.
      const undelayed = Math.max(attempts[0]!.ms, attempts[1]!.ms);
      expect(attempts[3]!.ms - undelayed).toBeGreaterThan(1_000);
      expect(attempts[4]!.ms - undelayed).toBeGreaterThan(2_500);
      const refused = await timedLogin(server.url, 'alice', 'alice-pass', {
        'x-forwarded-for': '10.0.0.1',
      });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // The stranger's failures do not lock the owner out from another address.
      expect(
        (await timedLogin(server.url, 'alice', 'alice-pass', { 'x-forwarded-for': '10.0.0.2' }))
          .status,
      ).toBe(200);
      // Another account is not affected.
      expect(
        (await timedLogin(server.url, 'bob', 'bob-pass', { 'x-forwarded-for': '10.0.0.2' })).status,
      ).toBe(200);
    },
  );

  it('refuses one address that tries many names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) {
      statuses.push(
        (
          await rest(server.url, 'POST', '/user_login', {
            body: { u_name: `guess-${i}`, u_password: 'whatever-1' },
            headers: { 'x-forwarded-for': '10.9.9.9' },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    const other = await rest(server.url, 'POST', '/user_login', {
      body: { u_name: 'bob', u_password: 'bob-pass' },
      headers: { 'x-forwarded-for': '10.9.9.8' },
    });
    expect(other.status).toBe(200);
  });

  it('answers an unknown name exactly like a wrong password', async () => {
    const wrong = await rest(server.url, 'POST', '/user_login', {
      body: { u_name: 'bob', u_password: 'not-bobs' },
      headers: { 'x-forwarded-for': '10.1.1.1' },
    });
    const unknown = await rest(server.url, 'POST', '/user_login', {
      body: { u_name: 'nobody-here', u_password: 'not-bobs' },
      headers: { 'x-forwarded-for': '10.1.1.2' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe.skipIf(!TEST_REDIS_URL)('login throttling shared through Redis', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  let one: TestServer;
  let two: TestServer;
  beforeAll(async () => {
    [one, two] = await Promise.all([
      startServer({ loginMaxFailures: 3, redisUrl: TEST_REDIS_URL, redisPrefix: prefix }),
      startServer({ loginMaxFailures: 3, redisUrl: TEST_REDIS_URL, redisPrefix: prefix }),
    ]);
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
  });

  it('counts failures made on one process against logins on another', async () => {
    for (let i = 0; i < 3; i++)
      expect((await timedLogin(one.url, 'bob', 'nope-nope')).status).toBe(401);
    const elsewhere = await timedLogin(two.url, 'bob', 'bob-pass');
    expect(elsewhere.status).toBe(429);
  });
});
