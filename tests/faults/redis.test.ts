// Two API processes on one PostgreSQL and a Redis of the test's own, which the test kills and brings
// back: live subscribers are disconnected (so they refetch) rather than left silently open, logins
// keep working, /readyz and /metrics say Redis is down, and events cross processes again afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { postgresTarget, TEST_DATABASE_URL } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed, waitFor } from '../helpers/wait.js';
import { hasRedisServer, startOwnRedis, type OwnRedis } from './support/redis.js';

interface Closed {
  code: number;
  reason: string;
}

describe.skipIf(!TEST_DATABASE_URL || !hasRedisServer)(
  'two API processes through a Redis outage',
  () => {
    const target = postgresTarget();
    let redis: OwnRedis;
    let a: Child;
    let b: Child;
    const sockets: Client[] = [];

    beforeAll(async () => {
      redis = await startOwnRedis();
      const env = {
        DATABASE_URL: target.databaseUrl,
        REDIS_URL: redis.url,
        KITCHEN_PREP_MS: '300',
        LOGIN_MAX_FAILURES: '1000',
        JWT_SECRET: 'redis-outage-secret-0123456789-abcdefghij',
      };
      a = await spawnOrderly('api', env);
      b = await spawnOrderly('api', env);
    });
    afterAll(async () => {
      for (const socket of sockets) await socket.dispose();
      await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
      await redis?.kill();
      await target.cleanup();
    });

    const readiness = async (base: string) => {
      const res = await fetch(`${base}/readyz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    /** A socket the server closed, as graphql-ws reports it to the subscription. */
    const closeOf = (errors: unknown[]): Closed | undefined => {
      const close = errors.find((e): e is Closed => typeof (e as Closed)?.code === 'number');
      return close && { code: close.code, reason: close.reason };
    };

    it(
      'disconnects live subscribers, keeps logins working and reports Redis down, then delivers across processes once it is back',
      { timeout: 90_000 },
      async () => {
        const alice = await loginUser(a.url!, 'alice', 'alice-pass');
        const pizza = await loginBusiness(b.url!, 'Pizza Palace', 'pizza-pass');
        const item = await rest(b.url!, 'POST', '/set-menu-and-instore', {
          token: pizza.token,
          body: { items: [{ m_name: 'Outage pie', m_img_url: '', m_price: 3, m_instore: 500 }] },
        });
        const itemId: string = item.body.items[0].m_id;
        const placeOnB = async () =>
          (
            await rest(b.url!, 'POST', '/order', {
              token: alice.token,
              body: { m_id: itemId, quantity: 1 },
            })
          ).body.o_id as string;

        const watch = async () => {
          const socket = wsClient(a.url!, alice.token);
          sockets.push(socket);
          const live = await settledSubscriptions(a.url!);
          const orders = record(socket, 'subscription { orderUpdated { id state } }');
          await untilSubscribed(a.url!, live + 1);
          return orders;
        };
        const before = await watch();
        const first = await placeOnB();
        await before.until((v) => v.some((o) => o.id === first), 10_000);

        const mark = a.logs.length;
        await redis.kill();
        // Not left silently open: the server closes the socket, and the client knows to refetch.
        await waitFor(async () => before.errors.length > 0 || before.done, 10_000);
        const seen = closeOf(before.errors);
        expect(seen).toEqual({ code: 4503, reason: 'Events interrupted; reconnect and refetch' });

        expect((await loginUser(a.url!, 'alice', 'alice-pass')).token).toBeTruthy();
        const wrong = await rest(a.url!, 'POST', '/user_login', {
          body: { u_name: 'alice', u_password: 'not-her-password' },
        });
        expect(wrong.status).toBe(401);
        const down = await readiness(a.url!);
        expect(down).toEqual({
          status: 503,
          body: { status: 'unavailable', database: 'up', redis: 'down' },
        });
        expect((await scrape(a.url!)).get('orderly_redis_up')).toBe(0);
        // Orders are still taken; only their live updates wait for Redis.
        expect(await placeOnB()).toBeTruthy();
        // A new subscription is refused the same way while Redis is away.
        const refusedSocket = wsClient(a.url!, alice.token);
        sockets.push(refusedSocket);
        const refused = record(refusedSocket, 'subscription { orderUpdated { id state } }');
        await waitFor(async () => refused.errors.length > 0 || refused.done, 10_000);
        expect(closeOf(refused.errors)?.code).toBe(4503);

        await redis.start();
        await waitFor(async () => (await readiness(a.url!)).status === 200, 20_000, 100);
        await waitFor(async () => (await readiness(b.url!)).status === 200, 20_000, 100);
        expect((await scrape(a.url!)).get('orderly_redis_up')).toBe(1);

        const after = await watch();
        const again = await placeOnB();
        const got = await after.until((v) => v.some((o) => o.id === again), 10_000);
        expect(got.find((o) => o.id === again)).toMatchObject({ state: 'PENDING' });

        // Info lines reach stdout within a quarter of a second (api/logger.ts).
        await waitFor(
          async () => a.logs.slice(mark).some((l) => l.msg === 'redis available again'),
          5_000,
        );
        const outage = a.logs.slice(mark).map((l) => l.msg);
        expect(outage.filter((m) => m === 'redis unavailable')).toHaveLength(1);
        expect(outage.filter((m) => m === 'redis available again')).toHaveLength(1);
        console.info(
          `Redis outage: the subscriber on A was closed with ${seen?.code} "${seen?.reason}"; ` +
            `login on A answered 200 (a wrong password 401); /readyz 503 ${JSON.stringify(down.body)}; ` +
            'after Redis came back a new subscriber on A saw an order placed on B',
        );
      },
    );
  },
);
