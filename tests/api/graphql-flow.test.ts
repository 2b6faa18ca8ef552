// The same flow over GraphQL, watched live: a business sees newOrder, the customer sees every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { gql, gqlOk, record, wsClient } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

const PREP_MS = 400;

const ORDER = `id state quantity queuePosition estimatedReadyAt total
  menuItem { id name inStore } business { id name } customer { name }
  history { from to actor at }`;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`GraphQL flow on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let alice: string;
    let pizza: string;
    let pizzaId: string;
    let itemId: string;
    const clients: Client[] = [];

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl, kitchenPrepMs: PREP_MS });
      base = server.url;
      const login = `mutation($n: String!, $p: String!) { userLogin(name: $n, password: $p) { token role id name } }`;
      const u = await gqlOk(base, login, { n: 'alice', p: 'alice-pass' });
      expect(u.userLogin).toMatchObject({ role: 'USER', name: 'alice' });
      alice = u.userLogin.token;
      const b = await gqlOk(
        base,
        `mutation { businessLogin(name: "Pizza Palace", password: "pizza-pass") { token role id } }`,
      );
      pizza = b.businessLogin.token;
      pizzaId = b.businessLogin.id;
      itemId = (await demoIds(base))['Pizza Palace']!.menu[0]!.id;
    });
    afterAll(async () => {
      for (const c of clients) await c.dispose();
      await server?.stop();
      await target.cleanup();
    });

    it('answers me, businesses and menu', async () => {
      const data = await gqlOk(
        base,
        `{ me { id name role ... on Business { imageUrl kitchen { capacity prepTimeMs } } } }`,
        {},
        pizza,
      );
      expect(data.me).toMatchObject({
        id: pizzaId,
        name: 'Pizza Palace',
        role: 'BUSINESS',
        kitchen: { capacity: 2, prepTimeMs: PREP_MS },
      });
      const anon = await gqlOk(base, `{ me { id } businesses { name } }`);
      expect(anon.me).toBeNull();
      expect(anon.businesses.map((b: { name: string }) => b.name)).toEqual([
        'Pizza Palace',
        'Sushi Bar',
      ]);
      const menu = await gqlOk(
        base,
        `query($b: ID!) { menu(businessId: $b) { id name price inStore imageUrl business { name } } }`,
        { b: pizzaId },
      );
      expect(menu.menu.length).toBeGreaterThanOrEqual(3);
      expect(menu.menu[0]).toMatchObject({
        name: 'Margherita',
        price: 9.5,
        imageUrl: '/images/margherita.svg',
      });
    });

    it('streams newOrder to the business and every state to the customer', async () => {
      const board = wsClient(base, pizza);
      const phone = wsClient(base, alice);
      clients.push(board, phone);
      const live = await settledSubscriptions(base);
      const newOrders = record(
        board,
        `subscription { newOrder { id state quantity customer { name } } }`,
      );
      const boardUpdates = record(board, `subscription { orderUpdated { id state } }`);
      const stock = record(
        phone,
        `subscription($b: ID!) { menuUpdated(businessId: $b) { id inStore } }`,
        { b: pizzaId },
      );
      await untilSubscribed(base, live + 3);

      const placed = await gqlOk(
        base,
        `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 2) { ${ORDER} } }`,
        { m: itemId },
        alice,
      );
      const order = placed.placeOrder;
      expect(order).toMatchObject({
        state: 'PENDING',
        quantity: 2,
        queuePosition: 1,
        customer: { name: 'alice' },
      });
      expect(order.history).toEqual([
        { from: null, to: 'PENDING', actor: 'USER', at: expect.any(String) },
      ]);

      const seen = await newOrders.until((v) => v.length === 1);
      expect(seen[0]).toMatchObject({
        id: order.id,
        state: 'PENDING',
        quantity: 2,
        customer: { name: 'alice' },
      });
      const stockSeen = await stock.until((v) => v.some((i) => i.id === itemId));
      expect(stockSeen.find((i) => i.id === itemId)!.inStore).toBe(order.menuItem.inStore);

      const watch = record(
        phone,
        `subscription($id: ID) { orderUpdated(id: $id) { id state queuePosition estimatedReadyAt } }`,
        { id: order.id },
      );
      await watch.until((v) => v.length >= 1);
      expect(watch.values[0]).toMatchObject({ id: order.id, state: 'PENDING' });

      const accepted = await gqlOk(
        base,
        `mutation($id: ID!) { acceptOrder(id: $id) { state } }`,
        { id: order.id },
        pizza,
      );
      expect(accepted.acceptOrder.state).toBe('ACCEPTED');

      const states = await watch.until((v) => v.some((o) => o.state === 'COMPLETED'), 5_000);
      const distinct = states.map((o) => o.state).filter((s, i, all) => s !== all[i - 1]);
      expect(distinct).toEqual(['PENDING', 'ACCEPTED', 'PROCESSING', 'COMPLETED']);
      const processing = states.find((o) => o.state === 'PROCESSING')!;
      expect(processing.queuePosition).toBe(0);
      expect(states.at(-1)).toMatchObject({ queuePosition: null, estimatedReadyAt: null });

      await boardUpdates.until((v) => v.some((o) => o.id === order.id && o.state === 'COMPLETED'));
      const history = await gqlOk(
        base,
        `query($id: ID!) { order(id: $id) { history { from to actor } } }`,
        { id: order.id },
        alice,
      );
      expect(history.order.history).toEqual([
        { from: null, to: 'PENDING', actor: 'USER' },
        { from: 'PENDING', to: 'ACCEPTED', actor: 'BUSINESS' },
        { from: 'ACCEPTED', to: 'PROCESSING', actor: 'KITCHEN' },
        { from: 'PROCESSING', to: 'COMPLETED', actor: 'KITCHEN' },
      ]);
    });

    it('cancels a pending order over GraphQL and gives the stock back', async () => {
      const before = (await demoIds(base))['Pizza Palace']!.menu[0]!.inStore;
      const placed = await gqlOk(
        base,
        `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 3) { id } }`,
        { m: itemId },
        alice,
      );
      const cancelled = await gqlOk(
        base,
        `mutation($id: ID!) { cancelOrder(id: $id) { state } }`,
        { id: placed.placeOrder.id },
        alice,
      );
      expect(cancelled.cancelOrder.state).toBe('CANCELLED');
      expect((await demoIds(base))['Pizza Palace']!.menu[0]!.inStore).toBe(before);
      const refused = await gql(
        base,
        `mutation($id: ID!) { rejectOrder(id: $id) { state } }`,
        { id: placed.placeOrder.id },
        pizza,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    });

    it('refuses a subscription to an order that is not yours', async () => {
      const bob = (
        await gqlOk(base, `mutation { userLogin(name: "bob", password: "bob-pass") { token } }`)
      ).userLogin.token;
      const placed = await gqlOk(
        base,
        `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }`,
        { m: itemId },
        alice,
      );
      const spy = wsClient(base, bob);
      clients.push(spy);
      const attempt = record(spy, `subscription($id: ID) { orderUpdated(id: $id) { id state } }`, {
        id: placed.placeOrder.id,
      });
      await expect(attempt.until((v) => v.length > 0, 3_000)).rejects.toThrow(
        /NOT_FOUND|not found/,
      );
      expect(attempt.values).toEqual([]);
      const peek = await gqlOk(
        base,
        `query($id: ID!) { order(id: $id) { id } }`,
        { id: placed.placeOrder.id },
        bob,
      );
      expect(peek.order).toBeNull();
    });
  });
}
