// Stock and state under contention: never oversold, and racing transitions have exactly one winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, loginBusiness, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`concurrency on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let business: { token: string; e_id: string };
    let customers: string[];

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl });
      base = server.url;
      business = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      // A few customers, so the race is between different people as well as one person's retries.
      customers = [];
      for (const name of ['racer-one', 'racer-two', 'racer-three']) {
        const r = await gqlOk(
          base,
          `mutation($n: String!) { signUpUser(name: $n, password: "race-pass-123") { token } }`,
          { n: name },
        );
        customers.push(r.signUpUser.token);
      }
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    async function newItem(name: string, inStore: number): Promise<string> {
      const r = await rest(base, 'POST', '/set-menu-and-instore', {
        token: business.token,
        body: { items: [{ m_name: name, m_img_url: '', m_price: 5, m_instore: inStore }] },
      });
      return r.body.items[0].m_id;
    }

    async function stockOf(itemId: string): Promise<number> {
      const menu = await gqlOk(base, `query($b: ID!) { menu(businessId: $b) { id inStore } }`, {
        b: business.e_id,
      });
      return menu.menu.find((i: { id: string }) => i.id === itemId).inStore;
    }

    it('sells exactly the stock when 300 orders race for 50', async () => {
      const itemId = await newItem('Race pizza', 50);
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          rest(base, 'POST', '/order', {
            token: customers[i % customers.length],
            body: { m_id: itemId, quantity: 1 },
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(50);
      expect(statuses.filter((s) => s === 409)).toHaveLength(250);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'OUT_OF_STOCK'),
      ).toBe(true);
      expect(await stockOf(itemId)).toBe(0);
      const orders = await rest(base, 'GET', '/get_orders?state=pending', {
        token: business.token,
      });
      expect(orders.body.orders.filter((o: { m_id: string }) => o.m_id === itemId)).toHaveLength(
        50,
      );
    });

    it('lets exactly one of cancel and accept win, 100 times, and the stock adds up', async () => {
      const itemId = await newItem('Duel pizza', 100);
      const customer = customers[0]!;
      let cancels = 0;
      let accepts = 0;
      for (let round = 0; round < 100; round++) {
        const placed = await gqlOk(
          base,
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }`,
          { m: itemId },
          customer,
        );
        const id = placed.placeOrder.id;
        const [cancel, accept] = await Promise.all([
          gql(base, `mutation($id: ID!) { cancelOrder(id: $id) { state } }`, { id }, customer),
          gql(
            base,
            `mutation($id: ID!) { acceptOrder(id: $id) { state } }`,
            { id },
            business.token,
          ),
        ]);
        const cancelWon = !cancel.errors;
        const acceptWon = !accept.errors;
        expect(cancelWon !== acceptWon).toBe(true);
        const loser = cancelWon ? accept : cancel;
        expect(loser.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
        if (cancelWon) cancels++;
        else accepts++;
      }
      expect(cancels + accepts).toBe(100);
      // Every cancelled order gave its unit back; every accepted one keeps it.
      expect(await stockOf(itemId)).toBe(100 - accepts);
    });
  });
}
