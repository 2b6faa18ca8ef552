// The lifecycle table and its one writer, on a real (in-memory) PGlite: every edge, every refused
// edge, every actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STATES, type Actor, type OrderState, type Viewer } from '../domain/types.js';
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors.js';
import { createBus } from '../pubsub.js';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { hashPassword } from './passwords.js';
import * as accounts from '../store/accounts.store.js';
import { MenusService } from './menus.service.js';
import { OrdersService } from './orders.service.js';
import {
  EDGES,
  MOVES,
  isFinal,
  nextActions,
  performMove,
  refusal,
  type Move,
} from './order-lifecycle.js';

const ACTORS: Actor[] = ['user', 'business', 'kitchen', 'system'];
const PATH: Record<OrderState, Move[]> = {
  pending: [],
  accepted: ['accept'],
  processing: ['accept', 'start'],
  completed: ['accept', 'start', 'complete'],
  cancelled: ['cancel'],
  rejected: ['reject'],
};

describe('the lifecycle table', () => {
  it('offers customers Cancel on pending orders only, and businesses Accept/Reject on pending and Complete on processing', () => {
    const offered = (role: 'user' | 'business') =>
      Object.fromEntries(ORDER_STATES.map((state) => [state, nextActions(state, role)]));
    expect(offered('user')).toEqual({
      pending: ['cancel'],
      accepted: [],
      processing: [],
      completed: [],
      cancelled: [],
      rejected: [],
    });
    expect(offered('business')).toEqual({
      pending: ['accept', 'reject'],
      accepted: [],
      processing: ['complete'],
      completed: [],
      cancelled: [],
      rejected: [],
    });
    for (const state of ORDER_STATES) expect(nextActions(state, null)).toEqual([]);
  });

  it('has exactly completed, cancelled and rejected as final states', () => {
    expect(ORDER_STATES.filter(isFinal)).toEqual(['completed', 'cancelled', 'rejected']);
  });

  it('gives stock back exactly on reject and cancel, and lets the system reject', () => {
    expect(MOVES.filter((m) => EDGES[m].restock)).toEqual(['reject', 'cancel']);
    expect(MOVES.filter((m) => (EDGES[m].actors as readonly Actor[]).includes('system'))).toEqual([
      'reject',
    ]);
  });
});

