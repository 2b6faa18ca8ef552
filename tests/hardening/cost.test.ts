// What one operation may cost counts list sizes, over HTTP and WebSocket, before anything runs;
// introspection is bounded too; production hides suggestions; a stalled query meets its deadline.
import { getIntrospectionQuery } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COST } from '../../api/graphql/cost.js';
import { gql, loginUser, record, wsClient } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { postgresTarget, TEST_DATABASE_URL } from '../helpers/stores.js';

const NESTED_MENUS = '{ businesses { menu { business { menu { id name price } } } } }';
/** A business's menu, and under each item its business's menu three times: within the depth limit. */
const MENU_OF_MENUS = `business { menu { ${['a', 'b', 'c']
  .map((alias) => `${alias}: business { menu { id name price inStore imageUrl } }`)
  .join(' ')} } }`;

describe('the cost of an operation counts what its lists can hold', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const r = await gql(server.url, query, variables);
    expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe('BAD_REQUEST');
    return r;
  };

  it('refuses business → menu → business → menu before it runs, with the figures', async () => {
    const r = await refusal(NESTED_MENUS);
    expect(r.data ?? null).toBeNull();
    expect(r.errors![0]!.message).toMatch(/cost \d+, more than the limit of/);
    expect(r.errors![0]!.extensions).toMatchObject({ maxCost: MAX_COST });
    expect(Number(r.errors![0]!.extensions!['cost'])).toBeGreaterThan(MAX_COST);
    // The same menus one level up are an ordinary request.
    const ok = await gql(server.url, '{ businesses { menu { id name price business { id } } } }');
    expect(ok.errors).toBeUndefined();
    expect((ok.data!['businesses'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('multiplies a page by the first it asks for', async () => {
    const { token } = await loginUser(server.url, 'alice', 'alice-pass');
    const pages = (first: number) =>
      `{ ${['a', 'b', 'c', 'd', 'e']
        .map(
          (alias) =>
            `${alias}: orderHistory(first: ${first}) { edges { node { business { menu { id name price inStore imageUrl } } } } }`,
        )
        .join(' ')} }`;
    const allowed = await gql(server.url, pages(1), undefined, token);
    expect(allowed.errors).toBeUndefined();
    const r = await gql(server.url, pages(100), undefined, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/cost/);
  });

  it('refuses a costly mutation before it changes anything', async () => {
    const ids = await demoIds(server.url);
    const item = ids['Pizza Palace']!.menu[0]!;
    const { token } = await loginUser(server.url, 'alice', 'alice-pass');
    const r = await gql(
      server.url,
      `mutation($id: ID!) { placeOrder(menuItemId: $id, quantity: 1) { ${MENU_OF_MENUS} } }`,
      { id: item.id },
      token,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const after = await demoIds(server.url);
    expect(after['Pizza Palace']!.menu[0]!.inStore).toBe(item.inStore);
  });

  it('refuses a costly subscription when it subscribes, over graphql-ws', async () => {
    const ids = await demoIds(server.url);
    const client = wsClient(server.url);
    try {
      const sub = record(
        client,
        `subscription($b: ID!) { menuUpdated(businessId: $b) { ${MENU_OF_MENUS} } }`,
        { b: ids['Pizza Palace']!.id },
      );
      await expect.poll(() => sub.errors.length, { timeout: 5_000 }).toBe(1);
      expect(JSON.stringify(sub.errors[0])).toMatch(/cost/);
      expect(sub.values).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('answers the standard introspection query but refuses introspection nested 30 levels', async () => {
    const standard = await gql(server.url, getIntrospectionQuery());
    expect(standard.errors).toBeUndefined();
    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(30)}{ name }${' }'.repeat(30)} } } } }`;
    const r = await gql(server.url, deep);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/Introspection nested deeper/);
  });
});

describe('production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      production: true,
      seed: false,
      jwtSecret: 'production-secret-0123456789-abcdefghij',
    });
  });
  afterAll(() => server?.stop());

  it('names no enum value or field it would have suggested', async () => {
    const literal = await gql(server.url, '{ orders(state: PENDIN) { id } }');
    const variable = await gql(server.url, 'query($s: OrderState) { orders(state: $s) { id } }', {
      s: 'PENDIN',
    });
    const field = await gql(server.url, '{ businesses { nam } }');
    for (const r of [literal, variable, field]) {
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(r.errors?.[0]?.message).not.toMatch(/Did you mean|PENDING|"name"/);
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('a query held up by the database meets its deadline', () => {
  const target = postgresTarget();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      databaseUrl: target.databaseUrl,
      operationDeadlineMs: 300,
      dbDeadlines: {
        connectMs: 2_000,
        statementMs: 5_000,
        lockMs: 5_000,
        idleInTransactionMs: 10_000,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await target.cleanup();
  });

  it('is answered UNAVAILABLE at the deadline, and answered normally once the lock is gone', async () => {
    // The ids only: a menu read before would be answered from memory, without the database.
    const { businesses } = (await gql(server.url, '{ businesses { id name } }')).data as {
      businesses: { id: string; name: string }[];
    };
    const pizza = businesses.find((b) => b.name === 'Pizza Palace')!;
    const schema = new URL(target.databaseUrl!).searchParams.get('schema')!;
    const locker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.menu_items IN ACCESS EXCLUSIVE MODE`);
      const started = performance.now();
      const r = await gql(server.url, 'query($b: ID!) { menu(businessId: $b) { id } }', {
        b: pizza.id,
      });
      const ms = performance.now() - started;
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(r.errors?.[0]?.message).toMatch(/longer than 0.3 s/);
      expect(ms).toBeLessThan(4_000);
      await locker.query('ROLLBACK');
      const again = await gql(server.url, 'query($b: ID!) { menu(businessId: $b) { id } }', {
        b: pizza.id,
      });
      expect(again.errors).toBeUndefined();
    } finally {
      await locker.end();
    }
  });
});
