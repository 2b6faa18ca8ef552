// Public reads kept in memory, with two API processes on one PostgreSQL and one Redis: A answers a
// menu from memory while nothing changes, and once the event of a change made on B reaches A (a
// menuUpdated subscriber on A has it), A never answers with what was there before — whether the
// change is a price and stock edit, a placement, a pause, or a new business.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { gql, gqlOk, loginBusiness, loginUser, record, wsClient } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { startPostgresPair, type PostgresPair } from '../helpers/postgres-pair.js';
import type { Child } from '../helpers/processes.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

interface Item {
  id: string;
  price: number;
  inStore: number;
}

const MENU = 'query($id: ID!) { menu(businessId: $id) { id price inStore } }';
const LIST = '{ businesses { id name menu { id price inStore } } }';
const ORDERING = 'query($id: ID!) { business(id: $id) { id ordering { open reason } } }';
const SET_ITEM = `mutation($items: [MenuItemInput!]!) {
  setMenuAndInstore(items: $items) { id price inStore }
}`;

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)(
  'public reads kept in memory across two API processes',
  () => {
    let pair: PostgresPair;
    let a: Child;
    let b: Child;
    let socket: Client;
    let pizza: { token: string; e_id: string };
    let itemId: string;
    /** What A's menuUpdated subscriber for Pizza Palace has received. */
    let heardOnA: ReturnType<typeof record<Item>>;

    beforeAll(async () => {
      pair = await startPostgresPair({
        REDIS_URL: TEST_REDIS_URL,
        KITCHEN_PREP_MS: '60000',
        LOGIN_MAX_FAILURES: '1000',
        SIGNUP_MAX_PER_ADDRESS: '1000',
        JWT_SECRET: 'public-reads-secret-0123456789-abcdefghij',
      });
      ({ a, b } = pair);
      pizza = await loginBusiness(b.url!, 'Pizza Palace', 'pizza-pass');
      socket = wsClient(a.url!);
      const live = await settledSubscriptions(a.url!);
      heardOnA = record<Item>(
        socket,
        'subscription($id: ID!) { menuUpdated(businessId: $id) { id price inStore } }',
        { id: pizza.e_id },
      );
      await untilSubscribed(a.url!, live + 1);
      const [created] = (
        await gqlOk<{ setMenuAndInstore: Item[] }>(
          b.url!,
          SET_ITEM,
          { items: [{ name: 'Cached pie', imageUrl: '', price: 3, inStore: 1000 }] },
          pizza.token,
        )
      ).setMenuAndInstore;
      itemId = created!.id;
      await heardOnA.until((items) => items.some((item) => item.id === itemId));
    });
    afterAll(async () => {
      await socket?.dispose();
      await pair?.stop();
    });

    const menuOnA = async () =>
      (await gqlOk<{ menu: Item[] }>(a.url!, MENU, { id: pizza.e_id })).menu;
    const itemOf = (menu: Item[]) => menu.find((item) => item.id === itemId);
    const listOnA = async () =>
      (await gqlOk<{ businesses: { id: string; name: string; menu: Item[] }[] }>(a.url!, LIST))
        .businesses;
    const orderingOnA = async () =>
      (
        await gqlOk<{ business: { ordering: { open: boolean; reason: string | null } } }>(
          a.url!,
          ORDERING,
          { id: pizza.e_id },
        )
      ).business.ordering;
    /** Sets the item on B, then waits until A's subscriber has heard of exactly this change. */
    async function changeOnB(price: number, inStore: number) {
      await gqlOk(
        b.url!,
        SET_ITEM,
        { items: [{ id: itemId, name: 'Cached pie', imageUrl: '', price, inStore }] },
        pizza.token,
      );
      await heardOnA.until((items) =>
        items.some((i) => i.id === itemId && i.price === price && i.inStore === inStore),
      );
    }
    const readsOnA = async (result: 'hit' | 'miss') => {
      // From memory: the menu kept, or the whole anonymous answer kept (public-answers.ts).
      const samples = await scrape(a.url!);
      const count = (read: string) =>
        samples.get(`orderly_public_reads_total{read="${read}",result="${result}"}`) ?? 0;
      return count('menu') + (result === 'hit' ? count('answer') : 0);
    };

    it('answers a menu read on A from memory while nothing changes', async () => {
      await menuOnA();
      const [hits, misses] = [await readsOnA('hit'), await readsOnA('miss')];
      for (let i = 0; i < 5; i++) await menuOnA();
      expect(await readsOnA('hit')).toBe(hits + 5);
      expect(await readsOnA('miss')).toBe(misses);
    });

    it('never answers on A with a menu from before a change made on B, once A heard of it', async () => {
      await listOnA();
      // Reads in flight on A all along, so that some race each change and its event.
      let reading = true;
      const readers = Array.from({ length: 4 }, async () => {
        while (reading) await gql(a.url!, MENU, { id: pizza.e_id });
      });
      try {
        for (let round = 1; round <= 20; round++) {
          const [price, inStore] = [3 + round / 4, 1000 - round];
          await changeOnB(price, inStore);
          expect(itemOf(await menuOnA())).toEqual({ id: itemId, price, inStore });
          const listed = (await listOnA()).find((business) => business.id === pizza.e_id);
          expect(itemOf(listed!.menu)).toEqual({ id: itemId, price, inStore });
        }
      } finally {
        reading = false;
        await Promise.all(readers);
      }
    });

    it('shows on A the stock an order placed on B took, once A heard of it', async () => {
      const before = itemOf(await menuOnA())!;
      const alice = await loginUser(b.url!, 'alice', 'alice-pass');
      await gqlOk(
        b.url!,
        'mutation($id: ID!) { placeOrder(menuItemId: $id, quantity: 2) { id } }',
        { id: itemId },
        alice.token,
      );
      await heardOnA.until((items) =>
        items.some((i) => i.id === itemId && i.inStore === before.inStore - 2),
      );
      expect(itemOf(await menuOnA())!.inStore).toBe(before.inStore - 2);
    });

    it('shows on A a pause and a resume made on B, once a later event from B reached A', async () => {
      expect(await orderingOnA()).toEqual({ open: true, reason: null });
      expect(await orderingOnA()).toEqual({ open: true, reason: null });
      await gqlOk(
        b.url!,
        'mutation { pauseOrders(reason: "Oven repair") { id } }',
        {},
        pizza.token,
      );
      // B's events reach A in the order B sent them: A has heard of the pause once it hears this.
      await changeOnB(4.5, 500);
      expect(await orderingOnA()).toEqual({ open: false, reason: 'Oven repair' });
      await gqlOk(b.url!, 'mutation { resumeOrders { id } }', {}, pizza.token);
      await changeOnB(4.75, 499);
      expect(await orderingOnA()).toEqual({ open: true, reason: null });
    });

    it('lists on A a business that signed up on B, once a later event from B reached A', async () => {
      expect((await listOnA()).map((business) => business.name)).not.toContain('Noodle Stand');
      const { signUpBusiness } = await gqlOk<{ signUpBusiness: { id: string } }>(
        b.url!,
        'mutation { signUpBusiness(name: "Noodle Stand", password: "noodle-pass-123") { id } }',
      );
      await changeOnB(5, 498);
      expect(await listOnA()).toContainEqual({
        id: signUpBusiness.id,
        name: 'Noodle Stand',
        menu: [],
      });
    });
  },
);
