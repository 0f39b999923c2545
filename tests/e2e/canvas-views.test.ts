import type cytoscape from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { afterLayout, canvas, hasNode, renderedPosition, settle, watchLayouts } from '../helpers/canvas.js';
import { drawnLabels, overlappingLabels, type Box } from '../helpers/labels.js';
import '../helpers/test-env.js';

/**
 * Readable views over the real app and the curated dataset (seeds/data):
 * Gironde (dep:33) folded and opened, groups by département, the node clicked
 * kept in view, words instead of codes, ranked lists.
 */
const appUrl = inject('appUrl');
const FUNDED_VIEW = `${appUrl}/?v=n:org:wejob&v=n:dis:jobeurs-seniors`;

async function open(page: Page, url: string, node: string) {
  await page.goto(url);
  await hasNode(page, node);
  await watchLayouts(page);
  await settle(page);
}

const inside = (inner: Box, outer: Box) =>
  inner.x1 >= outer.x1 - 0.5 &&
  inner.x2 <= outer.x2 + 0.5 &&
  inner.y1 >= outer.y1 - 0.5 &&
  inner.y2 <= outer.y2 + 0.5;
const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Organisation types, levels and kinds as stored: none may reach the page where words belong. */
const CODES =
  /\b(ML|FT|CAP_EMPLOI|ASSO|OF|E2C|MDE|FABLAB|TIERS_LIEUX|CD|DEPT|REG|MUNI|CCONS|DEETS|SIAE|EA|CHAMBRE_CONSULAIRE|ETAT|FONDATION|ENTREPRISE|RESEAU|ETABLISSEMENT_SCOLAIRE|AUTRE|ORGANISATION|DISPOSITIF|TERRITORY|PERSON|DEPARTEMENT|COMMUNE|BASSIN|REGION|CARRIES|FUNDS|PARTNERS_IN|PART_OF|DEPLOYED_IN|referential|contrat-aide|appel-a-projets)\b/;

/** Visible text of a part of the page, less the node ids shown as ids (`org:wejob`). */
async function visibleText(page: Page, selector: string): Promise<string> {
  const texts = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('code').forEach((code) => code.remove());
      return (element as HTMLElement).innerText === undefined ? '' : (clone.textContent ?? '');
    }),
  );
  return texts.join('\n');
}

