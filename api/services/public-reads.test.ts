// Public reads kept in memory, on a real (in-memory) PGlite: each read runs its SQL once while
// nothing changes; a menu edit, a placement, a cancel, a pause and a sign-up show on the next read;
// a read that raced a change is never kept; and while events cannot cross, every read is the store's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MenuItemView, Viewer } from '../domain/types.js';
import { createBus, type Bus, type DependencyHealth } from '../pubsub.js';
import * as accounts from '../store/accounts.store.js';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { AuthService } from './auth.service.js';
import { createLoginThrottle } from './login-throttle.js';
import { MenusService } from './menus.service.js';
import { OrderingService } from './ordering.service.js';
import { OrdersService } from './orders.service.js';
import { createPublicReads, type PublicReads } from './public-reads.js';

/** A Db that counts the statements run through it and can hold their answers back. */
function watched(db: Db) {
  let holding: { ran: () => void; released: Promise<void>; release: () => void } | null = null;
  const watch = {
    statements: 0,
    /** Holds the answers of statements from now on, once their SQL ran; resolves when one has. */
    hold(): Promise<void> {
      return new Promise((ran) => {
        let release = () => undefined as void;
        const released = new Promise<void>((resolve) => (release = resolve));
        holding = { ran, released, release };
      });
    },
    release() {
      holding?.release();
      holding = null;
    },
    db: {
      kind: db.kind,
      transaction: (work, options) => db.transaction(work, options),
      ping: () => db.ping(),
      close: () => db.close(),
      async query<T>(...args: Parameters<Db['query']>): Promise<T[]> {
        watch.statements++;
        const rows = await db.query<T>(...args);
        const held = holding;
        if (held) {
          held.ran();
          await held.released;
        }
        return rows;
      },
    } as Db,
  };
  return watch;
}

