// Differential: the places in line and estimates a list reads in its one statement are the ones the
// queue model gives over all of the business's live orders (estimateQueue), for every live order,
// through accepts out of placing order, orders in the oven with staggered due times, and a filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/domain/types.js';
import { isoAt } from '../../api/services/clock.js';
import { performMove } from '../../api/services/order-lifecycle.js';
import { estimateQueue } from '../../api/services/queue.js';
import * as store from '../../api/store/orders.store.js';
import { gqlOk, loginBusiness, loginUser } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';

const PREP_MS = 60_000;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`places in line on ${target.name}`, () => {
    let server: TestServer;
    let business: Viewer;
    let now = Date.now();
    beforeAll(async () => {
      server = await startServer({
        databaseUrl: target.databaseUrl,
        kitchen: 'off',
        kitchenPrepMs: PREP_MS,
        webhookPollMs: 3_600_000,
        clock: { now: () => now },
      });
      const ids = await demoIds(server.url);
      const { token } = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
      business = await server.app.services.auth.verify(token);
      const alice = await loginUser(server.url, 'alice', 'alice-pass');
      const item = ids['Pizza Palace']!.menu[0]!.id;
      const placed: string[] = [];
      for (let i = 0; i < 14; i++) {
        now += 1_000;
        const { placeOrder } = await gqlOk<{ placeOrder: { id: string } }>(
          server.url,
          'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }',
          { m: item },
          alice.token,
        );
        placed.push(placeOrder.id);
      }
      // Accepted out of the order they were placed in; three of them into the oven, at times
      // far enough apart that the slots free more than one preparation apart.
      for (const i of [9, 2, 11, 0, 5, 7, 3, 12]) {
        await server.app.services.orders.acceptOrder(business, placed[i]);
      }
      for (const [i, id] of [placed[9], placed[2], placed[11]].entries()) {
        const at = now - (i + 1) * 25_000;
        await server.app.db.transaction((tx) =>
          performMove(tx, 'start', {
            ids: [id!],
            actor: 'kitchen',
            actorId: null,
            at: isoAt(at),
            dueAt: isoAt(at + PREP_MS * (i + 1)),
          }),
        );
      }
      await server.app.services.orders.rejectOrder(business, placed[13], null);
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    /** What the queue model says of every live order of the business. */
    const modelled = async () => {
      const live = await store.selectLiveOrders(server.app.db, [business.id]);
      return estimateQueue({
        now,
        capacity: server.app.config.kitchenCapacity,
        prepMs: PREP_MS,
        cooking: live
          .filter((o) => o.state === 'processing')
          .map((o) => ({ id: o.id, dueAt: new Date(o.due_at!).getTime() })),
        waiting: live.filter((o) => o.state !== 'processing').map((o) => o.id),
      });
    };

    it('gives every live order the place and estimate of the queue model', async () => {
      const spots = await modelled();
      expect(spots.size).toBe(13);
      const listed = await server.app.services.orders.listOrders(business);
      for (const order of listed) {
        const spot = spots.get(order.id);
        expect(
          { position: order.queuePosition, readyAt: order.estimatedReadyAt },
          `${order.state} ${order.id}`,
        ).toEqual(
          spot
            ? { position: spot.position, readyAt: isoAt(spot.readyAt) }
            : { position: null, readyAt: null },
        );
      }
      expect(new Set(listed.map((o) => o.queuePosition)).size).toBeGreaterThan(8);
    });

    it('places an order among all of its business, whatever the list is filtered to', async () => {
      const spots = await modelled();
      for (const state of ['pending', 'accepted', 'processing'] as const) {
        const listed = await server.app.services.orders.listOrders(business, state, 3);
        expect(listed.length).toBeGreaterThan(0);
        for (const order of listed) {
          expect(order.queuePosition).toBe(spots.get(order.id)!.position);
          expect(order.estimatedReadyAt).toBe(isoAt(spots.get(order.id)!.readyAt));
        }
      }
    });
  });
}
