// SIGKILL during a burst of orders, on embedded PGlite (DATA_DIR) and on PostgreSQL: after a restart
// every acknowledged order exists, stock adds up, and the kitchen carries on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { postgresTarget } from '../helpers/stores.js';

const STOCK = 2_000;

interface Target {
  name: string;
  env(): Record<string, string>;
  available: boolean;
  cleanup(): Promise<void>;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'orderly-crash-'));
const pgTarget = postgresTarget();
const targets: Target[] = [
  {
    name: 'PGlite in DATA_DIR',
    env: () => ({ DATA_DIR: dataDir, DATABASE_URL: '' }),
    available: true,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  },
  {
    name: 'PostgreSQL',
    env: () => ({ DATABASE_URL: pgTarget.databaseUrl ?? '' }),
    available: Boolean(pgTarget.databaseUrl),
    cleanup: () => pgTarget.cleanup(),
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`crash safety on ${target.name}`, () => {
    const children: Child[] = [];
    afterAll(async () => {
      await Promise.all(children.map((c) => c.kill('SIGKILL')));
      await target.cleanup();
    });
    const start = async () => {
      const child = await spawnOrderly('api', {
        ...target.env(),
        KITCHEN_PREP_MS: '400',
        LOGIN_MAX_FAILURES: '1000',
        JWT_SECRET: 'crash-test-secret-0123456789-abcdefghijkl',
      });
      children.push(child);
      return child;
    };

    it(
      'keeps every acknowledged order and the stock balance across kills, and the kitchen resumes',
      { timeout: 180_000 },
      async () => {
        let server = await start();
        const pizza = await loginBusiness(server.url!, 'Pizza Palace', 'pizza-pass');
        const alice = await loginUser(server.url!, 'alice', 'alice-pass');
        const item = await rest(server.url!, 'POST', '/set-menu-and-instore', {
          token: pizza.token,
          body: { items: [{ m_name: 'Crash pie', m_img_url: '', m_price: 4, m_instore: STOCK }] },
        });
        const itemId: string = item.body.items[0].m_id;
        const acknowledged = new Set<string>();
        const cancelled = new Set<string>();
        let kills = 0;

        for (let round = 0; round < 2; round++) {
          // Something in the oven when the process dies.
          for (let i = 0; i < 3; i++) {
            const placed = await rest(server.url!, 'POST', '/order', {
              token: alice.token,
              body: { m_id: itemId, quantity: 1 },
            });
            acknowledged.add(placed.body.o_id);
            await gqlOk(
              server.url!,
              'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
              { id: placed.body.o_id },
              pizza.token,
            );
          }
          const url = server.url!;
          const victim = server;
          // Kill once a good part of the burst has been acknowledged, while the rest is in flight.
          let answered = 0;
          const track = <T>(p: Promise<T>) =>
            p.then((r) => {
              if (++answered === 40 + round * 20) void victim.kill('SIGKILL');
              return r;
            });
          const burst = Array.from({ length: 240 }, (_, i) =>
            track(
              i % 10 === 9 && acknowledged.size > 3
                ? rest(url, 'POST', '/cancel_order', {
                    token: alice.token,
                    body: { o_id: [...acknowledged][i % acknowledged.size] },
                  }).catch(() => null)
                : rest(url, 'POST', '/order', {
                    token: alice.token,
                    body: { m_id: itemId, quantity: 1 + (i % 3) },
                  }).catch(() => null),
            ),
          );
          const results = await Promise.all(burst);
          const lost = results.filter((r) => r === null).length;
          expect(lost).toBeGreaterThan(0);
          for (const r of results) {
            if (r?.status === 201) acknowledged.add(r.body.o_id);
            if (r?.status === 200 && r.body.o_state === 'cancelled') cancelled.add(r.body.o_id);
          }
          kills++;
          server = await start();
        }

        // Every acknowledged order is there, and stock + live reservations = what was set.
        const orders = await gqlOk(
          server.url!,
          '{ orders { id state quantity menuItem { id inStore } } }',
          {},
          pizza.token,
        );
        const mine = (
          orders.orders as {
            id: string;
            state: string;
            quantity: number;
            menuItem: { id: string; inStore: number };
          }[]
        ).filter((o) => o.menuItem.id === itemId);
        const ids = new Set(mine.map((o) => o.id));
        expect([...acknowledged].filter((id) => !ids.has(id))).toEqual([]);
        for (const id of cancelled) expect(mine.find((o) => o.id === id)?.state).toBe('CANCELLED');
        const menu = await gqlOk(
          server.url!,
          'query($b: ID!) { menu(businessId: $b) { id inStore } }',
          { b: pizza.e_id },
        );
        const inStore = menu.menu.find((m: { id: string }) => m.id === itemId).inStore;
        const reserved = mine
          .filter((o) => !['CANCELLED', 'REJECTED'].includes(o.state))
          .reduce((n, o) => n + o.quantity, 0);
        expect(inStore + reserved).toBe(STOCK);

        // The kitchen resumes: everything accepted before the kills gets cooked, once.
        const accepted = mine
          .filter((o) => ['ACCEPTED', 'PROCESSING', 'COMPLETED'].includes(o.state))
          .map((o) => o.id);
        expect(accepted.length).toBeGreaterThanOrEqual(6);
        const deadline = Date.now() + 30_000;
        for (;;) {
          const now = await gqlOk(
            server.url!,
            '{ orders(state: COMPLETED) { id history { to } } }',
            {},
            pizza.token,
          );
          const done = (now.orders as { id: string; history: { to: string }[] }[]).filter((o) =>
            accepted.includes(o.id),
          );
          if (done.length === accepted.length) {
            for (const o of done) {
              expect(o.history.filter((h) => h.to === 'PROCESSING')).toHaveLength(1);
              expect(o.history.filter((h) => h.to === 'COMPLETED')).toHaveLength(1);
            }
            break;
          }
          if (Date.now() > deadline)
            throw new Error(`kitchen did not resume: ${done.length}/${accepted.length}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        console.info(
          `crash safety on ${target.name}: ${kills} kills survived, ${acknowledged.size} acknowledged orders kept`,
        );
      },
    );
  });
}