describe('readable canvas views in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('folds the communes of a département into one node, which opens into all of them', async () => {
    await open(page, `${appUrl}/?v=n:dep:33`, 'fold:dep:33~COMMUNE');
    const folded = await canvas(page);
    expect(folded.nodes.filter((id) => id.startsWith('com:'))).toEqual([]);
    expect(folded.nodes.length).toBeLessThan(60);
    const label = (await page.evaluate(() =>
      window.__atlasCy!.getElementById('fold:dep:33~COMMUNE').data('label'),
    )) as string;
    const count = Number(/^(\d[\d\s\u202f]*) communes$/.exec(label)?.[1]?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(294);
    expect(overlappingLabels(await drawnLabels(page))).toEqual([]);
    // The cap fell only on communes, which fold anyway: the page does not call the view cut.
    expect(await page.getByText(/Résultat tronqué/).count()).toBe(0);

    await afterLayout(page, () =>
      page.evaluate(() => window.__atlasCy!.getElementById('fold:dep:33~COMMUNE').emit('dbltap')),
    );
    await hasNode(page, 'com:33063');
    const opened = await canvas(page);
    expect(opened.nodes).not.toContain('fold:dep:33~COMMUNE');
    expect(opened.nodes.filter((id) => id.startsWith('com:'))).toHaveLength(count);
    expect(page.url()).toContain('v=c:dep:33~COMMUNE');
    expect(overlappingLabels(await drawnLabels(page))).toEqual([]);
  }, 120_000);

  it('keeps every node inside its département and départements apart, in every layout', async () => {
    for (const layout of ['concentric', 'hierarchical', 'fcose']) {
      await open(page, `${appUrl}/?v=partners:&group=territory&layout=${layout}`, 'org:wejob');
      // The groups come with the nodes' places (facets, fetched after the first drawing), and
      // bring a layout of their own: measure once they are drawn and laid out.
      await expect
        .poll(() => page.evaluate(() => window.__atlasCy!.nodes(':parent').length), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(3);
      await settle(page);
      const boxes = await page.evaluate(() => {
        const cy = window.__atlasCy!;
        const body = { includeLabels: false, includeOverlays: false } as const;
        const box = (b: { x1: number; y1: number; x2: number; y2: number }) => ({
          x1: b.x1,
          y1: b.y1,
          x2: b.x2,
          y2: b.y2,
        });
        return cy
          .nodes(':parent')
          .filter((parent) => parent.visible())
          .map((parent: cytoscape.NodeSingular) => ({
            id: parent.id(),
            box: box(parent.boundingBox(body)),
            children: parent
              .children()
              .filter((child: cytoscape.NodeSingular) => child.visible())
              .map((child: cytoscape.NodeSingular) => ({
                id: child.id(),
                box: box(child.boundingBox(body)),
              })),
          }));
      });
      expect(boxes.length, layout).toBeGreaterThanOrEqual(3);
      for (const parent of boxes)
        for (const child of parent.children)
          expect(inside(child.box, parent.box), `${layout} ${child.id}`).toBe(true);
      for (let i = 0; i < boxes.length; i += 1)
        for (let j = i + 1; j < boxes.length; j += 1)
          expect(meet(boxes[i]!.box, boxes[j]!.box), `${layout} ${boxes[i]!.id} ${boxes[j]!.id}`).toBe(false);
    }
  });

  it('keeps the node clicked in view when its details narrow the canvas', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    try {
      await open(narrow, `${FUNDED_VIEW}&layout=hierarchical`, 'org:ag2r-la-mondiale');
      // The rightmost node: where the details panel comes.
      const rightmost = await narrow.evaluate(() => {
        const cy = window.__atlasCy!;
        const nodes = cy.nodes().filter((node) => !node.isParent() && node.visible());
        return nodes.max((node) => (node as cytoscape.NodeSingular).renderedPosition('x')).ele.id();
      });
      const at = await renderedPosition(narrow, rightmost);
      await narrow.mouse.click(at.x, at.y);
      await narrow.getByRole('complementary', { name: 'Détails' }).waitFor();
      await settle(narrow);
      const after = await renderedPosition(narrow, rightmost);
      const canvasBox = (await narrow.locator('.graph-canvas').boundingBox())!;
      const details = (await narrow.getByRole('complementary', { name: 'Détails' }).boundingBox())!;
      expect(after.x).toBeGreaterThan(canvasBox.x);
      expect(after.x).toBeLessThan(canvasBox.x + canvasBox.width);
      expect(after.y).toBeGreaterThan(canvasBox.y);
      expect(after.y).toBeLessThan(canvasBox.y + canvasBox.height);
      // Not under the panel.
      expect(after.x < details.x || after.y > details.y + details.height).toBe(true);
    } finally {
      await narrow.close();
    }
  });

  it('says in words what codes stand for: explorer, details, legend, table, funder sheet', async () => {
    await open(page, `${FUNDED_VIEW}&sel=n:org:wejob&table=1`, 'org:ag2r-la-mondiale');
    const details = page.getByRole('complementary', { name: 'Détails' });
    await details.getByText('Association', { exact: true }).waitFor();
    await page.locator('.table-view').waitFor();
    const text = await visibleText(page, '.app-main');
    expect(text).toContain('Association');
    expect(CODES.exec(text)?.[0] ?? null).toBeNull();

    await page.getByRole('tab', { name: 'Financeurs' }).click();
    await page.getByRole('tab', { name: 'Financeurs', selected: true }).waitFor();
    const funder = await visibleText(page, '.app-main');
    expect(CODES.exec(funder)?.[0] ?? null).toBeNull();
  });

  it('puts the numbers and bullets of ranked lists on the first line of wrapped names', async () => {
    await open(page, `${appUrl}/?v=partners:`, 'org:wejob');
    await page.getByRole('tab', { name: 'Partenariats' }).click();
    await page.locator('.ranked-list li').first().waitFor();
    const offsets = await page.locator('.ranked-list > li').evaluateAll((items) =>
      items.flatMap((item) => {
        const button = item.querySelector('button');
        const text = button?.firstChild;
        if (!button || !text || text.nodeType !== Node.TEXT_NODE) return [];
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const firstLine = range.getBoundingClientRect();
        // Wrapped names only: a button two lines high or more.
        if (button.getBoundingClientRect().height < firstLine.height * 1.8) return [];
        // The marker sits on the item's first line box: a probe put before the name shows where.
        const probe = document.createElement('span');
        probe.textContent = '1';
        item.insertBefore(probe, item.firstChild);
        const marker = probe.getBoundingClientRect();
        probe.remove();
        return [Math.abs(marker.bottom - firstLine.bottom)];
      }),
    );
    expect(offsets.length).toBeGreaterThan(0);
    for (const offset of offsets) expect(offset).toBeLessThan(4);
  });
});
