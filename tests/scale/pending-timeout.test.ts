// Forgotten orders with two kitchens on one PostgreSQL: each rejected by the system exactly once,
// and its stock given back exactly once.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { startPostgresPair, type PostgresPair } from '../helpers/postgres-pair.js';
import type { Child } from '../helpers/processes.js';
import { TEST_DATABASE_URL } from '../helpers/stores.js';
import { waitFor } from '../helpers/wait.js';

const ORDERS = 30;
const STOCK = 100;

describe.skipIf(!TEST_DATABASE_URL)('the pending timeout on two processes', () => {
  let pair: PostgresPair;
  let a: Child;
  let b: Child;
  let db: pg.Pool;

  beforeAll(async () => {
    pair = await startPostgresPair({
      PENDING_TIMEOUT_MS: '1500',
      KITCHEN_POLL_MS: '100',
      JWT_SECRET: 'shared-secret-for-the-pending-timeout-0123456789',
    });
    ({ a, b, db } = pair);
  });
  afterAll(() => pair?.stop());

  it('rejects every forgotten order once, as the system, and gives its stock back once', async () => {
    const pizza = await loginBusiness(a.url!, 'Pizza Palace', 'pizza-pass');
    const alice = await loginUser(b.url!, 'alice', 'alice-pass');
    const saved = await rest(a.url!, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: { items: [{ m_name: 'Timeout pie', m_img_url: '', m_price: 4, m_instore: STOCK }] },
    });
    const itemId = saved.body.items[0].m_id;
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const r = await rest(i % 2 ? a.url! : b.url!, 'POST', '/order', {
        token: alice.token,
        body: { m_id: itemId, quantity: 2 },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.o_id);
    }
    await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[]) AND state = 'rejected'`,
        [ids],
      );
      return rows[0].n === ORDERS;
    }, 20_000);
    const { rows: events } = await db.query<{ order_id: string; actor: string; n: number }>(
      `SELECT order_id, actor, count(*)::int AS n FROM order_events
        WHERE order_id = ANY($1::uuid[]) AND to_state = 'rejected' GROUP BY order_id, actor`,
      [ids],
    );
    expect(events).toHaveLength(ORDERS);
    expect(events.every((e) => e.actor === 'system' && e.n === 1)).toBe(true);
    const { rows: stock } = await db.query('SELECT in_store FROM menu_items WHERE id = $1', [
      itemId,
    ]);
    expect(stock[0].in_store).toBe(STOCK);
  });
});
