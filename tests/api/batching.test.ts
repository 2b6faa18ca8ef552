// Per-row fields are loaded for all rows of an answer at once: the queries one request makes do not
// grow with the businesses or orders it lists.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness } from '../helpers/clients.js';
import { countQueries, demoIds, startServer, type TestServer } from '../helpers/server.js';

describe('batched per-row fields', () => {
  let server: TestServer;
  let queries: { readonly count: number };
  beforeAll(async () => {
    // No background work (the kitchen, the webhook worker's polls) among the queries counted.
    server = await startServer({ kitchen: 'off', webhookPollMs: 3_600_000 });
    queries = countQueries(server.app);
  });
  afterAll(() => server?.stop());

  /** The fewest queries of three identical requests (a worker woken meanwhile only adds). */
  const queriesFor = async (query: string, token?: string) => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = queries.count;
      await gqlOk(server.url, query, {}, token);
      counts.push(queries.count - before);
    }
    return Math.min(...counts);
  };

  const signUpBusiness = async () => {
    const name = `Batch ${randomBytes(4).toString('hex')}`;
    await gqlOk(
      server.url,
      'mutation($n: String!) { signUpBusiness(name: $n, password: "batch-pass-1") { token } }',
      { n: name },
    );
  };

  it('loads the menus, kitchens and opening of every listed business in one query each', async () => {
    const listing =
      '{ businesses { id menu { id } kitchen { queueLength cooking } ordering { open } } }';
    /** A sign-up drops the list kept in memory; new businesses' menus and pauses were never kept. */
    const afterSignUps = async (count: number) => {
      for (let i = 0; i < count; i++) await signUpBusiness();
      const before = queries.count;
      await gqlOk(server.url, listing);
      return queries.count - before;
    };
    const few = await afterSignUps(1);
    const many = await afterSignUps(6);
    // Four businesses, then ten: the same number of queries.
    expect(many).toBe(few);
    // The list, then one each for the menus, the kitchens and the pauses.
    expect(few).toBe(4);
    // Asked again, only the kitchens are read: the rest is kept until a change is announced.
    expect(await queriesFor(listing)).toBe(1);
  });

  it('loads the history of every listed order in one query', async () => {
    const ids = await demoIds(server.url);
    const { token } = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
    const customer = await gqlOk<{ userLogin: { token: string } }>(
      server.url,
      'mutation { userLogin(name: "alice", password: "alice-pass") { token } }',
    );
    const place = () =>
      gqlOk(
        server.url,
        'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }',
        { m: ids['Pizza Palace']!.menu[0]!.id },
        customer.userLogin.token,
      );
    const board = '{ orders { id history { at to } } }';
    await place();
    const one = await queriesFor(board, token);
    for (let i = 0; i < 9; i++) await place();
    const ten = await queriesFor(board, token);
    expect(ten).toBe(one);
    // The orders, their histories.
    expect(one).toBe(2);
  });
});
