// /metrics moves by exactly what was done: orders placed, refused for stock, cancelled, completed,
// the accepted→completed histogram, live orders by state, kitchen queues, sockets and subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { scrape, type Samples } from '../helpers/metrics.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const value = (s: Samples, key: string) => s.get(key) ?? 0;
const delta = (after: Samples, before: Samples, key: string) =>
  value(after, key) - value(before, key);

describe('domain metrics', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startServer({ kitchenPrepMs: 1500 });
    base = server.url;
  });
  afterAll(() => server?.stop());

  it('count exactly the orders placed, refused, cancelled and completed', async () => {
    const alice = await loginUser(base, 'alice', 'alice-pass');
    const pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    const made = await rest(base, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: { items: [{ m_name: 'Metric pie', m_img_url: '', m_price: 2, m_instore: 5 }] },
    });
    const itemId = made.body.items[0].m_id;
    const before = await scrape(base);

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (
          await rest(base, 'POST', '/order', {
            token: alice.token,
            body: { m_id: itemId, quantity: 1 },
          })
        ).body.o_id,
      );
    }
    for (let i = 0; i < 2; i++) {
      const refused = await rest(base, 'POST', '/order', {
        token: alice.token,
        body: { m_id: itemId, quantity: 2 },
      });
      expect(refused.status).toBe(409);
    }
    await rest(base, 'POST', '/cancel_order', { token: alice.token, body: { o_id: ids[3] } });
    await gqlOk(
      base,
      'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
      { id: ids[2] },
      pizza.token,
    );
    for (const id of ids.slice(0, 2)) {
      await gqlOk(
        base,
        'mutation AcceptOrder($id: ID!) { acceptOrder(id: $id) { id } }',
        { id },
        pizza.token,
      );
    }
    const middle = await scrape(base);
    expect(
      value(
        middle,
        `orderly_kitchen_slots_in_use{business_id="${pizza.e_id}",business="Pizza Palace"}`,
      ) +
        value(
          middle,
          `orderly_kitchen_queue_length{business_id="${pizza.e_id}",business="Pizza Palace"}`,
        ),
    ).toBe(2);
    await waitFor(async () => {
      const orders = await gqlOk(base, '{ orders(state: COMPLETED) { id } }', {}, pizza.token);
      return ids.slice(0, 2).every((id) => orders.orders.some((o: { id: string }) => o.id === id));
    });
    const after = await scrape(base);

    expect(delta(after, before, 'orderly_orders_placed_total')).toBe(4);
    expect(delta(after, before, 'orderly_orders_out_of_stock_total')).toBe(2);
    expect(delta(after, before, 'orderly_order_transitions_total{to="cancelled"}')).toBe(1);
    expect(delta(after, before, 'orderly_order_transitions_total{to="rejected"}')).toBe(1);
    expect(delta(after, before, 'orderly_order_transitions_total{to="accepted"}')).toBe(2);
    expect(delta(after, before, 'orderly_order_transitions_total{to="processing"}')).toBe(2);
    expect(delta(after, before, 'orderly_order_transitions_total{to="completed"}')).toBe(2);
    expect(delta(after, before, 'orderly_order_accepted_to_completed_seconds_count')).toBe(2);
    const sum = delta(after, before, 'orderly_order_accepted_to_completed_seconds_sum');
    expect(sum).toBeGreaterThanOrEqual(0.4);
    expect(sum).toBeLessThan(5);
    expect(delta(after, before, 'orderly_orders{state="completed"}')).toBe(2);
    expect(delta(after, before, 'orderly_orders{state="cancelled"}')).toBe(1);
    expect(
      value(
        after,
        `orderly_kitchen_slots_in_use{business_id="${pizza.e_id}",business="Pizza Palace"}`,
      ),
    ).toBe(0);
    expect(
      delta(
        after,
        before,
        'orderly_graphql_operation_duration_seconds_count{type="mutation",operation="AcceptOrder"}',
      ),
    ).toBe(2);
    expect(
      delta(
        after,
        before,
        'orderly_http_request_duration_seconds_count{route="/order",method="POST",status="201"}',
      ),
    ).toBe(4);
    expect(
      delta(
        after,
        before,
        'orderly_http_request_duration_seconds_count{route="/order",method="POST",status="409"}',
      ),
    ).toBe(2);
  });

  it('count open sockets and live subscriptions, and let them go', async () => {
    const pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    const before = await scrape(base);
    const client = wsClient(base, pizza.token);
    const a = record(client, 'subscription { newOrder { id } }');
    // Left open: closing the socket must release it.
    void record(client, 'subscription { orderUpdated { id } }');
    await waitFor(
      async () => delta(await scrape(base), before, 'orderly_active_subscriptions') === 2,
    );
    expect(delta(await scrape(base), before, 'orderly_websocket_connections')).toBe(1);
    a.stop();
    await waitFor(
      async () => delta(await scrape(base), before, 'orderly_active_subscriptions') === 1,
    );
    await client.dispose();
    await waitFor(async () => {
      const now = await scrape(base);
      return (
        delta(now, before, 'orderly_active_subscriptions') === 0 &&
        delta(now, before, 'orderly_websocket_connections') === 0
      );
    });
  });
});
