import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

/** A link with values the page cannot use is cleaned up in place, not pushed as a new step. */
describe('opening a link with invalid values', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('normalises the URL without adding a history entry', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('appUrl')}/?v=n:org:wejob&layout=nonsense&ws=explorer`);
    await page.waitForFunction(() => window.__atlasCy?.getElementById('org:wejob').nonempty());
    await expect.poll(() => new URL(page.url()).searchParams.get('layout')).toBeNull();
    expect(new URL(page.url()).searchParams.getAll('v')).toEqual(['n:org:wejob']);
    // One step back leaves the app: the cleaned URL replaced the one opened.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.close();
  });
});
