// Subscriptions are executed once per event and audience: every subscriber of one business gets
// the same answer, a user sees only their own, and subscribing and leaving leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

const BOARD = 'subscription { orderUpdated { id state quantity customer { name } } }';

async function activeSubscriptions(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^orderly_active_subscriptions (\d+)/m.exec(text)?.[1]);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('subscription fan-out', () => {
  let server: TestServer;
  const clients: Client[] = [];
  const client = (token?: string) => {
    const c = wsClient(server.url, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await server?.stop();
  });

  it('sends every subscriber of a business the same answer, and customers only their own', async () => {
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const sushi = await loginBusiness(server.url, 'Sushi Bar', 'sushi-pass');
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    const bob = await loginUser(server.url, 'bob', 'bob-pass');
    const board = Array.from({ length: 12 }, () => record(client(pizza.token), BOARD));
    const otherBusiness = record(client(sushi.token), BOARD);
    const aliceSees = record(client(alice.token), BOARD);
    const bobSees = record(client(bob.token), BOARD);
    await eventually(async () => (await activeSubscriptions(server.url)) === 15);

    const itemId = (await demoIds(server.url))['Pizza Palace']!.menu[0]!.id;
    const placed = await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: itemId, quantity: 2 },
    });
    expect(placed.status).toBe(201);

    for (const r of board) await r.until((v) => v.length === 1);
    expect(board[0]!.values[0]).toEqual({
      id: placed.body.o_id,
      state: 'PENDING',
      quantity: 2,
      customer: { name: 'alice' },
    });
    for (const r of board) expect(r.values).toEqual(board[0]!.values);
    await aliceSees.until((v) => v.length === 1);
    expect(aliceSees.values[0]).toEqual(board[0]!.values[0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(otherBusiness.values).toEqual([]);
    expect(bobSees.values).toEqual([]);
  });

  it('keeps no subscription behind after many subscribe/complete pairs', async () => {
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const before = await activeSubscriptions(server.url);
    const churner = client(pizza.token);
    for (let round = 0; round < 10; round++) {
      const started = Array.from({ length: 20 }, () => record(churner, BOARD));
      await eventually(async () => (await activeSubscriptions(server.url)) === before + 20);
      for (const r of started) r.stop();
      await eventually(async () => (await activeSubscriptions(server.url)) === before);
    }
    // Those who stayed still hear the next event.
    const live = record(churner, BOARD);
    await eventually(async () => (await activeSubscriptions(server.url)) === before + 1);
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    const itemId = (await demoIds(server.url))['Pizza Palace']!.menu[1]!.id;
    await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: itemId, quantity: 1 },
    });
    await live.until((v) => v.length === 1);
  });
});
