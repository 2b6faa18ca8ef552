// A whole service on both stores: pausing with a reason and a time to reopen by itself, the cap on
// open orders per customer and business (also under a burst), and forgotten orders the system rejects.
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
import { storeTargets } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

const ORDERING = `query($b: ID!) { business(id: $b) { ordering { open reason until } } }`;
const MAX_OPEN = 3;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`a service day on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
    let alice: { token: string };
    let pizza: { token: string; e_id: string };
    let sushi: { token: string; e_id: string };
    let pie: string;
    let roll: string;

    const newCustomer = async (name: string) =>
      (
        await gqlOk(
          base,
          'mutation($n: String!) { signUpUser(name: $n, password: "service-day-pass") { token } }',
          { n: `${name}-${target.name}` },
        )
      ).signUpUser.token as string;
    const order = (token: string, m_id = pie) =>
      rest(base, 'POST', '/order', { token, body: { m_id, quantity: 1 } });

    beforeAll(async () => {
      server = await startServer({
        databaseUrl: target.databaseUrl,
        clock,
        maxOpenOrders: MAX_OPEN,
        pendingTimeoutMs: 3_600_000,
      });
      base = server.url;
      alice = await loginUser(base, 'alice', 'alice-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const items = async (token: string, name: string) =>
        (
          await rest(base, 'POST', '/set-menu-and-instore', {
            token,
            body: { items: [{ m_name: name, m_img_url: '', m_price: 4, m_instore: 1000 }] },
          })
        ).body.items[0].m_id as string;
      pie = await items(pizza.token, 'Day pie');
      roll = await items(sushi.token, 'Day roll');
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('refuses orders with CLOSED while paused, carries on with placed ones, and reopens by itself at the time given', async () => {
      const carol = await newCustomer('carol');
      const placed = await order(carol);
      expect(placed.status).toBe(201);
      const until = new Date(clock.now() + 30 * 60_000).toISOString();
      const paused = await gqlOk(
        base,
        'mutation($u: DateTime) { pauseOrders(reason: "Out of dough", until: $u) { ordering { open reason until } } }',
        { u: until },
        pizza.token,
      );
      expect(paused.pauseOrders.ordering).toEqual({ open: false, reason: 'Out of dough', until });
      expect((await gqlOk(base, ORDERING, { b: pizza.e_id })).business.ordering.open).toBe(false);

      const refused = await order(carol);
      expect([refused.status, refused.body.error.code]).toEqual([409, 'CLOSED']);
      expect(refused.body.error.message).toBe(`Not taking orders until ${until} — Out of dough`);
      const overGraphQL = await gql(
        base,
        'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }',
        { m: pie },
        carol,
      );
      expect(overGraphQL.errors?.[0]?.extensions?.code).toBe('CLOSED');
      // Another business takes orders as usual, and the order placed before the pause goes on.
      expect((await order(carol, roll)).status).toBe(201);
      const accepted = await gqlOk(
        base,
        'mutation($id: ID!) { acceptOrder(id: $id) { state } }',
        { id: placed.body.o_id },
        pizza.token,
      );
      expect(accepted.acceptOrder.state).toBe('ACCEPTED');

      clock.offsetMs += 31 * 60_000;
      expect((await gqlOk(base, ORDERING, { b: pizza.e_id })).business.ordering).toEqual({
        open: true,
        reason: null,
        until: null,
      });
      expect((await order(carol)).status).toBe(201);
    });

    it('pauses until resumed when no time is given, and refuses a time in the past or a customer pausing', async () => {
      await gqlOk(base, 'mutation { pauseOrders { id } }', {}, pizza.token);
      expect((await order(await newCustomer('dora'))).body.error.code).toBe('CLOSED');
      await gqlOk(base, 'mutation { resumeOrders { id } }', {}, pizza.token);
      expect((await gqlOk(base, ORDERING, { b: pizza.e_id })).business.ordering.open).toBe(true);
      const past = await gql(
        base,
        'mutation($u: DateTime) { pauseOrders(until: $u) { id } }',
        { u: new Date(clock.now() - 1000).toISOString() },
        pizza.token,
      );
      expect(past.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      const byCustomer = await gql(base, 'mutation { pauseOrders { id } }', {}, alice.token);
      expect(byCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await gqlOk(base, ORDERING, { b: pizza.e_id })).business.ordering.open).toBe(true);
    });

    it(`holds a customer to ${MAX_OPEN} open orders per business, even in a burst, with Retry-After`, async () => {
      const erin = await newCustomer('erin');
      const burst = await Promise.all(Array.from({ length: 12 }, () => order(erin)));
      const statuses = burst.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(MAX_OPEN).fill(201), ...Array(12 - MAX_OPEN).fill(429)]);
      const refused = burst.find((r) => r.status === 429)!;
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another business is another count; a cancelled order frees a place.
      expect((await order(erin, roll)).status).toBe(201);
      const first = burst.find((r) => r.status === 201)!;
      await rest(base, 'POST', '/cancel_order', { token: erin, body: { o_id: first.body.o_id } });
      expect((await order(erin)).status).toBe(201);
      expect((await order(erin)).status).toBe(429);
    });
  });
}

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`forgotten orders on ${target.name}`, () => {
    let server: TestServer;
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('rejects a pending order nobody accepted in time, as the system, with a reason, and gives its stock back', async () => {
      server = await startServer({ databaseUrl: target.databaseUrl, pendingTimeoutMs: 400 });
      const base = server.url;
      const alice = await loginUser(base, 'alice', 'alice-pass');
      const pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'Forgotten pie', m_img_url: '', m_price: 4, m_instore: 10 }] },
      });
      const itemId = saved.body.items[0].m_id;
      const phone = wsClient(base, alice.token);
      try {
        const settled = await settledSubscriptions(base);
        const mine = record(
          phone,
          'subscription { orderUpdated { id state history { to actor reason } } }',
        );
        await untilSubscribed(base, settled + 1);
        const placed = await rest(base, 'POST', '/order', {
          token: alice.token,
          body: { m_id: itemId, quantity: 4 },
        });
        const events = await mine.until(
          (v) => v.some((o) => o.id === placed.body.o_id && o.state === 'REJECTED'),
          10_000,
        );
        const rejected = events.find((o) => o.state === 'REJECTED');
        expect(rejected.history.at(-1)).toEqual({
          to: 'REJECTED',
          actor: 'SYSTEM',
          reason: 'The restaurant did not confirm your order in time; nothing will be charged',
        });
        const { menu } = await gqlOk(
          base,
          'query($b: ID!) { menu(businessId: $b) { id inStore } }',
          {
            b: pizza.e_id,
          },
        );
        expect(menu.find((i: { id: string }) => i.id === itemId).inStore).toBe(10);
      } finally {
        await phone.dispose();
      }
    });
  });
}
