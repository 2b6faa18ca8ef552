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
