// Kitchens as separate processes on one PostgreSQL: capacity holds across them, and a SIGKILL loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { cookingSpans, maxConcurrent } from '../helpers/kitchen-events.js';
import { scrape } from '../helpers/metrics.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { postgresTarget, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/stores.js';
import { waitFor } from '../helpers/wait.js';

describe.skipIf(!TEST_DATABASE_URL)('kitchen processes on one PostgreSQL', () => {
  const target = postgresTarget();
  let api: TestServer;
  let base: string;
  let user: string;
  let business: { token: string; e_id: string };
  let itemId: string;
  const kitchens: Child[] = [];

  const kitchenEnv = (prepMs: number) => ({
    DATABASE_URL: target.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    KITCHEN_PREP_MS: String(prepMs),
    KITCHEN_POLL_MS: '100',
    KITCHEN_METRICS_PORT: '0',
  });

  /** A kitchen process's count of completed orders, from its own /metrics. */
  async function cookedPerMetrics(kitchen: Child): Promise<number> {
    const ready = kitchen.logs.find((l) => l.msg === 'kitchen is cooking');
    const samples = await scrape(`http://127.0.0.1:${String(ready?.metricsPort)}`);
    return Number(samples.get('orderly_order_accepted_to_completed_seconds_count'));
  }

  beforeAll(async () => {
    // The API places and accepts; it does not cook (KITCHEN=off), the child processes do.
    api = await startServer({
      databaseUrl: target.databaseUrl,
      redisUrl: TEST_REDIS_URL,
      kitchen: 'off',
    });
    base = api.url;
    user = (await loginUser(base, 'alice', 'alice-pass')).token;
    business = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    const r = await rest(base, 'POST', '/set-menu-and-instore', {
      token: business.token,
      body: { items: [{ m_name: 'Multi pie', m_img_url: '', m_price: 7, m_instore: 1000 }] },
    });
    itemId = r.body.items[0].m_id;
  });
  afterAll(async () => {
    await Promise.all(kitchens.map((k) => k.kill('SIGKILL')));
    await api?.stop();
    await target.cleanup();
  });

  async function placeAndAccept(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const placed = await rest(base, 'POST', '/order', {
        token: user,
        body: { m_id: itemId, quantity: 1 },
      });
      ids.push(placed.body.o_id);
    }
    for (const id of ids)
      await gqlOk(
        base,
        `mutation($id: ID!) { acceptOrder(id: $id) { id } }`,
        { id },
        business.token,
      );
    return ids;
  }

  async function spans(ids: string[]) {
    return (await cookingSpans(api.app.db, business.e_id)).filter((s) => ids.includes(s.orderId));
  }

  it('holds capacity with two kitchen processes and cooks each order once', async () => {
    const pair = await Promise.all([
      spawnOrderly('kitchen', kitchenEnv(250)),
      spawnOrderly('kitchen', kitchenEnv(250)),
    ]);
    kitchens.push(...pair);
    try {
      const ids = await placeAndAccept(10);
      await waitFor(
        async () => (await spans(ids)).filter((s) => s.completed !== null).length === 10,
        20_000,
      );
      const cooked = await spans(ids);
      expect(cooked).toHaveLength(10);
      expect(maxConcurrent(cooked)).toBeLessThanOrEqual(2);
      expect(cooked.every((s) => s.processingEvents === 1 && s.completedEvents === 1)).toBe(true);
      // Every move was made by exactly one of the processes (each logs the orders it moved).
      const moves = () =>
        pair.map((k) => k.logs.filter((l) => l.msg === 'kitchen moved order').length);
      await waitFor(async () => moves()[0]! + moves()[1]! >= 20, 2_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(moves()[0]! + moves()[1]!).toBe(20);
      // Each kitchen reports what it cooked on its own /metrics; together, every order once.
      const perKitchen = await Promise.all(pair.map(cookedPerMetrics));
      expect(perKitchen[0]! + perKitchen[1]!).toBe(10);
    } finally {
      await Promise.all(pair.map((k) => k.kill('SIGTERM')));
    }
  });

  it('finishes the orders in the oven exactly once after the kitchen is killed', async () => {
    const prep = 1_500;
    const first = await spawnOrderly('kitchen', kitchenEnv(prep));
    kitchens.push(first);
    const ids = await placeAndAccept(3);
    await waitFor(async () => (await spans(ids)).length === 2, 5_000);
    await first.kill('SIGKILL');
    const inOven = await spans(ids);
    expect(inOven.every((s) => s.completed === null)).toBe(true);

    const second = await spawnOrderly('kitchen', kitchenEnv(prep));
    kitchens.push(second);
    await waitFor(
      async () => (await spans(ids)).filter((s) => s.completed !== null).length === 3,
      15_000,
    );
    const after = await spans(ids);
    expect(after.map((s) => s.orderId)).toEqual(ids);
    for (const s of after) {
      expect(s.processingEvents).toBe(1);
      expect(s.completedEvents).toBe(1);
    }
    expect(maxConcurrent(after)).toBeLessThanOrEqual(2);
    const states = await gqlOk(base, `{ orders(state: COMPLETED) { id } }`, {}, business.token);
    expect(states.orders.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(ids));
  });
});
