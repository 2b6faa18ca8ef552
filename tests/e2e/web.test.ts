// The web app end to end in real Chromium against the real server: a customer (alice) and a business
// (Pizza Palace) in two browser contexts, each flow watched from both sides without reloads. The
// server serves a private build of web/ (see support/build.ts), exactly as it serves web/dist.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { ensureWebBuilt } from './support/build.js';
import {
  CHROMIUM,
  DESKTOP,
  PHONE,
  launchChromium,
  logIn,
  openAs,
  screenshot,
  screenshotOf,
  watchFor,
  type Person,
} from './support/browser.js';
import {
  acceptOrder,
  graphql,
  loginToken,
  pizzaMenu,
  placeOrder,
  type DemoItem,
} from './support/graphql.js';
import {
  addToBasket,
  basketLine,
  distinct,
  interceptOnce,
  loseAnswerOnce,
  menuCard,
  openBasket,
  orderFromMenu,
  orderIdFrom,
  placeBasket,
  recordBoardColumn,
  recordTracker,
} from './support/page.js';

const hasChromium = existsSync(CHROMIUM);
const PREP_MS = 4_000;
const figures: Record<string, number | string> = {};

describe('web app in Chromium (alice and Pizza Palace)', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let alice: Person;
  let pizza: Person;
  let menu: Record<string, DemoItem>;
  let pizzaId: string;
  let bobToken: string;
  let pizzaToken: string;

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    figures['web build'] = build.built ? `${build.ms} ms` : 'up to date';
    app = await buildApp({
      databaseUrl: 'memory://',
      kitchenPrepMs: PREP_MS,
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    menu = await pizzaMenu(url);
    const data = await graphql<{ businesses: { id: string; name: string }[] }>(
      url,
      '{ businesses { id name } }',
    );
    pizzaId = data.businesses.find((b) => b.name === 'Pizza Palace')!.id;
    bobToken = await loginToken(url, 'user', 'bob', 'bob-pass');
    pizzaToken = await loginToken(url, 'business', 'Pizza Palace', 'pizza-pass');
    browser = await launchChromium();
    alice = await openAs(browser, url);
    pizza = await openAs(browser, url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (Object.keys(figures).length > 0) console.info('e2e figures', figures);
  });

  it.skipIf(!hasChromium)(
    'logs both roles in and keeps the session across a reload',
    async () => {
      await screenshot(alice.page, 'desktop-login');
      await logIn(alice.page, 'customer', 'alice', 'alice-pass');
      await logIn(pizza.page, 'business', 'Pizza Palace', 'pizza-pass');
      await pizza.page.getByTestId('board').waitFor();
      await pizza.page.getByTestId('oven-slot').nth(1).waitFor(); // capacity 2: both slots drawn while empty

      await alice.page.reload();
      await alice.page.getByTestId('whoami').filter({ hasText: 'alice' }).waitFor();
      await alice.page.getByRole('heading', { name: 'Where would you like to eat?' }).waitFor();
      await alice.page.getByTestId('business-card').first().waitFor();
      expect(await alice.page.getByTestId('business-card').count()).toBe(2);
      await screenshot(alice.page, 'desktop-customer-businesses');
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'shows a new order on the board within a second and follows it to ready with a shrinking ETA',
    async () => {
      // Two of bob's orders will fill both ovens, so alice's order visibly waits in the queue first.
      const bobsOrders = [
        await placeOrder(url, bobToken, menu['Pepperoni']!.id, 1),
        await placeOrder(url, bobToken, menu['Pepperoni']!.id, 1),
      ];

      await alice.page.getByRole('link', { name: /Pizza Palace/ }).click();
      const margherita = menuCard(alice.page, 'Margherita');
      await margherita.getByTestId('stock').filter({ hasText: '20 in stock' }).waitFor();
      await screenshot(alice.page, 'desktop-customer-menu');
      await addToBasket(alice.page, 'Margherita', 3);

      const onBoard = await watchFor(
        pizza.page,
        '[data-testid=column-new] [data-testid=ticket]',
        '3 × Margherita',
      );
      const clickedAt = Date.now();
      await placeBasket(alice.page);
      const appearedAt = await onBoard(5_000);
      const latency = appearedAt - clickedAt;
      figures['order click → board card (ms)'] = latency;
      expect(latency).toBeLessThan(1_000);

      await alice.page.waitForURL(/#\/orders\//);
      const orderId = orderIdFrom(alice.page);
      await alice.page.locator('[data-testid=order-status][data-state=PENDING]').waitFor();
      await alice.page.getByTestId('cancel-order').waitFor();
      await pizza.page.waitForFunction(() => document.title === '(3) Board · Orderly', null, {
        timeout: 2_000,
      });
      await screenshot(pizza.page, 'desktop-business-board-new-order');

      const samples = await recordTracker(alice.page);
      const columns = await recordBoardColumn(pizza.page, orderId);
      // bob's two orders go into both ovens just before alice's is accepted, so hers waits in line.
      await Promise.all(bobsOrders.map((id) => acceptOrder(url, pizzaToken, id)));
      const ticket = pizza.page.locator(`[data-testid=ticket][data-order-id="${orderId}"]`);
      await ticket.getByRole('button', { name: /^Accept/ }).click();
      await pizza.page.waitForFunction(() => document.title === 'Board · Orderly', null, {
        timeout: 2_000,
      });

      await alice.page
        .locator('[data-testid=order-status][data-state=ACCEPTED]')
        .waitFor({ timeout: 5_000 });
      await alice.page
        .getByTestId('queue-position')
        .filter({ hasText: 'You are next in line' })
        .waitFor();
      await alice.page.getByTestId('cancel-locked').waitFor();
      await screenshot(alice.page, 'desktop-customer-order-queued');

      await alice.page
        .locator('[data-testid=order-status][data-state=PROCESSING]')
        .waitFor({ timeout: PREP_MS * 3 });
      await screenshot(pizza.page, 'desktop-business-board-cooking');
      await screenshot(alice.page, 'desktop-customer-order-cooking');

      await alice.page
        .locator('[data-testid=order-status][data-state=COMPLETED]')
        .waitFor({ timeout: PREP_MS * 3 });
      await alice.page.getByText('Ready!', { exact: true }).waitFor();
      await pizza.page
        .locator(`[data-testid=column-done] [data-testid=ticket][data-order-id="${orderId}"]`)
        .waitFor();
      await screenshot(alice.page, 'desktop-customer-order-ready');

      const seen = await samples();
      expect(distinct(seen.map((s) => s.state)).filter((s) => s !== 'PENDING')).toEqual([
        'ACCEPTED',
        'PROCESSING',
        'COMPLETED',
      ]);
      const countdown = seen.filter(
        (s) => (s.state === 'ACCEPTED' || s.state === 'PROCESSING') && s.remaining !== null,
      );
      const remaining = countdown.map((s) => s.remaining!);
      expect(remaining.length).toBeGreaterThan(10);
      expect(remaining[0]!).toBeGreaterThan(PREP_MS); // queued behind two cooking orders
      expect(remaining[remaining.length - 1]!).toBeLessThan(remaining[0]! - PREP_MS);
      const risesOverHalfASecond = remaining.filter(
        (value, i) => i > 0 && value > remaining[i - 1]! + 500,
      );
      expect(risesOverHalfASecond).toEqual([]);
      figures['ETA at accept → just before ready (ms)'] =
        `${remaining[0]} → ${remaining[remaining.length - 1]}`;

      expect(distinct(await columns())).toEqual(
        expect.arrayContaining(['column-new', 'column-accepted', 'column-oven', 'column-done']),
      );
      const steps = alice.page.locator('[data-step]');
      expect(
        await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-progress'))),
      ).toEqual(['done', 'done', 'done', 'done']);
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'cancels while pending, gives the stock back, and explains a refused cancel',
    async () => {
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      const pepperoni = menuCard(alice.page, 'Pepperoni');
      const before = (await pepperoni.getByTestId('stock').textContent())!.trim();
      await orderFromMenu(alice.page, 'Pepperoni', 2);
      await alice.page.waitForURL(/#\/orders\//);
      const orderId = orderIdFrom(alice.page);
      await pizza.page
        .locator(`[data-testid=column-new] [data-testid=ticket][data-order-id="${orderId}"]`)
        .waitFor();

      await alice.page.getByTestId('cancel-order').click();
      await alice.page.locator('[data-testid=order-status][data-state=CANCELLED]').waitFor();
      await alice.page.getByText('Your order is cancelled.').waitFor();
      expect(await alice.page.getByTestId('cancel-order').count()).toBe(0);
      await pizza.page.getByText(`was cancelled by alice`).waitFor();
      await pizza.page
        .locator(`[data-testid=column-new] [data-testid=ticket][data-order-id="${orderId}"]`)
        .waitFor({ state: 'detached' });
      await pizza.page.getByTestId('column-closed').locator('summary').click();
      await pizza.page
        .locator(`[data-testid=column-closed] [data-testid=ticket][data-order-id="${orderId}"]`)
        .waitFor();

      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await menuCard(alice.page, 'Pepperoni')
        .getByTestId('stock')
        .filter({ hasText: before })
        .waitFor();

      // The kitchen accepts at the very moment alice presses Cancel: the server refuses, in words.
      await orderFromMenu(alice.page, 'Pepperoni');
      await alice.page.waitForURL(/#\/orders\//);
      const racedId = orderIdFrom(alice.page);
      await alice.page.getByTestId('cancel-order').waitFor();
      const release = await interceptOnce(alice.page, 'CancelOrder', () =>
        acceptOrder(url, pizzaToken, racedId),
      );
      await alice.page.getByTestId('cancel-order').click();
      await alice.page
        .getByTestId('cancel-error')
        .filter({
          hasText: 'The kitchen has accepted your order, so it can no longer be cancelled.',
        })
        .waitFor();
      await alice.page.getByTestId('cancel-locked').waitFor();
      await release();
      await screenshot(alice.page, 'desktop-customer-cancel-refused');
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'edits menu and stock with inline validation, and alice sees it live',
    async () => {
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      const quattro = menuCard(alice.page, 'Quattro Formaggi');
      await quattro.waitFor();

      await pizza.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Menu & stock' })
        .click();
      const row = pizza.page.locator(
        `[data-testid=menu-row][data-item-id="${menu['Quattro Formaggi']!.id}"]`,
      );
      await row.getByLabel('Price', { exact: true }).fill('-1');
      await row.getByLabel('Stock', { exact: true }).fill('3');
      await pizza.page.getByRole('button', { name: 'Save all' }).click();
      await row.getByText('The price cannot be negative.').waitFor();
      expect(await row.getByLabel('Price', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      await pizza.page
        .getByTestId('menu-form-error')
        .filter({ hasText: 'Nothing has been saved yet.' })
        .waitFor();
      await screenshot(pizza.page, 'desktop-business-menu-validation');
      expect(await quattro.getByTestId('stock').textContent()).toContain('10 in stock');

      await row.getByLabel('Price', { exact: true }).fill('13.75');
      const onMenu = await watchFor(alice.page, '[data-testid=menu-item]', 'Only 3 left');
      const savedAt = Date.now();
      await pizza.page.getByRole('button', { name: 'Save all' }).click();
      figures['stock save → customer menu (ms)'] = (await onMenu(5_000)) - savedAt;
      await quattro.getByText('$13.75', { exact: true }).waitFor();
      await pizza.page.getByText('All changes saved').waitFor();

      // A new item without a photo appears on alice's menu with a placeholder.
      await pizza.page.getByRole('button', { name: 'Add item' }).click();
      const fresh = pizza.page.locator('[data-testid=menu-row][data-item-id=""]');
      await expect
        .poll(() => pizza.page.evaluate(() => document.activeElement?.id ?? ''))
        .toMatch(/-name$/);
      await fresh.getByLabel('Name', { exact: true }).fill('Calzone');
      await fresh.getByLabel('Price', { exact: true }).fill('12');
      await fresh.getByLabel('Stock', { exact: true }).fill('4');
      await pizza.page.getByRole('button', { name: 'Save all' }).click();
      const calzone = menuCard(alice.page, 'Calzone');
      await calzone.getByRole('img', { name: 'Calzone (no photo yet)' }).waitFor();
      await calzone.getByText('Only 4 left').waitFor();
      await screenshot(alice.page, 'desktop-customer-menu-live-stock');
      await screenshot(pizza.page, 'desktop-business-menu-editor');
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'refuses an order the stock cannot cover, in words, and greys out a sold-out item',
    async () => {
      const garlic = menu['Garlic Bread']!;
      await graphql(
        url,
        'mutation ($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
        {
          items: [
            {
              id: garlic.id,
              name: garlic.name,
              imageUrl: '/images/garlic-bread.svg',
              price: garlic.price,
              inStore: 2,
            },
          ],
        },
        pizzaToken,
      );
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      const card = menuCard(alice.page, 'Garlic Bread');
      await card.getByTestId('stock').filter({ hasText: 'Only 2 left' }).waitFor();

      // Validated in the form first: nothing is sent.
      await card.getByLabel('Quantity', { exact: true }).fill('5');
      await card
        .getByTestId('order-error')
        .filter({ hasText: 'Only 2 left — lower the quantity.' })
        .waitFor();
      expect(await card.getByLabel('Quantity', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );

      // bob buys one while alice's order for two is on its way: the server says OUT_OF_STOCK,
      // beside the basket's line, and the basket names the item.
      await addToBasket(alice.page, 'Garlic Bread', 2);
      const release = await interceptOnce(alice.page, 'PlaceOrder', async () => {
        await placeOrder(url, bobToken, garlic.id, 1);
      });
      await placeBasket(alice.page);
      const line = basketLine(alice.page, 'Garlic Bread');
      await line
        .getByTestId('line-error')
        .filter({ hasText: 'Sorry, only 1 left. Lower the quantity and try again.' })
        .waitFor();
      await alice.page
        .getByTestId('basket-error')
        .filter({ hasText: 'Sorry, only 1 Garlic Bread left.' })
        .waitFor();
      await release();
      expect(alice.page.url()).toContain('#/businesses/');
      await screenshot(alice.page, 'desktop-customer-out-of-stock');

      await line.getByLabel('Quantity of Garlic Bread', { exact: true }).fill('1');
      await placeBasket(alice.page);
      await alice.page.waitForURL(/#\/orders\//);
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await card.getByTestId('stock').filter({ hasText: 'Sold out' }).waitFor();
      expect(await card.getByRole('button', { name: 'Sold out' }).isDisabled()).toBe(true);
      expect(await card.evaluate((el) => el.classList.contains('sold-out'))).toBe(true);
      // The business, busy in Menu & stock, still hears about new orders.
      await pizza.page.getByRole('link', { name: 'Open the board' }).first().waitFor();
      expect(await pizza.page.title()).toMatch(/^\(\d+\) Menu & stock · Orderly$/);
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'rejects with a one-tap reason, and completes a cooking order early',
    async () => {
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await orderFromMenu(alice.page, 'Margherita');
      await alice.page.waitForURL(/#\/orders\//);
      const rejectedId = orderIdFrom(alice.page);
      await pizza.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Board' })
        .click();
      const rejecting = pizza.page.locator(`[data-testid=ticket][data-order-id="${rejectedId}"]`);
      await rejecting.getByRole('button', { name: /^Reject/ }).click();
      // One tap on a reason; it is sent once the Undo window has passed.
      await rejecting.getByRole('button', { name: 'Kitchen too busy' }).click();
      await alice.page.locator('[data-testid=order-status][data-state=REJECTED]').waitFor();
      await alice.page
        .getByTestId('status-text')
        .filter({ hasText: 'Declined by the restaurant' })
        .waitFor();

      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await orderFromMenu(alice.page, 'Margherita');
      await alice.page.waitForURL(/#\/orders\//);
      const earlyId = orderIdFrom(alice.page);
      // alice watches My orders meanwhile: the row moves live and a toast says what happened.
      await alice.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My orders' })
        .click();
      const row = (state: string) =>
        alice.page.locator(
          `[data-testid=my-order][data-order-id="${earlyId}"][data-state=${state}]`,
        );
      await row('PENDING').waitFor();
      const ticket = pizza.page.locator(`[data-testid=ticket][data-order-id="${earlyId}"]`);
      await ticket.getByRole('button', { name: /^Accept/ }).click();
      await alice.page.getByText('Pizza Palace accepted your 1 × Margherita.').waitFor();
      const cooking = pizza.page.locator(
        `[data-testid=column-oven] [data-testid=ticket][data-order-id="${earlyId}"]`,
      );
      await cooking.getByRole('button', { name: /^Complete now/ }).click();
      const completedAt = Date.now();
      await row('COMPLETED').waitFor();
      figures['complete now → customer sees Ready (ms)'] = Date.now() - completedAt;
      await alice.page.getByText('Your 1 × Margherita is ready!').waitFor();
      await alice.page
        .locator(`[data-testid=my-order][data-order-id="${rejectedId}"][data-state=REJECTED]`)
        .waitFor();
      await screenshot(alice.page, 'desktop-customer-my-orders');
      await screenshot(pizza.page, 'desktop-business-board');
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'places a basket of three lines with notes as one ticket, kept across a reload and a lost answer',
    async () => {
      const fresh = await pizzaMenu(url);
      const margherita = fresh['Margherita']!;
      const total = `$${(2 * margherita.price + fresh['Pepperoni']!.price + fresh['Quattro Formaggi']!.price).toFixed(2)}`;
      await pizza.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Board' })
        .click();
      await pizza.page.getByTestId('all-day').waitFor();
      const allDayOf = (id: string) =>
        pizza.page.evaluate(
          (itemId) =>
            Number(
              document.querySelector(`[data-testid=all-day-item][data-item-id="${itemId}"] .qty`)
                ?.textContent ?? 0,
            ),
          id,
        );
      const margheritasBefore = await allDayOf(margherita.id);

      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await addToBasket(alice.page, 'Margherita', 2);
      await addToBasket(alice.page, 'Pepperoni');
      await addToBasket(alice.page, 'Quattro Formaggi');
      const basket = alice.page.getByTestId('basket');
      const lineNote = basketLine(alice.page, 'Margherita').getByLabel(
        'Note for the kitchen about Margherita',
      );
      await lineNote.fill('No onions, please');
      await basket.getByLabel('Note for Pizza Palace').fill('Ring the bell twice');
      await basket.getByTestId('basket-total').filter({ hasText: total }).waitFor();
      expect(await basket.getByTestId('basket-count').textContent()).toContain('4 items');
      await screenshot(alice.page, 'desktop-customer-basket');

      await alice.page.reload();
      await basketLine(alice.page, 'Quattro Formaggi').waitFor();
      expect(await basket.getByTestId('basket-line').count()).toBe(3);
      expect(
        await basketLine(alice.page, 'Margherita')
          .getByLabel('Quantity of Margherita', { exact: true })
          .inputValue(),
      ).toBe('2');
      expect(await lineNote.inputValue()).toBe('No onions, please');
      expect(await basket.getByLabel('Note for Pizza Palace').inputValue()).toBe(
        'Ring the bell twice',
      );
      await basket.getByTestId('basket-total').filter({ hasText: total }).waitFor();
      expect(await basket.getByTestId('basket-notices').count()).toBe(0);

      // The first answer is lost on its way back: the server has placed the order, the page only
      // sees a failure. Pressing Place order again must not order twice.
      const newTickets = pizza.page.locator('[data-testid=column-new] [data-testid=ticket]');
      const ticketsBefore = await newTickets.count();
      const release = await loseAnswerOnce(alice.page, 'PlaceOrder');
      await placeBasket(alice.page);
      await basket
        .getByTestId('basket-error')
        .filter({ hasText: 'trying again will not order twice' })
        .waitFor();
      await release();
      expect(alice.page.url()).toContain('#/businesses/');
      await placeBasket(alice.page);
      await alice.page.waitForURL(/#\/orders\//);
      const orderId = orderIdFrom(alice.page);

      await alice.page.getByRole('heading', { name: 'Margherita + 2 more' }).waitFor();
      expect(await alice.page.getByTestId('order-line').count()).toBe(3);
      await alice.page.getByTestId('line-note').filter({ hasText: 'No onions, please' }).waitFor();
      await alice.page
        .getByTestId('order-note')
        .filter({ hasText: 'Ring the bell twice' })
        .waitFor();
      await alice.page.getByTestId('order-total').filter({ hasText: total }).waitFor();

      // One order on the server, one ticket on the board: three lines and both notes.
      const { orders } = await graphql<{ orders: { id: string; note: string | null }[] }>(
        url,
        '{ orders { id note } }',
        {},
        pizzaToken,
      );
      expect(orders.filter((o) => o.note === 'Ring the bell twice').map((o) => o.id)).toEqual([
        orderId,
      ]);
      const ticket = pizza.page.locator(`[data-testid=ticket][data-order-id="${orderId}"]`);
      await ticket.waitFor();
      expect(await ticket.count()).toBe(1);
      expect(await newTickets.count()).toBe(ticketsBefore + 1);
      const lines = (await ticket.getByTestId('ticket-line').allInnerTexts()).map((text) =>
        text.replace(/\s+/g, ' ').trim(),
      );
      expect(lines).toEqual([
        '2 × Margherita Note: No onions, please',
        '1 × Pepperoni',
        '1 × Quattro Formaggi',
      ]);
      await ticket.getByTestId('ticket-note').filter({ hasText: 'Ring the bell twice' }).waitFor();
      await expect.poll(() => allDayOf(margherita.id)).toBe(margheritasBefore + 2);
      await screenshotOf(ticket, 'desktop-business-ticket-basket');
      await screenshot(pizza.page, 'desktop-business-board-basket');

      // Accepted: alice watches it go into the oven, and the all-day count lets go of it.
      await ticket.getByRole('button', { name: /^Accept/ }).click();
      await alice.page
        .locator('[data-testid=order-status][data-state=PROCESSING]')
        .waitFor({ timeout: PREP_MS * 3 });
      await alice.page.getByTestId('status-text').filter({ hasText: 'Cooking' }).waitFor();
      await expect.poll(() => allDayOf(margherita.id)).toBe(margheritasBefore);
      await screenshot(alice.page, 'desktop-customer-basket-cooking');

      await alice.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My orders' })
        .click();
      const row = alice.page.locator(`[data-testid=my-order][data-order-id="${orderId}"]`);
      await row.getByText('Margherita + 2 more').waitFor();
      expect(await row.getByTestId('order-line').count()).toBe(3);
      await alice.page.goto(`/#/businesses/${pizzaId}`);
      await alice.page.getByTestId('basket-empty').waitFor();
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'keeps the board live across a network blip, with a reconnecting pill',
    async () => {
      await pizza.context.setOffline(true);
      await pizza.page.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
      await screenshot(pizza.page, 'desktop-business-reconnecting');
      const missedId = await placeOrder(url, bobToken, menu['Margherita']!.id, 2);
      await pizza.context.setOffline(false);
      await pizza.page
        .locator(`[data-testid=column-new] [data-testid=ticket][data-order-id="${missedId}"]`)
        .waitFor({ timeout: 15_000 });
      await pizza.page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 15_000 });
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'signs people up, explains form and server refusals in words, and logs out',
    async () => {
      const person = await openAs(browser, url);
      try {
        const { page } = person;
        const form = page.locator('form');
        await page.getByRole('button', { name: 'Sign up', exact: true }).click();
        await page.getByLabel('Your name').fill('carol');
        await page.getByLabel('Password', { exact: true }).fill('short');
        await form.getByRole('button', { name: 'Create account' }).click();
        await page.getByText('Passwords have at least 8 characters.').waitFor();
        expect(
          await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'),
        ).toBe('true');
        await page.getByLabel('Password', { exact: true }).fill('carol-pass');
        await form.getByRole('button', { name: 'Create account' }).click();
        await page.getByTestId('whoami').filter({ hasText: 'carol' }).waitFor();

        await page.getByRole('button', { name: 'Log out' }).click();
        await page
          .getByTestId('session-notice')
          .filter({ hasText: 'You have logged out.' })
          .waitFor();
        await page.getByRole('button', { name: 'Sign up', exact: true }).click();
        await page.getByLabel('Your name').fill('carol');
        await page.getByLabel('Password', { exact: true }).fill('another-pass');
        await form.getByRole('button', { name: 'Create account' }).click();
        await page
          .getByTestId('login-error')
          .filter({ hasText: 'That name is already taken.' })
          .waitFor();

        await page.getByRole('button', { name: 'Log in', exact: true }).first().click();
        await page.getByLabel('Your name').fill('carol');
        await page.getByLabel('Password', { exact: true }).fill('wrong-password');
        await form.getByRole('button', { name: 'Log in', exact: true }).click();
        await page
          .getByTestId('login-error')
          .filter({ hasText: 'That name and password do not match.' })
          .waitFor();
        await screenshot(page, 'desktop-login-refused');

        // A new business starts with an empty board and an empty menu.
        await page.getByRole('button', { name: 'Sign up', exact: true }).click();
        await page.getByText('A business', { exact: true }).click();
        await page.getByLabel('Business name').fill('Noodle Nook');
        await page.getByLabel('Password', { exact: true }).fill('noodle-pass');
        await form.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { name: 'Noodle Nook' }).waitFor();
        await page.getByText('No new orders.').waitFor();
        await page.getByRole('link', { name: 'Menu & stock' }).click();
        await page.getByText('Your menu is empty. Add your first item.').waitFor();
        expect(person.problems).toEqual([]);
      } finally {
        await person.context.close();
      }
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'returns a person whose session was revoked or whose token is refused to login, with a message',
    async () => {
      const shortLived = await buildApp({
        databaseUrl: 'memory://',
        kitchenPrepMs: PREP_MS,
        seed: true,
        logLevel: 'silent',
        jwtTtlSeconds: 3,
        webDir: ensureWebBuilt().dir,
      });
      const { url: shortUrl } = await shortLived.start(0);
      const person = await openAs(browser, shortUrl);
      try {
        await logIn(person.page, 'customer', 'alice', 'alice-pass');
        // Revoked elsewhere (another device's Log out): the next silent refresh is refused.
        const refreshToken = await person.page.evaluate(
          () =>
            (
              JSON.parse(localStorage.getItem('orderly.session') ?? '{}') as {
                refreshToken?: string;
              }
            ).refreshToken ?? '',
        );
        await graphql(shortUrl, 'mutation ($r: String!) { logout(refreshToken: $r) }', {
          r: refreshToken,
        });
        await person.page.getByTestId('session-notice').waitFor({ timeout: 10_000 });
        expect(await person.page.getByTestId('session-notice').textContent()).toContain(
          'Your session ended; log in again.',
        );
        expect(await person.page.getByLabel('Your name').inputValue()).toBe('alice');
        await screenshot(person.page, 'desktop-login-session-expired');

        // A token the server refuses (wrong signature) although its exp is in the future.
        const forged = [
          Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url'),
          Buffer.from(
            JSON.stringify({ sub: 'x', role: 'user', exp: Math.floor(Date.now() / 1000) + 3600 }),
          ).toString('base64url'),
          'bad-signature',
        ].join('.');
        await person.page.evaluate((token) => {
          localStorage.setItem(
            'orderly.session',
            JSON.stringify({ token, role: 'USER', id: 'x', name: 'mallory' }),
          );
        }, forged);
        await person.page.goto(`${shortUrl}/#/orders`);
        await person.page.reload(); // a hash change alone would not read storage again
        await person.page
          .getByTestId('session-notice')
          .filter({ hasText: 'Your session has expired' })
          .waitFor();
        expect(person.page.url()).toContain('#/login');
        expect(person.problems).toEqual([]);
      } finally {
        await person.context.close();
        await shortLived.stop();
      }
    },
    90_000,
  );

  it.skipIf(!hasChromium)(
    'works at phone width with keyboard-only login',
    async () => {
      const phoneAlice = await openAs(browser, url, PHONE);
      const phonePizza = await openAs(browser, url, PHONE);
      try {
        const page = phoneAlice.page;
        await page.getByLabel('Your name').focus();
        await page.keyboard.type('alice');
        await page.keyboard.press('Tab');
        await page.keyboard.type('alice-pass');
        await page.keyboard.press('Enter');
        await page.getByTestId('whoami').filter({ hasText: 'alice' }).waitFor();
        await screenshot(page, 'phone-customer-businesses');
        await page.goto(`/#/businesses/${pizzaId}`);
        await menuCard(page, 'Margherita').waitFor();
        await screenshot(page, 'phone-customer-menu');
        await addToBasket(page, 'Margherita');
        await page.getByTestId('basket-bar').filter({ hasText: '1 item · $' }).waitFor();
        await screenshot(page, 'phone-customer-menu-basket-bar', { fullPage: false });
        await openBasket(page);
        await screenshot(page, 'phone-customer-basket', { fullPage: false });
        await placeBasket(page);
        await page.waitForURL(/#\/orders\//);
        await page.getByTestId('order-status').waitFor();
        await screenshot(page, 'phone-customer-order');
        await page.goto('/#/orders');
        await page.getByTestId('my-order').first().waitFor();
        await screenshot(page, 'phone-customer-my-orders');

        await logIn(phonePizza.page, 'business', 'Pizza Palace', 'pizza-pass');
        await phonePizza.page.getByTestId('ticket').first().waitFor();
        await screenshot(phonePizza.page, 'phone-business-board');
        await phonePizza.page.goto('/#/menu');
        await phonePizza.page.getByTestId('menu-row').first().waitFor();
        await screenshot(phonePizza.page, 'phone-business-menu-editor');

        for (const p of [page, phonePizza.page]) {
          const overflow = await p.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        }
        expect([...phoneAlice.problems, ...phonePizza.problems]).toEqual([]);
      } finally {
        await phoneAlice.context.close();
        await phonePizza.context.close();
      }
    },
    60_000,
  );

  it.skipIf(!hasChromium)('loaded nothing from outside and broke no CSP rule', () => {
    expect([...alice.problems, ...pizza.problems]).toEqual([]);
    expect(DESKTOP.width).toBe(1440);
  });
});
