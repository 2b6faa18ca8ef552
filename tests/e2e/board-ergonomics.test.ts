// The board over a whole service, in Chromium: Reject waits for an Undo (and an undone one sends
// nothing), one-tap reasons reach the customer, focus moves on after an action, new-order toasts
// merge and never cover the columns, urgency is said in words, and the pause switch closes the shop.
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
  screenshot,
  type Person,
} from './support/browser.js';
import { graphql, loginToken, pizzaMenu, placeOrder } from './support/graphql.js';

const hasChromium = existsSync(CHROMIUM);
const PREP_MS = 1_500;

/** Every GraphQL operation the page sends, by name, with its variables. */
function recordOperations(page: Page) {
  const sent: { name: string; variables: Record<string, unknown> }[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = JSON.parse(request.postData() ?? '{}') as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    sent.push({ name: body.operationName ?? '', variables: body.variables ?? {} });
  });
  return sent;
}

describe.skipIf(!hasChromium)('board ergonomics (Pizza Palace over a service)', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let pizza: Person;
  let aliceToken: string;
  let pizzaToken: string;
  let itemId: string;
  let sent: { name: string; variables: Record<string, unknown> }[];

  const ticket = (id: string) => pizza.page.locator(`[data-testid=ticket][data-order-id="${id}"]`);
  const orderState = async (id: string) =>
    (
      await graphql<{ order: { state: string; history: { reason: string | null }[] } }>(
        url,
        'query ($id: ID!) { order(id: $id) { state history { reason } } }',
        { id },
        aliceToken,
      )
    ).order;

  beforeAll(async () => {
    const build = ensureWebBuilt();
    app = await buildApp({
      databaseUrl: 'memory://',
      seed: true,
      logLevel: 'silent',
      loginMaxFailures: 1000,
      maxOpenOrders: 1_000,
      kitchenPrepMs: PREP_MS,
      webDir: build.dir,
    });
    ({ url } = await app.start(0));
    aliceToken = await loginToken(url, 'user', 'alice', 'alice-pass');
    pizzaToken = await loginToken(url, 'business', 'Pizza Palace', 'pizza-pass');
    itemId = (await pizzaMenu(url))['Margherita']!.id;
    browser = await launchChromium();
    pizza = await openAs(browser, url);
    sent = recordOperations(pizza.page);
    await logIn(pizza.page, 'business', 'Pizza Palace', 'pizza-pass');
    await pizza.page.getByTestId('board').waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends nothing for an undone Reject, and a reason with the one that is not undone', async () => {
    const undone = await placeOrder(url, aliceToken, itemId, 1);
    const kept = await placeOrder(url, aliceToken, itemId, 2);
    await ticket(kept)
      .getByRole('button', { name: /^Accept/ })
      .waitFor();

    await ticket(undone)
      .getByRole('button', { name: /^Reject/ })
      .click();
    await ticket(undone).getByRole('button', { name: 'Sold out' }).click();
    // Gone from New at once, with an Undo in the board's own toast bar.
    await pizza.page
      .locator(`[data-testid=column-new] [data-order-id="${undone}"]`)
      .waitFor({ state: 'detached' });
    const toast = pizza.page.getByTestId('toast').filter({ hasText: 'Rejecting order #' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await pizza.page
      .locator(`[data-testid=column-new] [data-order-id="${undone}"]`)
      .getByRole('button', { name: /^Accept/ })
      .waitFor();

    // A later Reject, not undone, reaches the server; the undone one never did.
    await ticket(kept)
      .getByRole('button', { name: /^Reject/ })
      .click();
    await ticket(kept).getByRole('button', { name: 'Kitchen too busy' }).click();
    await expect
      .poll(async () => (await orderState(kept)).state, { timeout: 10_000 })
      .toBe('REJECTED');
    // The browser reports its requests on a channel of their own, which may lag the answer.
    const rejects = () => sent.filter((operation) => operation.name === 'RejectOrder');
    await expect.poll(() => rejects().length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(rejects().map((operation) => operation.variables)).toEqual([
      { id: kept, reason: 'Kitchen too busy' },
    ]);
    expect((await orderState(kept)).history.at(-1)?.reason).toBe('Kitchen too busy');
    expect((await orderState(undone)).state).toBe('PENDING');
  });

  it('moves the focus to the next ticket after an Accept', async () => {
    const older = await placeOrder(url, aliceToken, itemId, 3);
    const newer = await placeOrder(url, aliceToken, itemId, 4);
    const accept = ticket(newer).getByRole('button', { name: /^Accept/ });
    await ticket(older)
      .getByRole('button', { name: /^Accept/ })
      .waitFor();
    await accept.focus();
    await pizza.page.keyboard.press('Enter');
    await pizza.page.waitForFunction(
      (id) =>
        document.activeElement?.closest('[data-testid=ticket]')?.getAttribute('data-order-id') !==
        id,
      newer,
    );
    const focusedIn = await pizza.page.evaluate(
      () =>
        document.activeElement?.closest('[data-testid=ticket]')?.getAttribute('data-order-id') ??
        null,
    );
    expect(focusedIn).not.toBeNull();
    expect(focusedIn).not.toBe(newer);
    expect(await ticket(focusedIn!).getAttribute('data-state')).toBe('PENDING');
  });

  it('merges a burst of new orders into one toast that covers no column', async () => {
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push(await placeOrder(url, aliceToken, itemId, 1));
    // One toast for the burst (and any order just before it), counting them.
    const merged = pizza.page.getByTestId('toast').filter({ hasText: /\d+ new orders\./ });
    await merged.waitFor();
    expect(
      Number(/(\d+) new orders/.exec((await merged.textContent()) ?? '')?.[1]),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await pizza.page
        .getByTestId('toast')
        .filter({ hasText: /new order/i })
        .count(),
    ).toBe(1);
    await screenshot(pizza.page, 'board-ergonomics-toasts', { fullPage: false });
    expect(await pizza.page.getByTestId('toasts-floating').getByTestId('toast').count()).toBe(0);
    const toasts = await pizza.page
      .getByTestId('toast')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const columns = await pizza.page
      .locator('[data-testid^=column-]')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(toasts.length).toBeGreaterThan(0);
    expect(toasts.flatMap((t) => columns.filter((c) => overlaps(t, c)))).toEqual([]);
  });

  it('says a late ticket is late in words, not by colour alone', async () => {
    const late = await placeOrder(url, aliceToken, itemId, 5);
    await ticket(late)
      .getByTestId('ticket-timer')
      .filter({ hasText: /Late|Very late/ })
      .waitFor({ timeout: PREP_MS * 4 });
  });

  it('pauses orders with a reason and a time to reopen, so placing one answers CLOSED, and resumes', async () => {
    const { page } = pizza;
    const bar = page.getByTestId('board-bar');
    await bar.getByRole('button', { name: 'Pause orders' }).click();
    await bar.getByRole('button', { name: 'Out of dough' }).click();
    await bar.getByRole('button', { name: '30 min' }).click();
    await bar.getByRole('button', { name: 'Pause new orders' }).click();
    await bar
      .getByTestId('ordering-status')
      .filter({ hasText: /Paused until \d{1,2}:\d{2}.* — Out of dough/ })
      .waitFor();
    await expect(placeOrder(url, aliceToken, itemId, 1)).rejects.toThrow(/"CLOSED"/);
    const business = await graphql<{ me: { ordering: { open: boolean; reason: string } } }>(
      url,
      '{ me { ... on Business { ordering { open reason } } } }',
      {},
      pizzaToken,
    );
    expect(business.me.ordering).toEqual({ open: false, reason: 'Out of dough' });
    await screenshot(page, 'board-paused', { fullPage: false });

    await bar.getByRole('button', { name: 'Resume orders' }).click();
    await bar.getByTestId('ordering-status').filter({ hasText: 'Taking orders' }).waitFor();
    expect(await placeOrder(url, aliceToken, itemId, 1)).toBeTruthy();
  });

  it('finds past orders on the History screen by state and customer, with the totals', async () => {
    const { page } = pizza;
    const all = await graphql<{ orderHistory: { totalCount: number; totalAmount: number } }>(
      url,
      '{ orderHistory(state: REJECTED) { totalCount totalAmount } }',
      {},
      pizzaToken,
    );
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'History' })
      .click();
    await page.getByTestId('history-row').first().waitFor();
    await page.getByLabel('State').selectOption('REJECTED');
    await page.getByLabel('Order number or customer').fill('ALI');
    await page
      .getByTestId('history-count')
      .filter({ hasText: String(all.orderHistory.totalCount) })
      .waitFor();
    const rows = page.getByTestId('history-row');
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))).toEqual(
      Array(all.orderHistory.totalCount).fill('REJECTED'),
    );
    await rows.filter({ hasText: 'Kitchen too busy' }).waitFor();
    expect(await page.getByTestId('history-amount').textContent()).toContain(
      all.orderHistory.totalAmount.toFixed(2),
    );
    await page.getByLabel('Order number or customer').fill('nobody-at-all');
    await page.getByText('No orders match.').waitFor();
    await screenshot(page, 'business-history', { fullPage: false });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Board' })
      .click();
    await page.getByTestId('board').waitFor();
  });

  it('broke no rule of the page (no uncaught error, nothing loaded from outside)', () => {
    expect(pizza.problems).toEqual([]);
  });

  it("names the phone header's Log out button for screen readers", async () => {
    const phone = await openAs(browser, url, PHONE);
    await logIn(phone.page, 'business', 'Pizza Palace', 'pizza-pass');
    await phone.page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await phone.page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await phone.context.close();
  });
});
