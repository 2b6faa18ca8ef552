// Paged history on both stores: every order once while new ones arrive, filters, totals, refusals
// of forged cursors and sizes, REST pages with next_cursor, and each tenant seeing only its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';

const HISTORY = `query($first: Int, $after: String, $state: OrderState, $since: DateTime, $until: DateTime) {
  orderHistory(first: $first, after: $after, state: $state, since: $since, until: $until) {
    edges { cursor node { id state createdAt } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const ORDERS = 130;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`order history on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let alice: { token: string; u_id: string };
    let bob: { token: string };
    let pizza: { token: string; e_id: string };
    let sushi: { token: string };
    let itemId: string;
    const placed: string[] = [];

    const place = async (token = alice.token) => {
      const r = await rest(base, 'POST', '/order', { token, body: { m_id: itemId, quantity: 1 } });
      expect(r.status).toBe(201);
      return r.body.o_id as string;
    };

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl, maxOpenOrders: 10_000 });
      base = server.url;
      alice = await loginUser(base, 'alice', 'alice-pass');
      bob = await loginUser(base, 'bob', 'bob-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'History pie', m_img_url: '', m_price: 5, m_instore: 10_000 }] },
      });
      itemId = saved.body.items[0].m_id;
      for (let i = 0; i < ORDERS; i++) placed.push(await place());
      // Some history in other states, for the filter.
      for (const id of placed.slice(0, 10)) {
        await gqlOk(
          base,
          'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
          { id },
          pizza.token,
        );
      }
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('pages through the whole history newest first with no gap or repeat while orders keep arriving', async () => {
      const seen: string[] = [];
      const arrived: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; ; pageNo++) {
        const result: { orderHistory: any } = await gqlOk(
          base,
          HISTORY,
          { first: 25, after },
          pizza.token,
        );
        const page = result.orderHistory;
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        const times = page.edges.map((e: { node: { createdAt: string } }) => e.node.createdAt);
        expect([...times].sort().reverse()).toEqual(times);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        // New orders arrive between pages; they are newer than every page still to come.
        arrived.push(await place(pageNo % 2 ? alice.token : bob.token));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...placed].sort());
      expect(seen.some((id) => arrived.includes(id))).toBe(false);
      const { orderHistory: fresh } = await gqlOk(base, HISTORY, { first: 5 }, pizza.token);
      expect(fresh.edges.map((e: { node: { id: string } }) => e.node.id).slice(0, 1)).toEqual([
        arrived.at(-1),
      ]);
      placed.push(...arrived);
    });

    it('filters by state and by time, and counts what matches', async () => {
      const rejected = (await gqlOk(base, HISTORY, { first: 100, state: 'REJECTED' }, pizza.token))
        .orderHistory;
      expect(rejected.totalCount).toBe(10);
      expect(
        rejected.edges.every((e: { node: { state: string } }) => e.node.state === 'REJECTED'),
      ).toBe(true);
      const all = (await gqlOk(base, HISTORY, { first: 100 }, pizza.token)).orderHistory;
      const middle = all.edges[50].node.createdAt as string;
      const newer = (await gqlOk(base, HISTORY, { first: 100, since: middle }, pizza.token))
        .orderHistory;
      const older = (await gqlOk(base, HISTORY, { first: 100, until: middle }, pizza.token))
        .orderHistory;
      expect(newer.totalCount + older.totalCount).toBe(all.totalCount);
      expect(
        newer.edges.every((e: { node: { createdAt: string } }) => e.node.createdAt >= middle),
      ).toBe(true);
      expect(
        older.edges.every((e: { node: { createdAt: string } }) => e.node.createdAt < middle),
      ).toBe(true);
    });

    it('refuses forged cursors and out-of-range page sizes with BAD_REQUEST', async () => {
      const forged = [
        'not-a-cursor',
        Buffer.from('o1:2026-01-01T00:00:00.000Z|nope').toString('base64url'),
        Buffer.from(`x1:2026-01-01T00:00:00.000Z|${placed[0]}`).toString('base64url'),
        'A'.repeat(500),
      ];
      for (const after of forged) {
        const r = await gql(base, HISTORY, { after }, pizza.token);
        expect(r.errors?.[0]?.extensions?.code, after.slice(0, 40)).toBe('BAD_REQUEST');
      }
      for (const first of [0, -1, 101]) {
        const r = await gql(base, HISTORY, { first }, pizza.token);
        expect(r.errors?.[0]?.extensions?.code, String(first)).toBe('BAD_REQUEST');
      }
      for (const query of ['limit=0', 'limit=501', 'limit=two', 'cursor=forged']) {
        const r = await rest(base, 'GET', `/get_orders?${query}`, { token: pizza.token });
        expect([r.status, r.body.error.code], query).toEqual([400, 'BAD_REQUEST']);
      }
      const named = await rest(base, 'GET', '/get_orders?limit=501', { token: pizza.token });
      expect(named.body.error.message).toBe('limit must be an integer from 1 to 500');
    });

    it('pages REST /get_orders with limit and cursor, and says next_cursor null on the last page', async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const path: string = `/get_orders?limit=60${cursor ? `&cursor=${cursor}` : ''}`;
        const r = await rest(base, 'GET', path, { token: pizza.token });
        expect(r.status).toBe(200);
        ids.push(...r.body.orders.map((o: { o_id: string }) => o.o_id));
        cursor = r.body.next_cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(placed.length / 60));
      expect([...ids].sort()).toEqual([...placed].sort());
      const whole = await rest(base, 'GET', '/get_orders', { token: pizza.token });
      expect([whole.body.orders.length, whole.body.next_cursor]).toEqual([placed.length, null]);
    });

    it('shows each tenant only its own history, and none of another business', async () => {
      const mine = async (token: string) =>
        (await gqlOk(base, HISTORY, { first: 100 }, token)).orderHistory.totalCount as number;
      const bobs = await mine(bob.token);
      expect(bobs).toBeGreaterThan(0);
      expect((await mine(alice.token)) + bobs).toBe(placed.length);
      expect(await mine(sushi.token)).toBe(0);
      // A cursor from Pizza Palace's history shows Sushi Bar nothing of it.
      const { orderHistory } = await gqlOk(base, HISTORY, { first: 1 }, pizza.token);
      const foreign = await gqlOk(
        base,
        HISTORY,
        { first: 100, after: orderHistory.pageInfo.endCursor },
        sushi.token,
      );
      expect(foreign.orderHistory.edges).toEqual([]);
      expect((await gql(base, HISTORY, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
}
