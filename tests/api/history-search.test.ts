// History search and totals on both stores: an order number's first digits or part of a customer's
// name finds the orders, paging and filters still apply, totals cover every page, and a search too
// long is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HISTORY_SEARCH_LENGTH } from '../../api/domain/limits.js';
import { gql, gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';

const HISTORY = `query($first: Int, $after: String, $state: OrderState, $search: String) {
  orderHistory(first: $first, after: $after, state: $state, search: $search) {
    edges { cursor node { id state total customer { name } } }
    pageInfo { hasNextPage endCursor }
    totalCount
    totalAmount
  }
}`;

interface Page {
  edges: { node: { id: string; state: string; total: number; customer: { name: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  totalAmount: number;
}

const number = (id: string) => id.replace(/-/g, '').slice(0, 6).toUpperCase();

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`history search on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let pizza: { token: string };
    let sushi: { token: string };
    const byAlice: string[] = [];
    const byBob: string[] = [];

    const history = async (variables: Record<string, unknown>, token = pizza.token) =>
      (await gqlOk(base, HISTORY, variables, token)).orderHistory as Page;

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl, maxOpenOrders: 10_000 });
      base = server.url;
      const alice = await loginUser(base, 'alice', 'alice-pass');
      const bob = await loginUser(base, 'bob', 'bob-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'Search pie', m_img_url: '', m_price: 2.5, m_instore: 1000 }] },
      });
      const itemId = saved.body.items[0].m_id as string;
      const place = async (token: string, quantity: number) => {
        const r = await rest(base, 'POST', '/order', { token, body: { m_id: itemId, quantity } });
        expect(r.status).toBe(201);
        return r.body.o_id as string;
      };
      for (let i = 0; i < 7; i++) byAlice.push(await place(alice.token, 2)); // 5.00 each
      for (let i = 0; i < 3; i++) byBob.push(await place(bob.token, 1)); // 2.50 each
      await gqlOk(
        base,
        'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
        { id: byAlice[0] },
        pizza.token,
      );
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it("finds a customer's orders by part of their name, whatever the case, paged, with totals of every page", async () => {
      const first = await history({ first: 4, search: 'LIC' });
      expect(first.totalCount).toBe(7);
      expect(first.totalAmount).toBe(35);
      expect(first.edges.every((e) => e.node.customer.name === 'alice')).toBe(true);
      const second = await history({ first: 4, search: 'LIC', after: first.pageInfo.endCursor });
      const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([...ids].sort()).toEqual([...byAlice].sort());
      expect(second.totalAmount).toBe(35);
    });

    it('finds an order by the first digits of its number, with or without #', async () => {
      const target = byBob[1]!;
      const found = await history({ search: `#${number(target)}` });
      expect(found.edges.map((e) => e.node.id)).toContain(target);
      expect(found.edges.every((e) => number(e.node.id).startsWith(number(target)))).toBe(true);
      const lower = await history({ search: number(target).toLowerCase() });
      expect(lower.edges.map((e) => e.node.id)).toContain(target);
    });

    it('combines search with the state filter, and totals follow the filters', async () => {
      const rejected = await history({ search: 'alice', state: 'REJECTED' });
      expect(rejected.edges.map((e) => e.node.id)).toEqual([byAlice[0]]);
      expect(rejected.totalAmount).toBe(5);
      const all = await history({ first: 100 });
      expect(all.totalCount).toBe(10);
      expect(all.totalAmount).toBe(42.5);
      expect(all.totalAmount).toBe(all.edges.reduce((sum, e) => sum + e.node.total, 0));
    });

    it('treats LIKE wildcards as plain text and finds nothing for a stranger', async () => {
      expect((await history({ search: '%' })).totalCount).toBe(0);
      expect((await history({ search: 'a_i' })).totalCount).toBe(0);
      const nobody = await history({ search: 'nobody' });
      expect(nobody).toMatchObject({ edges: [], totalCount: 0, totalAmount: 0 });
    });

    it("never shows another business's orders", async () => {
      const other = await history({ search: 'alice' }, sushi.token);
      expect(other.totalCount).toBe(0);
      expect(other.totalAmount).toBe(0);
    });

    it('refuses a search longer than the bound with BAD_REQUEST', async () => {
      const r = await gql(
        base,
        HISTORY,
        { search: 'x'.repeat(MAX_HISTORY_SEARCH_LENGTH + 1) },
        pizza.token,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(r.errors?.[0]?.message).toContain(`at most ${MAX_HISTORY_SEARCH_LENGTH} characters`);
      expect(r.data ?? null).toBeNull();
    });
  });
}
