import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { download, hasNode, renderedPosition, settle, watchLayouts } from '../helpers/canvas.js';
import { drawnLabels, overlappingLabels } from '../helpers/labels.js';
import '../helpers/test-env.js';

/**
 * Labels that never overlap, over the real app and the curated dataset
 * (seeds/data): WeJOB (org:wejob), its « jobeurs seniors » programme and its
 * funders; Gironde (dep:33) and its 500-odd communes.
 */
const appUrl = inject('appUrl');
const FUNDED_VIEW = `${appUrl}/?v=n:org:wejob&v=n:dis:jobeurs-seniors`;

async function open(page: Page, url: string, node: string) {
  await page.goto(url);
  await hasNode(page, node);
  await watchLayouts(page);
  await settle(page);
}

/** Waits for the labels to be sorted again after a zoom (the canvas waits for the zoom to rest). */
const afterZoom = (page: Page) => page.waitForTimeout(600);

async function expectReadableLabels(page: Page, atLeast: number) {
  const labels = await drawnLabels(page);
  expect(labels.length).toBeGreaterThanOrEqual(atLeast);
  expect(overlappingLabels(labels)).toEqual([]);
  // Readable on screen, whatever the zoom.
  for (const label of labels) expect(label.screenSize).toBeGreaterThanOrEqual(9.5);
  return labels;
}

