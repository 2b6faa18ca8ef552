// The GraphQL POST fast path (api/graphql/http.ts) answers exactly as yoga does: the same request
// sent to /graphql (fast path) and to /graphql?via=yoga (which the fast path leaves to yoga) gets the
// same status, content type and body — for answers, refusals, request errors and odd headers alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginBusiness, loginUser } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  token?: 'user' | 'business' | 'forged';
  accept?: string;
}

describe('GraphQL fast path', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let itemId: string;

  beforeAll(async () => {
    server = await startServer();
    tokens.user = (await loginUser(server.url, 'alice', 'alice-pass')).token;
    tokens.business = (await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass')).token;
    tokens.forged = tokens.user.slice(0, -6) + 'AAAAAA';
    itemId = (await demoIds(server.url))['Pizza Palace']!.menu[0]!.id;
  });
  afterAll(() => server?.stop());

  const cases = (): Case[] => [
    { name: 'a query', query: '{ businesses { id name menu { name price } } }' },
    {
      name: "a business's orders",
      query: '{ orders { id state queuePosition menuItem { name } customer { name } } }',
      token: 'business',
    },
    { name: 'a refused field (UNAUTHENTICATED)', query: '{ orders { id } }' },
    {
      name: 'a wrong role (FORBIDDEN)',
      query: 'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1) { id } }',
      variables: { m: itemId },
      token: 'business',
    },
    {
      name: 'OUT_OF_STOCK with its extensions',
      query: 'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 1000) { id } }',
      variables: { m: itemId },
      token: 'user',
    },
    {
      name: 'NOT_FOUND',
      query: 'mutation { acceptOrder(id: "00000000-0000-4000-8000-000000000000") { id } }',
      token: 'business',
    },
    {
      name: 'a variable of the wrong type',
      query: 'mutation($q: Int!) { placeOrder(menuItemId: "x", quantity: $q) { id } }',
      variables: { q: 'many' },
      token: 'user',
    },
    { name: 'a missing variable', query: 'query($id: ID!) { order(id: $id) { id } }' },
    { name: 'an unknown field', query: '{ nope }' },
    { name: 'a syntax error', query: '{ businesses { id ' },
    {
      name: 'one of two operations by name',
      query: 'query A { businesses { id } } query B { businesses { name } }',
      operationName: 'B',
    },
    {
      name: 'two operations and no name',
      query: 'query A { businesses { id } } query B { businesses { name } }',
    },
    { name: 'a forged token', query: '{ me { id } }', token: 'forged' },
    {
      name: 'Accept: application/json',
      query: '{ businesses { id } }',
      accept: 'application/json',
    },
    { name: 'Accept: */*', query: '{ businesses { id } }', accept: '*/*' },
    {
      name: 'Accept: event stream',
      query: '{ businesses { id } }',
      accept: 'text/event-stream',
    },
    { name: 'Accept: nothing we speak', query: '{ businesses { id } }', accept: 'text/html' },
  ];

  it('answers every kind of request exactly as yoga does', async () => {
    for (const c of cases()) {
      const send = async (path: string) => {
        const response = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: c.accept ?? 'application/graphql-response+json, application/json',
            ...(c.token ? { authorization: `Bearer ${tokens[c.token]}` } : {}),
          },
          body: JSON.stringify({
            query: c.query,
            ...(c.variables ? { variables: c.variables } : {}),
            ...(c.operationName ? { operationName: c.operationName } : {}),
          }),
        });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: compare the text
        }
        return {
          case: c.name,
          status: response.status,
          type: response.headers.get('content-type'),
          nosniff: response.headers.get('x-content-type-options'),
          body,
        };
      };
      const fast = await send('/graphql');
      const yoga = await send('/graphql?via=yoga');
      expect(fast).toEqual(yoga);
    }
  });

  it('gives the stock back untouched after the refusals above', async () => {
    const menu = (await demoIds(server.url))['Pizza Palace']!.menu;
    expect(menu[0]!.id).toBe(itemId);
    expect(menu[0]!.inStore).toBeGreaterThan(0);
  });
});
