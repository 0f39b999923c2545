import type cytoscape from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import {
  afterLayout,
  canvas,
  hasNode,
  positions,
  renderedPosition,
  settle,
  watchLayouts,
} from '../helpers/canvas.js';
import '../helpers/test-env.js';

/**
 * The explorer's node actions, layouts, sizes, legend, table and partnership
 * network over the real app and the curated dataset (seeds/data): WeJOB
 * (org:wejob), its "jobeurs seniors" programme and that programme's funders.
 */
const appUrl = inject('appUrl');

/** WeJOB's neighbourhood and its programme's: funders (FUNDS) and what they fund. */
const FUNDED_VIEW = `${appUrl}/?v=n:org:wejob&v=n:dis:jobeurs-seniors`;

async function open(page: Page, url: string, node: string) {
  await page.goto(url);
  await hasNode(page, node);
  await watchLayouts(page);
  await settle(page);
}

/** Width and height as drawn (the stylesheet's `data(size)`), of every real node on the canvas. */
function widths(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const result: Record<string, number> = {};
    window.__atlasCy!.nodes().forEach((node) => {
      if (!node.isParent()) result[node.id()] = node.width();
    });
    return result;
  });
}

describe('explorer views in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('expands by relationship type, collapses, and pins a node through its menu', async () => {
    await open(page, `${appUrl}/?v=n:org:wejob~&sel=n:org:wejob`, 'org:wejob');
    expect((await canvas(page)).nodes).toEqual(['org:wejob']);

    // Expand by type: "porte" (CARRIES) only.
    await page.getByRole('button', { name: 'Actions…' }).click();
    const menu = page.getByRole('menu', { name: 'Actions sur WeJOB' });
    const byType = menu.getByRole('group', { name: 'Déplier par type de relation' });
    // Only the types WeJOB has, each with its count, worded from WeJOB's side.
    const carries = byType.getByRole('menuitem', { name: /^« porte » \((\d+)\)$/ });
    const count = Number(/\((\d+)\)/.exec((await carries.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    const offered = await byType.getByRole('menuitem').allTextContents();
    expect(offered.every((name) => /^« .+ » \(\d+\)$/.test(name))).toBe(true);
    expect(offered).toContain('« emploie » (1)');
    expect(offered.some((name) => name.startsWith("« s'adresse à »"))).toBe(false);
    await carries.click();
    await hasNode(page, 'dis:jobeurs-seniors');
    await settle(page);
    const carried = await canvas(page);
    for (const id of ['dis:jobeurs-seniors', 'dis:matinales-impact-rh', 'dis:conseil-recrutement-wejob']) {
      expect(carried.nodes).toContain(id);
    }
    // Every neighbour came through a CARRIES edge from WeJOB, and nothing else came.
    expect(carried.edges.length).toBeGreaterThan(0);
    expect(new Set(carried.edges.map((edge) => edge.type))).toEqual(new Set(['CARRIES']));
    const linked = new Set(
      carried.edges.filter((edge) => edge.source === 'org:wejob').map((edge) => edge.target),
    );
    for (const id of carried.nodes.filter((id) => id !== 'org:wejob')) {
      expect(id.startsWith('dis:')).toBe(true);
      expect(linked).toContain(id);
    }
    expect(carried.nodes.length - 1).toBe(count);
    expect(carried.nodes).not.toContain('com:33063');
    expect(carried.nodes).not.toContain('per:ingrid-berghman');
    expect(page.url()).toContain('v=n:org:wejob~CARRIES');

    // Collapse: the neighbours it brought leave, WeJOB stays.
    await page.getByRole('button', { name: 'Actions…' }).click();
    await menu.getByRole('menuitem', { name: 'Replier (retirer les voisins apportés)' }).click();
    await expect.poll(async () => (await canvas(page)).nodes).toEqual(['org:wejob']);
    expect((await canvas(page)).edges).toEqual([]);

    // Pin: open the full neighbourhood, pin the programme from the canvas's context menu.
    await afterLayout(page, () => page.getByRole('button', { name: 'Déplier', exact: true }).click());
    await hasNode(page, 'per:ingrid-berghman');
    const target = await renderedPosition(page, 'dis:jobeurs-seniors');
    await page.mouse.click(target.x, target.y, { button: 'right' });
    await page.getByRole('menu', { name: /^Actions sur Les jobeurs seniors/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Épingler (fixer la position)' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__atlasCy!.getElementById('dis:jobeurs-seniors').locked()))
      .toBe(true);
    expect(
      await page.evaluate(() => window.__atlasCy!.getElementById('dis:jobeurs-seniors').hasClass('pinned')),
    ).toBe(true);
    expect(page.url()).toContain('pin=dis:jobeurs-seniors');

    // Re-running the layout moves the others, not the pinned node.
    const before = await positions(page);
    await afterLayout(page, () => page.getByRole('button', { name: 'Relancer' }).click());
    const after = await positions(page);
    expect(after['dis:jobeurs-seniors']!.x).toBeCloseTo(before['dis:jobeurs-seniors']!.x, 1);
    expect(after['dis:jobeurs-seniors']!.y).toBeCloseTo(before['dis:jobeurs-seniors']!.y, 1);
    const moved = Object.keys(before).filter(
      (id) =>
        id !== 'dis:jobeurs-seniors' &&
        Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y) > 1,
    );
    expect(moved.length).toBeGreaterThan(0);

    // Unpinning frees it.
    const pinned = await renderedPosition(page, 'dis:jobeurs-seniors');
    await page.mouse.click(pinned.x, pinned.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Désépingler' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__atlasCy!.getElementById('dis:jobeurs-seniors').locked()))
      .toBe(false);
    expect(page.url()).not.toContain('pin=');
  });

  it('lays out concentrically and hierarchically, and fits and zooms', async () => {
    await open(page, FUNDED_VIEW, 'org:ag2r-la-mondiale');
    const layout = page.getByRole('combobox', { name: 'Disposition' });
    expect(await layout.inputValue()).toBe('fcose');
    const force = await positions(page);

    // Concentric: by degree, from the centre out.
    await afterLayout(page, () => layout.selectOption({ label: 'Concentrique (par degré)' }));
    expect(page.url()).toContain('layout=concentric');
    const rings = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const centre = { x: cy.width() / 2, y: cy.height() / 2 };
      return cy
        .nodes()
        .not('.hidden')
        .map((node: cytoscape.NodeSingular) => ({
          id: node.id(),
          degree: node.degree(false),
          distance: Math.hypot(node.position('x') - centre.x, node.position('y') - centre.y),
        }));
    });
    const concentric = await positions(page);
    expect(Object.keys(concentric).some((id) => concentric[id]!.x !== force[id]!.x)).toBe(true);
    // Levels are 2 degrees wide: a node 2 or more degrees above another sits on an inner ring.
    expect(rings.some((a) => rings.some((b) => a.degree >= b.degree + 2))).toBe(true);
    for (const a of rings) {
      for (const b of rings) {
        if (a.degree >= b.degree + 2) expect(a.distance, `${a.id} inside ${b.id}`).toBeLessThan(b.distance);
      }
    }

    // Hierarchical: funders above what they fund.
    await afterLayout(page, () => layout.selectOption({ label: 'Hiérarchique (financeurs en haut)' }));
    expect(page.url()).toContain('layout=hierarchical');
    const tree = await positions(page);
    expect(Object.keys(tree).some((id) => tree[id]!.y !== concentric[id]!.y)).toBe(true);
    const funds = (await canvas(page)).edges.filter((edge) => edge.type === 'FUNDS');
    expect(funds.map((edge) => edge.source)).toContain('org:ag2r-la-mondiale');
    for (const edge of funds) {
      expect(tree[edge.source]!.y, `${edge.source} above ${edge.target}`).toBeLessThan(tree[edge.target]!.y);
    }

    // Zoom in, out, and fit back to the window.
    const zoom = () => page.evaluate(() => window.__atlasCy!.zoom());
    const fitted = await zoom();
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    expect(await zoom()).toBeCloseTo(fitted * 1.25, 5);
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    expect(await zoom()).toBeCloseTo(fitted * 1.25 * 1.25, 5);
    await page.getByRole('button', { name: 'Zoom arrière' }).click();
    expect(await zoom()).toBeCloseTo(fitted * 1.25, 5);
    await page.getByRole('button', { name: 'Ajuster à la fenêtre' }).click();
    expect(await zoom()).toBeLessThan(fitted * 1.25);
    const inside = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const box = cy.elements().not('.hidden').renderedBoundingBox();
      return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1;
    });
    expect(inside).toBe(true);
  });

  it('sizes nodes by degree or betweenness, and the legend lists what is drawn', async () => {
    await open(page, FUNDED_VIEW, 'org:ag2r-la-mondiale');
    const metrics = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const eles = cy.elements().not('.hidden');
      const centrality = eles.betweennessCentrality({});
      return eles.nodes().map((node) => ({
        id: node.id(),
        degree: node.degree(false),
        betweenness: centrality.betweennessNormalized(node),
      }));
    });
    const maxDegree = Math.max(...metrics.map((node) => node.degree));
    const mostCentral = metrics.reduce((best, node) => (node.betweenness > best.betweenness ? node : best));
    const leaf = metrics.find((node) => node.degree === 1 && node.betweenness === 0)!;
    expect(leaf).toBeDefined();

    // Degree (the default): the best-connected nodes are drawn largest, a leaf is above the minimum.
    const byDegree = await widths(page);
    for (const node of metrics.filter((item) => item.degree === maxDegree))
      expect(byDegree[node.id]).toBe(56);
    expect(byDegree[leaf.id]).toBeGreaterThan(18);
    const legend = page.getByRole('group', { name: 'Légende' });
    expect(await page.locator('.legend-size').textContent()).toBe('Taille : nombre de liens (degré)');

    // Betweenness: the most central node is the largest, a leaf (no shortest path through it) the smallest.
    await page.getByRole('tab', { name: 'Affichage' }).click();
    await page.getByRole('radio', { name: 'Intermédiarité (betweenness)' }).check();
    await expect.poll(async () => (await widths(page))[leaf.id]).toBe(18);
    const byBetweenness = await widths(page);
    expect(byBetweenness[mostCentral.id]).toBe(56);
    expect(Object.keys(byDegree).some((id) => byDegree[id] !== byBetweenness[id])).toBe(true);
    expect(await page.locator('.legend-size').textContent()).toBe("Taille : centralité d'intermédiarité");
    expect(page.url()).toContain('size=betweenness');

    // The legend: exactly the kinds and relationship types drawn, with their counts.
    const drawn = () =>
      page.evaluate(() => {
        const cy = window.__atlasCy!;
        const count = (values: string[]) =>
          values.reduce<Record<string, number>>(
            (all, value) => ({ ...all, [value]: (all[value] ?? 0) + 1 }),
            {},
          );
        return {
          kinds: count(
            cy
              .nodes()
              .not('.hidden')
              .filter((node: cytoscape.NodeSingular) => !node.isParent())
              .map((node) => node.data('kind') as string),
          ),
          edges: count(
            cy
              .edges()
              .not('.hidden')
              .map((edge) => edge.data('type') as string),
          ),
        };
      });
    const listed = () =>
      legend.evaluate((element) => {
        const read = (attribute: string) =>
          Object.fromEntries(
            [...element.querySelectorAll(`[${attribute}]`)].map((item) => [
              item.getAttribute(attribute)!,
              Number(item.querySelector('.count')?.textContent),
            ]),
          );
        return { kinds: read('data-legend-kind'), edges: read('data-legend-edge') };
      });
    const everything = await drawn();
    expect(Object.keys(everything.kinds)).toContain('SOURCE');
    expect(await listed()).toEqual(everything);

    // Hiding a kind takes it out of the drawing and out of the legend.
    await page.getByRole('tab', { name: 'Filtres' }).click();
    await page.getByRole('checkbox', { name: 'Sources' }).uncheck();
    await expect.poll(async () => Object.keys((await drawn()).kinds)).not.toContain('SOURCE');
    const filtered = await drawn();
    expect(await listed()).toEqual(filtered);
    expect(Object.keys(filtered.edges)).not.toContain('MENTIONED_IN');
  });

  it('shows the canvas as a sortable table beside it, and selects from a row', async () => {
    await open(page, `${appUrl}/?v=n:org:wejob`, 'dis:jobeurs-seniors');
    const toggle = page.getByRole('button', { name: 'Tableau' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    const table = page.getByRole('table', { name: 'Nœuds affichés' });
    await table.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('table=1');

    // Beside the graph: to its right, at the same height, and cytoscape told of its new width.
    await settle(page);
    const graphBox = (await page.locator('.graph-canvas').boundingBox())!;
    const tableBox = (await page.locator('.table-view').boundingBox())!;
    expect(tableBox.x).toBeGreaterThanOrEqual(graphBox.x + graphBox.width - 1);
    expect(tableBox.y).toBeLessThan(graphBox.y + graphBox.height);
    expect(graphBox.y).toBeLessThan(tableBox.y + tableBox.height);
    expect(await page.evaluate(() => window.__atlasCy!.width())).toBeCloseTo(graphBox.width, 0);

    // One row per node drawn.
    const ids = () => table.locator('tbody tr td:last-child').allTextContents();
    const { visible } = await canvas(page);
    expect(new Set(await ids())).toEqual(new Set(visible));
    expect(await ids()).toHaveLength(visible.length);
    expect(await table.locator('caption').textContent()).toBe(`${visible.length} nœuds affichés`);

    // Sorted by number of links, most first; then by name, both ways.
    const header = (name: string) => table.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(await header('Liens').getAttribute('aria-sort')).toBe('descending');
    const links = (await table.locator('tbody tr td.number').allTextContents()).map(Number);
    expect(links).toEqual([...links].sort((a, b) => b - a));
    expect((await table.locator('tbody tr').first().textContent())!).toContain('WeJOB');

    const names = () => table.locator('tbody tr td:first-child').allTextContents();
    const byLinks = await names();
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    await header('Nom').getByRole('button').click();
    expect(await header('Nom').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Liens').getAttribute('aria-sort')).toBe('none');
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    expect(ascending).not.toEqual(byLinks);
    await header('Nom').getByRole('button').click();
    expect(await header('Nom').getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...ascending].reverse());

    // A row selects its node: on the canvas and in the details panel.
    await table.getByRole('button', { name: 'Les jobeurs seniors de WeJOB' }).click();
    const details = page.getByRole('complementary', { name: 'Détails' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toContain('Les jobeurs seniors de WeJOB');
    expect(await details.locator('code').first().textContent()).toBe('dis:jobeurs-seniors');
    expect(
      await page.evaluate(() => window.__atlasCy!.$(':selected').map((element) => element.id())),
    ).toEqual(['dis:jobeurs-seniors']);
    const row = table.locator('tbody tr', {
      has: page.getByRole('button', { name: 'Les jobeurs seniors de WeJOB' }),
    });
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(page.url()).toContain('sel=n:dis:jobeurs-seniors');

    // Closing the table gives the canvas its width back.
    await toggle.click();
    await table.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => window.__atlasCy!.width()))
      .toBeGreaterThan(graphBox.width + 50);
  });

  it('draws the partnership network of the Gironde, edges as wide as their weight, and details a partnership', async () => {
    await page.goto(appUrl);
    await page.getByRole('tab', { name: 'Partenariats' }).click();
    await page
      .getByRole('combobox', { name: 'Territoire du réseau' })
      .pressSequentially('gironde', { delay: 20 });
    await page.locator('[role="listbox"] [data-id="dep:33"]').click();
    await page.getByRole('tabpanel').locator('strong', { hasText: 'Gironde' }).waitFor();
    await page.getByRole('button', { name: 'Afficher le réseau' }).click();
    await page.waitForFunction(() => (window.__atlasCy?.edges().length ?? 0) > 0, undefined, {
      timeout: 15_000,
    });
    await watchLayouts(page);
    await settle(page);
    expect(page.url()).toContain('v=partners:territory=dep:33');

    // Organisations joined by PARTNERS edges, each as wide as its weight says.
    const network = await page.evaluate(() =>
      window.__atlasCy!.edges().map((edge) => ({
        id: edge.id(),
        type: edge.data('type') as string,
        source: edge.source().data('label') as string,
        target: edge.target().data('label') as string,
        kinds: [edge.source().data('kind') as string, edge.target().data('kind') as string],
        width: edge.numericStyle('width'),
      })),
    );
    expect(network.length).toBeGreaterThan(1);
    for (const edge of network) {
      expect(edge.type).toBe('PARTNERS');
      expect(edge.kinds).toEqual(['ORGANISATION', 'ORGANISATION']);
    }
    const list = page.locator('.partner-list li');
    expect(await page.getByRole('heading', { name: `Partenariats (${network.length})` }).count()).toBe(1);
    const weights = new Map<string, number>();
    for (const text of (await list.allTextContents()).slice(0, 50)) {
      const match = /^(.+) ↔ (.+) \((\d+)\)$/.exec(text.trim());
      expect(match, text).not.toBeNull();
      weights.set(`${match![1]} ↔ ${match![2]}`, Number(match![3]));
    }
    let checked = 0;
    for (const edge of network) {
      const weight = weights.get(`${edge.source} ↔ ${edge.target}`);
      if (weight === undefined) continue;
      expect(edge.width, `${edge.source} ↔ ${edge.target}`).toBeCloseTo(Math.min(12, 1 + weight * 1.5), 5);
      checked += 1;
    }
    expect(checked).toBe(Math.min(50, network.length));
    const heaviest = Math.max(...weights.values());
    const lightest = Math.min(...weights.values());
    expect(heaviest).toBeGreaterThan(lightest);

    // A partnership on the canvas: the dispositifs the two share, in the details panel.
    const edgeId = 'org:les-entreprises-pour-la-cite|PARTNERS|org:wejob';
    const id = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const edge = cy
        .edges()
        .filter(
          (item) =>
            [item.source().id(), item.target().id()].sort().join() ===
            'org:les-entreprises-pour-la-cite,org:wejob',
        );
      return edge.nonempty() ? edge.id() : null;
    });
    expect(id, edgeId).not.toBeNull();
    // (No value back from evaluate: a cytoscape collection takes seconds to serialise.)
    await page.evaluate((wanted) => {
      window.__atlasCy!.getElementById(wanted).emit('tap');
    }, id!);
    const details = page.getByRole('complementary', { name: 'Détails' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe('Les Entreprises pour la Cité — « partenaire de » — WeJOB');
    const shared = details.getByRole('region', { name: 'Dispositifs partagés' });
    await shared.getByRole('button', { name: 'Matinales IMPACT RH' }).waitFor();
    const count = await shared.getByRole('listitem').count();
    expect(await shared.getByRole('heading').textContent()).toBe(`Dispositifs partagés (${count})`);
    expect(await page.evaluate((wanted) => window.__atlasCy!.getElementById(wanted).selected(), id!)).toBe(
      true,
    );
  });

  it("details a node's sources and each relation's evidence and sources", async () => {
    await open(page, `${appUrl}/?v=n:org:wejob&sel=n:org:wejob`, 'dis:jobeurs-seniors');
    const details = page.getByRole('complementary', { name: 'Détails' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toContain('WeJOB');
    expect(await details.locator('.details-kind').textContent()).toBe('Organisation · org:wejob');

    // Where WeJOB is cited: the article's title and its date.
    const cited = details.getByRole('region', { name: 'Cité dans' });
    const article = cited
      .getByRole('listitem')
      .filter({ hasText: 'A Bordeaux, les « jobeurs » seniors la jouent collectif' });
    await article.waitFor();
    expect(await article.locator('.source-date').textContent()).toBe(' — 25 avril 2019');

    // A relation: WeJOB « porte » the programme, with the sentence that says so and its article.
    const relations = details.getByRole('region', { name: 'Relations' });
    const carries = relations.locator('details.relation-group', { hasText: '« porte »' });
    const programme = carries
      .locator('li.relation')
      .filter({ has: page.getByRole('button', { name: 'Les jobeurs seniors de WeJOB' }) });
    expect(await programme.locator('.evidence').textContent()).toBe(
      'WeJOB forme tous les mois un nouveau groupe de jobeurs.',
    );
    const source = programme.locator('.source-list li');
    expect(await source.locator('.source-title').textContent()).toBe(
      'A Bordeaux, les « jobeurs » seniors la jouent collectif',
    );
    expect(await source.locator('.source-date').textContent()).toBe(' — 25 avril 2019');

    // Incoming relations too: its director, with her role.
    const director = relations
      .locator('li.relation')
      .filter({ has: page.getByRole('button', { name: /Ingrid Berghman/ }) });
    expect(await director.textContent()).toContain('rôle : directrice');
    expect(await director.locator('.evidence').textContent()).toBe("Elle dirige l'association.");
  });
});
