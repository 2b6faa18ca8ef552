// The menu editor racing orders, in Chromium against the real server: a price edit leaves the stock
// to the orders, and a stock set made from an older read is refused with CONFLICT, shown with the
// stock as it is now, and settled by the business (keep mine / use current).
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
import { loginToken, pizzaMenu, placeOrder } from './support/graphql.js';
import { interceptOnce } from './support/page.js';

const hasChromium = existsSync(CHROMIUM);

describe('the menu editor against orders placed meanwhile, in Chromium', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let pizza: Person;
  let bobToken: string;

  const stockOf = async (name: string) => (await pizzaMenu(url))[name]!.inStore;
  const row = (page: Page, id: string) =>
    page.locator(`[data-testid=menu-row][data-item-id="${id}"]`);

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    app = await buildApp({
      databaseUrl: 'memory://',
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    bobToken = await loginToken(url, 'user', 'bob', 'bob-pass');
    browser = await launchChromium();
    pizza = await openAs(browser, url);
    await logIn(pizza.page, 'business', 'Pizza Palace', 'pizza-pass');
    await pizza.page.goto('/#/menu');
    await pizza.page.getByTestId('menu-row').first().waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.skipIf(!hasChromium)(
    'saves a price edit without writing back the stock it read',
    async () => {
      const { page } = pizza;
      const item = (await pizzaMenu(url))['Pepperoni']!;
      await row(page, item.id).getByLabel('Price').fill('11.50');
      // An order lands between the page reading the stock and the save reaching the server.
      const stop = await interceptOnce(page, 'SaveMenu', async () => {
        await placeOrder(url, bobToken, item.id, 2);
      });
      await page.getByRole('button', { name: 'Save all' }).click();
      await page.getByText('Saved 1 item.').waitFor();
      await stop();
      const after = (await pizzaMenu(url))['Pepperoni']!;
      expect(after.price).toBe(11.5);
      expect(after.inStore).toBe(item.inStore - 2);
      // The live update of the stock reaches the row too.
      await expect
        .poll(() => row(page, item.id).getByLabel('Stock', { exact: true }).inputValue())
        .toBe(String(item.inStore - 2));
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    'refuses a stock set made from an older read, shows the stock now, and lets the business choose',
    async () => {
      const { page } = pizza;
      const item = (await pizzaMenu(url))['Margherita']!;
      const margherita = row(page, item.id);
      await margherita.getByLabel('Stock', { exact: true }).fill(String(item.inStore + 5));
      const stop = await interceptOnce(page, 'SaveMenu', async () => {
        await placeOrder(url, bobToken, item.id, 3);
      });
      await page.getByRole('button', { name: 'Save all' }).click();
      const conflict = margherita.getByTestId('stock-conflict');
      await conflict.waitFor();
      await stop();
      const now = item.inStore - 3;
      expect(await conflict.getByTestId('current-stock').textContent()).toBe(String(now));
      await page
        .getByTestId('menu-form-error')
        .filter({ hasText: 'Nothing has been saved' })
        .waitFor();
      expect(await stockOf('Margherita')).toBe(now);
      await screenshot(page, 'business-menu-stock-conflict');

      // Keep mine: sent again against the stock as it is now, and saved.
      await conflict.getByRole('button', { name: `Keep mine (${item.inStore + 5})` }).click();
      await page.getByRole('button', { name: 'Save all' }).click();
      await page.getByText('Saved 1 item.').waitFor();
      expect(await stockOf('Margherita')).toBe(item.inStore + 5);

      // Use current: another stale set, and this time the business takes the stock as it is.
      await margherita.getByLabel('Stock', { exact: true }).fill('50');
      const again = await interceptOnce(page, 'SaveMenu', async () => {
        await placeOrder(url, bobToken, item.id, 1);
      });
      await page.getByRole('button', { name: 'Save all' }).click();
      await conflict.waitFor();
      await again();
      await conflict.getByRole('button', { name: `Use current (${item.inStore + 4})` }).click();
      await page.getByText('All changes saved').waitFor();
      expect(await stockOf('Margherita')).toBe(item.inStore + 4);
      expect(pizza.problems).toEqual([]);
    },
    30_000,
  );
});
