// Bad input on every route and mutation: the SPEC code and status, never a 500, and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { snapshot } from '../helpers/snapshot.js';
import { storeTargets } from '../helpers/stores.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`bad input on ${target.name}`, () => {
    let server: TestServer;
    let base: string;
    let user: string;
    let biz: string;
    let itemId: string;
    let otherItemId: string;
    let pendingId: string;
    let before: string;

    beforeAll(async () => {
      server = await startServer({ databaseUrl: target.databaseUrl });
      base = server.url;
      user = (await loginUser(base, 'alice', 'alice-pass')).token;
      biz = (await loginBusiness(base, 'Pizza Palace', 'pizza-pass')).token;
      const ids = await demoIds(base);
      itemId = ids['Pizza Palace']!.menu[0]!.id;
      otherItemId = ids['Sushi Bar']!.menu[0]!.id;
      const placed = await rest(base, 'POST', '/order', {
        token: user,
        body: { m_id: itemId, quantity: 1 },
      });
      pendingId = placed.body.o_id;
      before = await snapshot(server.app.db);
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    type Case = [
      name: string,
      method: 'GET' | 'POST',
      path: string,
      opts: Parameters<typeof rest>[3],
      status: number,
      code: string,
    ];
    const restCases = (): Case[] => [
      ['login: malformed JSON', 'POST', '/user_login', { raw: '{"u_name":' }, 400, 'BAD_REQUEST'],
      ['login: array body', 'POST', '/user_login', { raw: '[]' }, 400, 'BAD_REQUEST'],
      [
        'login: missing password',
        'POST',
        '/user_login',
        { body: { u_name: 'alice' } },
        400,
        'BAD_REQUEST',
      ],
      [
        'login: number name',
        'POST',
        '/business_login',
        { body: { e_name: 5, e_password: 'x' } },
        400,
        'BAD_REQUEST',
      ],
      [
        'login: wrong content type',
        'POST',
        '/user_login',
        { raw: 'u_name=alice', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'BAD_REQUEST',
      ],
      [
        'login: NUL in name',
        'POST',
        '/user_login',
        { body: { u_name: 'a\u0000b', u_password: 'whatever-1' } },
        401,
        'UNAUTHENTICATED',
      ],
      [
        'menu: NUL in image path',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: { items: [{ m_name: 'A', m_img_url: '/x\u0000.png', m_price: 1, m_instore: 1 }] },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: no token',
        'POST',
        '/order',
        { body: { m_id: itemId, quantity: 1 } },
        401,
        'UNAUTHENTICATED',
      ],
      [
        'order: forged token',
        'POST',
        '/order',
        { token: user.slice(0, -4) + 'AAAA', body: { m_id: itemId, quantity: 1 } },
        401,
        'UNAUTHENTICATED',
      ],
      [
        'order: business token',
        'POST',
        '/order',
        { token: biz, body: { m_id: itemId, quantity: 1 } },
        403,
        'FORBIDDEN',
      ],
      [
        'order: zero',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: 0 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: negative',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: -3 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: fractional',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: 1.5 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: huge',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: 1e12 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: over 1000',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: 1001 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: string quantity',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: '2' } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: missing item',
        'POST',
        '/order',
        { token: user, body: { quantity: 1 } },
        400,
        'BAD_REQUEST',
      ],
      [
        'order: unknown item',
        'POST',
        '/order',
        { token: user, body: { m_id: UNKNOWN, quantity: 1 } },
        404,
        'NOT_FOUND',
      ],
      [
        'order: not a uuid',
        'POST',
        '/order',
        { token: user, body: { m_id: "1' OR '1'='1", quantity: 1 } },
        404,
        'NOT_FOUND',
      ],
      [
        'order: more than in stock',
        'POST',
        '/order',
        { token: user, body: { m_id: itemId, quantity: 1000 } },
        409,
        'OUT_OF_STOCK',
      ],
      [
        'cancel: unknown order',
        'POST',
        '/cancel_order',
        { token: user, body: { o_id: UNKNOWN } },
        404,
        'NOT_FOUND',
      ],
      [
        'cancel: missing id',
        'POST',
        '/cancel_order',
        { token: user, body: {} },
        400,
        'BAD_REQUEST',
      ],
      [
        'cancel: business token',
        'POST',
        '/cancel_order',
        { token: biz, body: { o_id: pendingId } },
        403,
        'FORBIDDEN',
      ],
      ['get_orders: no token', 'GET', '/get_orders', {}, 401, 'UNAUTHENTICATED'],
      [
        'get_orders: unknown state',
        'GET',
        '/get_orders?state=eaten',
        { token: user },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: user token',
        'POST',
        '/set-menu-and-instore',
        { token: user, body: { items: [] } },
        403,
        'FORBIDDEN',
      ],
      [
        'menu: items not a list',
        'POST',
        '/set-menu-and-instore',
        { token: biz, body: { items: {} } },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: empty name',
        'POST',
        '/set-menu-and-instore',
        { token: biz, body: { items: [{ m_name: '', m_img_url: '', m_price: 1, m_instore: 1 }] } },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: long name',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: { items: [{ m_name: 'x'.repeat(101), m_img_url: '', m_price: 1, m_instore: 1 }] },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: negative price',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: { items: [{ m_name: 'A', m_img_url: '', m_price: -1, m_instore: 1 }] },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: three decimals',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: { items: [{ m_name: 'A', m_img_url: '', m_price: 1.005, m_instore: 1 }] },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: fractional stock',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: { items: [{ m_name: 'A', m_img_url: '', m_price: 1, m_instore: 1.5 }] },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'menu: script url',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: {
            items: [{ m_name: 'A', m_img_url: 'javascript:alert(1)', m_price: 1, m_instore: 1 }],
          },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        "menu: another business's item",
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: {
            items: [
              { m_id: otherItemId, m_name: 'Mine now', m_img_url: '', m_price: 1, m_instore: 1 },
            ],
          },
        },
        404,
        'NOT_FOUND',
      ],
      [
        'menu: valid then invalid',
        'POST',
        '/set-menu-and-instore',
        {
          token: biz,
          body: {
            items: [
              { m_id: itemId, m_name: 'Changed', m_img_url: '', m_price: 1, m_instore: 1 },
              { m_name: 'B', m_img_url: '', m_price: 'free', m_instore: 1 },
            ],
          },
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'body over 64 KiB',
        'POST',
        '/order',
        {
          token: user,
          raw: JSON.stringify({ m_id: itemId, quantity: 1, pad: 'x'.repeat(70_000) }),
        },
        413,
        'BAD_REQUEST',
      ],
      ['wrong method', 'GET', '/order', { token: user }, 405, 'BAD_REQUEST'],
    ];

    it('answers every bad REST request with its SPEC code and changes nothing', async () => {
      for (const [name, method, path, opts, status, code] of restCases()) {
        const r = await rest(base, method, path, opts);
        expect({ name, status: r.status, code: r.body?.error?.code }).toEqual({
          name,
          status,
          code,
        });
        expect(typeof r.body.error.message, name).toBe('string');
      }
      expect(await snapshot(server.app.db)).toBe(before);
    });

    it('says which limit a menu value broke, and changes nothing', async () => {
      const item = { m_name: 'A', m_img_url: '', m_price: 1, m_instore: 1 };
      const messages = [];
      for (const bad of [{ m_price: 1e11 }, { m_instore: 2 ** 31 }, { m_price: -1 }]) {
        const r = await rest(base, 'POST', '/set-menu-and-instore', {
          token: biz,
          body: { items: [{ ...item, ...bad }] },
        });
        expect(r.status).toBe(400);
        messages.push(r.body.error.message as string);
      }
      // In the names the partner sent, not the GraphQL inputs behind the route.
      expect(messages).toEqual([
        'items[0].m_price: must be at most 9999999999.99',
        'items.0.m_instore: must be a whole number from 0 to 2147483647',
        'items[0].m_price: must be a number ≥ 0',
      ]);
      expect(await snapshot(server.app.db)).toBe(before);
    });

    it("words REST complaints in the route's own names", async () => {
      const order = (body: unknown) => rest(base, 'POST', '/order', { token: user, body });
      const complaints = [
        await order({}),
        await order({ m_id: itemId, quantity: 1.5 }),
        await order({ m_id: itemId, quantity: 'two' }),
        await rest(base, 'GET', '/get_orders?state=bogus', { token: user }),
      ].map((r) => [r.status, r.body.error.message]);
      expect(complaints).toEqual([
        [400, 'm_id is required'],
        [400, 'quantity: must be a whole number from 1 to 1000'],
        [400, 'quantity must be a number'],
        [400, 'state must be one of pending, accepted, processing, completed, cancelled, rejected'],
      ]);
      expect(await snapshot(server.app.db)).toBe(before);
    });

    it('answers every bad GraphQL mutation with its SPEC code and changes nothing', async () => {
      const cases: [string, string, Record<string, unknown>, string | undefined, string][] = [
        [
          'placeOrder: anonymous',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }`,
          { m: itemId },
          undefined,
          'UNAUTHENTICATED',
        ],
        [
          'placeOrder: business',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }`,
          { m: itemId },
          biz,
          'FORBIDDEN',
        ],
        [
          'placeOrder: zero',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 0) { id } }`,
          { m: itemId },
          user,
          'BAD_REQUEST',
        ],
        [
          'placeOrder: fraction variable',
          `mutation($m: ID!, $q: Int!) { placeOrder(menuItemId: $m, quantity: $q) { id } }`,
          { m: itemId, q: 2.5 },
          user,
          'BAD_REQUEST',
        ],
        [
          'placeOrder: huge literal',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 99999999999) { id } }`,
          { m: itemId },
          user,
          'BAD_REQUEST',
        ],
        [
          'placeOrder: missing arg',
          `mutation($m: ID!) { placeOrder(menuItemId: $m) { id } }`,
          { m: itemId },
          user,
          'BAD_REQUEST',
        ],
        [
          'placeOrder: unknown item',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }`,
          { m: UNKNOWN },
          user,
          'NOT_FOUND',
        ],
        [
          'placeOrder: empty idempotency key',
          `mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1, idempotencyKey: "") { id } }`,
          { m: itemId },
          user,
          'BAD_REQUEST',
        ],
        [
          'cancelOrder: unknown',
          `mutation { cancelOrder(id: "${UNKNOWN}") { id } }`,
          {},
          user,
          'NOT_FOUND',
        ],
        [
          'acceptOrder: user',
          `mutation { acceptOrder(id: "${UNKNOWN}") { id } }`,
          {},
          user,
          'FORBIDDEN',
        ],
        [
          'acceptOrder: unknown',
          `mutation { acceptOrder(id: "${UNKNOWN}") { id } }`,
          {},
          biz,
          'NOT_FOUND',
        ],
        [
          'rejectOrder: garbage id',
          `mutation { rejectOrder(id: "<script>") { id } }`,
          {},
          biz,
          'NOT_FOUND',
        ],
        [
          'completeOrder: pending',
          `mutation($id: ID!) { completeOrder(id: $id) { id } }`,
          { id: pendingId },
          biz,
          'INVALID_STATE',
        ],
        [
          'setMenuAndInstore: anonymous',
          `mutation { setMenuAndInstore(items: []) { id } }`,
          {},
          undefined,
          'UNAUTHENTICATED',
        ],
        [
          'setMenuAndInstore: wrong type',
          `mutation { setMenuAndInstore(items: [{ name: "A", imageUrl: "", price: "1", inStore: 1 }]) { id } }`,
          {},
          biz,
          'BAD_REQUEST',
        ],
        [
          'signUpUser: short name',
          `mutation { signUpUser(name: "ab", password: "long-enough") { token } }`,
          {},
          undefined,
          'BAD_REQUEST',
        ],
        [
          'signUpUser: short password',
          `mutation { signUpUser(name: "carol", password: "short") { token } }`,
          {},
          undefined,
          'BAD_REQUEST',
        ],
        [
          'signUpUser: taken',
          `mutation { signUpUser(name: "alice", password: "long-enough") { token } }`,
          {},
          undefined,
          'CONFLICT',
        ],
        [
          'signUpBusiness: taken',
          `mutation { signUpBusiness(name: "Sushi Bar", password: "long-enough") { token } }`,
          {},
          undefined,
          'CONFLICT',
        ],
        [
          'userLogin: wrong password',
          `mutation { userLogin(name: "alice", password: "wrong-one") { token } }`,
          {},
          undefined,
          'UNAUTHENTICATED',
        ],
        [
          'businessLogin: user credentials',
          `mutation { businessLogin(name: "alice", password: "alice-pass") { token } }`,
          {},
          undefined,
          'UNAUTHENTICATED',
        ],
        ['syntax error', `mutation { placeOrder(`, {}, user, 'BAD_REQUEST'],
        ['unknown field', `{ nope }`, {}, user, 'BAD_REQUEST'],
        ['orders: unknown state', `{ orders(state: EATEN) { id } }`, {}, user, 'BAD_REQUEST'],
        [
          'menu: unknown business',
          `{ menu(businessId: "${UNKNOWN}") { id } }`,
          {},
          undefined,
          'NOT_FOUND',
        ],
      ];
      for (const [name, query, variables, token, code] of cases) {
        const r = await gql(base, query, variables, token);
        expect({ name, code: r.errors?.[0]?.extensions?.code }).toEqual({ name, code });
        expect(r.status, name).toBeLessThan(500);
      }
      expect(await snapshot(server.app.db)).toBe(before);
    });

    it('still works after all that', async () => {
      const ok = await gqlOk(base, `{ orders { id } }`, {}, user);
      expect(ok.orders.length).toBe(1);
    });
  });
}
