// An API process on a PostgreSQL of the test's own, which the test cuts off, stalls and stops: the
// process survives each, answers what it can (503 UNAVAILABLE with Retry-After, a /readyz within a
// second), loses no acknowledged order, logs each outage twice, and serves again once it is over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { gql, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { scrape } from '../helpers/metrics.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';
import { hasPostgresTools, startOwnPostgres, type OwnPostgres } from './support/postgres.js';

const STOCK = 100_000;

describe.skipIf(!hasPostgresTools)('an API process whose PostgreSQL fails under it', () => {
  let cluster: OwnPostgres;
  let api: Child;
  let admin: pg.Pool;
  let alice: { token: string };
  let itemId: string;

  beforeAll(async () => {
    cluster = await startOwnPostgres();
    admin = new pg.Pool({ connectionString: cluster.url, max: 2 });
    admin.on('error', () => undefined);
    api = await spawnOrderly('api', {
      DATABASE_URL: cluster.url,
      KITCHEN_PREP_MS: '300',
      LOGIN_MAX_FAILURES: '1000',
      JWT_SECRET: 'faults-test-secret-0123456789-abcdefghijkl',
      // Short deadlines keep the stalled phases of this file short.
      DB_STATEMENT_TIMEOUT_MS: '1500',
      DB_CONNECT_TIMEOUT_MS: '1000',
    });
    const pizza = await loginBusiness(api.url!, 'Pizza Palace', 'pizza-pass');
    alice = await loginUser(api.url!, 'alice', 'alice-pass');
    const item = await rest(api.url!, 'POST', '/set-menu-and-instore', {
      token: pizza.token,
      body: { items: [{ m_name: 'Fault pie', m_img_url: '', m_price: 2, m_instore: STOCK }] },
    });
    itemId = item.body.items[0].m_id;
  });
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await admin?.end().catch(() => undefined);
    cluster?.destroy();
  });

  const alive = () => api.proc.exitCode === null && api.proc.signalCode === null;
  const order = () =>
    rest(api.url!, 'POST', '/order', { token: alice.token, body: { m_id: itemId, quantity: 1 } });
  const logsSince = (mark: number, msg: string) =>
    api.logs.slice(mark).filter((l) => l.msg === msg);

  it(
    'survives ten rounds of pg_terminate_backend under a steady order load, and keeps every acknowledged order',
    { timeout: 90_000 },
    async () => {
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      let stop = false;
      const customer = async () => {
        while (!stop) {
          const r = await order().catch(() => null);
          const status = r?.status ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) acknowledged.push(r!.body.o_id);
        }
      };
      const load = Array.from({ length: 4 }, customer);
      const terminated: number[] = [];
      for (let round = 0; round < 10; round++) {
        // Each round cuts connections that the load has been using since the previous one.
        const before = acknowledged.length;
        await waitFor(async () => acknowledged.length >= before + 3, 20_000);
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        terminated.push(rows[0]!.n);
      }
      const after = acknowledged.length;
      await waitFor(async () => acknowledged.length >= after + 3, 20_000);
      stop = true;
      await Promise.all(load);

      expect(alive(), 'the API process is still running').toBe(true);
      expect(terminated.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(10);
      expect((await order()).status).toBe(201);
      // Only acknowledgements and "try again" answers: no 500, no dropped connection to the client.
      expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
      const { rows: kept } = await admin.query('SELECT id FROM orders WHERE id = ANY($1::uuid[])', [
        acknowledged,
      ]);
      expect(kept).toHaveLength(acknowledged.length);
      const { rows: stock } = await admin.query<{ total: number }>(
        `SELECT m.in_store + coalesce((SELECT sum(quantity) FROM orders WHERE menu_item_id = m.id), 0)::int AS total
           FROM menu_items m WHERE m.id = $1`,
        [itemId],
      );
      expect(stock[0]!.total).toBe(STOCK);
      console.info(
        `pg_terminate_backend: ${terminated.length} rounds, ${terminated.reduce((a, b) => a + b)} backends ` +
          `terminated; 0 crashes; ${acknowledged.length} orders acknowledged, all kept; ` +
          `answers ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    },
  );

  it(
    'answers /readyz with 503 within a second and a half while the database is stalled, logs the request a client gave up on, and is ready again once it runs',
    { timeout: 60_000 },
    async () => {
      const mark = api.logs.length;
      cluster.stall();
      try {
        const abandoned = new AbortController();
        const given = fetch(`${api.url}/get_orders?limit=1`, {
          headers: { authorization: `Bearer ${alice.token}` },
          signal: abandoned.signal,
        }).catch(() => null);
        const started = performance.now();
        const ready = await fetch(`${api.url}/readyz`);
        const ms = performance.now() - started;
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
        expect(ms).toBeLessThan(1_500);
        // The /get_orders request was read long before /readyz answered; its client gives up now.
        abandoned.abort();
        await given;
        await waitFor(async () => logsSince(mark, 'request abandoned').length > 0, 10_000);
        expect(logsSince(mark, 'request abandoned')[0]).toMatchObject({ path: '/get_orders' });
        // A request that waits is answered when the deadline passes: UNAVAILABLE, not a hang.
        const waited = await rest(api.url!, 'GET', '/get_orders?limit=1', { token: alice.token });
        expect(waited.status).toBe(503);
        console.info(`/readyz with the database stalled: ${Math.round(ms)} ms, 503`);
      } finally {
        cluster.resume();
      }
      await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 200, 20_000);
      expect(alive()).toBe(true);
      const samples = await scrape(api.url!);
      expect(
        samples.get(
          'orderly_http_request_duration_seconds_count{route="/get_orders",method="GET",status="499"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      // Logged when the outage began and when it ended, not once per failed call. The last line
      // says it ended (info lines reach stdout within a quarter of a second: api/logger.ts).
      const outage = () =>
        api.logs
          .slice(mark)
          .filter((l) => l.msg === 'database unavailable' || l.msg === 'database available again');
      await waitFor(async () => outage().at(-1)?.msg === 'database available again', 10_000);
      expect(outage().filter((l) => l.msg === 'database unavailable').length).toBeLessThanOrEqual(
        2,
      );
    },
  );

  it(
    'answers 503 UNAVAILABLE with Retry-After over REST and GraphQL while the database is down, and 200 once it is back',
    { timeout: 60_000 },
    async () => {
      cluster.stop();
      try {
        const listed = await rest(api.url!, 'GET', '/get_orders?limit=1', { token: alice.token });
        expect(listed.status).toBe(503);
        expect(listed.body.error.code).toBe('UNAVAILABLE');
        expect(Number(listed.headers.get('retry-after'))).toBeGreaterThan(0);
        const placed = await order();
        expect(placed.status).toBe(503);
        expect(placed.headers.get('retry-after')).not.toBeNull();
        const viaGraphQL = await gql(api.url!, '{ businesses { id name } }');
        expect(viaGraphQL.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
        const ready = await fetch(`${api.url}/readyz`);
        expect(ready.status).toBe(503);
        expect(alive()).toBe(true);
      } finally {
        cluster.start();
      }
      await waitFor(
        async () =>
          (await rest(api.url!, 'GET', '/get_orders?limit=1', { token: alice.token })).status ===
          200,
        20_000,
        200,
      );
      expect((await order()).status).toBe(201);
      expect((await gql(api.url!, '{ businesses { id } }')).errors).toBeUndefined();
    },
  );
});
