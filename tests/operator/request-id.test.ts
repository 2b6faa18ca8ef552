// One request's id follows what it caused: its request line, the stored order event, the transition
// log lines, and the kitchen's moves of the order it accepted.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../api/logger.js';
import { loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

describe('request ids in logs', () => {
  const lines: Record<string, unknown>[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const logger = createLogger('info', {
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    server = await startServer({ logger, kitchenPrepMs: 150 });
  });
  afterAll(() => server?.stop());

  /** Alice orders a pizza (with these headers); Pizza Palace will handle it. */
  async function placeOrder(headers: Record<string, string>) {
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const itemId = (await demoIds(server.url))['Pizza Palace']!.menu[0]!.id;
    const placed = await rest(server.url, 'POST', '/order', {
      token: alice.token,
      headers,
      body: { m_id: itemId, quantity: 1 },
    });
    expect(placed.status).toBe(201);
    return { pizza, placed };
  }

  it('carries the id from the request line to the events and the kitchen', async () => {
    const base = server.url;
    const { pizza, placed } = await placeOrder({ 'x-request-id': 'place-7f3a' });
    expect(placed.headers.get('x-request-id')).toBe('place-7f3a');
    const orderId = placed.body.o_id;
    const accept = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${pizza.token}`,
        'x-request-id': 'accept-91c2',
      },
      body: JSON.stringify({
        query: 'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
        variables: { id: orderId },
      }),
    });
    expect(accept.status).toBe(200);
    const deadline = Date.now() + 5_000;
    while (
      !lines.some(
        (l) => l.msg === 'order transition' && l.orderId === orderId && l.to === 'completed',
      )
    ) {
      if (Date.now() > deadline) throw new Error('the order did not complete');
      await new Promise((r) => setTimeout(r, 25));
    }

    const of = (requestId: string) => lines.filter((l) => l.requestId === requestId);
    expect(of('place-7f3a').map((l) => l.msg)).toEqual(
      expect.arrayContaining(['request', 'order transition']),
    );
    expect(of('place-7f3a').find((l) => l.msg === 'request')).toMatchObject({
      path: '/order',
      status: 201,
    });
    const acceptLines = of('accept-91c2');
    expect(acceptLines.find((l) => l.msg === 'request')).toMatchObject({
      path: '/graphql',
      status: 200,
    });
    const transitions = acceptLines
      .filter((l) => l.msg === 'order transition')
      .map((l) => [l.to, l.actor]);
    expect(transitions).toEqual([
      ['accepted', 'business'],
      ['processing', 'kitchen'],
      ['completed', 'kitchen'],
    ]);
    const events = await server.app.db.query<{ to_state: string; request_id: string | null }>(
      'SELECT to_state, request_id FROM order_events WHERE order_id = $1 ORDER BY id',
      [orderId],
    );
    expect(events).toEqual([
      { to_state: 'pending', request_id: 'place-7f3a' },
      { to_state: 'accepted', request_id: 'accept-91c2' },
      { to_state: 'processing', request_id: null },
      { to_state: 'completed', request_id: null },
    ]);
  });

  it("carries a WebSocket connection's id to what its operations cause", async () => {
    const base = server.url;
    const { pizza, placed } = await placeOrder({});
    const orderId = placed.body.o_id as string;

    // A board on a WebSocket whose upgrade request carried an id accepts the order over it.
    class WithRequestId extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-request-id': 'board-ws-44e1' } });
      }
    }
    const client = createClient({
      url: base.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WithRequestId,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${pizza.token}` },
    });
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        {
          query: 'mutation($id: ID!) { acceptOrder(id: $id) { id state } }',
          variables: { id: orderId },
        },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    expect(result).toEqual({ data: { acceptOrder: { id: orderId, state: 'ACCEPTED' } } });
    await client.dispose();
    const deadline = Date.now() + 5_000;
    while (!lines.some((l) => l.msg === 'websocket closed' && l.requestId === 'board-ws-44e1')) {
      if (Date.now() > deadline) throw new Error('no websocket closed line');
      await new Promise((r) => setTimeout(r, 25));
    }

    const of = lines.filter((l) => l.requestId === 'board-ws-44e1');
    // Opened first; the acceptance (and the kitchen's moves that follow it) carry the same id.
    expect(of[0]).toMatchObject({ msg: 'websocket opened', path: '/graphql' });
    expect(of.find((l) => l.msg === 'order transition')).toMatchObject({
      orderId,
      from: 'pending',
      to: 'accepted',
      actor: 'business',
    });
    expect(of.find((l) => l.msg === 'websocket closed')).toMatchObject({
      role: 'business',
      code: 1000,
    });
    const [accepted] = await server.app.db.query<{ request_id: string | null }>(
      `SELECT request_id FROM order_events WHERE order_id = $1 AND to_state = 'accepted'`,
      [orderId],
    );
    expect(accepted?.request_id).toBe('board-ws-44e1');
  });
});
