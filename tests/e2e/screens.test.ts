import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { hasNode } from '../helpers/canvas.js';
import '../helpers/test-env.js';

/**
 * Any screen, any hand (issue 15): the canvas keeps the room at a phone's, a
 * small laptop's and a desktop's width (and at 200 % zoom, which halves the
 * CSS width), no two visible controls overlap, and the keyboard reaches the
 * search, the canvas, the results and the details in a few presses.
 */
const appUrl = inject('appUrl');

const SIZES = [
  { width: 390, height: 844 },
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  // 1440×900 at 200 % zoom: the page lays out in half as many CSS pixels.
  { width: 720, height: 450, deviceScaleFactor: 2 },
] as const;

interface Overlap {
  a: string;
  b: string;
}

/**
 * Pairs of visible controls whose boxes overlap by more than a pixel each way;
 * a box counts as clipped by the scrolling or hiding ancestors it sits in and
 * by the viewport, and a control inside another (an input in a summary) is not
 * an overlap.
 */
function findOverlaps(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const intersect = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const visibleBox = (element: Element): Box | null => {
      // Also false inside a closed <details> (content-visibility), which getComputedStyle does not tell.
      if (!element.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: true })) return null;
      let box: Box = element.getBoundingClientRect();
      box = intersect(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const parentStyle = getComputedStyle(parent);
        if (parentStyle.overflowX !== 'visible' || parentStyle.overflowY !== 'visible')
          box = intersect(box, parent.getBoundingClientRect());
      }
      return box.right - box.left > 1 && box.bottom - box.top > 1 ? box : null;
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}「${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}」`;
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], summary')]
      .map((element) => ({ element, box: visibleBox(element) }))
      .filter((item): item is { element: Element; box: Box } => item.box !== null);
    const overlaps: { a: string; b: string }[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!;
        const b = controls[j]!;
        if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const both = intersect(a.box, b.box);
        if (both.right - both.left > 1 && both.bottom - both.top > 1)
          overlaps.push({ a: name(a.element), b: name(b.element) });
      }
    }
    return overlaps;
  });
}

/**
 * Visible controls that stick out of the viewport's width (a toolbar row that
 * does not wrap), outside any container that scrolls sideways on purpose.
 */
function controlsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrollsSideways = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('button, input, select, textarea, a[href], summary')]
      .filter((element) => element.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: true }))
      .filter((element) => !scrollsSideways(element))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 1 && (box.right > innerWidth + 1 || box.left < -1);
      })
      .map(
        (element) => `${element.tagName.toLowerCase()}「${(element.textContent ?? '').trim().slice(0, 40)}」`,
      );
  });
}

const widthOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => element.getBoundingClientRect().width);

describe('any screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    it(`gives the canvas the room and keeps controls apart at ${size.width}×${size.height}`, async () => {
      const page = await browser.newPage({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: 'deviceScaleFactor' in size ? size.deviceScaleFactor : 1,
      });
      await page.goto(`${appUrl}/?v=n:org:pole-emploi`);
      await hasNode(page, 'org:pole-emploi');
      const narrow = size.width < 1100;
      const started = Date.now();

      // The explorer, panels as the width allows (tools drawer closed below 1100 px).
      const canvasWidth = await widthOf(page, '.graph-canvas');
      expect(canvasWidth / size.width, 'canvas share').toBeGreaterThanOrEqual(narrow ? 0.99 : 0.6);
      expect(await findOverlaps(page)).toEqual([]);
      expect(await controlsOutOfView(page)).toEqual([]);
      // The header's other items wrap before they squeeze the search (once down to 20 px at 1440).
      expect(await widthOf(page, '.main-search input')).toBeGreaterThanOrEqual(
        Math.min(220, size.width - 40),
      );

      // The tools: a drawer over the canvas below 1100 px, a column that collapses above.
      const tools = page.getByRole('button', { name: 'Outils et filtres' });
      expect(await tools.getAttribute('aria-expanded')).toBe(narrow ? 'false' : 'true');
      await tools.click();
      expect(await tools.getAttribute('aria-expanded')).toBe(narrow ? 'true' : 'false');
      if (narrow) {
        expect(await page.getByRole('complementary', { name: 'Outils' }).isVisible()).toBe(true);
        await tools.click();
      } else {
        expect(await page.locator('aside.sidebar').count()).toBe(1);
        expect(await page.locator('aside.sidebar').isVisible()).toBe(false);
        expect(await widthOf(page, '.graph-canvas')).toBeGreaterThan(canvasWidth);
        await tools.click();
      }

      // The details of a node: beside the canvas on a wide screen, a drawer that closes elsewhere.
      await page.evaluate(() => window.__atlasCy?.getElementById('org:pole-emploi').emit('tap'));
      const details = page.getByRole('complementary', { name: 'Détails' });
      await details.waitFor();
      if (size.width >= 1440) {
        expect((await widthOf(page, '.graph-canvas')) / size.width).toBeGreaterThanOrEqual(0.6);
        expect(await findOverlaps(page)).toEqual([]);
      }
      expect(await widthOf(page, '.main-search input')).toBeGreaterThanOrEqual(
        Math.min(220, size.width - 40),
      );
      await page.getByRole('button', { name: 'Détails', exact: true }).click();
      expect(await details.isVisible()).toBe(false);
      expect((await widthOf(page, '.graph-canvas')) / size.width).toBeGreaterThanOrEqual(narrow ? 0.99 : 0.6);
      expect(await findOverlaps(page)).toEqual([]);

      // The coverage workspace: the map's area takes the width, controls stay apart; on a wide
      // screen the controls make a column beside the map, so that the map starts in the upper half.
      await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
      const map = page.getByRole('group', { name: /^Couverture des départements/ });
      await map.locator('path[data-status]').first().waitFor({ timeout: 60_000 });
      const wide = size.width >= 1280;
      expect((await widthOf(page, '.coverage-sides')) / size.width).toBeGreaterThanOrEqual(0.6);
      if (wide) {
        const top = await map.evaluate((element) => element.getBoundingClientRect().top);
        expect(top / size.height).toBeLessThanOrEqual(0.5);
      }
      await map.locator('path[data-territory="dep:24"]').click();
      await page.getByRole('region', { name: 'Dispositifs de Dordogne' }).waitFor();
      // Beside the controls' column and the details, the map keeps close to half the width.
      expect((await widthOf(page, '.coverage-sides')) / size.width).toBeGreaterThanOrEqual(wide ? 0.45 : 0.6);
      expect(await findOverlaps(page)).toEqual([]);
      await page.close();
      expect(Date.now() - started).toBeGreaterThan(0);
    }, 180_000);
  }
});

describe('any hand: the keyboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Presses Tab until `done` holds, and says how many presses it took (at most `limit`). */
  async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 40): Promise<number> {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (await done()) return presses;
    }
    return Infinity;
  }
  /** Puts the sequential focus back at the top of the page, as a fresh load would. */
  const toTop = (page: Page) =>
    page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.body.setAttribute('tabindex', '-1');
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element
        ? `${element.tagName.toLowerCase()}|${element.textContent?.trim().slice(0, 80) ?? ''}|${element.className}`
        : '';
    });

  it('skips to the search, the canvas, the results and the details in a few presses', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${appUrl}/?v=n:org:pole-emploi`);
    await hasNode(page, 'org:pole-emploi');

    // The first Tab lands on the skip links; the results' link shows and focuses the table.
    expect(await tabUntil(page, async () => (await focused(page)).includes('Aller à la recherche'))).toBe(1);
    const toResults = await tabUntil(page, async () => (await focused(page)).includes('Aller aux résultats'));
    expect(toResults).toBeLessThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^table\|/);
    // From the table, Tab walks its sort buttons, then its rows; Enter on a name opens its details.
    const inBody = () => page.evaluate(() => document.activeElement?.closest('tbody') !== null);
    expect(await tabUntil(page, inBody, 10)).toBeLessThanOrEqual(6);
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Détails' }).waitFor();

    // Back to the top: the details' link now exists and lands in the panel.
    await toTop(page);
    const toDetails = await tabUntil(
      page,
      async () => (await focused(page)).includes('Aller aux détails'),
      5,
    );
    expect(toDetails).toBeLessThanOrEqual(4);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.details-panel') !== null))
      .toBe(true);

    // The canvas's link focuses the canvas; the search's link the search box.
    await toTop(page);
    expect(await tabUntil(page, async () => (await focused(page)).includes('Aller au graphe'), 5)).toBe(2);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('graph-canvas')))
      .toBe(true);
    await toTop(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.close();
  }, 120_000);

  it('folds the filter lists, so the tabs after them are near', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl);
    const publics = page.getByRole('group', { name: 'Dispositifs : publics' });
    // The list is filled once the vocabularies load (its summary then counts the choices);
    // folded, its boxes are out of the accessibility tree, hence `includeHidden`.
    await publics.locator('summary', { hasText: /\d+ choix/ }).waitFor();
    const firstPublic = publics.getByRole('checkbox', { includeHidden: true }).first();
    await firstPublic.waitFor({ state: 'attached' });
    expect(await firstPublic.isVisible()).toBe(false);
    // Every checkbox the sidebar shows: a handful, not a hundred.
    const visible = await page.locator('.sidebar input[type="checkbox"]:visible').count();
    expect(visible).toBeLessThan(15);
    await publics.locator('summary').click();
    await expect.poll(() => firstPublic.isVisible()).toBe(true);
    await page.close();
  });

  it('closes the coverage detail with Escape', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl);
    await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
    const map = page.getByRole('group', { name: /^Couverture des départements/ });
    await map.locator('[data-territory="dep:24"]').first().click();
    const details = page.getByRole('region', { name: 'Dispositifs de Dordogne' });
    await details.waitFor();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await page.close();
  });
});
