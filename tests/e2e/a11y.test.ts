import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { hasNode } from '../helpers/canvas.js';
import '../helpers/test-env.js';

/**
 * axe-core over the real page (issue 15): no serious or critical violation on
 * the explorer, its details panel and the coverage workspace. axe is injected
 * by the test driver, not by the page, so the page's CSP (no inline script)
 * stays as it is.
 */
const appUrl = inject('appUrl');

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
}

describe('accessibility (axe-core)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds no serious or critical violation on the explorer and its details panel', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}/?v=n:org:pole-emploi`);
    await hasNode(page, 'org:pole-emploi');
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate(() => window.__atlasCy?.getElementById('org:pole-emploi').emit('tap'));
    await page.getByRole('complementary', { name: 'Détails' }).waitFor();
    expect(await seriousViolations(page, '.details-panel')).toEqual([]);
    // The table, the canvas's accessible equivalent.
    await page
      .getByRole('button', { name: /^Tableau/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Nœuds affichés' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('finds no serious or critical violation on the coverage workspace and a cell’s detail', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Couverture territoriale' });
    await panel.locator('path[data-status]').first().waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);

    // The vocabulary may still be on its way on a loaded machine.
    await panel
      .locator('option[value="theme:mobilite"]')
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    await panel.locator('[data-territory="dep:16"][data-status="NONE"]').first().waitFor();
    await panel.locator('path[data-territory="dep:16"]').click();
    await panel
      .getByRole('region', { name: 'Ce qui pourrait être étendu ici' })
      .locator('li')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
