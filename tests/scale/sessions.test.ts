// WebSocket sessions: expiry closes with 4401 unless a fresh token arrives over the socket (a ping
// carrying it), a reconnect starts from the current state,
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
  let reason = '';
  const closed = new Promise<number>((resolve) =>
    socket.once('close', (code, why) => {
      reason = String(why);
      resolve(code);
    }),
  );
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
  return { socket, closed, acked, reason: () => reason };
}

type RawSession = ReturnType<typeof rawSession>;

/** The next message of `type` (and matching `test`) on a raw session. */
function nextMessage(
  session: RawSession,
  type: string,
  test: (message: { id?: string; payload?: any }) => boolean = () => true,
) {
  return new Promise<{ id?: string; payload?: any }>((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.type !== type || !test(message)) return;
      session.socket.off('message', onMessage);
      resolve(message);
    };
    session.socket.on('message', onMessage);
    void session.closed.then((code) =>
      reject(new Error(`closed with ${code} (${session.reason()})`)),
    );
  });
}

/** Sends a fresh access token over the open socket and waits for the server's pong. */
async function sendFreshToken(session: RawSession, token: string) {
  const pong = nextMessage(session, 'pong');
  session.socket.send(
    JSON.stringify({ type: 'ping', payload: { authorization: `Bearer ${token}` } }),
  );
  return pong;
}

function until(epochMs: number) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
}

const REFRESH = `mutation ($r: String!) { refreshSession(refreshToken: $r) { token refreshToken expiresAt } }`;

describe('WebSocket sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ jwtTtlSeconds: 2 });
  });
  afterAll(() => server?.stop());

  it('closes the socket with 4401 when its token expires', async () => {
    // `exp` is in whole seconds: log in at the start of one so the token has its full 2 s.
    await until(Math.ceil(Date.now() / 1000) * 1000);
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

  it('keeps a socket and its subscriptions open past expiry when a fresh token comes over it', async () => {
    const pizza = await rest(server.url, 'POST', '/business_login', {
      body: { e_name: 'Pizza Palace', e_password: 'pizza-pass' },
    });
    const firstExpiry = Date.parse(pizza.body.expires_at);
    const itemId = (await demoIds(server.url))['Pizza Palace']!.menu[1]!.id;
    const session = rawSession(server.url, pizza.body.token);
    await session.acked;
    const live = await settledSubscriptions(server.url);
    session.socket.send(
      JSON.stringify({
        id: 'orders',
        type: 'subscribe',
        payload: { query: 'subscription { newOrder { id } }' },
      }),
    );
    await untilSubscribed(server.url, live + 1);

    // Expiry is in whole seconds: refresh within the first token's last second, so the new one
    // (and alice's) outlives it by at least a second.
    await until(firstExpiry - 900);
    const [refreshed, alice] = await Promise.all([
      gqlOk(server.url, REFRESH, { r: pizza.body.refresh_token }),
      loginUser(server.url, 'alice', 'alice-pass'),
    ]);
    expect(Date.parse(refreshed.refreshSession.expiresAt)).toBeGreaterThan(firstExpiry);
    expect(Date.now()).toBeLessThan(firstExpiry);
    await sendFreshToken(session, refreshed.refreshSession.token);

    await until(firstExpiry + 50);
    const event = nextMessage(session, 'next', (m) => m.id === 'orders');
    const placed = await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: itemId, quantity: 1 },
    });
    expect(placed.status).toBe(201);
    const received = await event;
    expect(received.payload.data.newOrder.id).toBe(placed.body.o_id);
    expect(Date.now()).toBeGreaterThan(firstExpiry);
    expect(session.socket.readyState).toBe(WebSocket.OPEN);
    session.socket.close(1000);
  });

  it("closes with 4403 when the fresh token is another account's", async () => {
    const [alice, bob] = await Promise.all([
      loginUser(server.url, 'alice', 'alice-pass'),
      loginUser(server.url, 'bob', 'bob-pass'),
    ]);
    const session = rawSession(server.url, alice.token);
    await session.acked;
    session.socket.send(
      JSON.stringify({ type: 'ping', payload: { authorization: `Bearer ${bob.token}` } }),
    );
    expect(await session.closed).toBe(4403);
  });

  it('closes with 4401 when the fresh token is forged or already expired', async () => {
    const { body: old } = await rest(server.url, 'POST', '/user_login', {
      body: { u_name: 'alice', u_password: 'alice-pass' },
    });
    const forged = old.token.slice(0, old.token.lastIndexOf('.') + 1) + 'A'.repeat(43);
    const first = rawSession(server.url, old.token);
    await first.acked;
    const started = Date.now();
    await expect(sendFreshToken(first, forged)).rejects.toThrow('closed with 4401');
    expect(first.reason()).toBe('Unauthorized: invalid or expired token');
    expect(Date.now() - started).toBeLessThan(1_000);

    await until(Date.parse(old.expires_at) + 50);
    const fresh = await loginUser(server.url, 'alice', 'alice-pass');
    const second = rawSession(server.url, fresh.token);
    await second.acked;
    await expect(sendFreshToken(second, old.token)).rejects.toThrow('closed with 4401');
    expect(second.reason()).toBe('Unauthorized: invalid or expired token');
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
