// orderEvents(after): every stored transition of the viewer's orders with an increasing cursor;
// a client that comes back with its last cursor gets exactly what it missed, then live ones, also
// from another server on the same database; and nobody sees another tenant's events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

const SECRET = 'a-secret-both-servers-share-0123456789abcdef';
const EVENTS = `subscription($after: String) {
  orderEvents(after: $after) { cursor from to actor reason order { id state } }
}`;

interface Seen {
  cursor: string;
  from: string | null;
  to: string;
  actor: string;
  reason: string | null;
  order: { id: string; state: string };
}

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`order events on ${target.name}`, () => {
    let server: TestServer;
    let other: TestServer | undefined;
    let base: string;
    let alice: { token: string };
    let bob: { token: string };
    let pizza: { token: string; e_id: string };
    let sushi: { token: string };
    let itemId: string;

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl, jwtSecret: SECRET });
      base = server.url;
      alice = await loginUser(base, 'alice', 'alice-pass');
      bob = await loginUser(base, 'bob', 'bob-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'Event pie', m_img_url: '', m_price: 5, m_instore: 500 }] },
      });
      itemId = saved.body.items[0].m_id;
    });
    afterAll(async () => {
      await other?.stop();
      await server?.stop();
      await target.cleanup();
    });

    const place = async (token = alice.token, on = base) =>
      (await rest(on, 'POST', '/order', { token, body: { m_id: itemId, quantity: 1 } })).body
        .o_id as string;
    const move = (mutation: string, id: string, token: string, on = base) =>
      gqlOk(on, `mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, token);
    async function subscribe(token: string, after: string | null, on = base) {
      const client = wsClient(on, token);
      const settled = await settledSubscriptions(on);
      const events = record<Seen>(client, EVENTS, { after });
      await untilSubscribed(on, settled + 1);
      return { client, events };
    }

    it('streams every transition live, in order, with increasing cursors', async () => {
      const { client, events } = await subscribe(pizza.token, null);
      try {
        const id = await place();
        await move('rejectOrder', id, pizza.token);
        const seen = await events.until((v) => v.some((e) => e.to === 'REJECTED'));
        expect(seen.map((e) => [e.order.id, e.from, e.to, e.actor])).toEqual([
          [id, null, 'PENDING', 'USER'],
          [id, 'PENDING', 'REJECTED', 'BUSINESS'],
        ]);
        expect(seen[1]!.order.state).toBe('REJECTED');
        const { order } = await gqlOk(
          base,
          'query($id: ID!) { order(id: $id) { history { cursor } } }',
          { id },
          pizza.token,
        );
        expect(order.history.map((e: { cursor: string }) => e.cursor)).toEqual(
          seen.map((e) => e.cursor),
        );
      } finally {
        await client.dispose();
      }
    });

    it('gives a client that comes back with its last cursor exactly what it missed, then live ones', async () => {
      const first = await subscribe(pizza.token, null);
      const a = await place();
      const beforeDrop = await first.events.until((v) => v.some((e) => e.order.id === a));
      const last = beforeDrop.at(-1)!.cursor;
      await first.client.dispose();

      // While away: a cancel, a new order from bob, and an accept (the kitchen then starts it).
      await rest(base, 'POST', '/cancel_order', {
        token: alice.token,
        body: { o_id: a, reason: 'Wrong address' },
      });
      const b = await place(bob.token);
      await move('acceptOrder', b, pizza.token);

      const back = await subscribe(pizza.token, last);
      try {
        const replayed = await back.events.until((v) =>
          v.some((e) => e.order.id === b && e.to === 'PROCESSING'),
        );
        expect(replayed.map((e) => [e.order.id, e.to, e.reason])).toEqual([
          [a, 'CANCELLED', 'Wrong address'],
          [b, 'PENDING', null],
          [b, 'ACCEPTED', null],
          [b, 'PROCESSING', null],
        ]);
        const c = await place();
        const withLive = await back.events.until((v) => v.some((e) => e.order.id === c));
        const cursors = withLive.map((e) => e.cursor);
        expect(new Set(cursors).size).toBe(cursors.length);
        expect(withLive.at(-1)).toMatchObject({ to: 'PENDING', order: { id: c } });
      } finally {
        await back.client.dispose();
      }
    });

    // In-memory PGlite is one server's own; two servers share PostgreSQL.
    if (target.name === 'postgres') {
      it('resumes on another server over the same database, without other customers’ events', async () => {
        const watch = await subscribe(alice.token, null);
        const mine = await place();
        const seen = await watch.events.until((v) => v.some((e) => e.order.id === mine));
        await watch.client.dispose();
        const last = seen.at(-1)!.cursor;
        other = await startServer({
          databaseUrl: target.databaseUrl,
          seed: false,
          jwtSecret: SECRET,
        });
        const bobs = await place(bob.token, other.url);
        const later = await place(alice.token, other.url);
        await move('rejectOrder', later, pizza.token, other.url);

        const elsewhere = await subscribe(alice.token, last, other.url);
        try {
          const replayed = await elsewhere.events.until((v) => v.some((e) => e.to === 'REJECTED'));
          expect(replayed.map((e) => [e.order.id, e.to])).toEqual([
            [later, 'PENDING'],
            [later, 'REJECTED'],
          ]);
          expect(replayed.some((e) => e.order.id === bobs)).toBe(false);
        } finally {
          await elsewhere.client.dispose();
        }
      });
    }

    it('shows a business none of another business’s events, even from an old cursor', async () => {
      const seen = await subscribe(pizza.token, null);
      await place();
      const last = (await seen.events.until((v) => v.length > 0)).at(-1)!.cursor;
      await seen.client.dispose();
      // Sushi Bar replays Pizza Palace's whole history and finds none of it.
      const rival = await subscribe(sushi.token, last);
      try {
        const sushiItem = (
          await rest(base, 'POST', '/set-menu-and-instore', {
            token: sushi.token,
            body: { items: [{ m_name: 'Event roll', m_img_url: '', m_price: 5, m_instore: 5 }] },
          })
        ).body.items[0].m_id;
        const own = (
          await rest(base, 'POST', '/order', {
            token: bob.token,
            body: { m_id: sushiItem, quantity: 1 },
          })
        ).body.o_id;
        const got = await rival.events.until((v) => v.some((e) => e.order.id === own));
        expect(got.map((e) => e.order.id)).toEqual([own]);
      } finally {
        await rival.client.dispose();
      }
    });

    it('refuses a forged cursor with BAD_REQUEST, and anonymous viewers', async () => {
      const client = wsClient(base, pizza.token);
      try {
        const forged = record(client, EVENTS, { after: 'Zm9yZ2Vk' });
        await expect(forged.until(() => false, 5_000)).rejects.toThrow(/BAD_REQUEST/);
      } finally {
        await client.dispose();
      }
      const anonymous = wsClient(base);
      try {
        const refused = record(anonymous, EVENTS, { after: null });
        await expect(refused.until(() => false, 5_000)).rejects.toThrow(/UNAUTHENTICATED/);
      } finally {
        await anonymous.dispose();
      }
    });
  });
}
