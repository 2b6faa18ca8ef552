// Webhooks end to end against a real receiver on loopback (WEBHOOK_ALLOW_PRIVATE=1 lets a test use
// plain http on 127.0.0.1): every transition arrives at least once, signed, in order per order,
// through failed answers and an outage of the receiver; the secret shows once; tenants stay apart.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger.js';
import { gql, gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { storeTargets } from '../helpers/stores.js';
import { waitFor } from '../helpers/wait.js';
import { startReceiver, typesPerOrder, type Receiver } from './support/receiver.js';

const SET = `mutation($url: String!) { setWebhook(url: $url) { url secret failing } }`;
const HOOK = `{ webhook { url secret failing deliveries(first: 100) {
  eventCursor status attempts deliveredAt nextAttemptAt } } }`;

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`webhooks on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let receiver: Receiver;
    let rival: Receiver;
    let alice: { token: string };
    let pizza: { token: string; e_id: string };
    let sushi: { token: string; e_id: string };
    let itemId: string;
    const logLines: string[] = [];

    beforeAll(async () => {
      receiver = await startReceiver();
      rival = await startReceiver();
      server = await startServer({
        databaseUrl: target.databaseUrl,
        kitchenPrepMs: 100,
        webhookAllowPrivate: true,
        webhookRetryBaseMs: 20,
        webhookPollMs: 20,
        webhookTimeoutMs: 2_000,
        logger: createLogger('debug', {
          destination: new Writable({
            write(chunk: Buffer, _encoding, done) {
              logLines.push(chunk.toString());
              done();
            },
          }),
        }),
      });
      base = server.url;
      alice = await loginUser(base, 'alice', 'alice-pass');
      pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
      sushi = await loginBusiness(base, 'Sushi Bar', 'sushi-pass');
      const saved = await rest(base, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'Hook pie', m_img_url: '', m_price: 7, m_instore: 500 }] },
      });
      itemId = saved.body.items[0].m_id;
    });
    afterAll(async () => {
      await server?.stop();
      await receiver?.close();
      await rival?.close();
      await target.cleanup();
    });

    const place = async (token = alice.token, item = itemId) =>
      (await rest(base, 'POST', '/order', { token, body: { m_id: item, quantity: 1 } })).body
        .o_id as string;
    const move = (mutation: string, id: string) =>
      gqlOk(base, `mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, pizza.token);
    const historyOf = async (id: string) =>
      (
        await gqlOk(
          base,
          'query($id: ID!) { order(id: $id) { history { cursor to } } }',
          { id },
          pizza.token,
        )
      ).order.history as { cursor: string; to: string }[];

    it('delivers every transition, signed and in order per order, through failures and an outage', async () => {
      const set = await gqlOk(base, SET, { url: receiver.url }, pizza.token);
      expect(set.setWebhook).toMatchObject({ url: receiver.url, failing: false });
      expect(set.setWebhook.secret).toMatch(/^whsec_/);
      receiver.secret = set.setWebhook.secret;
      // The secret is shown once: never again by the API, and never in a log line.
      expect((await gqlOk(base, HOOK, {}, pizza.token)).webhook.secret).toBeNull();

      receiver.failNext(3);
      const cooked = await place();
      const refused = await place();
      const second = await place();
      await move('acceptOrder', cooked);
      await move('rejectOrder', refused);
      await move('acceptOrder', second);
      await receiver.until((got) => {
        const types = typesPerOrder(got);
        return (
          types.get(cooked)?.includes('order.completed') === true &&
          types.get(second)?.includes('order.completed') === true &&
          types.get(refused)?.includes('order.rejected') === true
        );
      });

      // The receiver goes away: attempts fail without an answer, and are retried when it is back.
      await receiver.goAway();
      const during = await place();
      await move('acceptOrder', during);
      await waitFor(async () => {
        const hook = (await gqlOk(base, HOOK, {}, pizza.token)).webhook;
        return hook.deliveries.some(
          (d: { status: number | null; attempts: number }) => d.status === null && d.attempts >= 2,
        );
      }, 20_000);
      await receiver.comeBack();
      await receiver.until(
        (got) => typesPerOrder(got).get(during)?.includes('order.completed') === true,
      );

      const got = receiver.accepted();
      expect(receiver.received.every((d) => d.signatureValid)).toBe(true);
      expect(got.every((d) => d.eventId === d.body.cursor)).toBe(true);
      expect(receiver.received.filter((d) => d.answered === 500)).toHaveLength(3);
      const perOrder = typesPerOrder(got);
      for (const id of [cooked, refused, second, during]) {
        const history = await historyOf(id);
        // Every stored transition, once or more, in the order of the order's history.
        expect(perOrder.get(id)).toEqual(history.map((e) => `order.${e.to.toLowerCase()}`));
        expect(new Set(got.map((d) => d.eventId))).toEqual(
          expect.objectContaining({ size: expect.any(Number) }),
        );
        for (const e of history) expect(got.some((d) => d.eventId === e.cursor)).toBe(true);
      }
      const sample = got.find((d) => d.body.type === 'order.rejected')!;
      expect(sample.body.order).toMatchObject({ o_id: refused, e_id: pizza.e_id });

      const hook = (await gqlOk(base, HOOK, {}, pizza.token)).webhook;
      expect(hook.failing).toBe(false);
      const latest = hook.deliveries[0];
      expect(latest).toMatchObject({ status: 200, nextAttemptAt: null });
      expect(latest.deliveredAt).not.toBeNull();
      expect(logLines.some((line) => line.includes(receiver.secret))).toBe(false);
      expect(logLines.some((line) => line.includes('webhook attempt failed'))).toBe(true);
    });

    it('keeps tenants apart: a business gets only its own orders and sees only its own webhook', async () => {
      const set = await gqlOk(base, SET, { url: rival.url }, sushi.token);
      rival.secret = set.setWebhook.secret;
      const pizzaOrder = await place();
      const sushiItem = (
        await rest(base, 'POST', '/set-menu-and-instore', {
          token: sushi.token,
          body: { items: [{ m_name: 'Hook roll', m_img_url: '', m_price: 5, m_instore: 5 }] },
        })
      ).body.items[0].m_id;
      const sushiOrder = await place(alice.token, sushiItem);
      // Pizza's order was placed first; Sushi's receiver sees Sushi's order alone.
      const got = await rival.until((g) => g.some((d) => d.body.order.o_id === sushiOrder));
      expect(got.map((d) => d.body.order.o_id)).toEqual([sushiOrder]);
      await receiver.until((g) => g.some((d) => d.body.order.o_id === pizzaOrder));
      expect(receiver.accepted().some((d) => d.body.order.o_id === sushiOrder)).toBe(false);
      expect((await gqlOk(base, HOOK, {}, pizza.token)).webhook.url).toBe(receiver.url);
      expect((await gqlOk(base, HOOK, {}, sushi.token)).webhook.url).toBe(rival.url);
      const customer = await gql(base, HOOK, {}, alice.token);
      expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await gql(base, SET, { url: rival.url });
      expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    });

    it('stops delivering once removed', async () => {
      const removed = await gqlOk(base, 'mutation { removeWebhook }', {}, sushi.token);
      expect(removed.removeWebhook).toBe(true);
      expect((await gqlOk(base, HOOK, {}, sushi.token)).webhook).toBeNull();
      expect((await gqlOk(base, 'mutation { removeWebhook }', {}, sushi.token)).removeWebhook).toBe(
        false,
      );
    });
  });
}
