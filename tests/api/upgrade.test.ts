// Upgrading in place: a database made by the previous release (migration 001 only) with orders in
// it is migrated by the new server on start, and every old order reads and acts as a one-line basket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/services/passwords.js';
import { openDb, type Db } from '../../api/store/db.js';
import { gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { diskTargets } from '../helpers/stores.js';
import { migrate } from '../../api/store/migrate.js';

/** Builds the previous release's schema and fills it the way that release did. */
async function previousRelease(db: Db) {
  await migrate(db, { before: '002' });
  const hash = await hashPassword('old-release-pass');
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (name, password_hash) VALUES ('olduser', $1) RETURNING id`,
    [hash],
  );
  const [business] = await db.query<{ id: string }>(
    `INSERT INTO businesses (name, password_hash) VALUES ('Old Diner', $1) RETURNING id`,
    [hash],
  );
  const [item] = await db.query<{ id: string }>(
    `INSERT INTO menu_items (business_id, name, price, in_store) VALUES ($1, 'Old soup', 4.25, 10) RETURNING id`,
    [business!.id],
  );
  const orders: Record<string, string> = {};
  const at = new Date(Date.now() - 60_000).toISOString();
  for (const [state, quantity] of [
    ['pending', 2],
    ['accepted', 1],
    ['completed', 3],
    ['cancelled', 1],
  ] as const) {
    const [order] = await db.query<{ id: string }>(
      `INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state, created_at, updated_at,
                           accepted_at, accept_seq, finished_at)
       VALUES ($1, $2, $3, $4, 4.25, $5, $6, $6,
               CASE WHEN $5 IN ('accepted', 'completed') THEN $6::timestamptz END,
               CASE WHEN $5 IN ('accepted', 'completed') THEN nextval('orders_accept_seq') END,
               CASE WHEN $5 IN ('completed', 'cancelled') THEN $6::timestamptz END)
       RETURNING id`,
      [user!.id, business!.id, item!.id, quantity, state, at],
    );
    orders[state] = order!.id;
    await db.query(
      `INSERT INTO order_events (order_id, from_state, to_state, actor, actor_id, at)
       VALUES ($1, NULL, 'pending', 'user', $2, $3)`,
      [order!.id, user!.id, at],
    );
  }
  await db.query(
    `INSERT INTO idempotency_keys (user_id, key, order_id) VALUES ($1, 'old-key', $2)`,
    [user!.id, orders.pending],
  );
  return { itemId: item!.id, orders };
}

const targets = diskTargets('orderly-upgrade');

for (const target of targets) {
  const available = target.name === 'pglite' || Boolean(target.databaseUrl);
  describe.skipIf(!available)(`upgrade from the previous release on ${target.name}`, () => {
    let server: TestServer;
    let old: Awaited<ReturnType<typeof previousRelease>>;

    beforeAll(async () => {
      const db = await openDb({ url: target.databaseUrl, dataDir: target.dataDir });
      try {
        old = await previousRelease(db);
      } finally {
        await db.close();
      }
      server = await startServer({
        databaseUrl: target.databaseUrl,
        dataDir: target.dataDir,
        seed: false,
      });
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('reads every order placed before the upgrade as a one-line basket, with its history', async () => {
      const business = await loginBusiness(server.url, 'Old Diner', 'old-release-pass');
      const { orders } = await gqlOk(
        server.url,
        `{ orders { id state quantity total note lines { menuItem { id name } quantity unitPrice note }
                    history { to actor reason } } }`,
        {},
        business.token,
      );
      expect(orders).toHaveLength(4);
      for (const order of orders) {
        expect(order.lines).toEqual([
          {
            menuItem: { id: old.itemId, name: 'Old soup' },
            quantity: order.quantity,
            unitPrice: 4.25,
            note: null,
          },
        ]);
        expect(order.total).toBe(4.25 * order.quantity);
        expect(order.note).toBeNull();
        expect(order.history[0]).toEqual({ to: 'PENDING', actor: 'USER', reason: null });
      }
      const listed = await rest(server.url, 'GET', '/get_orders', { token: business.token });
      expect(listed.body.orders.map((o: { items: unknown[] }) => o.items.length)).toEqual([
        1, 1, 1, 1,
      ]);
    });

    it('replays an old idempotency key for the same item, refuses it for another basket, and cancels an old order with its stock back', async () => {
      const user = await loginUser(server.url, 'olduser', 'old-release-pass');
      const replay = await rest(server.url, 'POST', '/order', {
        token: user.token,
        headers: { 'Idempotency-Key': 'old-key' },
        body: { m_id: old.itemId, quantity: 2 },
      });
      expect([replay.status, replay.body.o_id]).toEqual([201, old.orders.pending]);
      const other = await rest(server.url, 'POST', '/order', {
        token: user.token,
        headers: { 'Idempotency-Key': 'old-key' },
        body: { m_id: old.itemId, quantity: 1 },
      });
      expect([other.status, other.body.error.code]).toEqual([409, 'CONFLICT']);
      const cancelled = await rest(server.url, 'POST', '/cancel_order', {
        token: user.token,
        body: { o_id: old.orders.pending, reason: 'Changed my mind' },
      });
      expect(cancelled.body, JSON.stringify(cancelled.body)).toMatchObject({
        o_state: 'cancelled',
      });
      const { menu } = await gqlOk(
        server.url,
        'query($b: ID!) { menu(businessId: $b) { inStore } }',
        {
          b: cancelled.body.e_id,
        },
      );
      expect(menu[0].inStore).toBe(12);
    });
  });
}
