// Many baskets sharing a scarce item, placed at once on two API processes over one PostgreSQL:
// nothing oversold, every basket all or nothing, and the stock ledger balances to the unit.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, rest } from '../helpers/clients.js';
import { startPostgresPair, type PostgresPair } from '../helpers/postgres-pair.js';
import type { Child } from '../helpers/processes.js';
import { TEST_DATABASE_URL } from '../helpers/stores.js';

const BASKETS = 240;
const SCARCE_STOCK = 40;
const DEEP_STOCK = 5_000;

describe.skipIf(!TEST_DATABASE_URL)('baskets racing on two API processes', () => {
  let pair: PostgresPair;
  let a: Child;
  let b: Child;
  let db: pg.Pool;

  beforeAll(async () => {
    pair = await startPostgresPair({
      KITCHEN: 'off',
      LOGIN_MAX_FAILURES: '1000',
      MAX_OPEN_ORDERS: '1000',
      JWT_SECRET: 'shared-secret-for-the-basket-race-0123456789',
    });
    ({ a, b, db } = pair);
  });
  afterAll(() => pair?.stop());

  it('never oversells a shared item, places each basket whole or not at all, and balances the ledger', async () => {
    const pizza = await loginBusiness(a.url!, 'Pizza Palace', 'pizza-pass');
    const saved = await rest(a.url!, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: {
        items: [
          { m_name: 'Race truffle', m_img_url: '', m_price: 20, m_instore: SCARCE_STOCK },
          { m_name: 'Race bread', m_img_url: '', m_price: 3, m_instore: DEEP_STOCK },
          { m_name: 'Race soda', m_img_url: '', m_price: 2, m_instore: DEEP_STOCK },
        ],
      },
    });
    const [truffle, bread, soda] = saved.body.items.map((i: { m_id: string }) => i.m_id) as [
      string,
      string,
      string,
    ];
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await gqlOk(
        a.url!,
        'mutation($n: String!) { signUpUser(name: $n, password: "basket-race-pass") { token } }',
        { n: `basket-racer-${i}` },
      );
      tokens.push(r.signUpUser.token);
    }

    // Deterministic baskets: the truffle on one or two lines (1–3 each), with bread and soda around it.
    const baskets = Array.from({ length: BASKETS }, (_, i) => {
      const lines = [
        { m_id: bread, quantity: 1 + (i % 3) },
        { m_id: truffle, quantity: 1 + (i % 3) },
      ];
      if (i % 4 === 0) lines.push({ m_id: truffle, quantity: 1 });
      if (i % 2 === 0) lines.push({ m_id: soda, quantity: 2 });
      return lines;
    });
    const results = await Promise.all(
      baskets.map((items, i) =>
        rest(i % 2 ? b.url! : a.url!, 'POST', '/order', {
          token: tokens[i % tokens.length],
          body: { items },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.code).toBe('OUT_OF_STOCK');
    }
    const placed = results.filter((r) => r.status === 201);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(BASKETS);

    // Every acknowledged basket is stored whole, exactly as asked.
    const { rows: lines } = await db.query<{
      order_id: string;
      menu_item_id: string;
      quantity: number;
    }>('SELECT order_id, menu_item_id, quantity FROM order_lines ORDER BY order_id, position');
    const byOrder = new Map<string, { m_id: string; quantity: number }[]>();
    for (const l of lines) {
      byOrder.set(l.order_id, [
        ...(byOrder.get(l.order_id) ?? []),
        { m_id: l.menu_item_id, quantity: l.quantity },
      ]);
    }
    expect(byOrder.size).toBe(placed.length);
    for (const [i, r] of results.entries()) {
      if (r.status === 201) expect(byOrder.get(r.body.o_id)).toEqual(baskets[i]);
    }

    // The ledger: what is left plus what the stored lines took is what there was.
    const { rows: stock } = await db.query<{ id: string; in_store: number }>(
      'SELECT id, in_store FROM menu_items WHERE id = ANY($1::uuid[])',
      [[truffle, bread, soda]],
    );
    const left = new Map(stock.map((s) => [s.id, s.in_store]));
    const taken = (id: string) =>
      lines.filter((l) => l.menu_item_id === id).reduce((sum, l) => sum + l.quantity, 0);
    expect(left.get(truffle)! + taken(truffle)).toBe(SCARCE_STOCK);
    expect(left.get(bread)! + taken(bread)).toBe(DEEP_STOCK);
    expect(left.get(soda)! + taken(soda)).toBe(DEEP_STOCK);
    expect(left.get(truffle)).toBeGreaterThanOrEqual(0);
    // The scarce item ran out: the race was real.
    expect(left.get(truffle)).toBeLessThan(3);
    console.log(
      `basket race: ${placed.length} of ${BASKETS} baskets placed across two processes, truffle left ${left.get(truffle)}`,
    );
  });
});
