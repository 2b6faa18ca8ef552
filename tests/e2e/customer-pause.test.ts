// The customer's side of a paused restaurant and of an order's progress, in Chromium against the
// real server: the pause on the card and the menu (and a CLOSED refusal in the same words), an
// estimate rather than a countdown until the restaurant accepts, and a ready order announced in a
// tab the customer is not looking at (its title and one notification).
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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
import { acceptOrder, graphql, loginToken } from './support/graphql.js';
import { addToBasket, orderIdFrom, placeBasket } from './support/page.js';

const hasChromium = existsSync(CHROMIUM);
const PREP_MS = 2_500;

/** The order number as the app prints it (web/src/lib/status.ts shortId). */
const shortId = (id: string) =>
  /^\d+$/.test(id) ? id : id.replace(/-/g, '').slice(0, 6).toUpperCase();

/** The tab goes to the background (as when the customer switches tabs), or comes back. */
async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((hide) => {
    if (hide) {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    } else {
      // Drop the overrides: the document's own (visible) values show through again.
      delete (document as unknown as Record<string, unknown>)['visibilityState'];
      delete (document as unknown as Record<string, unknown>)['hidden'];
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * A stand-in for the browser's Notification that grants when asked and records what was shown
 * (as text: the test runner's transform would add helpers the page does not have).
 */
const fakeNotifications = `
  window.__notifications = [];
  class RecordingNotification {
    static permission =
      localStorage.getItem('orderly.notifyWhenReady') === 'yes' ? 'granted' : 'default';
    static requestPermission() {
      RecordingNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
    constructor(title, options) {
      this.onclick = null;
      window.__notifications.push({ title, tag: options && options.tag });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { configurable: true, value: RecordingNotification });
`;

describe('the customer side in Chromium: pauses, estimates, ready in another tab', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let alice: Person;
  let pizzaId: string;
  let pizzaToken: string;

  const pause = (reason: string | null, until: string | null) =>
    graphql(
      url,
      'mutation ($reason: String, $until: DateTime) { pauseOrders(reason: $reason, until: $until) { id } }',
      { reason, until },
      pizzaToken,
    );
  const resume = () => graphql(url, 'mutation { resumeOrders { id } }', {}, pizzaToken);

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    app = await buildApp({
      databaseUrl: 'memory://',
      kitchenPrepMs: PREP_MS,
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    const data = await graphql<{ businesses: { id: string; name: string }[] }>(
      url,
      '{ businesses { id name } }',
    );
    pizzaId = data.businesses.find((b) => b.name === 'Pizza Palace')!.id;
    pizzaToken = await loginToken(url, 'business', 'Pizza Palace', 'pizza-pass');
    browser = await launchChromium();
    alice = await openAs(browser, url);
    await alice.context.addInitScript({ content: fakeNotifications });
    await alice.page.reload();
    await logIn(alice.page, 'customer', 'alice', 'alice-pass');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.skipIf(!hasChromium)(
    'says a paused restaurant is not taking orders, on its card and menu, and refuses in the same words',
    async () => {
      const { page } = alice;
      await page.goto(`/#/businesses/${pizzaId}`);
      await addToBasket(page, 'Margherita');

      // Paused after the customer opened the menu: the Place order answer is the first to say so.
      const until = new Date(Date.now() + 2 * 3_600_000).toISOString();
      await pause('Out of dough', until);
      await placeBasket(page);
      const closed = page.getByTestId('basket-closed');
      await closed.filter({ hasText: 'Out of dough' }).waitFor();
      expect(await closed.textContent()).toMatch(/^Not taking orders until \S+.* — Out of dough$/);
      await page.getByTestId('menu-paused').filter({ hasText: 'Out of dough' }).waitFor();
      expect((await page.getByTestId('menu-paused').textContent())?.trim()).toBe(
        (await closed.textContent())?.trim(),
      );
      expect(await page.getByTestId('place-order').isDisabled()).toBe(true);
      expect(page.url()).toContain(`#/businesses/${pizzaId}`);
      await screenshot(page, 'customer-menu-paused');

      await page.getByRole('link', { name: 'All restaurants' }).click();
      const pizzaCard = page.getByTestId('business-card').filter({ hasText: 'Pizza Palace' });
      await pizzaCard.getByTestId('business-paused').filter({ hasText: 'Out of dough' }).waitFor();
      const sushiCard = page.getByTestId('business-card').filter({ hasNotText: 'Pizza Palace' });
      expect(await sushiCard.getByTestId('business-paused').count()).toBe(0);
      await screenshot(page, 'customer-businesses-paused');

      // Reopened while the customer was in another tab: coming back shows it.
      await resume();
      await setTabHidden(page, true);
      await setTabHidden(page, false);
      await pizzaCard.getByTestId('business-paused').waitFor({ state: 'detached' });

      // Paused again while the customer looks at the menu; they come back to it and see why.
      await pizzaCard.click();
      await page.getByTestId('place-order').waitFor();
      expect(await page.getByTestId('place-order').isEnabled()).toBe(true);
      await pause('Swamped', null);
      await setTabHidden(page, true);
      await setTabHidden(page, false);
      await page
        .getByTestId('menu-paused')
        .filter({ hasText: 'Not taking orders for now — Swamped' })
        .waitFor();
      expect(await page.getByTestId('place-order').isDisabled()).toBe(true);

      // A pause with an end reopens by itself then, and the menu follows without being nudged.
      await resume();
      await pause('Back in a moment', new Date(Date.now() + 3_000).toISOString());
      await setTabHidden(page, true);
      await setTabHidden(page, false);
      await page.getByTestId('menu-paused').filter({ hasText: 'Back in a moment' }).waitFor();
      await page.getByTestId('menu-paused').waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByTestId('place-order').click();
      await page.waitForURL(/#\/orders\//);
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'shows a pending order as waiting with an estimate, and counts down only once accepted',
    async () => {
      const { page } = alice;
      // The order placed at the end of the last test, still pending.
      await page.locator('[data-testid=order-status][data-state=PENDING]').waitFor();
      const estimate = page.getByTestId('eta-estimate');
      await estimate.filter({ hasText: 'Waiting for the restaurant to confirm' }).waitFor();
      expect(await estimate.textContent()).toMatch(/usually (~\d+ min|under a minute)/);
      const status = page.getByTestId('order-status');
      expect(await status.getByTestId('eta').count()).toBe(0);
      expect(await status.getByRole('progressbar').count()).toBe(0);
      await screenshot(page, 'customer-order-pending-estimate');

      // Offered once, after the first order: yes.
      await page.getByTestId('notify-offer').getByRole('button', { name: 'Notify me' }).click();
      await page.getByTestId('notify-offer').waitFor({ state: 'detached' });

      await acceptOrder(url, pizzaToken, orderIdFrom(page));
      await status.getByTestId('eta').waitFor();
      await status.getByRole('progressbar').waitFor();
      expect(await estimate.count()).toBe(0);
      expect(
        Number(await status.getByTestId('eta').getAttribute('data-remaining-ms')),
      ).toBeGreaterThan(0);
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    'says the order is ready in the title of a tab the customer is not looking at, and notifies once',
    async () => {
      const { page } = alice;
      const orderId = orderIdFrom(page);
      await setTabHidden(page, true);
      const readyTitle = `Ready: order #${shortId(orderId)} — Orderly`;
      await page.waitForFunction((title) => document.title === title, readyTitle, {
        timeout: PREP_MS * 4,
      });
      const shown = await page.evaluate(
        () =>
          (window as unknown as { __notifications: { title: string; tag?: string }[] })
            .__notifications,
      );
      expect(shown).toEqual([
        { title: 'Your order is ready at Pizza Palace', tag: `order-ready-${orderId}` },
      ]);

      await setTabHidden(page, false);
      await page.waitForFunction(() => document.title === 'Your order · Orderly');
      await page.getByText('Ready!', { exact: true }).waitFor();

      // The answer is remembered: the next order does not ask again.
      await page.goto(`/#/businesses/${pizzaId}`);
      await addToBasket(page, 'Pepperoni');
      await placeBasket(page);
      await page.waitForURL((u) => u.hash.startsWith('#/orders/') && !u.hash.endsWith(orderId));
      await page.getByTestId('eta-estimate').waitFor();
      expect(await page.getByTestId('notify-offer').count()).toBe(0);
      expect(alice.problems).toEqual([]);
    },
    30_000,
  );
});
