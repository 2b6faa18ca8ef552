// Without WEBHOOK_ALLOW_PRIVATE a webhook reaches public https targets only: plain http, loopback,
// private and link-local addresses are refused when the webhook is set, and every address a name
// resolves to is checked again at each delivery (DNS rebinding cannot reach the inside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger.js';
import { systemClock } from '../../api/services/clock.js';
import { WebhookDelivery } from '../../api/services/webhook-delivery.js';
import { WebhooksService } from '../../api/services/webhooks.service.js';
import { gql, gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const SET = `mutation($url: String!) { setWebhook(url: $url) { url secret failing } }`;
const HOOK = '{ webhook { url } }';

describe('webhook targets without WEBHOOK_ALLOW_PRIVATE', () => {
  let server: TestServer;
  let receiver: Receiver;
  let sushi: { token: string; e_id: string };
  let alice: { token: string };

  beforeAll(async () => {
    receiver = await startReceiver();
    // Its own worker looks once at start and then sleeps: the test's worker makes the attempt.
    server = await startServer({ webhookAllowPrivate: false, webhookPollMs: 600_000 });
    sushi = await loginBusiness(server.url, 'Sushi Bar', 'sushi-pass');
    alice = await loginUser(server.url, 'alice', 'alice-pass');
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('refuses plain http, loopback, private and link-local targets, and credentials in the URL', async () => {
    for (const url of [
      receiver.url,
      'http://hooks.example/orderly',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/hook',
      'https://192.168.1.1/hook',
      'https://[fd00::1]/hook',
      'https://user:pass@hooks.example/hook',
      'ftp://hooks.example/hook',
      'not a url',
    ]) {
      const result = await gql(server.url, SET, { url }, sushi.token);
      expect(result.errors?.[0]?.extensions, url).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'url',
      });
    }
    expect((await gqlOk(server.url, HOOK, {}, sushi.token)).webhook).toBeNull();
  });

  it('checks every address a name resolves to, when set and again at each delivery (DNS rebinding)', async () => {
    const answers = new Map<string, { address: string; family: 4 | 6 }[]>([
      ['inside.example', [{ address: '10.0.0.7', family: 4 }]],
      [
        'mixed.example',
        [
          { address: '93.184.215.14', family: 4 },
          { address: 'fd00::1', family: 6 },
        ],
      ],
      ['rebind.example', [{ address: '93.184.215.14', family: 4 }]],
    ]);
    const resolve = async (host: string) => answers.get(host) ?? [];
    const strict = new WebhooksService({
      db: server.app.db,
      clock: systemClock,
      allowPrivate: false,
      resolve,
    });
    const viewer = { role: 'business', id: sushi.e_id, name: 'Sushi Bar' } as const;
    for (const url of ['https://inside.example/hook', 'https://mixed.example/hook']) {
      await expect(strict.setWebhook(viewer, url), url).rejects.toMatchObject({
        extensions: { code: 'BAD_REQUEST', field: 'url', reason: 'address' },
      });
    }
    const hook = await strict.setWebhook(viewer, 'https://rebind.example/hook');
    expect(hook.secret).toMatch(/^whsec_/);
    // Now the name points inside.
    answers.set('rebind.example', [{ address: '127.0.0.1', family: 4 }]);
    const worker = new WebhookDelivery({
      db: server.app.db,
      ordersOf: (ids) => server.app.services.orders.viewsOf(ids),
      log: createLogger('silent'),
      clock: systemClock,
      retryBaseMs: 60_000,
      allowPrivate: false,
      pollMs: 1_000,
      resolve,
    });
    const sushiItem = (
      await rest(server.url, 'POST', '/set-menu-and-instore', {
        token: sushi.token,
        body: { items: [{ m_name: 'Rebind roll', m_img_url: '', m_price: 5, m_instore: 5 }] },
      })
    ).body.items[0].m_id;
    await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: sushiItem, quantity: 1 },
    });
    expect(await worker.deliverDue()).toBe(1);
    await worker.stop();
    const [latest] = await strict.deliveries(viewer, sushi.e_id, 1);
    expect(latest).toMatchObject({ status: null, deliveredAt: null, attempts: 1 });
    expect(latest!.excerpt).toMatch(/^refused: .*127\.0\.0\.1/);
    expect(latest!.nextAttemptAt).not.toBeNull();
    expect(receiver.received).toHaveLength(0);
    await strict.removeWebhook(viewer);
  });

  it('backs off exponentially, gives up after a day and marks the webhook failing until a success', async () => {
    let now = Date.now();
    const clock = { now: () => now };
    const hooks = new WebhooksService({ db: server.app.db, clock, allowPrivate: true });
    const viewer = { role: 'business', id: sushi.e_id, name: 'Sushi Bar' } as const;
    await hooks.setWebhook(viewer, receiver.url);
    const worker = new WebhookDelivery({
      db: server.app.db,
      ordersOf: (ids) => server.app.services.orders.viewsOf(ids),
      log: createLogger('silent'),
      clock,
      retryBaseMs: 1_000,
      allowPrivate: true,
      pollMs: 1_000,
    });
    const sushiItem = (
      await rest(server.url, 'POST', '/set-menu-and-instore', {
        token: sushi.token,
        body: { items: [{ m_name: 'Retry roll', m_img_url: '', m_price: 5, m_instore: 9 }] },
      })
    ).body.items[0].m_id;
    const order = async () =>
      rest(server.url, 'POST', '/order', {
        token: alice.token,
        body: { m_id: sushiItem, quantity: 1 },
      });
    const latest = async () => (await hooks.deliveries(viewer, sushi.e_id, 1))[0]!;
    await order();
    now = Date.now(); // the event's own time has passed: its first attempt is due
    receiver.failNext(1_000, 503);
    expect(await worker.deliverDue()).toBe(1);
    expect(new Date((await latest()).nextAttemptAt!).getTime()).toBe(now + 1_000);
    expect(await worker.deliverDue()).toBe(0); // not due yet
    now += 1_000;
    expect(await worker.deliverDue()).toBe(1);
    expect(await latest()).toMatchObject({ status: 503, attempts: 2 });
    expect(new Date((await latest()).nextAttemptAt!).getTime()).toBe(now + 2_000);
    // A day later the next failure gives it up, and the business sees the webhook failing.
    now += 25 * 60 * 60 * 1000;
    expect(await worker.deliverDue()).toBe(1);
    expect(await latest()).toMatchObject({ attempts: 3, nextAttemptAt: null, givenUp: true });
    const failing = await gqlOk(server.url, '{ webhook { failing } }', {}, sushi.token);
    expect(failing.webhook.failing).toBe(true);

    receiver.failNext(0);
    await order();
    expect(await worker.deliverDue()).toBe(1);
    expect(await latest()).toMatchObject({ status: 200, attempts: 1, nextAttemptAt: null });
    const healthy = await gqlOk(server.url, '{ webhook { failing } }', {}, sushi.token);
    expect(healthy.webhook.failing).toBe(false);
    await worker.stop();
    await hooks.removeWebhook(viewer);
  });
});