describe('canvas labels in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws no two names over each other in every layout, the busiest ones first', async () => {
    for (const layout of ['hierarchical', 'fcose', 'concentric']) {
      await open(page, `${FUNDED_VIEW}&layout=${layout}`, 'org:ag2r-la-mondiale');
      const labels = await expectReadableLabels(page, 5);
      const ids = labels.map((label) => label.id);
      // The two hubs keep their names.
      expect(ids, layout).toContain('org:wejob');
      expect(ids, layout).toContain('dis:jobeurs-seniors');
    }
  });

  it('wraps long names on two lines at most, cut with « … »', async () => {
    await open(page, `${FUNDED_VIEW}&layout=hierarchical`, 'org:ag2r-la-mondiale');
    const labels = await drawnLabels(page);
    for (const label of labels) {
      const lines = label.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(22);
      if (label.text !== label.full) expect(label.text.endsWith('…') || label.text.includes('\n')).toBe(true);
    }
    expect(labels.some((label) => label.text.includes('\n'))).toBe(true);
  });

  it('keeps names apart after an expand, and shows them', async () => {
    await open(page, `${appUrl}/?v=n:org:wejob&layout=hierarchical`, 'dis:jobeurs-seniors');
    const before = (await page.evaluate(() => window.__atlasCy!.nodes().length)) as number;
    await page.evaluate(() => window.__atlasCy!.getElementById('dis:jobeurs-seniors').emit('dbltap'));
    await hasNode(page, 'org:ag2r-la-mondiale');
    await settle(page);
    expect(await page.evaluate(() => window.__atlasCy!.nodes().length)).toBeGreaterThan(before);
    await expectReadableLabels(page, 8);
  });

  it('shows names at 1024 px, and more of them as the user zooms in', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    try {
      await open(narrow, `${appUrl}/?v=n:dep:33&v=c:dep:33~COMMUNE`, 'com:33063');
      const before = await expectReadableLabels(narrow, 15);
      const hiddenBefore = await narrow.evaluate(() => window.__atlasCy!.nodes('.label-hidden').length);
      expect(hiddenBefore).toBeGreaterThan(100);
      await narrow.evaluate(() => {
        const cy = window.__atlasCy!;
        cy.zoom({ level: cy.zoom() * 4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      });
      await afterZoom(narrow);
      const after = await expectReadableLabels(narrow, 15);
      // Zoomed in, nodes move apart on screen: names left out before come back.
      const shownBefore = new Set(before.map((label) => label.id));
      expect(after.filter((label) => !shownBefore.has(label.id)).length).toBeGreaterThan(20);
      expect(await narrow.evaluate(() => window.__atlasCy!.nodes('.label-hidden').length)).toBeLessThan(
        hiddenBefore,
      );
    } finally {
      await narrow.close();
    }
  });

  it('shows the full name of the node under the pointer, and its label first', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    try {
      await open(narrow, `${appUrl}/?v=n:dep:33&v=c:dep:33~COMMUNE`, 'com:33063');
      // A commune whose name is left out, well inside the view.
      const hidden = await narrow.evaluate(() => {
        const cy = window.__atlasCy!;
        const others = cy.nodes().filter((node) => !node.isParent());
        const inside = cy.nodes('.label-hidden').filter((node) => {
          const { x, y } = node.renderedPosition();
          if (!(x > 100 && x < cy.width() - 100 && y > 100 && y < cy.height() - 100)) return false;
          // No other node drawn over that point: the pointer lands on this one.
          const at = node.position();
          return others.every((other) => {
            if (other.same(node)) return true;
            const box = other.boundingBox({ includeLabels: false });
            return at.x < box.x1 || at.x > box.x2 || at.y < box.y1 || at.y > box.y2;
          });
        });
        return inside.length ? inside[0]!.id() : null;
      });
      expect(hidden).not.toBeNull();
      const tooltip = narrow.getByRole('tooltip');
      const full = await narrow.evaluate((id) => window.__atlasCy!.getElementById(id).data('label'), hidden!);
      // The view may still move (a fit, keeping the selection in sight): aim at where the node is now.
      await expect
        .poll(async () => {
          const at = await renderedPosition(narrow, hidden!);
          await narrow.mouse.move(at.x, at.y);
          return tooltip.textContent();
        })
        .toBe(full);
      const labels = await drawnLabels(narrow);
      expect(labels.map((label) => label.id)).toContain(hidden);
      expect(overlappingLabels(labels)).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it('exports SVG and PNG pictures with the same names, the legend and the source line', async () => {
    await open(page, `${FUNDED_VIEW}&layout=hierarchical`, 'org:ag2r-la-mondiale');
    const labels = await drawnLabels(page);
    const svgFile = await download(page, () =>
      page.getByRole('button', { name: 'Exporter en image vectorielle SVG' }).click(),
    );
    const svg = new DOMParser().parseFromString(
      svgFile.data.toString('utf8'),
      'image/svg+xml',
    ).documentElement!;
    const groups = Array.from(svg.getElementsByTagName('g'));
    const nodes = groups.find((group) => group.getAttribute('class') === 'nodes')!;
    const named = new Map(
      Array.from(nodes.getElementsByTagName('g'))
        .filter((group) => group.getElementsByTagName('text').length > 0)
        .map((group) => [
          group.getAttribute('data-id')!,
          Array.from(group.getElementsByTagName('tspan'))
            .map((tspan) => tspan.textContent)
            .join('\n'),
        ]),
    );
    // The names the canvas draws, as it draws them; none that it leaves out.
    expect(new Map(labels.map((label) => [label.id, label.text]))).toEqual(named);
    const legend = groups.find((group) => group.getAttribute('class') === 'legend')!;
    const legendText = Array.from(legend.getElementsByTagName('text')).map((text) => text.textContent);
    expect(legendText).toContain('Légende');
    expect(legendText.some((text) => text?.startsWith('Organisations ('))).toBe(true);
    expect(legendText.some((text) => text?.startsWith('finance ('))).toBe(true);
    const source = Array.from(svg.getElementsByTagName('text')).find(
      (text) => text.getAttribute('class') === 'source',
    );
    expect(source?.textContent).toMatch(
      /^Source : Atlas des acteurs — \d+ sources? citées? \(articles de 2019/,
    );

    const png = await download(page, () =>
      page.getByRole('button', { name: 'Exporter en image PNG' }).click(),
    );
    const size = { width: png.data.readUInt32BE(16), height: png.data.readUInt32BE(20) };
    // The drawing as the canvas would give it, and the picture: wider (legend) and taller (source line).
    const drawing = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const image = new Image();
      image.src = cy.png({ full: true, scale: 2 * cy.zoom() });
      return new Promise<{ width: number; height: number }>((resolve) => {
        image.onload = () => resolve({ width: image.width, height: image.height });
      });
    });
    expect(size.width).toBeGreaterThan(drawing.width + 400);
    expect(size.height).toBeGreaterThan(drawing.height);
    // The legend is drawn: not white on the right of the picture.
    const inked = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await new Promise((resolve) => (image.onload = resolve));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const strip = context.getImageData(image.width - 440, 0, 440, Math.min(image.height, 500)).data;
      let dark = 0;
      for (let i = 0; i < strip.length; i += 4) if (strip[i]! < 128) dark += 1;
      return dark;
    }, png.data.toString('base64'));
    expect(inked).toBeGreaterThan(500);
  });
});
