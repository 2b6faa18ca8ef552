// Baskets over GraphQL and REST on both stores: several lines and notes, all or nothing, the same
// item on two lines, idempotency by basket, stock back on cancel and reject, and the all-day count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gql,
  gqlOk,
  loginBusiness,
  loginUser,
  record,
  rest,
  wsClient,
} from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { snapshot } from '../helpers/snapshot.js';
import { storeTargets } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

const PLACE = `mutation($lines: [OrderLineInput!], $note: String, $key: String) {
  placeOrder(lines: $lines, note: $note, idempotencyKey: $key) {
    id state quantity total note
    menuItem { id }
    lines { menuItem { id name } quantity unitPrice total note }
  }
}`;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`baskets on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let alice: { token: string };
    let pizza: { token: string; e_id: string };
    let sushi: { token: string; e_id: string };
    /** Item ids by name: three of Pizza Palace's, one of Sushi Bar's. */
    const items: Record<string, string> = {};

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl });
      base = server.url;
      alice = await loginUser(base, 'alice', 'alice-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: {
          items: [
            { m_name: 'Basket pie', m_img_url: '', m_price: 9.5, m_instore: 100 },
            { m_name: 'Garlic bread', m_img_url: '', m_price: 3.25, m_instore: 100 },
            { m_name: 'Lemonade', m_img_url: '', m_price: 2, m_instore: 5 },
          ],
        },
      });
      for (const item of saved.body.items) items[item.m_name] = item.m_id;
      const roll = await rest(base, 'POST', '/set-menu-and-instore', {
        token: sushi.token,
        body: { items: [{ m_name: 'Basket roll', m_img_url: '', m_price: 6, m_instore: 100 }] },
      });
      items['Basket roll'] = roll.body.items[0].m_id;
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    const stock = async (name: string) => {
      const menu = await gqlOk(base, 'query($b: ID!) { menu(businessId: $b) { id inStore } }', {
        b: name === 'Basket roll' ? sushi.e_id : pizza.e_id,
      });
      return menu.menu.find((i: { id: string }) => i.id === items[name]).inStore as number;
    };
    const line = (name: string, quantity: number, note?: string) => ({
      menuItemId: items[name],
      quantity,
      ...(note === undefined ? {} : { note }),
    });

    it('places a three-line basket with notes as one order, takes each line’s stock, and totals it', async () => {
      const before = await Promise.all(['Basket pie', 'Garlic bread', 'Lemonade'].map(stock));
      const { placeOrder: order } = await gqlOk(
        base,
        PLACE,
        {
          lines: [
            line('Basket pie', 1, 'no onions'),
            line('Garlic bread', 2),
            line('Lemonade', 1, 'no ice'),
          ],
          note: 'Ring twice',
        },
        alice.token,
      );
      expect(order).toMatchObject({
        state: 'PENDING',
        quantity: 4,
        total: 18,
        note: 'Ring twice',
        menuItem: { id: items['Basket pie'] },
        lines: [
          {
            menuItem: { name: 'Basket pie' },
            quantity: 1,
            unitPrice: 9.5,
            total: 9.5,
            note: 'no onions',
          },
          {
            menuItem: { name: 'Garlic bread' },
            quantity: 2,
            unitPrice: 3.25,
            total: 6.5,
            note: null,
          },
          { menuItem: { name: 'Lemonade' }, quantity: 1, unitPrice: 2, total: 2, note: 'no ice' },
        ],
      });
      const after = await Promise.all(['Basket pie', 'Garlic bread', 'Lemonade'].map(stock));
      expect(after).toEqual([before[0]! - 1, before[1]! - 2, before[2]! - 1]);
    });

    it('checks an item on two lines against their sum, names it, and reserves nothing', async () => {
      const left = await stock('Lemonade');
      const state = await snapshot(server.app.db);
      const r = await gql(
        base,
        PLACE,
        { lines: [line('Basket pie', 1), line('Lemonade', left), line('Lemonade', 1)] },
        alice.token,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('OUT_OF_STOCK');
      expect(r.errors?.[0]?.message).toBe(`Only ${left} Lemonade left; you asked for ${left + 1}`);
      expect(r.errors?.[0]?.extensions).toMatchObject({
        menuItemId: items.Lemonade,
        available: left,
      });
      expect(await snapshot(server.app.db)).toBe(state);
    });

    it('refuses malformed baskets with BAD_REQUEST and changes nothing', async () => {
      const state = await snapshot(server.app.db);
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ lines: [] }, /1 to 20 lines/],
        [{ lines: Array.from({ length: 21 }, () => line('Basket pie', 1)) }, /1 to 20 lines/],
        [{ lines: [line('Basket pie', 600), line('Garlic bread', 401)] }, /at most 1000/],
        [{ lines: [line('Basket pie', 1), line('Basket roll', 1)] }, /same business/],
        [
          { lines: [line('Basket pie', 1, 'x'.repeat(201))] },
          /lines\[0\]\.note must be at most 200/,
        ],
        [{ lines: [line('Basket pie', 1, 'bad\u0000note')] }, /control characters/],
        [{ lines: [line('Basket pie', 1)], note: 'y'.repeat(201) }, /note must be at most 200/],
        [
          { lines: [line('Basket pie', 0)] },
          /lines\[0\]\.quantity must be an integer from 1 to 1000/,
        ],
      ];
      for (const [variables, message] of cases) {
        const r = await gql(base, PLACE, variables, alice.token);
        expect(r.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 80)).toBe(
          'BAD_REQUEST',
        );
        expect(r.errors?.[0]?.message).toMatch(message);
      }
      const both = await gql(
        base,
        'mutation($m: ID!, $l: [OrderLineInput!]) { placeOrder(menuItemId: $m, quantity: 1, lines: $l) { id } }',
        { m: items['Basket pie'], l: [line('Basket pie', 1)] },
        alice.token,
      );
      expect(both.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      const neither = await gql(base, 'mutation { placeOrder { id } }', {}, alice.token);
      expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(await snapshot(server.app.db)).toBe(state);
    });

    it('answers a reused key with the same basket with the first order, and with another basket with CONFLICT', async () => {
      const basket = {
        lines: [line('Basket pie', 1, 'crispy'), line('Garlic bread', 1)],
        key: `k-${target.name}`,
      };
      const first = (await gqlOk(base, PLACE, basket, alice.token)).placeOrder;
      const pie = await stock('Basket pie');
      const again = (await gqlOk(base, PLACE, basket, alice.token)).placeOrder;
      expect(again.id).toBe(first.id);
      expect(await stock('Basket pie')).toBe(pie);
      const other = await gql(
        base,
        PLACE,
        { ...basket, lines: [line('Basket pie', 2, 'crispy'), line('Garlic bread', 1)] },
        alice.token,
      );
      expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const otherNote = await gql(base, PLACE, { ...basket, note: 'hurry' }, alice.token);
      expect(otherNote.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await stock('Basket pie')).toBe(pie);
    });

    it('gives every line’s stock back on cancel and on reject', async () => {
      const names = ['Basket pie', 'Garlic bread'];
      for (const [who, mutation] of [
        [alice.token, 'cancelOrder'],
        [pizza.token, 'rejectOrder'],
      ] as const) {
        const before = await Promise.all(names.map(stock));
        const { placeOrder } = await gqlOk(
          base,
          PLACE,
          { lines: [line('Basket pie', 2), line('Garlic bread', 3), line('Basket pie', 1)] },
          alice.token,
        );
        expect(await Promise.all(names.map(stock))).toEqual([before[0]! - 3, before[1]! - 3]);
        await gqlOk(
          base,
          `mutation($id: ID!) { ${mutation}(id: $id) { state } }`,
          { id: placeOrder.id },
          who,
        );
        expect(await Promise.all(names.map(stock))).toEqual(before);
      }
    });

    it('takes a basket over REST and answers every order with its items, total and note', async () => {
      const placed = await rest(base, 'POST', '/order', {
        token: alice.token,
        body: {
          items: [
            { m_id: items['Garlic bread'], quantity: 2, note: 'extra butter' },
            { m_id: items['Basket pie'], quantity: 1 },
          ],
          note: 'At the door',
        },
      });
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({
        o_state: 'pending',
        m_id: items['Garlic bread'],
        quantity: 3,
        total: 16,
        note: 'At the door',
        items: [
          {
            m_id: items['Garlic bread'],
            m_name: 'Garlic bread',
            quantity: 2,
            m_price: 3.25,
            note: 'extra butter',
          },
          {
            m_id: items['Basket pie'],
            m_name: 'Basket pie',
            quantity: 1,
            m_price: 9.5,
            note: null,
          },
        ],
      });
      const one = await rest(base, 'POST', '/order', {
        token: alice.token,
        body: { m_id: items['Basket pie'], quantity: 2 },
      });
      expect(one.body).toMatchObject({
        quantity: 2,
        items: [{ m_id: items['Basket pie'], quantity: 2, note: null }],
        note: null,
      });
      const listed = await rest(base, 'GET', '/get_orders', { token: pizza.token });
      const mine = listed.body.orders.find((o: { o_id: string }) => o.o_id === placed.body.o_id);
      expect(mine.items).toHaveLength(2);
      const bad = await rest(base, 'POST', '/order', {
        token: alice.token,
        body: { items: [{ m_id: items['Basket pie'], quantity: 1.5 }] },
      });
      expect([bad.status, bad.body.error.message]).toEqual([
        400,
        'items.0.quantity: must be a whole number from 1 to 1000',
      ]);
      const mixed = await rest(base, 'POST', '/order', {
        token: alice.token,
        body: { items: [{ m_id: items['Basket pie'], quantity: 1, note: 'z'.repeat(201) }] },
      });
      expect([mixed.status, mixed.body.error.message, mixed.body.error.field]).toEqual([
        400,
        'items[0].note must be at most 200 characters',
        'items.0.note',
      ]);
    });

    it('counts all day what pending and accepted orders still need, for the business only', async () => {
      const fresh = await rest(base, 'POST', '/set-menu-and-instore', {
        token: sushi.token,
        body: {
          items: [
            { m_name: 'All-day miso', m_img_url: '', m_price: 3, m_instore: 50 },
            { m_name: 'All-day gyoza', m_img_url: '', m_price: 5, m_instore: 50 },
            { m_name: 'All-day filler', m_img_url: '', m_price: 1, m_instore: 50 },
          ],
        },
      });
      const [miso, gyoza, filler] = fresh.body.items.map((i: { m_id: string }) => i.m_id);
      const place = async (lines: { menuItemId: string; quantity: number }[]) =>
        (await gqlOk(base, PLACE, { lines }, alice.token)).placeOrder.id as string;
      const accept = (id: string) =>
        gqlOk(base, 'mutation($id: ID!) { acceptOrder(id: $id) { id } }', { id }, sushi.token);
      // Two orders fill the oven, so the next accepted one waits in line (and still counts).
      for (let i = 0; i < 2; i++) await accept(await place([{ menuItemId: filler, quantity: 1 }]));
      const a = await place([
        { menuItemId: miso, quantity: 2 },
        { menuItemId: gyoza, quantity: 1 },
      ]);
      await place([{ menuItemId: miso, quantity: 3 }]);
      const c = await place([{ menuItemId: gyoza, quantity: 4 }]);
      await gqlOk(
        base,
        'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
        { id: a },
        sushi.token,
      );
      await gqlOk(
        base,
        'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
        { id: c },
        sushi.token,
      );
      const ALL_DAY = `query($b: ID!) { business(id: $b) { kitchen { allDay { menuItem { id } quantity } } } }`;
      const counts = (await gqlOk(base, ALL_DAY, { b: sushi.e_id }, sushi.token)).business.kitchen
        .allDay as { menuItem: { id: string }; quantity: number }[];
      const of = (id: string) => counts.find((c) => c.menuItem.id === id)?.quantity;
      expect([of(miso), of(gyoza), of(filler)]).toEqual([5, 1, undefined]);
      const stranger = await gql(base, ALL_DAY, { b: sushi.e_id }, pizza.token);
      expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('streams new baskets to the board with their lines', async () => {
      const board = wsClient(base, pizza.token);
      try {
        const settled = await settledSubscriptions(base);
        const arrivals = record(
          board,
          'subscription { newOrder { id note lines { menuItem { name } quantity note } } }',
        );
        await untilSubscribed(base, settled + 1);
        const { placeOrder } = await gqlOk(
          base,
          PLACE,
          { lines: [line('Basket pie', 1, 'well done'), line('Garlic bread', 1)], note: 'Table 4' },
          alice.token,
        );
        const seen = await arrivals.until((v) => v.some((o) => o.id === placeOrder.id), 5_000);
        expect(seen.find((o) => o.id === placeOrder.id)).toEqual({
          id: placeOrder.id,
          note: 'Table 4',
          lines: [
            { menuItem: { name: 'Basket pie' }, quantity: 1, note: 'well done' },
            { menuItem: { name: 'Garlic bread' }, quantity: 1, note: null },
          ],
        });
      } finally {
        await board.dispose();
      }
    });
  });
}
