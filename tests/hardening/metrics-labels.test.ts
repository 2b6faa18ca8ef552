// Operation labels on /metrics are the operations Orderly's clients send (the web app's and the
// REST routes'); whatever names an anonymous client makes up are counted together as `other`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { clientOperationNames } from '../../api/graphql/operation-names.js';

const DURATION = 'orderly_graphql_operation_duration_seconds_count';

const operationLabels = (samples: Map<string, number>) =>
  new Set(
    [...samples.keys()]
      .filter((series) => series.startsWith(DURATION + '{'))
      .map((series) => /operation="([^"]*)"/.exec(series)![1]!),
  );

describe('operation labels', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('knows the web app’s and the REST routes’ operations', () => {
    const names = clientOperationNames();
    for (const name of [
      'Businesses',
      'PlaceOrder',
      'BoardOrderUpdated',
      'RestGetOrders',
      'RestUserLogin',
    ])
      expect(names).toContain(name);
  });

  it('counts 210 made-up operation names as `other`, and a real operation after them under its own name', async () => {
    for (let i = 0; i < 210; i++) {
      await gqlOk(server.url, `query Junk${i} { businesses { id } }`);
    }
    // The web app's own query, after the junk.
    await gqlOk(server.url, 'query Businesses { businesses { id name } }');
    await gql(server.url, '{ businesses { id } }');

    const samples = await scrape(server.url);
    const labels = operationLabels(samples);
    expect([...labels].filter((l) => l.startsWith('Junk'))).toEqual([]);
    expect(samples.get(`${DURATION}{type="query",operation="other"}`)).toBe(210);
    expect(samples.get(`${DURATION}{type="query",operation="Businesses"}`)).toBe(1);
    expect(samples.get(`${DURATION}{type="query",operation="anonymous"}`)).toBeGreaterThanOrEqual(
      1,
    );
    // Bounded whatever is sent: the known names, plus `other` and `anonymous`.
    const known = clientOperationNames();
    for (const label of labels)
      expect(known.has(label) || label === 'other' || label === 'anonymous').toBe(true);
  });
});
