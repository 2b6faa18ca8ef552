// Menu edits racing orders, on both stores: an edit without stock leaves stock alone, a stock set
// read at an older value is refused whole with CONFLICT, and the stock ledger balances to the unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, loginBusiness, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { snapshot } from '../helpers/snapshot.js';
import { storeTargets } from '../helpers/stores.js';

const SET = `mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id inStore price } }`;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`stock edits on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let pizza: { token: string; e_id: string };
    let customers: string[];

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl });
      base = server.url;
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      customers = [];
      for (const n of ['edit-one', 'edit-two', 'edit-three']) {
        const r = await gqlOk(
          base,
          'mutation($n: String!) { signUpUser(name: $n, password: "stock-edit-pass") { token } }',
          { n },
        );
        customers.push(r.signUpUser.token);
      }
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    const create = async (name: string, inStore: number) =>
      (await gqlOk(base, SET, { items: [{ name, imageUrl: '', price: 5, inStore }] }, pizza.token))
        .setMenuAndInstore[0].id as string;
    const stock = async (id: string) =>
      (
        await gqlOk(base, 'query($b: ID!) { menu(businessId: $b) { id inStore } }', {
          b: pizza.e_id,
        })
      ).menu.find((i: { id: string }) => i.id === id).inStore as number;
    const order = (id: string, i = 0, quantity = 1) =>
      rest(base, 'POST', '/order', {
        token: customers[i % customers.length],
        body: { m_id: id, quantity },
      });

    it('leaves stock alone when an edit carries no stock, so a cancel after it adds up', async () => {
      const id = await create('Edit pie', 10);
      const placed = [await order(id, 0), await order(id, 1), await order(id, 2)];
      await gqlOk(
        base,
        SET,
        { items: [{ id, name: 'Edit pie', imageUrl: '', price: 6.5 }] },
        pizza.token,
      );
      expect(await stock(id)).toBe(7);
      await rest(base, 'POST', '/cancel_order', {
        token: customers[0],
        body: { o_id: placed[0]!.body.o_id },
      });
      expect(await stock(id)).toBe(8);
      const overRest = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_id: id, m_name: 'Edit pie', m_img_url: '', m_price: 7 }] },
      });
      expect(overRest.body.items[0]).toMatchObject({ m_instore: 8, m_price: 7 });
    });

    it('refuses a stock set read at an older value with CONFLICT, whole, and says the stock now', async () => {
      const id = await create('Stale pie', 10);
      const other = await create('Bystander pie', 4);
      await order(id, 0, 2);
      const before = await snapshot(server.app.db);
      const r = await gql(
        base,
        SET,
        {
          items: [
            { id: other, name: 'Bystander pie', imageUrl: '', price: 1, inStore: 40 },
            { id, name: 'Stale pie', imageUrl: '', price: 5, inStore: 15, expectedInStore: 10 },
          ],
        },
        pizza.token,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'items.1.inStore',
        currentInStore: 8,
      });
      expect(await snapshot(server.app.db)).toBe(before);
      const overRest = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: {
          items: [
            {
              m_id: id,
              m_name: 'Stale pie',
              m_img_url: '',
              m_price: 5,
              m_instore: 15,
              m_expected_instore: 10,
            },
          ],
        },
      });
      expect([overRest.status, overRest.body.error.code, overRest.body.error.field]).toEqual([
        409,
        'CONFLICT',
        'items.0.m_instore',
      ]);
      await gqlOk(
        base,
        SET,
        {
          items: [
            { id, name: 'Stale pie', imageUrl: '', price: 5, inStore: 15, expectedInStore: 8 },
          ],
        },
        pizza.token,
      );
      expect(await stock(id)).toBe(15);
    });

    it('creates or loses no stock when edits race orders and cancels (a ledger)', async () => {
      const START = 200;
      const id = await create('Ledger pie', START);
      let added = 0;
      const edits = Array.from({ length: 20 }, async (_, i) => {
        if (i % 2 === 0) {
          await gqlOk(
            base,
            SET,
            { items: [{ id, name: 'Ledger pie', imageUrl: '', price: 5 + i }] },
            pizza.token,
          );
          return;
        }
        const seen = await stock(id);
        const r = await gql(
          base,
          SET,
          {
            items: [
              {
                id,
                name: 'Ledger pie',
                imageUrl: '',
                price: 5,
                inStore: seen + 5,
                expectedInStore: seen,
              },
            ],
          },
          pizza.token,
        );
        if (!r.errors) added += 5;
        else expect(r.errors[0]!.extensions?.code).toBe('CONFLICT');
      });
      const orders = Array.from({ length: 60 }, (_, i) => order(id, i, 1 + (i % 2)));
      const [, placed] = await Promise.all([Promise.all(edits), Promise.all(orders)]);
      const ok = placed.filter((r) => r.status === 201);
      const cancels = await Promise.all(
        placed.flatMap((r, i) =>
          r.status === 201 && i < 20
            ? [
                rest(base, 'POST', '/cancel_order', {
                  token: customers[i % customers.length],
                  body: { o_id: r.body.o_id },
                }),
              ]
            : [],
        ),
      );
      const cancelled = cancels.filter((r) => r.status === 200);
      const taken = ok.reduce((sum, r) => sum + (r.body.quantity as number), 0);
      const given = cancelled.reduce((sum, r) => sum + (r.body.quantity as number), 0);
      expect(await stock(id)).toBe(START + added - taken + given);
      expect(added).toBeGreaterThan(0);
    });

    it('holds a menu to 200 items, and refuses the 201st whole', async () => {
      const { signUpBusiness } = await gqlOk(
        base,
        'mutation { signUpBusiness(name: "Big Menu Diner", password: "big-menu-pass") { token } }',
      );
      const items = (n: number, from = 0) =>
        Array.from({ length: n }, (_, i) => ({
          name: `Dish ${from + i}`,
          imageUrl: '',
          price: 1,
          inStore: 1,
        }));
      await gqlOk(base, SET, { items: items(200) }, signUpBusiness.token);
      const over = await gql(base, SET, { items: items(1, 200) }, signUpBusiness.token);
      expect(over.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(over.errors?.[0]?.message).toBe('items: a menu holds at most 200 items');
    });
  });
}
