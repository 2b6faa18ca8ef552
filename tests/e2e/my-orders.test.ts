// My orders with a long history, in Chromium against the real server: live orders first, then the
// history a page at a time as the customer scrolls, every order once, newest first, still live.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { ensureWebBuilt } from './support/build.js';
import {
  CHROMIUM,
  launchChromium,
  logIn,
  openAs,
  screenshot,
  type Person,
} from './support/browser.js';
import { graphql, loginToken, pizzaMenu, placeOrder } from './support/graphql.js';

const hasChromium = existsSync(CHROMIUM);
const HISTORY = 300;
const LIVE = 5;
const figures: Record<string, number | string> = {};

/** `count` copies of a finished order, each a minute older than the last, with its lines and events. */
async function copyAsOlderOrders(app: App, orderId: string, count: number) {
  await app.db.transaction(async (tx) => {
    await tx.query(
      `WITH copies AS (
         INSERT INTO orders (user_id, business_id, menu_item_id, quantity, unit_price, state,
                             created_at, updated_at, note)
         SELECT o.user_id, o.business_id, o.menu_item_id, o.quantity, o.unit_price, o.state,
                o.created_at - make_interval(mins => g), o.updated_at - make_interval(mins => g), o.note
         FROM orders o, generate_series(1, $2::int) AS g
         WHERE o.id = $1
         RETURNING id, created_at
       ), lines AS (
         INSERT INTO order_lines (order_id, position, menu_item_id, quantity, unit_price, note)
         SELECT c.id, l.position, l.menu_item_id, l.quantity, l.unit_price, l.note
         FROM copies c, order_lines l
         WHERE l.order_id = $1
       )
       INSERT INTO order_events (order_id, from_state, to_state, actor, actor_id, reason, at)
       SELECT c.id, e.from_state, e.to_state, e.actor, e.actor_id, e.reason,
              c.created_at + (e.at - t.created_at)
       FROM copies c, order_events e, orders t
       WHERE e.order_id = $1 AND t.id = $1`,
      [orderId, count],
    );
  });
}

describe('My orders with 300 orders behind it, in Chromium', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let alice: Person;
  let aliceToken: string;
  let margheritaId: string;
  /** alice's orders, oldest first. */
  const placed: string[] = [];

  const cancel = (id: string) =>
    graphql(url, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id }, aliceToken);

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    app = await buildApp({
      databaseUrl: 'memory://',
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      maxOpenOrders: HISTORY + 10,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    const menu = await pizzaMenu(url);
    const margherita = menu['Margherita']!;
    margheritaId = margherita.id;
    const pizzaToken = await loginToken(url, 'business', 'Pizza Palace', 'pizza-pass');
    await graphql(
      url,
      'mutation ($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
      {
        items: [
          {
            id: margherita.id,
            name: margherita.name,
            price: margherita.price,
            imageUrl: '',
            inStore: 10_000,
            expectedInStore: margherita.inStore,
          },
        ],
      },
      pizzaToken,
    );
    aliceToken = await loginToken(url, 'user', 'alice', 'alice-pass');
    const started = Date.now();
    // One cancelled order through the API, copied in the database as its older history (placing
    // 300 orders one by one costs 20 s on a busy machine), then the live ones through the API.
    const template = await placeOrder(url, aliceToken, margheritaId, 1);
    await cancel(template);
    await copyAsOlderOrders(app, template, HISTORY - LIVE - 1);
    for (let i = 0; i < LIVE; i += 1) await placeOrder(url, aliceToken, margheritaId, 1);
    figures['300 orders in place (ms)'] = Date.now() - started;
    // Oldest first, as the server orders them (its `orders` list, not the paged history).
    const all = await graphql<{ orders: { id: string }[] }>(
      url,
      '{ orders { id } }',
      {},
      aliceToken,
    );
    placed.push(...all.orders.map((order) => order.id).reverse());
    expect(placed).toHaveLength(HISTORY);
    browser = await launchChromium();
    alice = await openAs(browser, url);
    await logIn(alice.page, 'customer', 'alice', 'alice-pass');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (Object.keys(figures).length > 0) console.info('my orders figures', figures);
  });

  it.skipIf(!hasChromium)(
    'shows live orders first and a bounded first page of history',
    async () => {
      const { page } = alice;
      const started = Date.now();
      await page.getByRole('link', { name: 'My orders' }).click();
      await page.getByTestId('past-orders').getByTestId('my-order').first().waitFor();
      figures['My orders first paint (ms)'] = Date.now() - started;

      const live = page.getByTestId('active-orders').getByTestId('my-order');
      expect(await live.count()).toBe(LIVE);
      expect(
        await live.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-order-id'))),
      ).toEqual(placed.slice(HISTORY - LIVE).reverse());
      const rows = await page.getByTestId('my-order').count();
      expect(rows).toBeLessThanOrEqual(LIVE + 20);
      const size = await page.evaluate(() => ({
        elements: document.querySelectorAll('*').length,
        height: document.documentElement.scrollHeight,
      }));
      figures['rows drawn at first'] = rows;
      figures['page elements at first'] = size.elements;
      figures['page height at first (px)'] = size.height;
      expect(size.elements).toBeLessThan(3_000);
      await screenshot(page, 'customer-my-orders-history', { fullPage: false });
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'loads older orders as the customer scrolls, each once, newest first, to the very first',
    async () => {
      const { page } = alice;
      const past = page.getByTestId('past-orders').getByTestId('my-order');
      let pages = 0;
      while ((await page.getByTestId('history-end').count()) === 0) {
        const before = await past.count();
        await page.mouse.wheel(0, 20_000);
        await page.waitForFunction(
          (n) =>
            document.querySelectorAll('[data-testid=past-orders] [data-testid=my-order]').length >
              n || document.querySelector('[data-testid=history-end]') !== null,
          before,
          { timeout: 5_000 },
        );
        pages += 1;
        expect(pages).toBeLessThan(40);
      }
      const ids = await past.evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-order-id')),
      );
      expect(ids).toEqual(placed.slice(0, HISTORY - LIVE).reverse());
      figures['pages scrolled to the first order'] = pages;
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'moves an order from live to history as it happens',
    async () => {
      const { page } = alice;
      const newest = placed[HISTORY - 1]!;
      await cancel(newest);
      await page
        .getByTestId('past-orders')
        .locator(`[data-testid=my-order][data-order-id="${newest}"][data-state=CANCELLED]`)
        .waitFor();
      expect(
        await page.getByTestId('active-orders').locator(`[data-order-id="${newest}"]`).count(),
      ).toBe(0);
      const fresh = await placeOrder(url, aliceToken, margheritaId, 2);
      await page.getByTestId('active-orders').locator(`[data-order-id="${fresh}"]`).waitFor();
      expect(await page.getByTestId('active-orders').getByTestId('my-order').count()).toBe(LIVE);
      expect(alice.problems).toEqual([]);
    },
    30_000,
  );
});
