import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

/** GraphiQL must render from the app's own files, offline, under the app's CSP. */
describe('GraphiQL in a browser', () => {
  const appUrl = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders with the network cut and runs a query, with no CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const app = new URL(appUrl);
    const outside: string[] = [];
    // The network is cut: anything not served by the app itself fails.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === app.host || url.protocol === 'data:' || url.protocol === 'blob:')
        return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${appUrl}/graphql?query=${encodeURIComponent('{ stats { totalNodes } }')}`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').first().click();
    await expect
      .poll(async () => (await page.locator('.result-window').first().textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('totalNodes');
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the page itself runs under the CSP without a violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${appUrl}/?focus=org:wejob`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas des acteurs');
    // The coverage workspace draws a map and a treemap (SVG with inline styles).
    await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
    await page.getByRole('region', { name: 'Couverture territoriale' }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
