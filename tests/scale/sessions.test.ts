// WebSocket sessions: expiry closes with 4401, a reconnect starts from the current state,
// a rolled-back change publishes nothing, and SIGTERM drains and says 1001.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { spawnOrderly } from '../helpers/processes.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

/** Opens a raw graphql-transport-ws socket and resolves with its close code. */
function rawSession(url: string, token: string) {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const acked = new Promise<void>((resolve, reject) => {
    socket.once('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      ),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve();
    });
    void closed.then((code) => reject(new Error(`closed with ${code}`)));
  });
  return { socket, closed, acked };
}

describe('WebSocket sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ jwtTtlSeconds: 2 });
  });
  afterAll(() => server?.stop());

  it('closes the socket with 4401 when its token expires', async () => {
    const { token } = await loginUser(server.url, 'alice', 'alice-pass');
    const session = rawSession(server.url, token);
    await session.acked;
    const started = Date.now();
    expect(await session.closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(3_000);
    // An expired token cannot open a new session either.
    const again = rawSession(server.url, token);
    await expect(again.acked).rejects.toThrow('closed with 4401');
  });

  it('refuses a forged token at connect with 4401', async () => {
    const { token } = await loginUser(server.url, 'bob', 'bob-pass');
    const forged = token.slice(0, token.lastIndexOf('.') + 1) + 'A'.repeat(43);
    const session = rawSession(server.url, forged);
    await expect(session.acked).rejects.toThrow('closed with 4401');
  });
});

describe('reconnects and rollbacks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('gives a reconnecting subscriber the current state first, so nothing is missed', async () => {
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const itemId = (await demoIds(server.url))['Pizza Palace']!.menu[1]!.id;
    const placed = await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: itemId, quantity: 1 },
    });
    const query = 'subscription($id: ID) { orderUpdated(id: $id) { id state } }';

    const first = wsClient(server.url, alice.token);
    const before = record(first, query, { id: placed.body.o_id });
    await before.until((v) => v.length === 1);
    expect(before.values[0].state).toBe('PENDING');
    await first.dispose();

    // The change happens while the customer is offline.
    await gqlOk(
      server.url,
      'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
      { id: placed.body.o_id },
      pizza.token,
    );

    const second = wsClient(server.url, alice.token);
    const after = record(second, query, { id: placed.body.o_id });
    await after.until((v) => v.length >= 1);
    expect(['ACCEPTED', 'PROCESSING']).toContain(after.values[0].state);
    await second.dispose();
  });

  it('publishes nothing for a change that was rolled back', async () => {
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const item = (await demoIds(server.url))['Pizza Palace']!.menu[0]!;
    const client = wsClient(server.url);
    const live = await settledSubscriptions(server.url);
    const stock = record(
      client,
      'subscription($b: ID!) { menuUpdated(businessId: $b) { id name inStore } }',
      { b: pizza.e_id },
    );
    await untilSubscribed(server.url, live + 1);

    const refused = await rest(server.url, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: {
        items: [
          { m_id: item.id, m_name: 'Never saved', m_img_url: '', m_price: 1, m_instore: 7 },
          {
            m_id: '00000000-0000-4000-8000-000000000000',
            m_name: 'Ghost',
            m_img_url: '',
            m_price: 1,
            m_instore: 1,
          },
        ],
      },
    });
    expect(refused.status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(stock.values).toEqual([]);

    await rest(server.url, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: {
        items: [
          { m_id: item.id, m_name: item.name, m_img_url: '', m_price: item.price, m_instore: 33 },
        ],
      },
    });
    const seen = await stock.until((v) => v.length === 1);
    expect(seen[0]).toMatchObject({ id: item.id, name: item.name, inStore: 33 });
    await client.dispose();
  });
});

describe('graceful shutdown', () => {
  it(
    'on SIGTERM answers what is in flight, closes sockets with 1001, and exits 0',
    { timeout: 90_000 },
    async () => {
      const child = await spawnOrderly('api', {
        DATABASE_URL: 'memory://',
        LOGIN_MAX_FAILURES: '1000',
      });
      const { token } = await loginUser(child.url!, 'alice', 'alice-pass');
      const session = rawSession(child.url!, token);
      await session.acked;
      const exit = new Promise<number | null>((resolve) =>
        child.proc.once('exit', (code) => resolve(code)),
      );
      // Logins take a while (argon2, four at a time): most of these are still running when the signal arrives.
      const inFlight = Array.from({ length: 8 }, () =>
        rest(child.url!, 'POST', '/user_login', {
          body: { u_name: 'bob', u_password: 'bob-pass' },
        }),
      );
      await new Promise((r) => setTimeout(r, 250));
      child.proc.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(await session.closed).toBe(1001);
      expect(await exit).toBe(0);
      await expect(fetch(`${child.url}/healthz`)).rejects.toThrow();
    },
  );
});
