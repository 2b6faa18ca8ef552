// Subscriptions over HTTP (server-sent events) would outlive their token, so they are not offered:
// over HTTP a subscription is refused at once with a clear error, and WebSocket serves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, record, wsClient } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { SUBSCRIPTIONS_OVER_WEBSOCKET } from '../../api/graphql/subscription-transport.js';

const NEW_ORDER = 'subscription { newOrder { id } }';

describe('subscriptions over HTTP', { timeout: 60_000 }, () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    // A short-lived token, as an attacker keeping a stream past its expiry would hold.
    server = await startServer({ jwtTtlSeconds: 4 });
    token = (await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass')).token;
  });
  afterAll(() => server?.stop());

  /** The whole answer: the stream must end by itself, not stay open delivering. */
  const ask = async (init: RequestInit, path = '/graphql') => {
    const response = await fetch(server.url + path, {
      ...init,
      signal: AbortSignal.timeout(5_000),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  it('refuses an event stream (POST, Accept: text/event-stream) at once with the reason', async () => {
    const answer = await ask({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: NEW_ORDER }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(SUBSCRIPTIONS_OVER_WEBSOCKET);
    expect(answer.text).toContain('BAD_REQUEST');
    expect(answer.text).not.toContain('"newOrder"');
    // The stream ends by itself (fetch read it to its end).
    expect(answer.text).toMatch(/event: complete/);
  });

  it('refuses an event stream opened with GET, and a subscription asked for as JSON', async () => {
    const get = await ask(
      { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      `/graphql?query=${encodeURIComponent(NEW_ORDER)}`,
    );
    expect(get.text).toContain(SUBSCRIPTIONS_OVER_WEBSOCKET);
    const json = await ask({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: NEW_ORDER }),
    });
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text)).toEqual({
      errors: [{ message: SUBSCRIPTIONS_OVER_WEBSOCKET, extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('still serves subscriptions over WebSocket, which closes with 4401 at the same expiry', async () => {
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const item = (await demoIds(server.url))['Pizza Palace']!.menu[0]!;
    const client = wsClient(server.url, pizza.token);
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const updates = record(client, 'subscription($b: ID!) { menuUpdated(businessId: $b) { id } }', {
      b: pizza.e_id,
    });
    await expect
      .poll(async () => (await scrape(server.url)).get('orderly_active_subscriptions'), {
        timeout: 30_000,
      })
      .toBe(1);
    await gqlOk(
      server.url,
      'mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
      { items: [{ id: item.id, name: item.name, imageUrl: '', price: item.price, inStore: 5 }] },
      pizza.token,
    );
    await updates.until((values) => values.length === 1);
    expect(await closed).toBe(4401);
    await client.dispose();
  });
});
