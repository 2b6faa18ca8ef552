// Two API processes on one PostgreSQL and one Redis: events cross, stock holds, kitchens share, a kill loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { Client } from 'graphql-ws';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { startPostgresPair, type PostgresPair } from '../helpers/postgres-pair.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed, waitFor } from '../helpers/wait.js';

const PREP_MS = 600;

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)(
  'two API processes on PostgreSQL and Redis',
  () => {
    let pair: PostgresPair;
    let a: Child;
    let b: Child;
    let db: pg.Pool;
    const sockets: Client[] = [];
    const env = () => ({
      REDIS_URL: TEST_REDIS_URL,
      KITCHEN_PREP_MS: String(PREP_MS),
      KITCHEN_POLL_MS: '200',
      LOGIN_MAX_FAILURES: '1000',
      JWT_SECRET: 'shared-secret-for-the-two-processes-0123456789',
    });

    beforeAll(async () => {
      pair = await startPostgresPair(env());
      ({ a, b, db } = pair);
    });
    afterAll(async () => {
      for (const s of sockets) await s.dispose();
      // b may have been restarted by a test: kill that one too.
      await b?.kill('SIGKILL');
      await pair?.stop();
    });

    async function newItem(base: string, token: string, name: string, inStore: number) {
      const r = await rest(base, 'POST', '/set-menu-and-instore', {
        token,
        body: { items: [{ m_name: name, m_img_url: '', m_price: 3, m_instore: inStore }] },
      });
      return r.body.items[0].m_id as string;
    }

    it('delivers events across processes: customer on A watches an order placed on B; business on B sees orders placed on A', async () => {
      const alice = await loginUser(a.url!, 'alice', 'alice-pass');
      const pizza = await loginBusiness(b.url!, 'Pizza Palace', 'pizza-pass');
      const itemId = await newItem(b.url!, pizza.token, 'Cross pie', 50);

      const boardOnB = wsClient(b.url!, pizza.token);
      const phoneOnA = wsClient(a.url!, alice.token);
      sockets.push(boardOnB, phoneOnA);
      const [liveOnA, liveOnB] = [
        await settledSubscriptions(a.url!),
        await settledSubscriptions(b.url!),
      ];
      const newOrders = record(boardOnB, 'subscription { newOrder { id } }');
      const mine = record(phoneOnA, 'subscription { orderUpdated { id state } }');
      await untilSubscribed(a.url!, liveOnA + 1);
      await untilSubscribed(b.url!, liveOnB + 1);

      const placedOnA = await rest(a.url!, 'POST', '/order', {
        token: alice.token,
        body: { m_id: itemId, quantity: 1 },
      });
      expect(placedOnA.status).toBe(201);
      await newOrders.until((v) => v.some((o) => o.id === placedOnA.body.o_id), 5_000);

      const placedOnB = await rest(b.url!, 'POST', '/order', {
        token: alice.token,
        body: { m_id: itemId, quantity: 1 },
      });
      await gqlOk(
        b.url!,
        'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
        { id: placedOnB.body.o_id },
        pizza.token,
      );
      const seen = await mine.until(
        (v) => v.some((o) => o.id === placedOnB.body.o_id && o.state === 'COMPLETED'),
        10_000,
      );
      const states = seen.filter((o) => o.id === placedOnB.body.o_id).map((o) => o.state);
      expect(states.filter((s, i) => s !== states[i - 1])).toEqual([
        'PENDING',
        'ACCEPTED',
        'PROCESSING',
        'COMPLETED',
      ]);
    });

    it('sells exactly 100 of 100 when 600 orders arrive split over both processes', async () => {
      const pizza = await loginBusiness(a.url!, 'Pizza Palace', 'pizza-pass');
      const users = await Promise.all(
        ['alice', 'bob'].map((n) => loginUser(a.url!, n, `${n}-pass`)),
      );
      const itemId = await newItem(a.url!, pizza.token, 'Rush pie', 100);
      const results = await Promise.all(
        Array.from({ length: 600 }, (_, i) =>
          rest(i % 2 ? a.url! : b.url!, 'POST', '/order', {
            token: users[i % 2]!.token,
            body: { m_id: itemId, quantity: 1 },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(100);
      expect(
        results.filter((r) => r.status === 409 && r.body.error.code === 'OUT_OF_STOCK'),
      ).toHaveLength(500);
      const { rows } = await db.query('SELECT in_store FROM menu_items WHERE id = $1', [itemId]);
      expect(rows[0].in_store).toBe(0);
    });

    it('keeps kitchen capacity with both kitchens running, and cooks each order once', async () => {
      const pizza = await loginBusiness(b.url!, 'Pizza Palace', 'pizza-pass');
      const alice = await loginUser(b.url!, 'alice', 'alice-pass');
      const itemId = await newItem(b.url!, pizza.token, 'Shared oven pie', 50);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const via = i % 2 ? a.url! : b.url!;
        ids.push(
          (
            await rest(via, 'POST', '/order', {
              token: alice.token,
              body: { m_id: itemId, quantity: 1 },
            })
          ).body.o_id,
        );
      }
      for (const [i, id] of ids.entries()) {
        await gqlOk(
          i % 2 ? a.url! : b.url!,
          'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
          { id },
          pizza.token,
        );
      }
      await waitFor(async () => (await eventsOf(ids, 'completed')).length === 8, 20_000);
      const processing = await eventsOf(ids, 'processing');
      const completed = await eventsOf(ids, 'completed');
      expect(new Set(processing.map((e) => e.order_id)).size).toBe(8);
      expect(processing).toHaveLength(8);
      expect(completed).toHaveLength(8);
      expect(maxInOven(processing, completed)).toBeLessThanOrEqual(2);
    });

    it('survives a SIGKILL of one process mid-burst: acknowledged orders exist and its oven is finished by the other', async () => {
      // Only A runs for a moment, so the orders in the oven are A's.
      await b.kill('SIGKILL');
      const pizza = await loginBusiness(a.url!, 'Pizza Palace', 'pizza-pass');
      const alice = await loginUser(a.url!, 'alice', 'alice-pass');
      const itemId = await newItem(a.url!, pizza.token, 'Crash pie', 1000);
      const oven: string[] = [];
      for (let i = 0; i < 2; i++) {
        const id = (
          await rest(a.url!, 'POST', '/order', {
            token: alice.token,
            body: { m_id: itemId, quantity: 1 },
          })
        ).body.o_id;
        await gqlOk(
          a.url!,
          'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
          { id },
          pizza.token,
        );
        oven.push(id);
      }
      await waitFor(async () => (await eventsOf(oven, 'processing')).length === 2, 5_000);
      b = await spawnOrderly('api', {
        ...env(),
        DATABASE_URL: pair.databaseUrl,
        KITCHEN_PREP_MS: String(60_000),
      });

      const burst = Array.from({ length: 200 }, (_, i) =>
        rest(i % 2 ? a.url! : b.url!, 'POST', '/order', {
          token: alice.token,
          body: { m_id: itemId, quantity: 1 },
        }).catch(() => ({ status: 0, body: null, headers: new Headers() })),
      );
      setTimeout(() => void a.kill('SIGKILL'), 40);
      const results = await Promise.all(burst);
      const acknowledged = results
        .filter((r) => r.status === 201)
        .map((r) => r.body.o_id as string);
      expect(acknowledged.length).toBeGreaterThan(0);
      const { rows } = await db.query('SELECT id FROM orders WHERE id = ANY($1::uuid[])', [
        acknowledged,
      ]);
      expect(rows).toHaveLength(acknowledged.length);
      const stock = await db.query('SELECT in_store FROM menu_items WHERE id = $1', [itemId]);
      const ordered = await db.query(
        'SELECT coalesce(sum(quantity), 0)::int AS n FROM orders WHERE menu_item_id = $1',
        [itemId],
      );
      expect(stock.rows[0].in_store + ordered.rows[0].n).toBe(1000);

      // B keeps serving, and its kitchen completes what A left in the oven, once each.
      expect((await rest(b.url!, 'GET', '/healthz')).status).toBe(200);
      await waitFor(async () => (await eventsOf(oven, 'completed')).length === 2, 10_000);
      expect(await eventsOf(oven, 'processing')).toHaveLength(2);
      expect(await eventsOf(oven, 'completed')).toHaveLength(2);
    });

    async function eventsOf(ids: string[], to: string) {
      const { rows } = await db.query<{ order_id: string; at: Date }>(
        'SELECT order_id, at FROM order_events WHERE order_id = ANY($1::uuid[]) AND to_state = $2 ORDER BY id',
        [ids, to],
      );
      return rows;
    }
  },
);

function maxInOven(
  started: { order_id: string; at: Date }[],
  completed: { order_id: string; at: Date }[],
) {
  const marks = [
    ...started.map((e) => [e.at.getTime(), 1] as const),
    ...completed.map((e) => [e.at.getTime(), -1] as const),
  ].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of marks) max = Math.max(max, (now += d));
  return max;
}
