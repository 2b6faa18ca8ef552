// Migration 008 on a populated database made by the release before it: stored events keep their
// order (they sort first, as transaction 0), a client's first-version cursor (`e1:<id>`) still
// resumes where it was, and orders placed after the upgrade reach a webhook set after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEventCursor } from '../../api/domain/cursor.js';
import { seedDemoData } from '../../api/services/seed.js';
import { openDb, type Db } from '../../api/store/db.js';
import { migrate } from '../../api/store/migrate.js';
import * as orders from '../../api/store/orders.store.js';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';
import { startReceiver, type Receiver } from './support/receiver.js';

/** The schema before 008, as that release's migrate left it. */
async function previousRelease(db: Db) {
  await migrate(db, { before: '008' });
  await seedDemoData(db);
}

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`event log upgrade (008) on ${target.name}`, () => {
    let server: TestServer;
    let receiver: Receiver;
    const placed: { orderId: string; eventId: string }[] = [];
    let businessId: string;

    beforeAll(async () => {
      receiver = await startReceiver();
      const db = await openDb({ url: target.databaseUrl, dataDir: '/nonexistent' });
      await previousRelease(db);
      const [alice] = await db.query<{ id: string }>(`SELECT id FROM users WHERE name = 'alice'`);
      const [item] = await db.query<{ id: string; business_id: string }>(
        `SELECT m.id, m.business_id FROM menu_items m JOIN businesses b ON b.id = m.business_id
          WHERE b.name = 'Pizza Palace' ORDER BY m.name LIMIT 1`,
      );
      businessId = item!.business_id;
      for (let i = 0; i < 3; i++) {
        const row = await orders.placeOrder(db, {
          userId: alice!.id,
          lines: [{ menuItemId: item!.id, quantity: 1, note: null }],
          note: null,
          now: new Date().toISOString(),
          maxOpenOrders: 100,
          event: { actor: 'user', actorId: alice!.id, reason: null, requestId: null },
        });
        placed.push({ orderId: row!.id, eventId: row!.event_id });
      }
      // The new server migrates this database in place (PGlite in memory: it is handed over).
      server = await startServer({
        databaseUrl: target.databaseUrl,
        seed: false,
        webhookAllowPrivate: true,
        webhookPollMs: 20,
        ...(target.name === 'pglite' ? { db } : {}),
      });
      if (target.name !== 'pglite') await db.close();
    });
    afterAll(async () => {
      await server?.stop();
      await receiver?.close();
      await target.cleanup();
    });

    it('keeps the old events first and in order, and resumes a first-version cursor', async () => {
      const log = await orders.eventsAfter(
        server.app.db,
        { column: 'business_id', id: businessId },
        { xid: '0', id: '0' },
        100,
      );
      expect(log.heldBack).toBe(false);
      expect(log.events.map((e) => e.event.orderId)).toEqual(placed.map((p) => p.orderId));
      expect(log.events.every((e) => e.position.xid === '0')).toBe(true);

      const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
      const alice = await loginUser(server.url, 'alice', 'alice-pass');
      const set = await gqlOk(
        server.url,
        'mutation($url: String!) { setWebhook(url: $url) { secret } }',
        { url: receiver.url },
        pizza.token,
      );
      receiver.secret = set.setWebhook.secret;
      const client = wsClient(server.url, pizza.token);
      try {
        // A client of the release before resumes after the first order's placement.
        const stream = record<{ to: string; order: { id: string } }>(
          client,
          'subscription($after: String) { orderEvents(after: $after) { to order { id } } }',
          { after: encodeEventCursor(placed[0]!.eventId) },
        );
        const item = (await gqlOk(server.url, '{ menu(businessId: "' + businessId + '") { id } }'))
          .menu[0].id;
        const fresh = (
          await rest(server.url, 'POST', '/order', {
            token: alice.token,
            body: { m_id: item, quantity: 1 },
          })
        ).body.o_id as string;
        const seen = await stream.until((v) => v.some((e) => e.order.id === fresh));
        expect(seen.map((e) => e.order.id)).toEqual([
          placed[1]!.orderId,
          placed[2]!.orderId,
          fresh,
        ]);
        const delivered = await receiver.until((got) =>
          got.some((d) => d.body.order.o_id === fresh),
        );
        // Only what happened once the webhook was set is delivered.
        expect(delivered.map((d) => [d.body.order.o_id, d.body.type])).toEqual([
          [fresh, 'order.pending'],
        ]);
        expect(delivered[0]!.signatureValid).toBe(true);
      } finally {
        await client.dispose();
      }
    });
  });
}
