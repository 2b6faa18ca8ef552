// Signed in for the whole shift, in real Chromium: with a 5-second access token the board refreshes
// silently across several expiries on one WebSocket that keeps delivering new orders, a reload
// after expiry signs back in from the refresh token, and "Log out" revokes the session.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { ensureWebBuilt } from './support/build.js';
import {
  CHROMIUM,
  PHONE,
  launchChromium,
  logIn,
  openAs,
  watchFor,
  type Person,
} from './support/browser.js';
import { loginToken, pizzaMenu, placeOrder, type DemoItem } from './support/graphql.js';

const hasChromium = existsSync(CHROMIUM);
const ACCESS_TTL_S = 5;

/** Counts the page's refreshSession calls and WebSocket opens, and whether login was ever shown. */
function watchSession(page: Page) {
  const seen = { refreshes: 0, sockets: 0 };
  page.on('request', (request) => {
    if ((request.postData() ?? '').includes('"operationName":"RefreshSession"')) seen.refreshes++;
  });
  page.on('websocket', () => seen.sockets++);
  return seen;
}

async function watchForLoginScreen(page: Page) {
  await page.evaluate(() => {
    const flag = window as unknown as { __sawLogin?: boolean };
    flag.__sawLogin = false;
    const check = () => {
      if (document.getElementById('login-title')) flag.__sawLogin = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true });
    check();
  });
  return () => page.evaluate(() => (window as unknown as { __sawLogin?: boolean }).__sawLogin);
}

function storedSession(page: Page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('orderly.session');
    return raw ? (JSON.parse(raw) as { token: string; refreshToken: string | null }) : null;
  });
}

async function refreshWith(base: string, refreshToken: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($r: String!) { refreshSession(refreshToken: $r) { token } }',
      variables: { r: refreshToken },
    }),
  });
  return (await response.json()) as {
    data?: { refreshSession: { token: string } } | null;
    errors?: { extensions?: { code?: string } }[];
  };
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`sessions in Chromium with a ${ACCESS_TTL_S}-second access token`, () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let menu: Record<string, DemoItem>;
  let pizza: Person;

  beforeAll(async () => {
    if (!hasChromium) return;
    const build = ensureWebBuilt();
    app = await buildApp({
      databaseUrl: 'memory://',
      kitchenPrepMs: 60_000,
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      maxOpenOrders: 1000,
      jwtTtlSeconds: ACCESS_TTL_S,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    menu = await pizzaMenu(url);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.skipIf(!hasChromium)(
    'keeps the board signed in across several expiries, on one socket that still brings new orders',
    async () => {
      pizza = await openAs(browser, url);
      const seen = watchSession(pizza.page);
      await logIn(pizza.page, 'business', 'Pizza Palace', 'pizza-pass');
      const loggedInAt = Date.now();
      await pizza.page.getByTestId('board').waitFor();
      const sawLogin = await watchForLoginScreen(pizza.page);

      // Three refreshes, and past the third expiry (each token lives 5 s and is refreshed at 4 s).
      await until(
        () => seen.refreshes >= 3 && Date.now() > loggedInAt + 3 * ACCESS_TTL_S * 1000 + 500,
        40_000,
      );

      const customer = await loginToken(url, 'user', 'bob', 'bob-pass');
      const ticket = await watchFor(
        pizza.page,
        '[data-testid=column-new] [data-testid=ticket]',
        '2 × Pepperoni',
      );
      const placedAt = Date.now();
      await placeOrder(url, customer, menu['Pepperoni']!.id, 2);
      const appearedAt = await ticket(5_000);
      expect(appearedAt).toBeGreaterThanOrEqual(placedAt - 1_000);

      expect(await sawLogin()).toBe(false);
      await pizza.page.getByTestId('whoami').filter({ hasText: 'Pizza Palace' }).waitFor();
      // Every refreshed token went over the open socket: it was never dropped and reopened.
      expect(seen.sockets).toBe(1);
      expect(seen.refreshes).toBeGreaterThanOrEqual(3);
      expect(pizza.problems).toEqual([]);
    },
    90_000,
  );

  it.skipIf(!hasChromium)(
    "revokes the session at the phone's Log out, so its refresh token is refused afterwards",
    async () => {
      await pizza.page.setViewportSize(PHONE);
      const before = await storedSession(pizza.page);
      expect(before?.refreshToken).toBeTruthy();
      await pizza.page.getByRole('button', { name: 'Log out', exact: true }).click();
      await pizza.page.getByTestId('session-notice').filter({ hasText: 'logged out' }).waitFor();
      expect(await storedSession(pizza.page)).toBeNull();

      // The last pair the tab held (a refresh may have rotated it just before the click).
      const answer = await refreshWith(url, before!.refreshToken!);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await pizza.context.close();
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    'signs back in from the refresh token when the app opens after the access token expired',
    async () => {
      const alice = await openAs(browser, url);
      await logIn(alice.page, 'customer', 'alice', 'alice-pass');
      const stored = await storedSession(alice.page);
      // Closed before its first refresh; reopened once its access token has expired.
      await alice.page.close();
      const expiry = JSON.parse(
        Buffer.from(stored!.token.split('.')[1]!, 'base64url').toString(),
      ) as { exp: number };
      await new Promise((resolve) => setTimeout(resolve, expiry.exp * 1000 + 500 - Date.now()));

      const page = await alice.context.newPage();
      const seen = watchSession(page);
      await page.goto('/');
      await page.getByTestId('whoami').filter({ hasText: 'alice' }).waitFor();
      await page.getByRole('heading', { name: 'Where would you like to eat?' }).waitFor();
      expect(seen.refreshes).toBeGreaterThanOrEqual(1);
      expect(await page.locator('#login-title').count()).toBe(0);
      await alice.context.close();
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    'shows the wait the server imposes after too many failed logins, counting down, with submit disabled',
    async () => {
      const strict = await buildApp({
        databaseUrl: 'memory://',
        seed: true,
        logLevel: 'silent',
        loginMaxFailures: 2,
        loginDelayStepMs: 0,
        webDir: ensureWebBuilt().dir,
      });
      const { url: strictUrl } = await strict.start(0);
      const person = await openAs(browser, strictUrl);
      try {
        const { page } = person;
        const submit = page.locator('form').getByRole('button', { name: 'Log in', exact: true });
        await page.getByLabel('Your name').fill('alice');
        await page.getByLabel('Password', { exact: true }).fill('wrong-password');
        for (let attempt = 0; attempt < 2; attempt++) {
          const answered = page.waitForResponse((response) =>
            (response.request().postData() ?? '').includes('"operationName":"UserLogin"'),
          );
          await submit.click();
          await answered;
          await page.getByTestId('login-error').filter({ hasText: 'do not match' }).waitFor();
        }
        await submit.click();
        const lockout = page
          .getByTestId('login-error')
          .filter({ hasText: /Too many attempts — try again in 1[45] min( \d+ s)?$/ });
        await lockout.waitFor();
        const first = await lockout.textContent();
        expect(await submit.isDisabled()).toBe(true);
        // The wait counts down: the line changes to a shorter wait, and the button stays disabled.
        await page.waitForFunction(
          (shown) => document.querySelector('[data-testid=login-error]')?.textContent !== shown,
          first,
          { timeout: 5_000 },
        );
        expect(await submit.isDisabled()).toBe(true);
        // Screen readers hear it once, not every second.
        await page.getByRole('alert').filter({ hasText: 'Too many attempts' }).waitFor();
        expect(person.problems).toEqual([]);
      } finally {
        await person.context.close();
        await strict.stop();
      }
    },
    30_000,
  );
});
