// Webhook deliveries survive a SIGKILL of the process that was delivering: on PGlite in DATA_DIR
// (the process restarts on the same directory) and on PostgreSQL (a second process takes over).
// Every transition still arrives at least once, signed, in order per order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gqlOk, loginBusiness, loginUser, record, rest, wsClient } from '../helpers/clients.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { postgresTarget } from '../helpers/stores.js';
import { startReceiver, typesPerOrder } from './support/receiver.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'orderly-webhooks-'));
const pgTarget = postgresTarget();
const targets = [
  {
    name: 'PGlite in DATA_DIR',
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    available: true,
    // One process holds the directory: the same one comes back.
    takeOver: 'restart' as const,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  },
  {
    name: 'PostgreSQL with two processes',
    env: { DATABASE_URL: pgTarget.databaseUrl ?? '' },
    available: Boolean(pgTarget.databaseUrl),
    takeOver: 'second process' as const,
    cleanup: () => pgTarget.cleanup(),
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`webhooks across a SIGKILL on ${target.name}`, () => {
    const children: Child[] = [];
    afterAll(async () => {
      await Promise.all(children.map((c) => c.kill('SIGKILL')));
      await target.cleanup();
    });
    const start = async () => {
      const child = await spawnOrderly('api', {
        ...target.env,
        KITCHEN_PREP_MS: '100',
        LOGIN_MAX_FAILURES: '1000',
        JWT_SECRET: 'webhook-crash-secret-0123456789-abcdefgh',
        WEBHOOK_ALLOW_PRIVATE: '1',
        WEBHOOK_RETRY_BASE_MS: '50',
        WEBHOOK_POLL_MS: '20',
        WEBHOOK_TIMEOUT_MS: '1000',
      });
      children.push(child);
      return child;
    };

    it(
      'delivers every transition at least once, in order per order',
      { timeout: 120_000 },
      async () => {
        const receiver = await startReceiver();
        try {
          const first = await start();
          let base = first.url!;
          const pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
          const alice = await loginUser(base, 'alice', 'alice-pass');
          const set = await gqlOk(
            base,
            'mutation($url: String!) { setWebhook(url: $url) { secret } }',
            { url: receiver.url },
            pizza.token,
          );
          receiver.secret = set.setWebhook.secret;
          const item = (
            await rest(base, 'POST', '/set-menu-and-instore', {
              token: pizza.token,
              body: { items: [{ m_name: 'Crash pie', m_img_url: '', m_price: 5, m_instore: 100 }] },
            })
          ).body.items[0].m_id as string;
          const orders: string[] = [];
          const place = async () => {
            const id = (
              await rest(base, 'POST', '/order', {
                token: alice.token,
                body: { m_id: item, quantity: 1 },
              })
            ).body.o_id as string;
            orders.push(id);
            return id;
          };

          // The first delivery is held open by the receiver while the process that sent it dies.
          receiver.hold();
          await place();
          await place();
          await receiver.untilHeld();
          // A stream client's last cursor before the kill: the first order's placement.
          const lastSeen = (
            await gqlOk(
              base,
              'query($id: ID!) { order(id: $id) { history { cursor } } }',
              { id: orders[0] },
              pizza.token,
            )
          ).order.history[0].cursor as string;
          const second = target.takeOver === 'second process' ? await start() : undefined;
          await first.kill('SIGKILL');
          receiver.release();
          const next = second ?? (await start());
          base = next.url!;
          // Work made after the kill, through the process that carries on.
          const later = await place();
          await gqlOk(
            base,
            'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
            { id: later },
            pizza.token,
          );
          await gqlOk(
            base,
            'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
            { id: orders[0] },
            pizza.token,
          );

          const histories = new Map<string, string[]>();
          const expected = async () => {
            for (const id of orders) {
              const { order } = await gqlOk(
                base,
                'query($id: ID!) { order(id: $id) { history { cursor to } } }',
                { id },
                pizza.token,
              );
              histories.set(
                id,
                order.history.map((e: { to: string }) => `order.${e.to.toLowerCase()}`),
              );
            }
          };
          await receiver.until(
            (got) => typesPerOrder(got).get(later)?.includes('order.completed') === true,
            60_000,
          );
          await expected();
          await receiver.until((got) => {
            const perOrder = typesPerOrder(got);
            return orders.every(
              (id) => JSON.stringify(perOrder.get(id)) === JSON.stringify(histories.get(id)),
            );
          }, 30_000);
          expect(receiver.received.every((d) => d.signatureValid)).toBe(true);

          // orderEvents resumes on the process that carries on: everything after the cursor, once.
          const client = wsClient(base, pizza.token);
          try {
            const total = [...histories.values()].reduce((n, h) => n + h.length, 0);
            const stream = record<{ cursor: string; to: string; order: { id: string } }>(
              client,
              'subscription($after: String) { orderEvents(after: $after) { cursor to order { id } } }',
              { after: lastSeen },
            );
            const replayed = await stream.until((v) => v.length >= total - 1, 30_000);
            expect(new Set(replayed.map((e) => e.cursor)).size).toBe(replayed.length);
            const perOrder = new Map<string, string[]>();
            for (const e of replayed) {
              perOrder.set(e.order.id, [
                ...(perOrder.get(e.order.id) ?? []),
                `order.${e.to.toLowerCase()}`,
              ]);
            }
            expect(perOrder.get(orders[0]!)).toEqual(histories.get(orders[0]!)!.slice(1));
            for (const id of orders.slice(1)) expect(perOrder.get(id)).toEqual(histories.get(id));
          } finally {
            await client.dispose();
          }
          expect(Object.fromEntries(typesPerOrder(receiver.accepted()))).toEqual(
            Object.fromEntries(histories),
          );
        } finally {
          await receiver.close();
        }
      },
    );
  });
}
