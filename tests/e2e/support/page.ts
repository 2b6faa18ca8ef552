// Page-level helpers for the browser tests: samplers that record what a person saw over time,
// locators by domain name, and a one-shot interception to stage a race with the server.
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
