// The OpenAPI document is valid; its reference page and GraphiQL load in real Chromium with no
// request leaving the machine, and a subscription runs in GraphiQL over graphql-ws.
import { existsSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchChromium } from '../e2e/support/browser.js';
import { loginUser, rest } from '../helpers/clients.js';
import { checkContract } from '../helpers/contract.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

describe('the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('is a valid OpenAPI 3.1 document of the six routes', async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    const api = await SwaggerParser.validate(structuredClone(doc));
    expect((api as { openapi?: string }).openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/business_login',
      '/cancel_order',
      '/get_orders',
      '/order',
      '/set-menu-and-instore',
      '/user_login',
    ]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/order'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
    );
    expect(doc.paths['/order'].post.responses['409']).toBeDefined();
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain(
      'OUT_OF_STOCK',
    );
  });

  it('is enforced on every REST response the suites receive (the checker refuses what is off the document)', () => {
    expect(() => checkContract('POST', '/order', 201, { o_id: 5 })).toThrow(/does not match/);
    expect(() =>
      checkContract('POST', '/order', 500, { error: { code: 'INTERNAL', message: 'x' } }),
    ).toThrow(/does not document/);
    expect(() =>
      checkContract('GET', '/get_orders?state=pending', 200, { orders: [], next_cursor: null }),
    ).not.toThrow();
    expect(() =>
      checkContract('POST', '/user_login', 401, { error: { code: 'NOT_A_CODE', message: 'x' } }),
    ).toThrow();
  });
});

describe.skipIf(!existsSync('/usr/bin/chromium'))('reference pages in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function offlinePage(): Promise<{ page: Page; outside: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const outside: string[] = [];
    const problems: string[] = [];
    const local = new URL(server.url).host;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === local || url.protocol === 'data:' || url.protocol === 'blob:')
        return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        problems.push(m.text());
    });
    return { page, outside, problems };
  }

  it('shows the REST reference from bundled assets', async () => {
    const { page, outside, problems } = await offlinePage();
    await page.goto(`${server.url}/docs`);
    await page.getByText('Orderly REST compatibility API').first().waitFor();
    for (const path of ['/user_login', '/order', '/set-menu-and-instore']) {
      await page.locator('.opblock-summary-path', { hasText: path }).first().waitFor();
    }
    await page.screenshot({ path: `${artifactsDir}/reference-rest-api.png`, fullPage: true });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs GraphiQL offline, with a subscription over WebSocket', async () => {
    const alice = await loginUser(server.url, 'alice', 'alice-pass');
    const pizza = (await demoIds(server.url))['Pizza Palace']!;
    const { page, outside, problems } = await offlinePage();
    const query = `subscription { menuUpdated(businessId: "${pizza.id}") { name inStore } }`;
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'text/html' },
    } as never);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /execute query/i }).click();
    await new Promise((r) => setTimeout(r, 500));
    await rest(server.url, 'POST', '/order', {
      token: alice.token,
      body: { m_id: pizza.menu[0]!.id, quantity: 1 },
    });
    await page
      .locator('.graphiql-response')
      .getByText('inStore')
      .first()
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => page.locator('.graphiql-response').innerText())
      .toContain(pizza.menu[0]!.name);
    await page.screenshot({ path: `${artifactsDir}/graphiql-subscription.png` });
    expect(sockets).toEqual([`${server.url.replace('http', 'ws')}/graphql`]);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
