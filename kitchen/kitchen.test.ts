// The kitchen driven by an injected clock: what it starts and completes at each moment, and that a
// worker stuck holding one business's lock holds up nobody else.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../api/logger.js';
import { createBus } from '../api/pubsub.js';
import * as accounts from '../api/store/accounts.store.js';
import { openDb } from '../api/store/db.js';
import { migrate } from '../api/store/migrate.js';
import { MenusService } from '../api/services/menus.service.js';
import { OrdersService } from '../api/services/orders.service.js';
import { hashPassword } from '../api/services/passwords.js';
import type { Viewer } from '../api/domain/types.js';
import { pgliteTarget, postgresTarget, type StoreTarget } from '../tests/helpers/stores.js';
import { Kitchen } from './kitchen.js';

const PREP_MS = 10_000;
const T0 = Date.parse('2026-12-01T18:00:00.000Z');

async function setup(target: StoreTarget) {
  const db = await openDb({ url: target.databaseUrl, dataDir: '' });
  await migrate(db);
  const clock = { ms: T0, now: () => clock.ms };
  const { pubsub } = createBus(undefined);
  const hash = await hashPassword('kitchen-pass');
  const account = async (role: Viewer['role'], name: string): Promise<Viewer> => ({
    role,
    name,
    id: (await accounts.insertAccount(db, role, name, hash))!,
  });
  const customer = await account('user', 'erin');
  const settings = { capacity: 2, prepMs: PREP_MS };
  const orders = new OrdersService({
    db,
    pubsub,
    clock,
    kitchen: settings,
    maxOpenOrders: 100,
  });
  const menus = new MenusService({ db, pubsub, clock });
  const kitchen = new Kitchen({
    db,
    pubsub,
    orders,
    clock,
    ...settings,
    pollMs: 60_000,
    pendingTimeoutMs: 600_000,
    log: createLogger('silent'),
  });
  /** A business with `n` accepted orders, in acceptance order. */
  const businessWithAccepted = async (name: string, n: number) => {
    const business = await account('business', name);
    const [item] = await menus.setMenuAndInstore(business, [
      { name: 'Pie', imageUrl: '', price: 8, inStore: 100 },
    ]);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await orders.placeOrder(customer, { menuItemId: item!.id, quantity: 1 });
      await orders.acceptOrder(business, id);
      ids.push(id);
    }
    return { business, ids };
  };
  const states = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await orders.getOrder(customer, id))!.state));
  return { db, clock, kitchen, orders, customer, businessWithAccepted, states };
}

describe.each([pgliteTarget(), postgresTarget()])('kitchen on $name', (target) => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    if (!target.databaseUrl) return;
    ctx = await setup(target);
  });
  afterAll(async () => {
    await ctx?.db.close();
    await target.cleanup();
  });

  it.skipIf(!target.databaseUrl)(
    'starts the two longest-accepted orders, completes them when due and starts the third',
    async () => {
      const { business, ids } = await ctx.businessWithAccepted(`Clock Pizza ${target.name}`, 3);
      expect(await ctx.kitchen.serve(business.id)).toEqual({
        completed: [],
        started: ids.slice(0, 2),
      });
      expect(await ctx.states(ids)).toEqual(['processing', 'processing', 'accepted']);
      const [first] = await ctx.db.query<{ started_at: Date; due_at: Date }>(
        'SELECT started_at, due_at FROM orders WHERE id = $1',
        [ids[0]],
      );
      expect(new Date(first!.started_at).getTime()).toBe(T0);
      expect(new Date(first!.due_at).getTime()).toBe(T0 + PREP_MS);

      ctx.clock.ms = T0 + PREP_MS - 1;
      expect(await ctx.kitchen.serve(business.id)).toEqual({ completed: [], started: [] });

      ctx.clock.ms = T0 + PREP_MS;
      expect(await ctx.kitchen.serve(business.id)).toEqual({
        completed: ids.slice(0, 2),
        started: ids.slice(2),
      });
      expect(await ctx.states(ids)).toEqual(['completed', 'completed', 'processing']);
      const history = await ctx.orders.histories([ids[2]!]);
      expect(history.map((e) => [e.to, e.actor, e.at])).toEqual([
        ['pending', 'user', new Date(T0).toISOString()],
        ['accepted', 'business', new Date(T0).toISOString()],
        ['processing', 'kitchen', new Date(T0 + PREP_MS).toISOString()],
      ]);
    },
  );
});

const postgres = postgresTarget();
describe.skipIf(!postgres.databaseUrl)('kitchen on postgres with a stuck worker', () => {
  const target = postgres;
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup(target);
  });
  afterAll(async () => {
    await ctx?.db.close();
    await target.cleanup();
  });

  it("skips a business whose lock a stuck worker holds, serves the others at once, and moves the stuck one's orders on the time after the lock", async () => {
    const stuck = await ctx.businessWithAccepted(`Stuck Grill ${target.name}`, 1);
    const free = await ctx.businessWithAccepted(`Free Grill ${target.name}`, 1);
    ctx.clock.ms = T0 + 100 * PREP_MS;
    // Another worker took the stuck business's lock and never finished its transaction.
    const holder = new pg.Client({ connectionString: target.databaseUrl!.replace(/\?.*$/, '') });
    await holder.connect();
    const schema = new URL(target.databaseUrl!).searchParams.get('schema');
    await holder.query(`SET search_path = ${schema}`);
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM businesses WHERE id = $1 FOR NO KEY UPDATE', [
      stuck.business.id,
    ]);
    try {
      expect(await ctx.kitchen.serve(stuck.business.id)).toEqual({ completed: [], started: [] });
      expect(await ctx.kitchen.serve(free.business.id)).toEqual({
        completed: [],
        started: free.ids,
      });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    ctx.clock.ms += 1234;
    expect((await ctx.kitchen.serve(stuck.business.id)).started).toEqual(stuck.ids);
    const [row] = await ctx.db.query<{ started_at: Date }>(
      'SELECT started_at FROM orders WHERE id = $1',
      [stuck.ids[0]],
    );
    expect(new Date(row!.started_at).getTime()).toBe(ctx.clock.ms);
  });
});
