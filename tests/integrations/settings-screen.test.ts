// The business's Integrations screen in real Chromium: set a webhook, see its secret once, watch a
// delivery arrive at a real receiver, be told in words when a URL is refused, and remove it.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { ensureWebBuilt } from '../e2e/support/build.js';
import { CHROMIUM, PHONE, launchChromium, logIn, openAs } from '../e2e/support/browser.js';
import { loginToken, pizzaMenu, placeOrder } from '../e2e/support/graphql.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const hasChromium = existsSync(CHROMIUM);

describe('the Integrations screen in Chromium', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    receiver = await startReceiver();
    app = await buildApp({
      databaseUrl: 'memory://',
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      webDir: build.dir,
      webhookAllowPrivate: true,
      webhookPollMs: 20,
    });
    ({ url } = await app.start(0));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await receiver?.close();
  });

  it.skipIf(!hasChromium)(
    'sets a webhook, shows the secret once, lists its deliveries and removes it',
    async () => {
      const pizza = await openAs(browser, url, PHONE);
      const { page } = pizza;
      await logIn(page, 'business', 'Pizza Palace', 'pizza-pass');
      await page.goto('/#/settings');
      await page.getByRole('heading', { name: 'Integrations' }).waitFor();
      await expect(page.getByTestId('webhook-none').textContent()).resolves.toContain('No webhook');

      const input = page.getByLabel('Endpoint URL');
      await input.fill('ftp://pos.example.com/hook');
      await page.getByRole('button', { name: 'Set webhook' }).click();
      await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/https/);

      await input.fill(receiver.url);
      await page.getByRole('button', { name: 'Set webhook' }).click();
      const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);
      receiver.secret = secret;
      await expect(page.getByTestId('webhook-url').textContent()).resolves.toBe(receiver.url);

      const menu = await pizzaMenu(url);
      const alice = await loginToken(url, 'user', 'alice', 'alice-pass');
      const orderId = await placeOrder(url, alice, menu['Margherita']!.id, 1);
      const [delivered] = await receiver.until((got) =>
        got.some((d) => d.body.order.o_id === orderId),
      );
      expect(delivered!.signatureValid).toBe(true);
      await page.getByRole('button', { name: 'Refresh' }).click();
      const row = page.getByTestId('webhook-delivery').first();
      await row.filter({ hasText: 'Delivered' }).waitFor();
      await expect(row.textContent()).resolves.toMatch(/HTTP 200/);

      // Shown once: after a reload the secret is gone for good.
      await page.reload();
      await page.getByTestId('webhook-url').waitFor();
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('webhook-remove').click();
      await page.getByTestId('webhook-none').waitFor();
      expect(pizza.problems).toEqual([]);
    },
    90_000,
  );
});
