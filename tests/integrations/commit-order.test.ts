// Event cursors follow commit order on PostgreSQL: an event whose transaction commits after a later
// id's is not skipped by a reader that already moved past the later one.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventCursor } from '../../api/domain/cursor.js';
import { performMove } from '../../api/services/order-lifecycle.js';
import * as store from '../../api/store/orders.store.js';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { postgresTarget } from '../helpers/stores.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

const target = postgresTarget();
const EVENTS = `subscription($after: String) {
  orderEvents(after: $after) { cursor to order { id } }
}`;

describe.skipIf(!target.databaseUrl)('commit-ordered event cursors on postgres', () => {
  let server: TestServer;
  let base: string;
  let held: pg.Client;
  let pizza: { token: string; e_id: string };
  let alice: { token: string };
  let bob: { token: string };
  const items: string[] = [];

  beforeAll(async () => {
    // No kitchen: the test makes the kitchen's move itself, in a transaction it holds.
    server = await startServer({ databaseUrl: target.databaseUrl, kitchen: 'off' });
    base = server.url;
    alice = await loginUser(base, 'alice', 'alice-pass');
    bob = await loginUser(base, 'bob', 'bob-pass');
    pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    const saved = await rest(base, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: {
        items: [
          { m_name: 'Held pie', m_img_url: '', m_price: 5, m_instore: 50 },
          { m_name: 'Quick pie', m_img_url: '', m_price: 5, m_instore: 50 },
        ],
      },
    });
    items.push(...saved.body.items.map((i: { m_id: string }) => i.m_id));
    const url = new URL(target.databaseUrl!);
    const schema = url.searchParams.get('schema')!;
    url.searchParams.delete('schema');
    held = new pg.Client({ connectionString: url.toString(), options: `-c search_path=${schema}` });
    await held.connect();
  });
  afterAll(async () => {
    await held?.end();
    await server?.stop();
    await target.cleanup();
  });

  const place = async (token: string, itemId: string) =>
    (await rest(base, 'POST', '/order', { token, body: { m_id: itemId, quantity: 1 } })).body
      .o_id as string;

  it('holds back a later commit until the earlier transaction ends, and resumes without a gap', async () => {
    const slow = await place(alice.token, items[0]!);
    const quick = await place(bob.token, items[1]!);
    const client = wsClient(base, pizza.token);
    const settled = await settledSubscriptions(base);
    const watch = record<{ cursor: string; to: string; order: { id: string } }>(client, EVENTS, {
      after: null,
    });
    await untilSubscribed(base, settled + 1);
    // A marker the stream hands out first shows where it stands before the race.
    const marker = await place(alice.token, items[1]!);
    const before = await watch.until((v) => v.some((e) => e.order.id === marker));
    const resumeFrom = before.at(-1)!.cursor;

    // Transaction A moves `slow` and stays open: its event takes the lower id.
    const tx = {
      query: async (sql: string, p?: readonly unknown[]) =>
        (await held.query(sql, p as unknown[])).rows,
    };
    await held.query('BEGIN');
    const [moved] = await performMove(tx, 'reject', {
      ids: [slow],
      actor: 'business',
      actorId: pizza.e_id,
      reason: 'held open',
      requestId: null,
      at: new Date().toISOString(),
    });
    expect(moved).toBeDefined();
    // Transaction B (the API) commits a higher id first.
    await gqlOk(
      base,
      'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
      { id: quick },
      pizza.token,
    );
    const owner = { column: 'business_id', id: pizza.e_id } as const;
    const horizonNow = await store.eventsAfter(server.app.db, owner, { xid: '0', id: '0' }, 10_000);
    const quickEvent = (await store.selectHistories(server.app.db, [quick])).at(-1)!;
    expect(BigInt(decodeEventCursor(quickEvent.cursor)!.id)).toBeGreaterThan(
      BigInt(moved!.event_id),
    );
    // The later commit is visible, but a reader is not handed it while A may still commit before it.
    expect(horizonNow.heldBack).toBe(true);
    expect(
      horizonNow.events.some((e) => e.event.orderId === quick && e.event.to === 'rejected'),
    ).toBe(false);
    await client.dispose();

    await held.query('COMMIT');
    // The client comes back with the last cursor it saw: both rejections, A's first.
    const again = wsClient(base, pizza.token);
    try {
      const back = record<{ cursor: string; to: string; order: { id: string } }>(again, EVENTS, {
        after: resumeFrom,
      });
      const seen = await back.until((v) => v.some((e) => e.order.id === quick), 20_000);
      expect(seen.map((e) => [e.order.id, e.to])).toEqual([
        [slow, 'REJECTED'],
        [quick, 'REJECTED'],
      ]);
      expect(new Set(seen.map((e) => e.cursor)).size).toBe(seen.length);
    } finally {
      await again.dispose();
    }
  });

  it('still accepts a first-version cursor (the event id alone)', async () => {
    const id = await place(alice.token, items[1]!);
    const events = await store.eventsAfter(
      server.app.db,
      { column: 'business_id', id: pizza.e_id },
      { xid: '0', id: '0' },
      10_000,
    );
    const mine = events.events.find((e) => e.event.orderId === id)!;
    expect(mine).toBeDefined();
    const legacy = Buffer.from(`e1:${mine.position.id}`, 'utf8').toString('base64url');
    const later = await place(bob.token, items[1]!);
    const client = wsClient(base, pizza.token);
    try {
      const back = record<{ to: string; order: { id: string } }>(client, EVENTS, { after: legacy });
      const seen = await back.until((v) => v.some((e) => e.order.id === later), 20_000);
      expect(seen.map((e) => e.order.id)).toEqual([later]);
    } finally {
      await client.dispose();
    }
  });

  it("keeps an order's events in order when the later move's transaction took its id first", async () => {
    const id = await place(alice.token, items[0]!);
    const before = (await store.selectHistories(server.app.db, [id])).at(-1)!.cursor;
    // The kitchen's transaction starts (and takes its transaction id) before the accept commits…
    const tx = {
      query: async (sql: string, p?: readonly unknown[]) =>
        (await held.query(sql, p as unknown[])).rows,
    };
    await held.query('BEGIN');
    await held.query('SELECT pg_current_xact_id()');
    await gqlOk(base, 'mutation($id: ID!) { acceptOrder(id: $id) { id } }', { id }, pizza.token);
    // …and starts the order the accept let through.
    const [started] = await performMove(tx, 'start', {
      ids: [id],
      actor: 'kitchen',
      actorId: null,
      reason: null,
      requestId: null,
      at: new Date().toISOString(),
      dueAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(started).toBeDefined();
    await held.query('COMMIT');
    const client = wsClient(base, pizza.token);
    try {
      const stream = record<{ to: string; order: { id: string } }>(client, EVENTS, {
        after: before,
      });
      const seen = await stream.until((v) => v.some((e) => e.to === 'PROCESSING'), 20_000);
      expect(seen.filter((e) => e.order.id === id).map((e) => e.to)).toEqual([
        'ACCEPTED',
        'PROCESSING',
      ]);
    } finally {
      await client.dispose();
    }
  });
});
