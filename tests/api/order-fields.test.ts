// A list reads only the parts of its orders that the query asks for (api/graphql/order-fields.ts).
// Differential: each Order field asked for alone, directly, in a fragment and in a connection, answers
// exactly what it answers beside every other field, where every part is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

const EVERYTHING = `id state quantity unitPrice total note createdAt updatedAt acceptedAt startedAt
  completedAt queuePosition estimatedReadyAt nextActions
  menuItem { id name imageUrl price inStore business { id name imageUrl role } }
  business { id name imageUrl ordering { open } }
  customer { id name role }
  lines { quantity unitPrice total note menuItem { id name price inStore business { id name } } }
  history { at from to actor }`;

/** Each selection a client might make of an order, alone. */
const ALONE = [
  'state',
  'total',
  'queuePosition',
  'estimatedReadyAt',
  'createdAt acceptedAt startedAt completedAt',
  'menuItem { id }',
  'menuItem { name price }',
  'menuItem { business { id } }',
  'menuItem { business { name imageUrl } }',
  'business { id }',
  'business { name }',
  'business { ... on Business { imageUrl } }',
  'customer { id }',
  'customer { name }',
  'lines { quantity note }',
  'lines { total }',
  'lines { menuItem { name inStore } }',
  'lines { menuItem { business { name } } }',
  '... on Order { customer { name } }',
  'history { to }',
];

type Order = Record<string, unknown> & { id: string };

/** `value` cut down to the keys `shape` has, at every depth (lists by their first element). */
function shapedLike(value: unknown, shape: unknown): unknown {
  if (Array.isArray(value)) {
    const element = Array.isArray(shape) ? shape[0] : undefined;
    return element === undefined ? value : value.map((v) => shapedLike(v, element));
  }
  if (value && typeof value === 'object' && shape && typeof shape === 'object') {
    return Object.fromEntries(
      Object.keys(shape).map((k) => [
        k,
        shapedLike((value as Record<string, unknown>)[k], (shape as Record<string, unknown>)[k]),
      ]),
    );
  }
  return value;
}

describe('orders read only the parts a query asks for', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    // A clock that stands still: estimates are the same from one request to the next.
    const now = Date.now();
    server = await startServer({
      kitchen: 'off',
      webhookPollMs: 3_600_000,
      clock: { now: () => now },
    });
    const ids = await demoIds(server.url);
    ({ token } = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass'));
    const customer = await gqlOk<{ userLogin: { token: string } }>(
      server.url,
      'mutation { userLogin(name: "alice", password: "alice-pass") { token } }',
    );
    const menu = ids['Pizza Palace']!.menu;
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { placeOrder } = await gqlOk<{ placeOrder: { id: string } }>(
        server.url,
        `mutation($lines: [OrderLineInput!]!) { placeOrder(lines: $lines, note: "n${i}") { id } }`,
        {
          lines: [
            { menuItemId: menu[i % menu.length]!.id, quantity: 1 + i, note: `line ${i}` },
            { menuItemId: menu[(i + 1) % menu.length]!.id, quantity: 2 },
          ],
        },
        customer.userLogin.token,
      );
      placed.push(placeOrder.id);
    }
    // Accepted, rejected and pending orders: waiting ones have places in line, final ones none.
    for (const id of placed.slice(0, 2)) {
      await gqlOk(server.url, 'mutation($id: ID!) { acceptOrder(id: $id) { id } }', { id }, token);
    }
    await gqlOk(
      server.url,
      'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
      { id: placed[2] },
      token,
    );
  });
  afterAll(() => server?.stop());

  const list = async (selection: string, fragment = false) => {
    const query = fragment
      ? `{ orders(first: 20) { ...Picked } } fragment Picked on Order { id ${selection} }`
      : `{ orders(first: 20) { id ${selection} } }`;
    return (await gqlOk<{ orders: Order[] }>(server.url, query, {}, token)).orders;
  };
  const page = async (selection: string) => {
    const { orderHistory } = await gqlOk<{ orderHistory: { edges: { node: Order }[] } }>(
      server.url,
      `{ orderHistory(first: 20) { edges { node { id ${selection} } } } }`,
      {},
      token,
    );
    return orderHistory.edges.map((e) => e.node);
  };
  /** What a selection answers, from the answer with every field. */
  const picked = async (selection: string, from: Order[]) => {
    // Asking with the selection beside everything: graphql-js merges the two.
    const both = await list(`${EVERYTHING} ${selection}`);
    const shape = (await list(selection))[0]!;
    expect(both.map((o) => o.id)).toEqual(from.map((o) => o.id));
    return both.map((o) => shapedLike(o, shape) as Order);
  };

  it('answers every field alone as it answers it beside all the others', async () => {
    const full = await list(EVERYTHING);
    expect(full.length).toBeGreaterThanOrEqual(5);
    // The fixture covers the parts that could be left empty.
    expect(full.some((o) => typeof o.queuePosition === 'number')).toBe(true);
    expect(full.every((o) => (o.lines as unknown[]).length > 0)).toBe(true);
    for (const selection of ALONE) {
      const expected = await picked(selection, full);
      expect(await list(selection), selection).toEqual(expected);
      // A fragment and a connection go deeper: the depth limit (6) leaves out the deepest selection.
      if (selection.split('{').length > 3) continue;
      expect(await list(selection, true), `fragment: ${selection}`).toEqual(expected);
      expect(await page(selection), `page: ${selection}`).toEqual(expected);
    }
  });

  it('answers a single order with the parts asked for', async () => {
    const [first] = await list(EVERYTHING);
    const { order } = await gqlOk<{ order: Order }>(
      server.url,
      'query($id: ID!) { order(id: $id) { total customer { name } menuItem { name } } }',
      { id: first!.id },
      token,
    );
    expect(order).toEqual({
      total: first!.total,
      customer: { name: (first!.customer as { name: string }).name },
      menuItem: { name: (first!.menuItem as { name: string }).name },
    });
  });
});