describe('performMove on PGlite', () => {
  let db: Db;
  let orders: OrdersService;
  let customer: Viewer;
  let business: Viewer;
  let other: Viewer;
  let itemId: string;
  const now = Date.parse('2026-12-01T12:00:00.000Z');
  const at = new Date(now).toISOString();

  beforeAll(async () => {
    db = await openDb({ url: 'memory://', dataDir: '' });
    await migrate(db);
    const hash = await hashPassword('lifecycle-pass');
    const account = async (role: Viewer['role'], name: string): Promise<Viewer> => ({
      role,
      name,
      id: (await accounts.insertAccount(db, role, name, hash))!,
    });
    customer = await account('user', 'carol');
    other = await account('user', 'dave');
    business = await account('business', 'Lifecycle Diner');
    const { pubsub } = createBus(undefined);
    const clock = { now: () => now };
    const menus = new MenusService({ db, pubsub, clock });
    const [soup] = await menus.setMenuAndInstore(business, [
      { name: 'Soup', imageUrl: '', price: 4.5, inStore: 100_000 },
    ]);
    itemId = soup!.id;
    orders = new OrdersService({
      db,
      pubsub,
      clock,
      kitchen: { capacity: 2, prepMs: 1000 },
      maxOpenOrders: 1000,
    });
  });
  afterAll(() => db?.close());

  const stock = async () =>
    (
      await db.query<{ in_store: number }>('SELECT in_store FROM menu_items WHERE id = $1', [
        itemId,
      ])
    )[0]!.in_store;

  /** A fresh order of 3, moved along `PATH[state]` to `state`. */
  async function orderIn(state: OrderState): Promise<string> {
    const { id } = await orders.placeOrder(customer, { menuItemId: itemId, quantity: 3 });
    for (const move of PATH[state]) {
      const actor = EDGES[move].actors[0];
      await db.transaction((tx) =>
        performMove(tx, move, {
          ids: [id],
          actor,
          actorId: null,
          at,
          dueAt: new Date(now + 1000).toISOString(),
        }),
      );
    }
    return id;
  }

  const history = (id: string) =>
    db.query<{ from_state: string | null; to_state: string; actor: string; reason: string | null }>(
      'SELECT from_state, to_state, actor, reason FROM order_events WHERE order_id = $1 ORDER BY id',
      [id],
    );

  for (const move of MOVES.filter((m) => m !== 'place')) {
    const edge = EDGES[move];
    for (const actor of edge.actors) {
      it(`${move}: ${actor} moves a ${edge.from} order to ${edge.to}, stamps it and writes one history row`, async () => {
        const id = await orderIn(edge.from);
        const before = await stock();
        const moved = await db.transaction((tx) =>
          performMove(tx, move, {
            ids: [id],
            actor,
            actorId: null,
            reason: 'because',
            at,
            dueAt: new Date(now + 1000).toISOString(),
          }),
        );
        expect(moved.map((o) => o.id)).toEqual([id]);
        const [row] = await db.query<Record<string, unknown>>(
          'SELECT state, accepted_at, accept_seq, started_at, due_at, finished_at FROM orders WHERE id = $1',
          [id],
        );
        expect(row!.state).toBe(edge.to);
        const stamped = (column: string) => row![column] !== null;
        if ((edge.stamps as readonly string[]).includes('accepted')) {
          expect(stamped('accepted_at') && stamped('accept_seq')).toBe(true);
        }
        if ((edge.stamps as readonly string[]).includes('started')) {
          expect(new Date(row!.due_at as string).getTime()).toBe(now + 1000);
        }
        if ((edge.stamps as readonly string[]).includes('finished')) {
          expect(stamped('finished_at')).toBe(true);
        }
        expect(await stock()).toBe(before + (edge.restock ? 3 : 0));
        expect((await history(id)).at(-1)).toEqual({
          from_state: edge.from,
          to_state: edge.to,
          actor,
          reason: 'because',
        });
      });
    }

    for (const actor of ACTORS.filter((a) => !(edge.actors as readonly Actor[]).includes(a))) {
      it(`${move}: refuses ${actor} with FORBIDDEN and changes nothing`, async () => {
        const id = await orderIn(edge.from);
        const rows = (await history(id)).length;
        await expect(
          db.transaction((tx) => performMove(tx, move, { ids: [id], actor, actorId: null, at })),
        ).rejects.toBeInstanceOf(ForbiddenError);
        expect(await history(id)).toHaveLength(rows);
      });
    }

    for (const state of ORDER_STATES.filter((s) => s !== edge.from)) {
      it(`${move}: leaves a ${state} order alone and explains it as INVALID_STATE`, async () => {
        const id = await orderIn(state);
        const before = await stock();
        const rows = (await history(id)).length;
        const moved = await db.transaction((tx) =>
          performMove(tx, move, {
            ids: [id],
            actor: edge.actors[0],
            actorId: null,
            at,
            dueAt: at,
          }),
        );
        expect(moved).toEqual([]);
        expect(await stock()).toBe(before);
        expect(await history(id)).toHaveLength(rows);
        const owner = { column: 'user_id', id: customer.id } as const;
        const error = await refusal(db, move, id, owner);
        expect(error).toBeInstanceOf(InvalidStateError);
        expect(error.message).toBe(
          `The order is ${state}; only ${edge.from} orders can be ${edge.verb}`,
        );
      });
    }
  }

  it("moves nobody else's order, and calls that NOT_FOUND", async () => {
    const id = await orderIn('pending');
    const owner = { column: 'user_id', id: other.id } as const;
    const moved = await db.transaction((tx) =>
      performMove(tx, 'cancel', { ids: [id], owner, actor: 'user', actorId: other.id, at }),
    );
    expect(moved).toEqual([]);
    expect(await refusal(db, 'cancel', id, owner)).toBeInstanceOf(NotFoundError);
  });

  it('refuses a business cancelling and a customer accepting in the service itself, before the database', async () => {
    const id = await orderIn('pending');
    await expect(orders.cancelOrder(business, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(orders.acceptOrder(customer, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(orders.completeOrder(customer, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await orders.getOrder(customer, id))?.state).toBe('pending');
  });

  it("stores the customer's cancel reason on the transition and shows it in the order's history", async () => {
    const id = await orderIn('pending');
    await orders.cancelOrder(customer, id, 'Ordered twice by mistake');
    expect((await orders.histories([id])).at(-1)).toMatchObject({
      from: 'pending',
      to: 'cancelled',
      actor: 'user',
      reason: 'Ordered twice by mistake',
    });
  });

  it('refuses a reason over 200 characters or with control characters, and moves nothing', async () => {
    const id = await orderIn('pending');
    await expect(orders.rejectOrder(business, id, 'x'.repeat(201))).rejects.toThrow(/at most 200/);
    await expect(orders.rejectOrder(business, id, 'no\u0007')).rejects.toThrow(/control/);
    expect((await orders.getOrder(customer, id))?.state).toBe('pending');
  });
});
