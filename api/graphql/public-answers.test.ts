// Whole answers to anonymous queries of public data are kept while nothing changed, and only those.
import { OperationTypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_ANSWER_MAX_BYTES,
  PUBLIC_ANSWERS_MAX_TOTAL,
  PublicAnswers,
  type KeptOperation,
} from './public-answers.js';
import { gqlOk, loginBusiness, loginUser } from '../../tests/helpers/clients.js';
import { scrape } from '../../tests/helpers/metrics.js';
import { countQueries, demoIds, startServer, type TestServer } from '../../tests/helpers/server.js';

const MENU = 'query Menu($id: ID!) { menu(businessId: $id) { id name price inStore } }';

describe('kept public answers', () => {
  let server: TestServer;
  let queries: { readonly count: number };
  let business: { token: string; e_id: string };
  let businessId: string;
  let itemId: string;
  beforeAll(async () => {
    server = await startServer({ kitchen: 'off', webhookPollMs: 3_600_000 });
    queries = countQueries(server.app);
    const ids = await demoIds(server.url);
    businessId = ids['Pizza Palace']!.id;
    itemId = ids['Pizza Palace']!.menu[0]!.id;
    business = await loginBusiness(server.url, 'Pizza Palace', 'pizza-pass');
  });
  afterAll(() => server?.stop());

  /** Answers served from what was kept so far (the metric the server reports). */
  const keptAnswers = async () =>
    (await scrape(server.url)).get('orderly_public_reads_total{read="answer",result="hit"}') ?? 0;
  const menu = async (token?: string) =>
    (
      await gqlOk<{ menu: { id: string; price: number; inStore: number }[] }>(
        server.url,
        MENU,
        { id: businessId },
        token,
      )
    ).menu;

  it('answers an anonymous menu again without SQL or execution, the same bytes', async () => {
    const first = await menu();
    const kept = await keptAnswers(); // a scrape reads the kitchens' gauges
    const before = { queries: queries.count, kept };
    expect(await menu()).toEqual(first);
    expect(queries.count).toBe(before.queries);
    expect(await keptAnswers()).toBe(before.kept + 1);
  });

  it('answers with the change after a price edit and after a placement takes stock', async () => {
    const [item] = (await menu()).filter((i) => i.id === itemId);
    await gqlOk(
      server.url,
      `mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }`,
      {
        items: [
          { id: itemId, name: 'Margherita', imageUrl: '/images/margherita.svg', price: 99.5 },
        ],
      },
      business.token,
    );
    expect((await menu()).find((i) => i.id === itemId)!.price).toBe(99.5);
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    await gqlOk(
      server.url,
      'mutation($m: ID!) { placeOrder(menuItemId: $m, quantity: 2) { id } }',
      { m: itemId },
      alice.token,
    );
    expect((await menu()).find((i) => i.id === itemId)!.inStore).toBe(item!.inStore - 2);
  });

  it('keeps nothing for a viewer with a token, nor for fields that change by themselves', async () => {
    await menu();
    const kept = await keptAnswers();
    await menu(business.token);
    await menu(business.token);
    const others = [
      `{ business(id: "${businessId}") { name ordering { open } } }`,
      `{ business(id: "${businessId}") { kitchen { queueLength } } }`,
      `{ businesses { name } me { id } }`,
    ];
    for (const query of others) {
      await gqlOk(server.url, query);
      await gqlOk(server.url, query);
    }
    expect(await keptAnswers()).toBe(kept);
    // The anonymous menu is still kept, so the count above would have moved.
    await menu();
    expect(await keptAnswers()).toBe(kept + 1);
  });

  it('keeps the list of businesses until any business changes', async () => {
    const list = '{ businesses { id name menu { name price } } }';
    await gqlOk(server.url, list);
    const kept = await keptAnswers();
    await gqlOk(server.url, list);
    expect(await keptAnswers()).toBe(kept + 1);
    await gqlOk(server.url, 'mutation { pauseOrders(reason: "Busy") { id } }', {}, business.token);
    await gqlOk(server.url, 'mutation { resumeOrders { id } }', {}, business.token);
    await gqlOk(server.url, list);
    expect(await keptAnswers()).toBe(kept + 1);
  });
});

describe('the kept answers themselves', () => {
  let changes = 0;
  const freshness = {
    serving: () => true,
    stamp: () => ({ epoch: 0, changes, businesses: null }),
    isCurrent: (stamp: { changes: number }) => stamp.changes === changes,
  };

  const query: KeptOperation = { type: OperationTypeNode.QUERY, name: 'Menu' };

  it('keeps no answer whose reads changed while it was executed, and drops one that changed since', () => {
    const answers = new PublicAnswers(freshness);
    const stale = answers.stamp(null);
    changes += 1;
    answers.keep('a', '{"data":{}}', stale, query);
    expect(answers.get('a')).toBeNull();
    answers.keep('b', '{"data":{}}', answers.stamp(null), query);
    expect(answers.get('b')?.payload).toBe('{"data":{}}');
    changes += 1;
    expect(answers.get('b')).toBeNull();
    expect(answers.size).toBe(0);
  });

  it('holds at most its budget, the least recently used going first', () => {
    const answers = new PublicAnswers(freshness);
    const big = 'x'.repeat(PUBLIC_ANSWER_MAX_BYTES - 100);
    const count = Math.ceil(PUBLIC_ANSWERS_MAX_TOTAL / big.length) + 5;
    for (let i = 0; i < count; i++) {
      answers.keep(`k${i}`, big, answers.stamp(null), query);
      // The first one stays in use, so it is never the least recently used.
      expect(answers.get('k0')?.payload).toBe(big);
    }
    expect(answers.size * big.length).toBeLessThanOrEqual(PUBLIC_ANSWERS_MAX_TOTAL);
    expect(answers.get('k1')).toBeNull();
    expect(answers.get(`k${count - 1}`)?.payload).toBe(big);
    answers.keep('huge', `${big}${'y'.repeat(200)}`, answers.stamp(null), query);
    expect(answers.get('huge')).toBeNull();
  });
});
