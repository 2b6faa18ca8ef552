// Chromium via playwright-core: launching, logging in through the real form, screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { repoRoot } from './build.js';

export const CHROMIUM = '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'test-artifacts', 'e2e');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and CSP violations: a healthy app has none. */
  problems: string[];
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function openAs(browser: Browser, base: string, viewport = DESKTOP): Promise<Person> {
  const context = await browser.newContext({
    viewport,
    baseURL: base,
    isMobile: viewport === PHONE,
    hasTouch: viewport === PHONE,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith(base)) problems.push(`external request: ${request.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (
      !url.startsWith(base) &&
      !url.startsWith(base.replace('http', 'ws')) &&
      !url.startsWith('data:')
    ) {
      problems.push(`external request: ${url}`);
    }
  });
  await page.goto('/');
  return { context, page, problems };
}

export async function logIn(
  page: Page,
  role: 'customer' | 'business',
  name: string,
  password: string,
) {
  await page.getByRole('button', { name: 'Log in', exact: true }).first().waitFor();
  await page.getByText(role === 'customer' ? 'A customer' : 'A business', { exact: true }).click();
  await page.getByLabel(role === 'customer' ? 'Your name' : 'Business name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.locator('form').getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByTestId('whoami').filter({ hasText: name }).waitFor();
}

/** The whole page, or only what is in view (`fullPage: false`: drawers, bars fixed to the screen). */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/** A picture of one element (a ticket, a panel), for looking at it closely. */
export async function screenshotOf(element: Locator, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await element.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/**
 * Starts watching the page for an element matching `selector` whose text contains `text`, and
 * returns a function that waits for it and gives the page's Date.now() at the moment it appeared.
 */
export async function watchFor(
  page: Page,
  selector: string,
  text: string,
): Promise<(timeoutMs?: number) => Promise<number>> {
  const key = `w${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ([css, needle, id]) => {
      const store = ((window as unknown as { __seenAt?: Record<string, number> }).__seenAt ??= {});
      const found = () =>
        [...document.querySelectorAll(css)].some((el) => el.textContent?.includes(needle));
      if (found()) {
        store[id] = Date.now();
        return;
      }
      const observer = new MutationObserver(() => {
        if (found()) {
          store[id] = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [selector, text, key] as const,
  );
  return async (timeoutMs = 10_000) => {
    const handle = await page.waitForFunction(
      (id) => (window as unknown as { __seenAt?: Record<string, number> }).__seenAt?.[id] ?? null,
      key,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  };
}
