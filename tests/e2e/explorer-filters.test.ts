import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { canvas, hasNode } from '../helpers/canvas.js';
import '../helpers/test-env.js';

/**
 * The explorer's dispositif filters follow the server's one rule
 * (`matchingDispositifs`): a dispositif « tous publics » stays for any public.
 * Two mobility schemes of the Libournais article (seeds/data/articles/03-…).
 */
describe('explorer filters in a browser', () => {
  const appUrl = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a public filter keeps the dispositifs open to every public', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const forMinimas = 'dis:plateformes-mobilite-gironde';
    const forEveryone = 'dis:maison-mobilite-solidaire-fronsac';
    await page.goto(`${appUrl}/?v=n:${forMinimas}&v=n:${forEveryone}`);
    await hasNode(page, forMinimas);
    await hasNode(page, forEveryone);

    const publics = page.getByRole('group', { name: 'Dispositifs : publics' });
    // The list is folded until asked for (issue 15: Tab no longer walks through every checkbox).
    await publics.locator('summary').click();
    await publics.getByRole('checkbox', { name: 'Jeunes', exact: true }).check();
    await expect
      .poll(async () => (await canvas(page)).visible.includes(forMinimas), { timeout: 10_000 })
      .toBe(false);
    expect((await canvas(page)).visible).toContain(forEveryone);
    await page.close();
  });
});
