// What one client may hold over WebSocket is capped: sockets per address, operations per socket,
// and the unsent bytes of a socket that does not read; identical subscriptions share one execution.
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gqlOk, loginBusiness } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A bare graphql-transport-ws socket: every message it receives, and how it closed. */
class RawSocket {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      for (const waiter of this.waiters) waiter();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const waiter of this.waiters) waiter();
      }),
    );
    ws.on('error', () => undefined);
  }

  static open(base: string, headers: Record<string, string> = {}): Promise<RawSocket> {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', {
      headers,
      perMessageDeflate: false,
    });
    const socket = new RawSocket(ws);
    return new Promise((resolve, reject) => {
      // At once: the server closes a socket that has not sent it within a few seconds (4408).
      ws.once('open', () => {
        socket.send({ type: 'connection_init', payload: {} });
        resolve(socket);
      });
      ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
    });
  }

  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Whether the server acknowledged the socket's connection_init (false: it closed instead). */
  async acknowledged(): Promise<boolean> {
    await this.until(
      (ms) => ms.some((m) => m.type === 'connection_ack'),
      60_000,
      /* orClosed */ true,
    );
    return this.messages.some((m) => m.type === 'connection_ack');
  }

  until(predicate: (messages: Message[]) => boolean, timeoutMs = 60_000, orClosed = false) {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        const closed = this.ws.readyState === WebSocket.CLOSED;
        if (predicate(this.messages) || (orClosed && closed)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve();
        } else if (closed) {
          this.waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`closed after ${this.messages.length} messages`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${this.messages.length} messages`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}

const MENU_UPDATED =
  'subscription MenuUpdated($b: ID!) { menuUpdated(businessId: $b) { id inStore } }';

async function restock(server: TestServer, token: string, itemId: string, inStore: number) {
  await gqlOk(
    server.url,
    'mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
    { items: [{ id: itemId, name: 'Margherita', imageUrl: '', price: 9.5, inStore }] },
    token,
  );
}

/** Every socket the server still counts is gone (a test's own sockets, closed by the one before). */
async function noSocketsOpen(server: TestServer) {
  await expect
    .poll(async () => (await scrape(server.url)).get('orderly_websocket_connections'), {
      timeout: 30_000,
    })
    .toBe(0);
}

describe('WebSocket caps (defaults)', { timeout: 120_000 }, () => {
  let server: TestServer;
  let pizza: { token: string; e_id: string };
  let itemId: string;
  beforeAll(async () => {
    server = await startServer();
    pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    itemId = (await demoIds(server.url))['Pizza Palace']!.menu[0]!.id;
  });
  afterAll(() => server?.stop());

  let opened: RawSocket[] = [];
  afterEach(async () => {
    for (const s of opened) s.ws.terminate();
    opened = [];
    await noSocketsOpen(server);
  });

  it('refuses the 101st operation on one socket and beyond, and the 100 held share one execution per event', async () => {
    const socket = await RawSocket.open(server.url);
    opened.push(socket);
    expect(await socket.acknowledged()).toBe(true);
    const ATTEMPTS = 10_000;
    const CAP = server.app.config.webSocket.maxSubscriptionsPerConnection;
    expect(CAP).toBe(100);
    for (let i = 0; i < ATTEMPTS; i++) {
      socket.send({
        id: String(i),
        type: 'subscribe',
        payload: { query: MENU_UPDATED, variables: { b: pizza.e_id } },
      });
    }
    await socket.until((ms) => ms.filter((m) => m.type === 'error').length === ATTEMPTS - CAP);
    const errors = socket.messages.filter((m) => m.type === 'error');
    expect(errors.map((m) => Number(m.id))).toEqual(
      Array.from({ length: ATTEMPTS - CAP }, (_, i) => CAP + i),
    );
    expect((errors[0]!.payload as { extensions: { code: string } }[])[0]!.extensions.code).toBe(
      'RATE_LIMITED',
    );
    const before = await scrape(server.url);
    expect(before.get('orderly_active_subscriptions')).toBe(CAP);
    expect(
      before.get('orderly_websocket_refusals_total{reason="subscriptions_per_connection"}'),
    ).toBe(ATTEMPTS - CAP);
    const executions = (s: Map<string, number>) =>
      s.get(
        'orderly_graphql_operation_duration_seconds_count{type="subscription",operation="MenuUpdated"}',
      ) ?? 0;

    await restock(server, pizza.token, itemId, 77);
    await socket.until((ms) => ms.filter((m) => m.type === 'next').length === CAP);
    const nexts = socket.messages.filter((m) => m.type === 'next');
    expect(new Set(nexts.map((m) => m.id)).size).toBe(CAP);
    expect(nexts[0]!.payload).toEqual({ data: { menuUpdated: { id: itemId, inStore: 77 } } });
    // One execution through the server's envelop (so it is counted) for all 100 alike.
    expect(executions(await scrape(server.url)) - executions(before)).toBe(1);

    // Completing one gives its place to a new one.
    socket.send({ id: '0', type: 'complete' });
    socket.send({
      id: 'again',
      type: 'subscribe',
      payload: { query: MENU_UPDATED, variables: { b: pizza.e_id } },
    });
    await restock(server, pizza.token, itemId, 78);
    await socket.until((ms) => ms.some((m) => m.id === 'again' && m.type === 'next'));
    expect(socket.messages.filter((m) => m.id === 'again' && m.type === 'error')).toEqual([]);
  });

  it('holds 50 sockets from one address and closes the other 1,950 of 2,000 with 1013', async () => {
    const CAP = server.app.config.webSocket.maxConnectionsPerAddress;
    expect(CAP).toBe(50);
    const ATTEMPTS = 2_000;
    const sockets: RawSocket[] = [];
    // Opened in waves of 100, so that the attempt count, not the machine, is what is bounded.
    for (let start = 0; start < ATTEMPTS; start += 100) {
      sockets.push(
        ...(await Promise.all(Array.from({ length: 100 }, () => RawSocket.open(server.url)))),
      );
    }
    opened.push(...sockets);
    const acknowledged = await Promise.all(sockets.map((s) => s.acknowledged()));
    expect(acknowledged.filter(Boolean)).toHaveLength(CAP);
    const refused = sockets.filter((_, i) => !acknowledged[i]);
    const codes = await Promise.all(refused.map((s) => s.closed.then((c) => c.code)));
    expect(new Set(codes)).toEqual(new Set([1013]));
    const samples = await scrape(server.url);
    expect(samples.get('orderly_websocket_connections')).toBe(CAP);
    expect(samples.get('orderly_websocket_refusals_total{reason="connections_per_address"}')).toBe(
      ATTEMPTS - CAP,
    );

    // A socket closed gives the address its place back.
    const held = sockets.filter((_, i) => acknowledged[i]);
    held[0]!.ws.close();
    await held[0]!.closed;
    await expect
      .poll(async () => (await scrape(server.url)).get('orderly_websocket_connections'), {
        timeout: 30_000,
      })
      .toBe(CAP - 1);
    const next = await RawSocket.open(server.url);
    opened.push(next);
    expect(await next.acknowledged()).toBe(true);
  });
});

describe('WebSocket caps behind a proxy', { timeout: 120_000 }, () => {
  let trusting: TestServer;
  let direct: TestServer;
  const limits = {
    maxConnectionsPerAddress: 2,
    maxSubscriptionsPerConnection: 5,
    maxBufferedBytes: 1 << 20,
  };
  beforeAll(async () => {
    [trusting, direct] = await Promise.all([
      startServer({ trustProxy: true, webSocket: limits }),
      startServer({ trustProxy: false, webSocket: limits }),
    ]);
  }, 120_000);
  afterAll(() => Promise.all([trusting?.stop(), direct?.stop()]));

  const acknowledgedOf = async (server: TestServer, forwardedFor: string[]) => {
    const sockets = await Promise.all(
      forwardedFor.map((a) => RawSocket.open(server.url, { 'x-forwarded-for': a })),
    );
    const acks = await Promise.all(sockets.map((s) => s.acknowledged()));
    for (const s of sockets) s.ws.close();
    await Promise.all(sockets.map((s) => s.closed));
    return acks.filter(Boolean).length;
  };

  it('counts per forwarded address with TRUST_PROXY, and ignores the header without it', async () => {
    const addresses = ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2'];
    expect(await acknowledgedOf(trusting, addresses)).toBe(4);
    // Without a trusted proxy the header is the client's word: all five are one address.
    expect(await acknowledgedOf(direct, addresses)).toBe(2);
  });
});

describe('WebSocket slow readers', { timeout: 120_000 }, () => {
  let server: TestServer;
  const MAX_BUFFERED = 1024 * 1024;
  beforeAll(async () => {
    server = await startServer({
      webSocket: {
        maxConnectionsPerAddress: 50,
        maxSubscriptionsPerConnection: 100,
        maxBufferedBytes: MAX_BUFFERED,
      },
    });
  });
  afterAll(() => server?.stop());

  it('drops sockets that never read once they hold more than the cap, and frees what they held', async () => {
    const pizza = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const viewer = { role: 'business' as const, id: pizza.e_id, name: 'Pizza Palace' };
    const menus = server.app.services.menus;
    // A menu whose every change fans out about 400 KB to each subscriber.
    const url = 'https://img.example/' + 'a'.repeat(2_000);
    const created = await menus.setMenuAndInstore(
      viewer,
      Array.from({ length: 190 }, (_, i) => ({
        name: `Dish ${i}`,
        imageUrl: url,
        price: 1,
        inStore: 10,
      })),
    );
    const item = created[0]!;
    const query = `subscription($b: ID!) { menuUpdated(businessId: $b) { id business { menu { id imageUrl } } } }`;

    const SLOW = 30;
    const slow = await Promise.all(Array.from({ length: SLOW }, () => RawSocket.open(server.url)));
    await Promise.all(slow.map((s) => s.acknowledged()));
    for (const s of slow)
      s.send({ id: 'm', type: 'subscribe', payload: { query, variables: { b: pizza.e_id } } });
    await expect
      .poll(async () => (await scrape(server.url)).get('orderly_active_subscriptions'), {
        timeout: 30_000,
      })
      .toBe(SLOW);
    // They stop reading: what the server sends piles up in kernel buffers, then in the process.
    for (const s of slow) (s.ws as unknown as { _socket: Socket })._socket.pause();
    // A reader that keeps up sees every event and is never dropped.
    const reader = await RawSocket.open(server.url);
    await reader.acknowledged();
    reader.send({
      id: 'r',
      type: 'subscribe',
      payload: { query: MENU_UPDATED, variables: { b: pizza.e_id } },
    });
    await expect
      .poll(async () => (await scrape(server.url)).get('orderly_active_subscriptions'), {
        timeout: 30_000,
      })
      .toBe(SLOW + 1);

    let peakBuffered = 0;
    let round = 0;
    for (; round < 200; round++) {
      await menus.setMenuAndInstore(viewer, [
        { id: item.id, name: item.name, imageUrl: url, price: 1, inStore: 1000 + round },
      ]);
      await reader.until((ms) => ms.filter((m) => m.type === 'next').length === round + 1);
      const samples = await scrape(server.url);
      peakBuffered = Math.max(peakBuffered, samples.get('orderly_websocket_buffered_bytes') ?? 0);
      if (samples.get('orderly_websocket_refusals_total{reason="slow_reader"}') === SLOW) break;
    }
    expect(round).toBeLessThan(200);
    // Each held at most the cap plus one message before it was cut off.
    expect(peakBuffered).toBeLessThan(SLOW * (MAX_BUFFERED + 600_000));
    const after = await scrape(server.url);
    expect(after.get('orderly_websocket_connections')).toBe(1);
    expect(after.get('orderly_active_subscriptions')).toBe(1);
    expect(after.get('orderly_websocket_buffered_bytes')).toBe(0);
    for (const s of slow) s.ws.terminate();
    reader.ws.close();
  });
});
