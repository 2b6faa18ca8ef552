// The data every bench process builds the same way: one "board" business whose orders the read
// benchmarks list, and placement businesses with deep stock for the write benchmarks.
import type { App } from '../api/app.js';
import { hashPassword } from '../api/services/passwords.js';
import type { Viewer } from '../api/domain/types.js';
import * as accounts from '../api/store/accounts.store.js';

export const PLACEMENT_LANES = 8;
export const DEEP_STOCK = 10_000_000;
/** Stock of the item the oversell probe drains. */
export const PROBE_STOCK = 300;

export interface Fixture {
  board: { businessId: string; token: string };
  /** Placement lanes: each its own customer, business and item, so placements spread like real ones. */
  lanes: { userToken: string; businessId: string; itemId: string; basketItemIds: string[] }[];
  probe: { userToken: string; itemId: string };
  /** An order of the board business, to publish as an event. */
  sampleOrderId: string;
}

type BenchApp = Pick<App, 'db' | 'services' | 'kitchen'>;

export async function createFixture(app: BenchApp): Promise<Fixture> {
  const { db, services } = app;
  const hash = await hashPassword('bench-password');
  const account = async (role: Viewer['role'], name: string): Promise<Viewer> => {
    const id = await accounts.insertAccount(db, role, name, hash);
    if (!id) throw new Error(`fixture: ${name} exists`);
    return { role, id, name };
  };
  const token = async (viewer: Viewer) => (await services.auth.issue(viewer)).token;
  const item = async (business: Viewer, name: string, inStore: number) => {
    const [saved] = await services.menus.setMenuAndInstore(business, [
      { name, imageUrl: '/images/bench.svg', price: 9.5, inStore },
    ]);
    return saved!.id;
  };

  // The board: 12 orders in every state, as a business sees them during service.
  const board = await account('business', 'Bench Bistro');
  const boardItems = [
    await item(board, 'Margherita', DEEP_STOCK),
    await item(board, 'Calzone', DEEP_STOCK),
    await item(board, 'Tiramisu', DEEP_STOCK),
  ];
  const customers = [await account('user', 'bench-ann'), await account('user', 'bench-ben')];
  const placed = [];
  for (let i = 0; i < 12; i++) {
    placed.push(
      await services.orders.placeOrder(customers[i % 2]!, {
        menuItemId: boardItems[i % 3],
        quantity: 1 + (i % 3),
      }),
    );
  }
  const ids = placed.map((o) => o.id);
  await services.orders.rejectOrder(board, ids[0], null);
  await services.orders.cancelOrder(customers[1]!, ids[1], null);
  for (const id of ids.slice(2, 10)) await services.orders.acceptOrder(board, id);
  const serve = async () => {
    await app.kitchen?.idle();
    await app.kitchen?.serve(board.id);
  };
  await serve();
  const cooking = (await services.orders.listOrders(board, 'processing')).map((o) => o.id);
  for (const id of cooking) await services.orders.completeOrder(board, id);
  await serve();
  // Now: 2 processing, 4 accepted, 2 pending, 2 completed, 1 rejected, 1 cancelled.

  const lanes = [];
  for (let i = 0; i < PLACEMENT_LANES; i++) {
    const business = await account('business', `Bench Lane ${i}`);
    const user = await account('user', `bench-lane-${i}`);
    const itemId = await item(business, `Lane ${i} special`, DEEP_STOCK);
    lanes.push({
      userToken: await token(user),
      businessId: business.id,
      itemId,
      // A three-line basket: the special, a side and a drink.
      basketItemIds: [
        itemId,
        await item(business, `Lane ${i} side`, DEEP_STOCK),
        await item(business, `Lane ${i} drink`, DEEP_STOCK),
      ],
    });
  }
  const probeBusiness = await account('business', 'Bench Probe');
  const probeUser = await account('user', 'bench-probe');
  return {
    board: { businessId: board.id, token: await token(board) },
    lanes,
    probe: {
      userToken: await token(probeUser),
      itemId: await item(probeBusiness, 'Last few', PROBE_STOCK),
    },
    sampleOrderId: ids[11]!,
  };
}

/** Stock left and ordered per item, to check that nothing was oversold or lost. */
export async function stockLedger(app: BenchApp, itemIds: readonly string[]) {
  const rows = await app.db.query<{ id: string; in_store: number; ordered: string }>(
    `SELECT m.id, m.in_store,
            (SELECT coalesce(sum(quantity), 0) FROM order_lines l WHERE l.menu_item_id = m.id)::text AS ordered
       FROM menu_items m WHERE m.id = ANY($1::uuid[])`,
    [itemIds],
  );
  return rows.map((r) => ({ id: r.id, inStore: r.in_store, ordered: Number(r.ordered) }));
}

/**
 * Past orders of the board business, as a long-running restaurant has them: one a minute going
 * back, nearly all completed, some rejected or cancelled, each with its line and its two events.
 */
export async function addHistory(app: BenchApp, businessId: string, count: number): Promise<void> {
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    await app.db.query(
      `WITH who AS (
         SELECT (SELECT id FROM users WHERE name = 'bench-ann') AS user_id,
                (SELECT id FROM menu_items WHERE business_id = $1 ORDER BY position LIMIT 1) AS item_id
       ), o AS (
         INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state,
                             created_at, updated_at, finished_at)
         SELECT who.user_id, $1, who.item_id, 1 + g % 3, 9.50,
                CASE WHEN g % 9 = 0 THEN 'rejected' WHEN g % 13 = 0 THEN 'cancelled' ELSE 'completed' END,
                now() - interval '1 day' - g * interval '1 minute',
                now() - interval '1 day' - g * interval '1 minute' + interval '20 minutes',
                now() - interval '1 day' - g * interval '1 minute' + interval '20 minutes'
           FROM who, generate_series($2::int, $3::int) g
         RETURNING id, menu_item_id, quantity, unit_price, state, created_at, updated_at
       ), lines AS (
         INSERT INTO order_lines (order_id, position, menu_item_id, quantity, unit_price)
         SELECT id, 1, menu_item_id, quantity, unit_price FROM o
       )
       INSERT INTO order_events (order_id, from_state, to_state, actor, at)
       SELECT id, NULL, 'pending', 'user', created_at FROM o
       UNION ALL
       SELECT id, 'pending', state, CASE WHEN state = 'cancelled' THEN 'user' ELSE 'business' END,
              updated_at FROM o`,
      [businessId, from, Math.min(count, from + batch - 1)],
    );
  }
  await app.db.query('ANALYZE orders');
}
