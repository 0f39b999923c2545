import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

/**
 * The coverage workspace in the URL (client/features/url/url-state.ts): a link
 * reopens the same view, and Back leaves the graph for the coverage view again.
 */
const appUrl = inject('appUrl');

/** Every tile of a map, as `territory=status`. */
const cellsOf = (map: Locator) =>
  map
    .locator('[data-territory][data-status]')
    .evaluateAll((tiles) =>
      tiles.map((tile) => `${tile.getAttribute('data-territory')}=${tile.getAttribute('data-status')}`),
    );

const controlsOf = (panel: Locator) =>
  Promise.all([
    panel.getByLabel('Niveau').inputValue(),
    panel.getByLabel('Dans').inputValue(),
    panel.getByLabel('Thème').first().inputValue(),
  ]);

const coveragePanel = (page: Page) => page.getByRole('region', { name: 'Couverture territoriale' });
/** The EPCI treemap for the mobility theme, drawn once its coverage has arrived. */
const epciMap = (panel: Locator) =>
  panel.getByRole('group', { name: /^Couverture des EPCI — Nouvelle-Aquitaine — Mobilité/ });

describe('the coverage view in the URL', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reopens the same view from its link, and Back returns to it from the graph', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(appUrl);
    await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
    const panel = coveragePanel(page);
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    await panel.getByLabel('Niveau').selectOption('EPCI');
    const map = epciMap(panel);
    await map.locator('rect[data-status]').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => /[?&]level=EPCI(&|$)/.test(window.location.search));
    const url = page.url();
    expect(new URL(url).searchParams.get('ws')).toBe('coverage');
    expect(new URL(url).searchParams.get('a.theme')).toBe('theme:mobilite');
    const controls = await controlsOf(panel);
    expect(controls).toEqual(['EPCI', 'reg:75', 'theme:mobilite']);
    const cells = await cellsOf(map);
    expect(cells.length).toBeGreaterThan(100);

    // The link in a new page: the same controls, the same cells.
    const copy = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await copy.goto(url);
    const copyPanel = coveragePanel(copy);
    const copyMap = epciMap(copyPanel);
    await copyMap.locator('rect[data-status]').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => controlsOf(copyPanel)).toEqual(controls);
    expect(await cellsOf(copyMap)).toEqual(cells);
    expect(copy.url()).toBe(url);

    // Open the most populous covered EPCI (the largest tile), then its dispositifs on the graph.
    const largest = await copyMap.locator('rect[data-status="COVERED"]').evaluateAll((tiles) => {
      const area = (tile: Element) =>
        Number(tile.getAttribute('width')) * Number(tile.getAttribute('height'));
      return tiles
        .reduce((best, tile) => (area(tile) > area(best) ? tile : best))
        .getAttribute('data-territory');
    });
    await copyMap.locator(`[data-territory="${largest}"]`).click();
    await copy.waitForFunction(
      (id) => new URLSearchParams(window.location.search).get('a.cell') === id,
      largest,
    );
    const withCell = copy.url();
    const details = copyPanel.locator('.coverage-details');
    const cellTitle = await details.locator('h3').textContent();
    await details
      .getByRole('button', { name: /^Ouvrir (le dispositif|les \d+ dispositifs) dans le graphe$/ })
      .click();
    await copy.waitForFunction(() => (window.__atlasCy?.nodes().length ?? 0) > 0, undefined, {
      timeout: 15_000,
    });
    expect(new URL(copy.url()).searchParams.get('ws')).toBeNull();
    expect(new URL(copy.url()).searchParams.getAll('v').length).toBeGreaterThan(0);

    // Back: the coverage view, its cell open.
    await copy.goBack();
    await copyMap.locator('rect[data-status]').first().waitFor({ timeout: 20_000 });
    expect(copy.url()).toBe(withCell);
    await expect.poll(() => controlsOf(copyPanel)).toEqual(controls);
    expect(await cellsOf(copyMap)).toEqual(cells);
    expect(await details.locator('h3').textContent()).toBe(cellTitle);
    expect(
      await copy.getByRole('tab', { name: 'Couverture', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');

    // Forward: the graph again.
    await copy.goForward();
    await copy.waitForFunction(() => !new URLSearchParams(window.location.search).has('ws'));
    await copy
      .getByRole('tab', { name: 'Explorateur', exact: true })
      .and(copy.locator('[aria-selected="true"]'))
      .waitFor();
    await Promise.all([page.close(), copy.close()]);
  });
});
