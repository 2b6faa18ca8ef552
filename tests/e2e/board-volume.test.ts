// The business board on a busy night, in Chromium: Pizza Palace with 300+ orders behind it (most of
// them rejected, cancelled or done, 40 waiting). It loads fast, stays small, sits still when idle,
// shows an Accept at once and a new order without scrolling.
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
  watchFor,
  type Person,
} from './support/browser.js';
import { graphql, loginToken, pizzaMenu, placeOrder } from './support/graphql.js';
import { interceptOnce } from './support/page.js';

const hasChromium = existsSync(CHROMIUM);
const WAITING = 40;
const CLOSED = 250;
const DONE = 12;
const figures: Record<string, number | string> = {};

async function stockUp(base: string, token: string) {
  const data = await graphql<{
    me: { menu: { id: string; name: string; imageUrl: string; price: number }[] };
  }>(base, '{ me { ... on Business { menu { id name imageUrl price } } } }', {}, token);
  await graphql(
    base,
    'mutation ($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
    { items: data.me.menu.map((item) => ({ ...item, inStore: 100_000 })) },
    token,
  );
}

describe.skipIf(!hasChromium)('the board at volume (300+ orders behind it)', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let pizza: Person;
  let pizzaToken: string;
  let aliceToken: string;
  let margheritaId: string;
  const waiting: string[] = [];

  const mutate = (name: 'acceptOrder' | 'rejectOrder' | 'completeOrder', id: string) =>
    graphql(url, `mutation ($id: ID!) { ${name}(id: $id) { id } }`, { id }, pizzaToken);

  beforeAll(async () => {
    const build = ensureWebBuilt();
    figures['web build'] = build.built ? `${build.ms} ms` : 'up to date';
    app = await buildApp({
      databaseUrl: 'memory://',
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      maxOpenOrders: 10_000,
      // Tickets keep one urgency over the test: nothing but the timers' digits changes.
      kitchenPrepMs: 3_600_000,
      pendingTimeoutMs: 7_200_000,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    pizzaToken = await loginToken(url, 'business', 'Pizza Palace', 'pizza-pass');
    aliceToken = await loginToken(url, 'user', 'alice', 'alice-pass');
    const bobToken = await loginToken(url, 'user', 'bob', 'bob-pass');
    await stockUp(url, pizzaToken);
    margheritaId = (await pizzaMenu(url))['Margherita']!.id;

    const started = Date.now();
    // The closed history in batches of ten at a time (the store takes them in parallel).
    const closeOne = async (i: number) => {
      const customer = i % 2 ? aliceToken : bobToken;
      const id = await placeOrder(url, customer, margheritaId, 1);
      if (i % 5 === 0) {
        await graphql(url, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id }, customer);
      } else await mutate('rejectOrder', id);
    };
    for (let i = 0; i < CLOSED; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => closeOne(i + k)));
    }
    for (let i = 0; i < DONE; i++) {
      const id = await placeOrder(url, bobToken, margheritaId, 2);
      await mutate('acceptOrder', id);
      await mutate('completeOrder', id);
    }
    for (let i = 0; i < WAITING; i++) {
      waiting.push(await placeOrder(url, i % 2 ? aliceToken : bobToken, margheritaId, 1 + (i % 3)));
    }
    figures['orders behind the board'] = CLOSED + DONE + WAITING;
    figures['seeding (ms)'] = Date.now() - started;

    browser = await launchChromium();
    pizza = await openAs(browser, url);
    await logIn(pizza.page, 'business', 'Pizza Palace', 'pizza-pass');
    await pizza.page.getByTestId('board').waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (Object.keys(figures).length > 0) console.info('board at volume', figures);
  });

  it('loads in under 2 s with fewer than 3,000 page elements, the waiting count whole and columns capped', async () => {
    const { page } = pizza;
    const started = Date.now();
    await page.reload();
    await page
      .getByTestId('column-new')
      .locator('h2 .count')
      .filter({ hasText: String(WAITING) })
      .waitFor();
    await page.getByTestId('column-new').getByTestId('ticket').first().waitFor();
    const loadMs = Date.now() - started;
    figures['board load (ms)'] = loadMs;
    expect(loadMs).toBeLessThan(2_000);

    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    figures['page elements'] = elements;
    expect(elements).toBeLessThan(3_000);
    expect(await page.getByTestId('figure-waiting').locator('dd').textContent()).toBe(
      String(WAITING),
    );

    // A capped column says how many more there are; the page does not grow with them.
    const more = page.getByTestId('more-new');
    await more.filter({ hasText: /^\+\d+ more/ }).waitFor();
    const shown = await page.getByTestId('column-new').getByTestId('ticket').count();
    expect(await more.textContent()).toContain(`+${WAITING - shown} more`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    figures['page height (px)'] = height;
    expect(height).toBeLessThan(4_000);
    // Only the last few finished orders, not the whole evening.
    expect(await page.getByTestId('column-done').getByTestId('ticket').count()).toBeLessThanOrEqual(
      6,
    );
    expect(await page.getByTestId('column-done').locator('h2 .count').textContent()).toBe(
      String(DONE),
    );
    await screenshot(page, 'board-volume-desktop');
  });

  it('does nothing while idle but tick its timers: no long task, no other change until the next order', async () => {
    const { page } = pizza;
    await page.evaluate(() => {
      const w = window as unknown as {
        __idle: { changes: { at: number; what: string }[]; longTasks: number[] };
      };
      w.__idle = { changes: [], longTasks: [] };
      const timers = '[data-testid=ticket-timer], [role=progressbar], [data-testid=more-new]';
      new MutationObserver((records) => {
        for (const record of records) {
          const target =
            record.target instanceof Element ? record.target : record.target.parentElement;
          if (target?.closest(timers)) continue;
          w.__idle.changes.push({
            at: Date.now(),
            what: `${record.type} ${target?.outerHTML.slice(0, 120) ?? ''}`,
          });
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.__idle.longTasks.push(performance.timeOrigin + entry.startTime);
      }).observe({ type: 'longtask', buffered: false });
    });
    // A quiet second and a half, then a later event: a new order. What changed before it arrived?
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    const arrived = await watchFor(
      page,
      '[data-testid=column-new] [data-testid=ticket]',
      '7 × Margherita',
    );
    const placedAt = Date.now();
    waiting.push(await placeOrder(url, aliceToken, margheritaId, 7));
    const seenAt = await arrived(5_000);
    const idle = await page.evaluate(
      () =>
        (
          window as unknown as {
            __idle: { changes: { at: number; what: string }[]; longTasks: number[] };
          }
        ).__idle,
    );
    const before = (at: number) => at < placedAt;
    figures['new order → board (ms)'] = seenAt - placedAt;
    expect(idle.changes.filter((change) => before(change.at)).map((change) => change.what)).toEqual(
      [],
    );
    expect(idle.longTasks.filter(before)).toEqual([]);
    expect(idle.changes.some((change) => change.at >= placedAt)).toBe(true); // the observer was live
  });

  it('shows a new order at the top of its column, in view without scrolling', async () => {
    const { page } = pizza;
    const id = waiting.at(-1)!;
    const ticket = page.locator(
      `[data-testid=column-new] [data-testid=ticket][data-order-id="${id}"]`,
    );
    await ticket.waitFor();
    const box = await ticket.boundingBox();
    const view = await page.evaluate(() => ({
      scrollY: window.scrollY,
      height: window.innerHeight,
    }));
    expect(view.scrollY).toBe(0);
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(view.height);
    const first = page.getByTestId('column-new').getByTestId('ticket').first();
    expect(await first.getAttribute('data-order-id')).toBe(id);
  });

  it('shows an Accept on screen within 500 ms, and keeps it once the server answers', async () => {
    const { page } = pizza;
    const id = waiting.at(-1)!;
    const ticket = page.locator(`[data-testid=ticket][data-order-id="${id}"]`);
    const accepted = await watchFor(
      page,
      `[data-testid=column-accepted] [data-testid=ticket][data-order-id="${id}"]`,
      '',
    );
    await page.evaluate(() => {
      window.addEventListener(
        'click',
        () => ((window as unknown as { __clickAt: number }).__clickAt = Date.now()),
        { capture: true, once: true },
      );
    });
    await ticket.getByRole('button', { name: /^Accept/ }).click();
    const shownAt = await accepted(2_000);
    const clickAt = await page.evaluate(
      () => (window as unknown as { __clickAt: number }).__clickAt,
    );
    figures['Accept click → on screen (ms)'] = shownAt - clickAt;
    expect(shownAt - clickAt).toBeLessThan(500);
    // Reconciled: the server's answer leaves it accepted (queued, or in the oven if one was free).
    await page.getByText(`Accepted order #`).first().waitFor();
    expect(['ACCEPTED', 'PROCESSING']).toContain(await ticket.getAttribute('data-state'));
  });

  it('rolls an Accept back with a clear message when the server refuses it', async () => {
    const { page } = pizza;
    const id = waiting.at(-2)!;
    const ticket = page.locator(`[data-testid=ticket][data-order-id="${id}"]`);
    await ticket.getByRole('button', { name: /^Accept/ }).waitFor();
    // The customer cancels just before the accept reaches the server.
    const owner = aliceToken; // the 40th waiting order is alice's
    const release = await interceptOnce(page, 'AcceptOrder', async () => {
      await graphql(url, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id }, owner);
    });
    await ticket.getByRole('button', { name: /^Accept/ }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'no longer waiting — the customer may have cancelled it' })
      .waitFor();
    await release();
    await page
      .locator(`[data-testid=column-accepted] [data-order-id="${id}"]`)
      .waitFor({ state: 'detached' });
    await page
      .locator(`[data-testid=ticket][data-order-id="${id}"][data-state=CANCELLED]`)
      .waitFor({ state: 'attached' });
  });
});