describe('public reads on PGlite', () => {
  let db: Db;
  let reader: ReturnType<typeof watched>;
  let health: DependencyHealth;
  let lost: Set<() => void>;
  let reads: PublicReads;
  /** Reads through the counted Db, as anonymous viewers do. */
  let menus: MenusService;
  let ordering: OrderingService;
  /** Changes through the plain Db, as a business, a customer or another process would. */
  let editor: MenusService;
  let pauses: OrderingService;
  let orders: OrdersService;
  let auth: AuthService;
  let business: Viewer;
  let customer: Viewer;
  let soupId: string;
  const clock = { now: () => Date.parse('2026-12-01T12:00:00.000Z') };

  beforeAll(async () => {
    db = await openDb({ url: 'memory://', dataDir: '' });
    await migrate(db);
    const account = async (role: Viewer['role'], name: string): Promise<Viewer> => ({
      role,
      name,
      id: (await accounts.insertAccount(db, role, name, 'not-a-hash'))!,
    });
    business = await account('business', 'Cached Diner');
    customer = await account('user', 'erin');
    // The in-process bus, whose health the tests set to play an outage of Redis.
    const inner = createBus(undefined);
    lost = new Set();
    const bus: Pick<Bus, 'pubsub' | 'health' | 'onEventsLost'> = {
      pubsub: inner.pubsub,
      health: () => health,
      onEventsLost: (listener) => void lost.add(listener),
    };
    const { pubsub } = inner;
    reads = createPublicReads(bus, { clock });
    reader = watched(db);
    menus = new MenusService({ db: reader.db, pubsub, clock, reads });
    ordering = new OrderingService({ db: reader.db, clock, pubsub, reads });
    editor = new MenusService({ db, pubsub, clock, reads });
    pauses = new OrderingService({ db, clock, pubsub, reads });
    orders = new OrdersService({
      db,
      pubsub,
      clock,
      kitchen: { capacity: 2, prepMs: 1000 },
      maxOpenOrders: 1000,
    });
    auth = new AuthService({
      db,
      pubsub,
      secret: 'a-test-secret-that-is-long-enough-1234',
      ttlSeconds: 60,
      refreshTtlSeconds: 3600,
      clock,
      throttle: createLoginThrottle({
        maxFailuresPerName: 5,
        maxFailuresPerAddress: 50,
        windowSeconds: 60,
        delayStepMs: 0,
      }),
    });
    const [soup] = await editor.setMenuAndInstore(business, [
      { name: 'Soup', imageUrl: '', price: 4.5, inStore: 100 },
    ]);
    soupId = soup!.id;
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    health = 'up';
  });

  /** How many statements `read` ran. */
  async function statementsOf(read: () => Promise<unknown>): Promise<number> {
    const before = reader.statements;
    await read();
    return reader.statements - before;
  }
  const soup = async () => (await menus.menu(business.id)).find((item) => item.id === soupId)!;
  const setSoup = (price: number, inStore: number) =>
    editor.setMenuAndInstore(business, [
      { id: soupId, name: 'Soup', imageUrl: '', price, inStore },
    ]);

  it('runs each read’s SQL once while nothing changes', async () => {
    await setSoup(4.5, 100);
    const everyRead = async () => {
      await menus.menu(business.id);
      await menus.menusOf([business.id]);
      await menus.businesses();
      await menus.business(business.id);
      await ordering.orderingOf([business.id]);
    };
    await everyRead();
    expect(await statementsOf(everyRead)).toBe(0);
    expect(await statementsOf(() => menus.menu(business.id.toUpperCase()))).toBe(0);
  });

  it('shows a menu edit on the next read', async () => {
    expect(await soup()).toMatchObject({ price: 4.5, inStore: 100 });
    await setSoup(5.25, 80);
    expect(await soup()).toMatchObject({ price: 5.25, inStore: 80 });
    expect(await menus.menusOf([business.id])).toContainEqual(
      expect.objectContaining({ id: soupId, price: 5.25, inStore: 80 }),
    );
    expect(await statementsOf(soup)).toBe(0);
  });

  it('shows the stock a placement takes and a cancel gives back on the next read', async () => {
    await setSoup(5.25, 80);
    expect((await soup()).inStore).toBe(80);
    const order = await orders.placeOrder(customer, { menuItemId: soupId, quantity: 3 });
    expect((await soup()).inStore).toBe(77);
    await orders.cancelOrder(customer, order.id);
    expect((await soup()).inStore).toBe(80);
  });

  it('never keeps a read that ran before a change and answered after it', async () => {
    await setSoup(6, 50);
    const ran = reader.hold();
    const racing = menus.menu(business.id);
    await ran;
    await setSoup(7, 40);
    reader.release();
    expect((await racing).find((item) => item.id === soupId)).toMatchObject({ price: 6 });
    expect(await soup()).toMatchObject({ price: 7, inStore: 40 });
  });

  it('never keeps a batched read of ordering that raced a pause', async () => {
    await pauses.resumeOrders(business);
    const ran = reader.hold();
    const racing = ordering.orderingOf([business.id]);
    await ran;
    await pauses.pauseOrders(business, 'Out of gas', null);
    reader.release();
    expect((await racing).get(business.id)).toMatchObject({ open: true });
    expect((await ordering.orderingOf([business.id])).get(business.id)).toEqual({
      open: false,
      reason: 'Out of gas',
      until: null,
    });
    await pauses.resumeOrders(business);
    expect((await ordering.orderingOf([business.id])).get(business.id)).toMatchObject({
      open: true,
    });
  });

  it('lets a pause end by itself at its time, kept until then', async () => {
    const start = clock.now();
    const now = clock.now;
    try {
      await pauses.pauseOrders(business, 'Back soon', new Date(start + 60_000));
      const open = async () => (await ordering.orderingOf([business.id])).get(business.id)!.open;
      expect(await open()).toBe(false);
      clock.now = () => start + 59_999;
      expect(await statementsOf(open)).toBe(0);
      expect(await open()).toBe(false);
      clock.now = () => start + 60_000;
      expect(await open()).toBe(true);
    } finally {
      clock.now = now;
      await pauses.resumeOrders(business);
    }
  });

  it('lists a business that signs up on the next read of the list', async () => {
    await menus.businesses();
    const { id } = await auth.signUp('business', 'Fresh Noodles', 'noodles-pass-123', '10.0.0.1');
    expect((await menus.businesses()).map((b) => b.id)).toContain(id);
    expect(await menus.business(id)).toMatchObject({ id, name: 'Fresh Noodles' });
  });

  it('asks the store again for a business it did not find', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(await menus.business(id)).toBeNull();
    await expect(menus.menu(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await statementsOf(() => menus.business(id))).toBe(1);
  });

  it('reads the store while events cannot cross, and keeps nothing it read before', async () => {
    await setSoup(8, 30);
    await soup();
    await setSoup(9, 20);
    const ran = reader.hold();
    const racing = soup();
    await ran;
    health = 'down';
    lost.forEach((listener) => listener());
    reader.release();
    await racing;
    // A change made elsewhere now would never be heard of: nothing may be served from memory.
    await db.query('UPDATE menu_items SET price = 9.5 WHERE id = $1', [soupId]);
    expect(await statementsOf(soup)).toBe(1);
    expect(await soup()).toMatchObject({ price: 9.5 });
    await db.query('UPDATE menu_items SET price = 9.75 WHERE id = $1', [soupId]);
    expect(await soup()).toMatchObject({ price: 9.75 });
    health = 'up';
    expect(await statementsOf(soup)).toBe(1);
    expect(await statementsOf(soup)).toBe(0);
  });

  it('drops everything it keeps when another process reports events it could not send', async () => {
    await soup();
    await db.query('UPDATE menu_items SET price = 10.5 WHERE id = $1', [soupId]);
    lost.forEach((listener) => listener());
    expect(await soup()).toMatchObject({ price: 10.5 });
  });
});

