// The seed's REST flow end to end, on each store: log in both roles, set the menu, order, cancel, list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`REST routes on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let user: { token: string; u_id: string };
    let business: { token: string; e_id: string };
    let itemId: string;

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl });
      base = server.url;
      user = await loginUser(base, 'alice', 'alice-pass');
      business = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('logs in both roles with the SPEC fields', async () => {
      expect(user).toMatchObject({
        u_name: 'alice',
        u_id: expect.any(String),
        token: expect.any(String),
      });
      expect(business).toMatchObject({ e_name: 'Pizza Palace', e_id: expect.any(String) });
      const wrong = await rest(base, 'POST', '/user_login', {
        body: { u_name: 'alice', u_password: 'nope-nope' },
      });
      const unknown = await rest(base, 'POST', '/user_login', {
        body: { u_name: 'nobody', u_password: 'nope-nope' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('creates and updates menu items all at once', async () => {
      const created = await rest(base, 'POST', '/set-menu-and-instore', {
        token: business.token,
        body: { items: [{ m_name: 'Calzone', m_img_url: '', m_price: 10.5, m_instore: 5 }] },
      });
      expect(created.status).toBe(200);
      const [item] = created.body.items;
      expect(item).toEqual({
        m_id: expect.any(String),
        e_id: business.e_id,
        m_name: 'Calzone',
        m_img_url: '',
        m_price: 10.5,
        m_instore: 5,
      });
      itemId = item.m_id;

      const updated = await rest(base, 'POST', '/set-menu-and-instore', {
        token: business.token,
        body: {
          items: [
            {
              m_id: itemId,
              m_name: 'Calzone XL',
              m_img_url: 'https://example.com/c.png',
              m_price: 12,
              m_instore: 3,
            },
          ],
        },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.items[0]).toMatchObject({
        m_id: itemId,
        m_name: 'Calzone XL',
        m_price: 12,
        m_instore: 3,
      });
    });

    it('applies none of a menu request when one item is invalid', async () => {
      const response = await rest(base, 'POST', '/set-menu-and-instore', {
        token: business.token,
        body: {
          items: [
            { m_id: itemId, m_name: 'Renamed', m_img_url: '', m_price: 1, m_instore: 99 },
            { m_name: 'Bad price', m_img_url: '', m_price: 1.234, m_instore: 1 },
          ],
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
      expect(response.body.error.message).toContain('items[1].m_price');
      const orders = await rest(base, 'POST', '/set-menu-and-instore', {
        token: business.token,
        body: {
          items: [{ m_id: itemId, m_name: 'Calzone XL', m_img_url: '', m_price: 12, m_instore: 3 }],
        },
      });
      expect(orders.body.items[0].m_instore).toBe(3);
    });

    it('orders, reserves stock, refuses more than is left, cancels and restocks', async () => {
      const placed = await rest(base, 'POST', '/order', {
        token: user.token,
        body: { m_id: itemId, quantity: 2 },
      });
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({
        o_id: expect.any(String),
        o_state: 'pending',
        e_id: business.e_id,
        m_id: itemId,
        u_id: user.u_id,
        quantity: 2,
        created_at: expect.any(String),
        updated_at: expect.any(String),
        queue_position: 1,
        estimated_ready_at: expect.any(String),
      });

      const tooMany = await rest(base, 'POST', '/order', {
        token: user.token,
        body: { m_id: itemId, quantity: 2 },
      });
      expect(tooMany.status).toBe(409);
      expect(tooMany.body.error.code).toBe('OUT_OF_STOCK');

      const cancelled = await rest(base, 'POST', '/cancel_order', {
        token: user.token,
        body: { o_id: placed.body.o_id },
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        o_id: placed.body.o_id,
        o_state: 'cancelled',
        queue_position: null,
      });

      const again = await rest(base, 'POST', '/cancel_order', {
        token: user.token,
        body: { o_id: placed.body.o_id },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('INVALID_STATE');

      const nowFits = await rest(base, 'POST', '/order', {
        token: user.token,
        body: { m_id: itemId, quantity: 3 },
      });
      expect(nowFits.status).toBe(201);
    });

    it('lists orders newest first, filtered by state, for each role', async () => {
      const mine = await rest(base, 'GET', '/get_orders', { token: user.token });
      expect(mine.status).toBe(200);
      const times = mine.body.orders.map((o: { created_at: string }) => o.created_at);
      expect(times).toEqual([...times].sort().reverse());
      expect(mine.body.orders.every((o: { u_id: string }) => o.u_id === user.u_id)).toBe(true);

      const theirs = await rest(base, 'GET', '/get_orders?state=cancelled', {
        token: business.token,
      });
      expect(theirs.status).toBe(200);
      expect(theirs.body.orders.length).toBeGreaterThanOrEqual(1);
      expect(
        theirs.body.orders.every(
          (o: { o_state: string; e_id: string }) =>
            o.o_state === 'cancelled' && o.e_id === business.e_id,
        ),
      ).toBe(true);

      const bad = await rest(base, 'GET', '/get_orders?state=cooking', { token: user.token });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('BAD_REQUEST');
    });

    it('returns the first order for a repeated Idempotency-Key and reserves nothing more', async () => {
      const margherita = (await demoIds(base))['Pizza Palace']!.menu.find(
        (m) => m.name === 'Margherita',
      )!;
      const headers = { 'idempotency-key': 'retry-42' };
      const body = { m_id: margherita.id, quantity: 2 };
      const first = await rest(base, 'POST', '/order', { token: user.token, headers, body });
      expect(first.status).toBe(201);
      const second = await rest(base, 'POST', '/order', { token: user.token, headers, body });
      expect(second.status).toBe(201);
      expect(second.body.o_id).toBe(first.body.o_id);
      const after = (await demoIds(base))['Pizza Palace']!.menu.find(
        (m) => m.name === 'Margherita',
      )!;
      expect(after.inStore).toBe(margherita.inStore - 2);
      const other = await rest(base, 'POST', '/order', {
        token: user.token,
        headers: { 'idempotency-key': 'retry-43' },
        body,
      });
      expect(other.body.o_id).not.toBe(first.body.o_id);
    });

    it('refuses the wrong role and a missing token', async () => {
      const asBusiness = await rest(base, 'POST', '/order', {
        token: business.token,
        body: { m_id: itemId, quantity: 1 },
      });
      expect(asBusiness.status).toBe(403);
      expect(asBusiness.body.error.code).toBe('FORBIDDEN');
      const anonymous = await rest(base, 'GET', '/get_orders');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
      const asUser = await rest(base, 'POST', '/set-menu-and-instore', {
        token: user.token,
        body: { items: [] },
      });
      expect(asUser.status).toBe(403);
    });

    it("hides another customer's order behind NOT_FOUND", async () => {
      const bob = await loginUser(base, 'bob', 'bob-pass');
      const mine = await rest(base, 'GET', '/get_orders?state=pending', { token: user.token });
      const target = mine.body.orders[0].o_id;
      const attempt = await rest(base, 'POST', '/cancel_order', {
        token: bob.token,
        body: { o_id: target },
      });
      expect(attempt.status).toBe(404);
      expect(attempt.body.error.code).toBe('NOT_FOUND');
      const still = await rest(base, 'GET', '/get_orders?state=pending', { token: user.token });
      expect(still.body.orders.map((o: { o_id: string }) => o.o_id)).toContain(target);
    });
  });
}
