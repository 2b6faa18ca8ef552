// Every query, mutation and subscription × anonymous, customer A, customer B, business X, business Y.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import {
  gql,
  gqlOk,
  loginBusiness,
  loginUser,
  record,
  rest,
  wsClient,
} from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { settledSubscriptions, untilSubscribed } from '../helpers/wait.js';

type Actor = 'anonymous' | 'userA' | 'userB' | 'bizX' | 'bizY';
const ACTORS: Actor[] = ['anonymous', 'userA', 'userB', 'bizX', 'bizY'];
/** 'ok' = allowed (data returned), 'null' = allowed but nothing to see, otherwise the error code. */
type Outcome = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

describe('authorization matrix', () => {
  let server: TestServer;
  let base: string;
  const tokens: Partial<Record<Actor, string>> = {};
  let itemX: string;
  let bizX: string;
  const sockets: Client[] = [];
  let cells = 0;

  beforeAll(async () => {
    server = await startServer({ kitchenPrepMs: 60_000, kitchenCapacity: 50 });
    base = server.url;
    tokens.userA = (await loginUser(base, 'alice', 'alice-pass')).token;
    tokens.userB = (await loginUser(base, 'bob', 'bob-pass')).token;
    const x = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    tokens.bizX = x.token;
    bizX = x.e_id;
    tokens.bizY = (await loginBusiness(base, 'Sushi Bar', 'sushi-pass')).token;
    itemX = (await demoIds(base))['Pizza Palace']!.menu[0]!.id;
    await gqlOk(
      base,
      'mutation($id: ID!) { setMenuAndInstore(items: [{ id: $id, name: "Margherita", imageUrl: "", price: 9.5, inStore: 1000 }]) { id } }',
      { id: itemX },
      tokens.bizX,
    );
  });
  afterAll(async () => {
    for (const s of sockets) await s.dispose();
    await server?.stop();
    console.info(`authorization matrix: ${cells} cells checked`);
  });

  /** A fresh order of customer A at business X, in the given state. */
  async function orderOfA(state: 'pending' | 'processing'): Promise<string> {
    const placed = await rest(base, 'POST', '/order', {
      token: tokens.userA,
      body: { m_id: itemX, quantity: 1 },
    });
    expect(placed.status).toBe(201);
    const id = placed.body.o_id as string;
    if (state === 'processing') {
      await gqlOk(base, 'mutation($id: ID!) { acceptOrder(id: $id) { id } }', { id }, tokens.bizX);
      for (let i = 0; i < 100; i++) {
        const o = await gqlOk(
          base,
          'query($id: ID!) { order(id: $id) { state } }',
          { id },
          tokens.userA,
        );
        if (o.order.state === 'PROCESSING') break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return id;
  }

  async function outcome(
    actor: Actor,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Outcome> {
    const r = await gql(base, query, variables, tokens[actor]);
    const code = r.errors?.[0]?.extensions?.code;
    if (code) return code as Outcome;
    const value = Object.values(r.data ?? {})[0];
    return value === null ? 'null' : 'ok';
  }

  const operations: {
    name: string;
    query: string;
    variables: () => Promise<Record<string, unknown>>;
    expected: Record<Actor, Outcome>;
  }[] = [
    {
      name: 'me',
      query: '{ me { id } }',
      variables: async () => ({}),
      expected: { anonymous: 'null', userA: 'ok', userB: 'ok', bizX: 'ok', bizY: 'ok' },
    },
    {
      name: 'businesses',
      query: '{ businesses { id } }',
      variables: async () => ({}),
      expected: { anonymous: 'ok', userA: 'ok', userB: 'ok', bizX: 'ok', bizY: 'ok' },
    },
    {
      name: 'menu',
      query: 'query($b: ID!) { menu(businessId: $b) { id } }',
      variables: async () => ({ b: bizX }),
      expected: { anonymous: 'ok', userA: 'ok', userB: 'ok', bizX: 'ok', bizY: 'ok' },
    },
    {
      name: "order (A's)",
      query: 'query($id: ID!) { order(id: $id) { id } }',
      variables: async () => ({ id: await orderOfA('pending') }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'ok',
        userB: 'null',
        bizX: 'ok',
        bizY: 'null',
      },
    },
    {
      name: 'orders',
      query: '{ orders { id } }',
      variables: async () => ({}),
      expected: { anonymous: 'UNAUTHENTICATED', userA: 'ok', userB: 'ok', bizX: 'ok', bizY: 'ok' },
    },
    {
      name: "placeOrder (X's item)",
      query: 'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }',
      variables: async () => ({ m: itemX }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'ok',
        userB: 'ok',
        bizX: 'FORBIDDEN',
        bizY: 'FORBIDDEN',
      },
    },
    {
      name: "cancelOrder (A's)",
      query: 'mutation($id: ID!) { cancelOrder(id: $id) { id } }',
      variables: async () => ({ id: await orderOfA('pending') }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'ok',
        userB: 'NOT_FOUND',
        bizX: 'FORBIDDEN',
        bizY: 'FORBIDDEN',
      },
    },
    {
      name: 'acceptOrder (at X)',
      query: 'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
      variables: async () => ({ id: await orderOfA('pending') }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'FORBIDDEN',
        userB: 'FORBIDDEN',
        bizX: 'ok',
        bizY: 'NOT_FOUND',
      },
    },
    {
      name: 'rejectOrder (at X)',
      query: 'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
      variables: async () => ({ id: await orderOfA('pending') }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'FORBIDDEN',
        userB: 'FORBIDDEN',
        bizX: 'ok',
        bizY: 'NOT_FOUND',
      },
    },
    {
      name: 'completeOrder (at X)',
      query: 'mutation($id: ID!) { completeOrder(id: $id) { id } }',
      variables: async () => ({ id: await orderOfA('processing') }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'FORBIDDEN',
        userB: 'FORBIDDEN',
        bizX: 'ok',
        bizY: 'NOT_FOUND',
      },
    },
    {
      name: "setMenuAndInstore (X's item)",
      query: 'mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
      variables: async () => ({
        items: [
          {
            id: itemX,
            name: 'Margherita',
            imageUrl: '/images/margherita.svg',
            price: 9.5,
            inStore: 500,
          },
        ],
      }),
      expected: {
        anonymous: 'UNAUTHENTICATED',
        userA: 'FORBIDDEN',
        userB: 'FORBIDDEN',
        bizX: 'ok',
        bizY: 'NOT_FOUND',
      },
    },
  ];

  it('allows and denies every query and mutation as expected', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const op of operations) {
      for (const actor of ACTORS) {
        const result = await outcome(actor, op.query, await op.variables());
        got.push(`${op.name} × ${actor}: ${result}`);
        want.push(`${op.name} × ${actor}: ${op.expected[actor]}`);
        cells++;
      }
    }
    expect(got).toEqual(want);
  });

  it("never lists another tenant's orders", async () => {
    const a = await orderOfA('pending');
    const lists = await Promise.all(
      (['userB', 'bizY'] as const).map((actor) =>
        gqlOk(base, '{ orders { id } }', {}, tokens[actor]),
      ),
    );
    for (const list of lists) expect(list.orders.map((o: { id: string }) => o.id)).not.toContain(a);
    const forB = await rest(base, 'GET', '/get_orders', { token: tokens.userB });
    expect(forB.body.orders.map((o: { o_id: string }) => o.o_id)).not.toContain(a);
    cells += 3;
  });

  it('allows and denies every subscription as expected, and streams nothing across tenants', async () => {
    const clients = Object.fromEntries(
      ACTORS.map((actor) => {
        const client = wsClient(base, tokens[actor]);
        sockets.push(client);
        return [actor, client];
      }),
    ) as Record<Actor, Client>;
    const target = await orderOfA('pending');
    const outcomeOf = async (
      actor: Actor,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<string> => {
      const r = record(clients[actor], query, variables);
      try {
        await r.until((v) => v.length > 0, 600);
        return 'ok';
      } catch {
        const error = r.errors[0] as { extensions?: { code?: string } }[] | undefined;
        return error?.[0]?.extensions?.code ?? (r.values.length ? 'ok' : 'silent');
      } finally {
        r.stop();
      }
    };
    const expectations: [string, string, Record<string, unknown>, Record<Actor, string>][] = [
      [
        "orderUpdated(A's order)",
        'subscription($id: ID) { orderUpdated(id: $id) { id } }',
        { id: target },
        {
          anonymous: 'UNAUTHENTICATED',
          userA: 'ok',
          userB: 'NOT_FOUND',
          bizX: 'ok',
          bizY: 'NOT_FOUND',
        },
      ],
      [
        'newOrder',
        'subscription { newOrder { id } }',
        {},
        {
          anonymous: 'UNAUTHENTICATED',
          userA: 'FORBIDDEN',
          userB: 'FORBIDDEN',
          bizX: 'silent',
          bizY: 'silent',
        },
      ],
      [
        'orderUpdated (all mine)',
        'subscription { orderUpdated { id } }',
        {},
        {
          anonymous: 'UNAUTHENTICATED',
          userA: 'silent',
          userB: 'silent',
          bizX: 'silent',
          bizY: 'silent',
        },
      ],
      [
        'menuUpdated(X)',
        'subscription($b: ID!) { menuUpdated(businessId: $b) { id } }',
        { b: bizX },
        { anonymous: 'silent', userA: 'silent', userB: 'silent', bizX: 'silent', bizY: 'silent' },
      ],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [name, query, variables, expected] of expectations) {
      for (const actor of ACTORS) {
        got.push(`${name} × ${actor}: ${await outcomeOf(actor, query, variables)}`);
        want.push(`${name} × ${actor}: ${expected[actor]}`);
        cells++;
      }
    }
    expect(got).toEqual(want);

    // Live: an order at X reaches A and X, and never B or Y.
    const live = await settledSubscriptions(base);
    const streams = Object.fromEntries(
      ACTORS.filter((a) => a !== 'anonymous').map((actor) => [
        actor,
        record(clients[actor], 'subscription { orderUpdated { id } }'),
      ]),
    );
    const news = {
      bizX: record(clients.bizX, 'subscription { newOrder { id } }'),
      bizY: record(clients.bizY, 'subscription { newOrder { id } }'),
    };
    await untilSubscribed(base, live + Object.keys(streams).length + Object.keys(news).length);
    const fresh = await orderOfA('pending');
    await streams.userA!.until((v) => v.some((o) => o.id === fresh));
    await streams.bizX!.until((v) => v.some((o) => o.id === fresh));
    await news.bizX.until((v) => v.some((o) => o.id === fresh));
    await new Promise((r) => setTimeout(r, 300));
    expect(streams.userB!.values).toEqual([]);
    expect(streams.bizY!.values).toEqual([]);
    expect(news.bizY.values).toEqual([]);
    cells += 5;
  });
});
