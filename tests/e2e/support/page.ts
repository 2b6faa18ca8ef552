// Page-level helpers for the browser tests: samplers that record what a person saw over time,
// locators by domain name, the customer's basket as a person uses it, and one-shot interceptions
// to stage a race with the server or a lost answer.
import type { Page, Route } from 'playwright-core';

export interface TrackerSample {
  t: number;
  state: string | null;
  remaining: number | null;
  queue: string | null;
}

/** Samples the customer's order screen every 100 ms (state, countdown, queue text). */
export async function recordTracker(page: Page): Promise<() => Promise<TrackerSample[]>> {
  await page.evaluate(() => {
    const samples: TrackerSample[] = [];
    (window as unknown as { __samples: TrackerSample[] }).__samples = samples;
    setInterval(() => {
      const status = document.querySelector<HTMLElement>('[data-testid=order-status]');
      const eta = document.querySelector<HTMLElement>('[data-testid=eta]');
      samples.push({
        t: Date.now(),
        state: status?.dataset['state'] ?? null,
        remaining: eta ? Number(eta.dataset['remainingMs']) : null,
        queue: document.querySelector('[data-testid=queue-position]')?.textContent?.trim() ?? null,
      });
    }, 100);
  });
  return () => page.evaluate(() => (window as unknown as { __samples: TrackerSample[] }).__samples);
}

/** Samples which board column shows an order every 100 ms. */
export async function recordBoardColumn(
  page: Page,
  orderId: string,
): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const columns: string[] = [];
    (window as unknown as { __columns: string[] }).__columns = columns;
    setInterval(() => {
      const ticket = document.querySelector(`[data-testid=ticket][data-order-id="${id}"]`);
      const column =
        ticket?.closest('[data-testid^=column-]')?.getAttribute('data-testid') ?? 'none';
      if (columns[columns.length - 1] !== column) columns.push(column);
    }, 100);
  }, orderId);
  return () => page.evaluate(() => (window as unknown as { __columns: string[] }).__columns);
}

export function distinct<T>(values: T[]): T[] {
  return values.filter((value, index) => index === 0 || values[index - 1] !== value);
}

export function menuCard(page: Page, name: string) {
  return page
    .locator('[data-testid=menu-item]')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** The basket's line of an item (the first one, when the item is on several lines). */
export function basketLine(page: Page, name: string) {
  return page
    .getByTestId('basket-line')
    .filter({ has: page.getByRole('heading', { name, exact: true }) })
    .first();
}

/** Shows the basket: on a phone it is a drawer behind the bar; beside the menu it is always open. */
export async function openBasket(page: Page) {
  const bar = page.getByTestId('basket-bar');
  if ((await bar.count()) > 0 && !(await page.getByTestId('basket').isVisible())) {
    await bar.getByRole('button').click();
  }
  await page.getByTestId('basket').waitFor();
}

/** Puts an item in the basket with its card's stepper (left at 1 without `quantity`) and Add. */
export async function addToBasket(page: Page, name: string, quantity?: number) {
  const card = menuCard(page, name);
  const badge = card.getByTestId('in-basket');
  const before =
    (await badge.count()) === 0 ? 0 : Number(/\d+/.exec((await badge.textContent()) ?? '')?.[0]);
  if (quantity !== undefined) {
    await card.getByLabel('Quantity', { exact: true }).fill(String(quantity));
  }
  await card.getByRole('button', { name: /^Add/ }).click();
  await badge.filter({ hasText: `${before + (quantity ?? 1)} in basket` }).waitFor();
}

/** Presses the basket's one "Place order" button. */
export async function placeBasket(page: Page) {
  await openBasket(page);
  await page.getByTestId('place-order').click();
}

/** Orders one item, as a customer now does it: Add it to the basket, then Place order. */
export async function orderFromMenu(page: Page, name: string, quantity?: number) {
  await addToBasket(page, name, quantity);
  await placeBasket(page);
}

export function orderIdFrom(page: Page): string {
  const match = /#\/orders\/([^/]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on an order screen: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Runs `before` when the page sends the GraphQL operation named `operation`, then lets it through. */
export async function interceptOnce(page: Page, operation: string, before: () => Promise<void>) {
  let done = false;
  const handler = async (route: Route) => {
    const body = route.request().postData() ?? '';
    const matches =
      body.includes(`"operationName":"${operation}"`) || body.includes(`mutation ${operation}(`);
    if (!done && matches) {
      done = true;
      await before();
    }
    await route.continue();
  };
  await page.route('**/graphql', handler);
  return async () => page.unroute('**/graphql', handler);
}

/**
 * Lets the next `operation` reach the server, then loses its answer as a dropped connection
 * would: the server has acted, the page sees a network failure.
 */
export async function loseAnswerOnce(page: Page, operation: string) {
  let done = false;
  const handler = async (route: Route) => {
    const body = route.request().postData() ?? '';
    if (!done && body.includes(`"operationName":"${operation}"`)) {
      done = true;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  };
  await page.route('**/graphql', handler);
  return async () => page.unroute('**/graphql', handler);
}
