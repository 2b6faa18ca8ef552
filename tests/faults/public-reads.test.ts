// Public reads kept in memory while events cannot cross processes, with two API processes on one
// PostgreSQL and a Redis of the test's own. While A is cut off from Redis it answers every read from
// the store; when only B was cut off, B says so once it is back and A drops what it kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { gqlOk, loginBusiness, record, wsClient } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { postgresTarget, TEST_DATABASE_URL } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed, waitFor } from '../helpers/wait.js';
import { cuttableProxy } from './support/proxy.js';
import { hasRedisServer, startOwnRedis, type OwnRedis } from './support/redis.js';

interface Item {
  id: string;
  price: number;
  inStore: number;
}

const MENU = 'query($id: ID!) { menu(businessId: $id) { id price inStore } }';
const SET_ITEM = `mutation($items: [MenuItemInput!]!) {
  setMenuAndInstore(items: $items) { id price inStore }
}`;

describe.skipIf(!TEST_DATABASE_URL || !hasRedisServer)(
  'public reads while events cannot cross processes',
  () => {
    const target = postgresTarget();
    let redis: OwnRedis;
    let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
    let a: Child;
    /** Reaches Redis through the proxy, which the test cuts. */
    let b: Child;
    const sockets: Client[] = [];

    beforeAll(async () => {
      redis = await startOwnRedis();
      proxy = await cuttableProxy(new URL(redis.url));
      const env = {
        DATABASE_URL: target.databaseUrl,
        KITCHEN_PREP_MS: '60000',
        LOGIN_MAX_FAILURES: '1000',
        JWT_SECRET: 'public-reads-outage-secret-0123456789-abc',
      };
      a = await spawnOrderly('api', { ...env, REDIS_URL: redis.url });
      b = await spawnOrderly('api', { ...env, REDIS_URL: proxy.url });
    });
    afterAll(async () => {
      for (const socket of sockets) await socket.dispose();
      await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
      await proxy?.close();
      await redis?.kill();
      await target.cleanup();
    });

    const redisOf = async (base: string) =>
      ((await (await fetch(`${base}/readyz`)).json()) as { redis: string }).redis;
    /** A new item of a business, made on B, once A has heard of it; and a way to set it on B. */
    async function dishOf(name: string, password: string) {
      const business = await loginBusiness(b.url!, name, password);
      const set = async (price: number, inStore: number, id?: string) =>
        (
          await gqlOk<{ setMenuAndInstore: Item[] }>(
            b.url!,
            SET_ITEM,
            {
              items: [{ ...(id ? { id } : {}), name: 'Outage dish', imageUrl: '', price, inStore }],
            },
            business.token,
          )
        ).setMenuAndInstore[0]!;
      const heard = await heardOnA(business.e_id);
      const { id } = await set(3, 100);
      await heard.until((items) => items.some((item) => item.id === id));
      return {
        businessId: business.e_id,
        id,
        heard,
        set: (price: number, inStore: number) => set(price, inStore, id),
        onA: async () =>
          (await gqlOk<{ menu: Item[] }>(a.url!, MENU, { id: business.e_id })).menu.find(
            (item) => item.id === id,
          ),
      };
    }
    /** A menuUpdated subscriber on A, live once this resolves. */
    async function heardOnA(businessId: string) {
      const socket = wsClient(a.url!);
      sockets.push(socket);
      const live = await settledSubscriptions(a.url!);
      const heard = record<Item>(
        socket,
        'subscription($id: ID!) { menuUpdated(businessId: $id) { id price inStore } }',
        { id: businessId },
      );
      await untilSubscribed(a.url!, live + 1);
      return heard;
    }
    const readsOnA = async (result: 'hit' | 'miss' | 'bypass') => {
      // From memory: the menu kept, or the whole anonymous answer kept (public-answers.ts).
      const samples = await scrape(a.url!);
      const count = (read: string) =>
        samples.get(`orderly_public_reads_total{read="${read}",result="${result}"}`) ?? 0;
      return count('menu') + (result === 'hit' ? count('answer') : 0);
    };

    it(
      'answers every read on A from the store while Redis is away, and keeps answers again once it is back',
      { timeout: 90_000 },
      async () => {
        const pie = await dishOf('Pizza Palace', 'pizza-pass');
        await pie.onA();
        const hits = await readsOnA('hit');
        expect(await pie.onA()).toMatchObject({ price: 3, inStore: 100 });
        expect(await readsOnA('hit')).toBe(hits + 1);

        await redis.kill();
        await waitFor(async () => (await redisOf(a.url!)) === 'down', 10_000);
        const bypassed = await readsOnA('bypass');
        // B's events are lost now: A can only learn of its changes from the store.
        await pie.set(3.5, 90);
        expect(await pie.onA()).toMatchObject({ price: 3.5, inStore: 90 });
        await pie.set(3.75, 80);
        expect(await pie.onA()).toMatchObject({ price: 3.75, inStore: 80 });
        expect(await readsOnA('bypass')).toBe(bypassed + 2);

        await redis.start();
        await waitFor(async () => (await redisOf(a.url!)) === 'up', 20_000, 100);
        await waitFor(async () => (await redisOf(b.url!)) === 'up', 20_000, 100);
        // Whatever B says of the events it lost reaches A before this later event.
        const heard = await heardOnA(pie.businessId);
        await pie.set(4, 70);
        await heard.until((items) => items.some((i) => i.id === pie.id && i.price === 4));
        expect(await pie.onA()).toMatchObject({ price: 4, inStore: 70 });
        const kept = await readsOnA('hit');
        expect(await pie.onA()).toMatchObject({ price: 4, inStore: 70 });
        expect(await readsOnA('hit')).toBe(kept + 1);
      },
    );

    it(
      'drops what A keeps when B, cut off from Redis alone, is back and says it lost events',
      { timeout: 90_000 },
      async () => {
        const roll = await dishOf('Sushi Bar', 'sushi-pass');
        const pie = await dishOf('Pizza Palace', 'pizza-pass');
        await roll.onA();
        const hits = await readsOnA('hit');
        expect(await roll.onA()).toMatchObject({ price: 3, inStore: 100 });
        expect(await readsOnA('hit')).toBe(hits + 1);

        proxy.cut();
        await waitFor(async () => (await redisOf(b.url!)) === 'down', 10_000);
        expect(await redisOf(a.url!)).toBe('up');
        await roll.set(6.5, 60);

        proxy.restore();
        await waitFor(async () => (await redisOf(b.url!)) === 'up', 20_000, 100);
        // B said it lost events before it sent this one: A has heard that once it hears this.
        await pie.set(5.5, 55);
        await pie.heard.until((items) => items.some((i) => i.id === pie.id && i.price === 5.5));
        expect(await roll.onA()).toMatchObject({ price: 6.5, inStore: 60 });
      },
    );
  },
);
