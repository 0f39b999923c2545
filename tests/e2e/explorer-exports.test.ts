import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { canvas, download, hasNode, settle, watchLayouts, type CanvasState } from '../helpers/canvas.js';
import '../helpers/test-env.js';
import { parse } from 'csv-parse/sync';

/**
 * The toolbar's file exports and the large-view grouping, over the real app:
 * WeJOB's neighbourhood and its programme's (seeds/data), and a synthetic graph
 * loaded through the page's bench hook (`?bench`, client/features/bench).
 */
const appUrl = inject('appUrl');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Parses XML, failing the test on any warning or error. */
function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void errors.push(`${level} ${message}`),
  }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return document.documentElement!;
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); throws on malformed input. */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

describe('explorer exports and large views in a browser', () => {
  let browser: Browser;
  let page: Page;
  let shown: CanvasState;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    // Sources hidden: the exports hold what is drawn, not all that is loaded.
    await page.goto(`${appUrl}/?v=n:org:wejob&v=n:dis:jobeurs-seniors&hk=SOURCE`);
    await hasNode(page, 'org:ag2r-la-mondiale');
    await watchLayouts(page);
    await settle(page);
    shown = await canvas(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const exportButton = (title: string) => () => page.getByRole('button', { name: title }).click();

  it('holds a view with hidden nodes to export', () => {
    expect(shown.nodes.some((id) => id.startsWith('src:'))).toBe(true);
    expect(shown.visible.some((id) => id.startsWith('src:'))).toBe(false);
    expect(shown.visible.length).toBeGreaterThan(10);
    expect(shown.edges.length).toBeGreaterThan(10);
  });

  it('exports a PNG image of the canvas', async () => {
    const file = await download(page, exportButton('Exporter en image PNG'));
    expect(file.name).toMatch(/^atlas-des-acteurs-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...file.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The IHDR chunk: a picture of some size (the full graph at scale 2).
    expect(file.data.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(file.data.readUInt32BE(16)).toBeGreaterThan(100);
    expect(file.data.readUInt32BE(20)).toBeGreaterThan(100);
  });

  it('exports an SVG drawing: one shape per node drawn, one line per edge', async () => {
    const file = await download(page, exportButton('Exporter en image vectorielle SVG'));
    expect(file.name).toMatch(/\.svg$/);
    const svg = parseXml(file.data.toString('utf8'));
    expect(svg.localName).toBe('svg');
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const groups = Array.from(svg.getElementsByTagName('g'));
    const nodes = groups.find((group) => group.getAttribute('class') === 'nodes')!;
    const drawn = Array.from(nodes.getElementsByTagName('g')).map((group) => group.getAttribute('data-id'));
    expect(new Set(drawn)).toEqual(new Set(shown.visible));
    expect(drawn).toHaveLength(shown.visible.length);
    for (const group of Array.from(nodes.getElementsByTagName('g'))) {
      expect(group.getElementsByTagName('path')).toHaveLength(1);
    }
    const lines = Array.from(svg.getElementsByTagName('line')).map((line) => line.getAttribute('data-id'));
    expect(new Set(lines)).toEqual(new Set(shown.edges.map((edge) => edge.id)));
    // Labels are the nodes' names.
    expect(Array.from(svg.getElementsByTagName('text')).map((text) => text.textContent)).toContain('WeJOB');
  });

  it('exports nodes and edges as CSV: a header and one line per element', async () => {
    const nodesFile = await download(page, exportButton('Exporter les nœuds en CSV'));
    expect(nodesFile.name).toMatch(/-noeuds\.csv$/);
    const nodes = parseCsv(nodesFile.data.toString('utf8'));
    expect(nodes[0]!.slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(nodes).toHaveLength(shown.visible.length + 1);
    expect(new Set(nodes.slice(1).map((row) => row[0]))).toEqual(new Set(shown.visible));
    for (const row of nodes) expect(row).toHaveLength(nodes[0]!.length);
    const wejob = nodes.find((row) => row[0] === 'org:wejob')!;
    expect(wejob.slice(1, 3)).toEqual(['WeJOB', 'ORGANISATION']);

    const edgesFile = await download(page, exportButton('Exporter les liens en CSV'));
    expect(edgesFile.name).toMatch(/-liens\.csv$/);
    const edges = parseCsv(edgesFile.data.toString('utf8'));
    expect(edges[0]!.slice(0, 6)).toEqual(['id', 'source', 'target', 'type', 'label', 'sources']);
    expect(edges).toHaveLength(shown.edges.length + 1);
    for (const row of edges) expect(row).toHaveLength(edges[0]!.length);
    expect(new Set(edges.slice(1).map((row) => row[0]))).toEqual(new Set(shown.edges.map((edge) => edge.id)));
    const carries = edges.find((row) => row[0] === 'org:wejob|CARRIES|dis:jobeurs-seniors')!;
    expect(carries.slice(1, 5)).toEqual(['org:wejob', 'dis:jobeurs-seniors', 'CARRIES', 'porte']);
    expect(carries[5]).toContain('src:2019-04-25-jobeurs-seniors-bordeaux');
  });

  it('exports GraphML: as many nodes and edges as drawn, edges between exported nodes', async () => {
    const file = await download(page, exportButton('Exporter en GraphML'));
    expect(file.name).toMatch(/\.graphml$/);
    const root = parseXml(file.data.toString('utf8'));
    expect(root.localName).toBe('graphml');
    expect(root.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    const graph = root.getElementsByTagName('graph')[0]!;
    expect(graph.getAttribute('edgedefault')).toBe('directed');
    const ids = Array.from(graph.getElementsByTagName('node')).map((node) => node.getAttribute('id')!);
    expect(ids).toHaveLength(shown.visible.length);
    expect(new Set(ids)).toEqual(new Set(shown.visible));
    const edges = Array.from(graph.getElementsByTagName('edge'));
    expect(edges).toHaveLength(shown.edges.length);
    for (const edge of edges) {
      expect(ids).toContain(edge.getAttribute('source'));
      expect(ids).toContain(edge.getAttribute('target'));
    }
    // Keys declared for what the data use, WeJOB's label among them.
    const keys = new Map(
      Array.from(root.getElementsByTagName('key'))
        .filter((key) => key.getAttribute('for') === 'node')
        .map((key) => [key.getAttribute('attr.name'), key.getAttribute('id')]),
    );
    const wejob = Array.from(graph.getElementsByTagName('node')).find(
      (node) => node.getAttribute('id') === 'org:wejob',
    )!;
    const label = Array.from(wejob.getElementsByTagName('data')).find(
      (data) => data.getAttribute('key') === keys.get('label'),
    );
    expect(label?.textContent).toBe('WeJOB');
  });

  it('offers grouping above 2,000 elements, and groups by kind into compound nodes', async () => {
    const large = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await large.goto(`${appUrl}/?bench`);
      await large.waitForFunction(() => Boolean(window.__atlasLoadSynthetic && window.__atlasCy), undefined, {
        timeout: 30_000,
      });
      const offer = large.locator('.grouping-offer');
      // Below the threshold: no offer.
      await large.evaluate(() => window.__atlasLoadSynthetic!(300, 1000));
      await large.waitForFunction(() => window.__atlasCy!.elements().length === 1300, undefined, {
        timeout: 20_000,
      });
      expect(await offer.count()).toBe(0);

      // 400 nodes and 1,700 edges: 2,100 elements.
      await large.evaluate(() => window.__atlasLoadSynthetic!(400, 1700));
      await large.waitForFunction(() => window.__atlasCy!.elements().length === 2100, undefined, {
        timeout: 20_000,
      });
      await offer.waitFor();
      expect(await offer.getAttribute('role')).toBe('status');
      expect((await offer.textContent())!.replace(/\s/g, ' ')).toMatch(/^2 100 éléments affichés/);
      expect(await large.evaluate(() => window.__atlasCy!.nodes(':parent').length)).toBe(0);

      await offer.getByRole('button', { name: 'par type' }).click();
      await offer.waitFor({ state: 'detached' });
      await large.waitForFunction(() => window.__atlasCy!.nodes(':parent').length > 0, undefined, {
        timeout: 20_000,
      });
      const groups = await large.evaluate(() => {
        const cy = window.__atlasCy!;
        return {
          parents: cy
            .nodes(':parent')
            .map((node) => ({
              id: node.id(),
              label: node.data('label') as string,
              children: node.children().length,
            }))
            .sort((a, b) => a.id.localeCompare(b.id)),
          orphans: cy.nodes(':childless').filter((node) => node.parent().empty()).length,
          misplaced: cy
            .nodes(':childless')
            .filter(
              (node) =>
                node.parent().nonempty() && node.parent().first().id() !== `group:${node.data('kind')}`,
            ).length,
        };
      });
      expect(groups.parents.map((group) => group.id)).toEqual([
        'group:DISPOSITIF',
        'group:ORGANISATION',
        'group:TERRITORY',
      ]);
      expect(groups.parents.map((group) => group.label)).toEqual([
        'Dispositifs',
        'Organisations',
        'Territoires',
      ]);
      expect(groups.parents.reduce((sum, group) => sum + group.children, 0)).toBe(400);
      expect(groups.orphans).toBe(0);
      expect(groups.misplaced).toBe(0);
      expect(large.url()).toContain('group=kind');
    } finally {
      await large.close();
    }
  });
});