describe('the freshness of answers kept elsewhere', () => {
  const setUp = async (capacity?: number) => {
    const bus = createBus(undefined);
    let lost = () => undefined as void;
    const reads = createPublicReads(
      { pubsub: bus.pubsub, health: () => 'off', onEventsLost: (listener) => (lost = listener) },
      { clock: { now: () => 0 }, ...(capacity ? { capacity } : {}) },
    );
    // Listening starts once the bus has the topics.
    await Promise.resolve();
    const menuUpdated = (businessId: string) =>
      bus.pubsub.publish('menuUpdated', businessId, {} as MenuItemView);
    return {
      freshness: reads.freshness,
      menuUpdated,
      publish: bus.pubsub.publish,
      lost: () => lost(),
    };
  };

  it('holds until one of the businesses read changes, or any for a read of every business', async () => {
    const { freshness, menuUpdated, publish } = await setUp();
    expect(freshness.serving()).toBe(true);
    const one = freshness.stamp(['b1']);
    const other = freshness.stamp(['b2']);
    const all = freshness.stamp(null);
    expect([one, other, all].map((s) => freshness.isCurrent(s))).toEqual([true, true, true]);
    menuUpdated('b1');
    expect([one, other, all].map((s) => freshness.isCurrent(s))).toEqual([false, true, false]);
    const again = freshness.stamp(['b1', 'b2']);
    publish('businessUpdated', 'b2', 'ordering');
    expect([again, other].map((s) => freshness.isCurrent(s))).toEqual([false, false]);
  });

  it('holds nothing stamped before events were lost', async () => {
    const { freshness, lost } = await setUp();
    const before = freshness.stamp(['b1']);
    lost();
    expect(freshness.isCurrent(before)).toBe(false);
    expect(freshness.isCurrent(freshness.stamp(['b1']))).toBe(true);
  });

  it('remembers the latest changes only, and then holds no stamp older than those it forgot', async () => {
    const { freshness, menuUpdated } = await setUp(2);
    const early = freshness.stamp(['quiet']);
    for (const id of ['b1', 'b2', 'b3']) menuUpdated(id);
    expect(freshness.isCurrent(early)).toBe(false);
    const late = freshness.stamp(['quiet', 'b1']);
    menuUpdated('b4');
    expect(freshness.isCurrent(late)).toBe(true);
  });
});
