// The kitchen in one process: capacity, order, the estimate's accuracy, and early completion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { cookingSpans, maxConcurrent } from '../helpers/kitchen-events.js';
import { startServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const PREP_MS = 250;

async function setup(prepMs: number) {
  const server = await startServer({ kitchenPrepMs: prepMs });
  const base = server.url;
  const user = await loginUser(base, 'alice', 'alice-pass');
  const business = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
  const item = await rest(base, 'POST', '/set-menu-and-instore', {
    token: business.token,
    body: { items: [{ m_name: 'Test pie', m_img_url: '', m_price: 7, m_instore: 500 }] },
  });
  const itemId: string = item.body.items[0].m_id;
  const place = async () =>
    (await rest(base, 'POST', '/order', { token: user.token, body: { m_id: itemId, quantity: 1 } }))
      .body.o_id as string;
  const accept = async (id: string) =>
    (
      await gqlOk(
        base,
        `mutation($id: ID!) { acceptOrder(id: $id) { id state estimatedReadyAt queuePosition } }`,
        { id },
        business.token,
      )
    ).acceptOrder as { id: string; estimatedReadyAt: string; queuePosition: number };
  return { server, base, user, business, place, accept };
}

describe('kitchen: five orders, two slots', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  let board: Client;
  beforeAll(async () => {
    ctx = await setup(PREP_MS);
    board = wsClient(ctx.base, ctx.business.token);
  });
  afterAll(async () => {
    await board?.dispose();
    await ctx?.server.stop();
  });

  it('never cooks more than two at once, starts in acceptance order, finishes in about three prep times', async () => {
    const live = record(board, `subscription { orderUpdated { id state } }`);
    await new Promise((r) => setTimeout(r, 100));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await ctx.place());
    const acceptedAt = Date.now();
    for (const id of ids) await ctx.accept(id);

    // Live view: replay the stream and track what is in the oven after each event.
    await live.until(
      (v) => ids.every((id) => v.some((o) => o.id === id && o.state === 'COMPLETED')),
      5_000,
    );
    const finishedAt = Date.now();
    const oven = new Set<string>();
    let liveMax = 0;
    for (const o of live.values) {
      if (o.state === 'PROCESSING') oven.add(o.id);
      else oven.delete(o.id);
      liveMax = Math.max(liveMax, oven.size);
    }
    expect(liveMax).toBe(2);

    const spans = await cookingSpans(ctx.server.app.db, ctx.business.e_id);
    expect(spans.map((s) => s.orderId)).toEqual(ids);
    expect(maxConcurrent(spans)).toBe(2);
    for (const s of spans) {
      expect(s.processingEvents).toBe(1);
      expect(s.completedEvents).toBe(1);
      expect(s.completed! - s.started).toBeGreaterThanOrEqual(PREP_MS);
    }
    const total = spans.at(-1)!.completed! - spans[0]!.started;
    expect(total).toBeGreaterThanOrEqual(3 * PREP_MS);
    // Three rounds of two slots, with room for timer lag on a loaded machine (five rounds would be one each).
    expect(total).toBeLessThan(4.5 * PREP_MS);
    console.info(
      `kitchen: 5 orders, prep ${PREP_MS} ms, first start → last completion ${total} ms, max in oven 2`,
    );
    expect(finishedAt - acceptedAt).toBeLessThan(3 * PREP_MS + 1_500);
  });
});

describe('kitchen: estimates and early completion', () => {
  it('estimates at acceptance within a quarter of the prep time of the real completion', async () => {
    const prep = 800;
    const ctx = await setup(prep);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await ctx.place());
      const promised = new Map<string, number>();
      for (const id of ids) promised.set(id, Date.parse((await ctx.accept(id)).estimatedReadyAt));
      await waitFor(
        async () =>
          (await cookingSpans(ctx.server.app.db, ctx.business.e_id)).filter((s) => s.completed)
            .length === 5,
        5_000,
      );
      const spans = await cookingSpans(ctx.server.app.db, ctx.business.e_id);
      const errors = spans.map((s) => Math.abs(s.completed! - promised.get(s.orderId)!));
      expect(Math.max(...errors)).toBeLessThanOrEqual(prep / 4);
      console.info(
        `kitchen: estimate at acceptance vs completion, prep ${prep} ms, errors ${errors.join(', ')} ms`,
      );
    } finally {
      await ctx.server.stop();
    }
  });

  it('starts the next order within 50 ms of an early completion', async () => {
    const ctx = await setup(60_000);
    try {
      const ids = [await ctx.place(), await ctx.place(), await ctx.place()];
      for (const id of ids) await ctx.accept(id);
      await waitFor(
        async () => (await cookingSpans(ctx.server.app.db, ctx.business.e_id)).length === 2,
        3_000,
      );
      const third = await gqlOk(
        ctx.base,
        `query($id: ID!) { order(id: $id) { state queuePosition } }`,
        { id: ids[2] },
        ctx.user.token,
      );
      expect(third.order).toEqual({ state: 'ACCEPTED', queuePosition: 1 });

      const done = await gqlOk(
        ctx.base,
        `mutation($id: ID!) { completeOrder(id: $id) { state } }`,
        { id: ids[0] },
        ctx.business.token,
      );
      expect(done.completeOrder.state).toBe('COMPLETED');
      await waitFor(
        async () => (await cookingSpans(ctx.server.app.db, ctx.business.e_id)).length === 3,
        2_000,
      );
      const rows = await ctx.server.app.db.query<{ order_id: string; to_state: string; at: Date }>(
        `SELECT order_id, to_state, at FROM order_events WHERE order_id = ANY($1::uuid[]) ORDER BY id`,
        [ids],
      );
      const completedAt = rows
        .find((r) => r.order_id === ids[0] && r.to_state === 'completed')!
        .at.getTime();
      const nextStartedAt = rows
        .find((r) => r.order_id === ids[2] && r.to_state === 'processing')!
        .at.getTime();
      expect(nextStartedAt - completedAt).toBeGreaterThanOrEqual(0);
      expect(nextStartedAt - completedAt).toBeLessThan(50);
      console.info(
        `kitchen: next order started ${nextStartedAt - completedAt} ms after an early completion`,
      );
    } finally {
      await ctx.server.stop();
    }
  });
});
