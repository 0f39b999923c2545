import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { canvas, hasNode, renderedPosition, settle } from '../helpers/canvas.js';
import '../helpers/test-env.js';

/**
 * The explorer over the real app and the curated dataset (seeds/data): WeJOB
 * (org:wejob), its "jobeurs seniors" programme, Bordeaux and the Gironde.
 */
const appUrl = inject('appUrl');

describe('explorer in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks search → open → expand → filter → path → export GEXF, and back', async () => {
    await page.goto(appUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas des acteurs');

    // The header links to the API, where a browser gets GraphiQL.
    const api = page.getByRole('banner').getByRole('link', { name: 'API GraphQL' });
    expect(await api.getAttribute('href')).toBe('/graphql');
    const graphiql = await page.request.get(new URL((await api.getAttribute('href'))!, appUrl).href, {
      headers: { accept: 'text/html' },
    });
    expect(graphiql.ok()).toBe(true);
    expect(await graphiql.text()).toContain('/graphiql/boot.js');

    // Search: '/' focuses the box, suggestions come grouped by kind, arrows and Enter choose.
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Rechercher un acteur, un dispositif, un territoire' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
    await search.pressSequentially('wejob', { delay: 20 });
    const listbox = page.getByRole('listbox', { name: /Suggestions : Rechercher/ });
    await listbox.getByRole('option', { name: 'WeJOB', exact: true }).waitFor();
    expect(await listbox.getByRole('group').count()).toBeGreaterThanOrEqual(2);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBeTruthy();
    await search.press('Enter');

    // Open: the node and its neighbours, and its details.
    await hasNode(page, 'dis:jobeurs-seniors');
    expect((await canvas(page)).nodes).toContain('org:wejob');
    const details = page.getByRole('complementary', { name: 'Détails' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toContain('WeJOB');
    await details.getByText('« porte »').first().waitFor();
    expect(page.url()).toContain('v=n:org:wejob');

    // Expand: double-click merges the dispositif's neighbourhood.
    await settle(page);
    const before = (await canvas(page)).nodes.length;
    const jobeurs = await renderedPosition(page, 'dis:jobeurs-seniors');
    await page.mouse.dblclick(jobeurs.x, jobeurs.y);
    await hasNode(page, 'org:ag2r-la-mondiale');
    expect((await canvas(page)).nodes.length).toBeGreaterThan(before);

    // Filter: sources off.
    await page.getByRole('tab', { name: 'Filtres' }).click();
    await page.getByRole('checkbox', { name: 'Sources' }).uncheck();
    await expect
      .poll(async () => (await canvas(page)).visible.filter((id) => id.startsWith('src:')).length)
      .toBe(0);
    expect((await canvas(page)).nodes.some((id) => id.startsWith('src:'))).toBe(true);
    expect(page.url()).toContain('hk=SOURCE');

    // Path: WeJOB → Gironde, highlighted and written out.
    await page.getByRole('tab', { name: 'Chemin' }).click();
    const from = page.getByRole('combobox', { name: 'Départ' });
    await from.pressSequentially('wejob', { delay: 20 });
    await page
      .getByRole('listbox', { name: 'Suggestions : Départ' })
      .getByRole('option', { name: 'WeJOB', exact: true })
      .click();
    const to = page.getByRole('combobox', { name: 'Arrivée' });
    await to.pressSequentially('gironde', { delay: 20 });
    await page.locator('[role="listbox"] [data-id="dep:33"]').click();
    await page.getByRole('button', { name: 'Trouver le chemin' }).click();
    const chain = page.getByTestId('path-chain');
    await chain.waitFor();
    const text = (await chain.textContent()) ?? '';
    expect(text.startsWith('WeJOB')).toBe(true);
    expect(text.endsWith('Gironde')).toBe(true);
    expect(text).toMatch(/→/);
    await expect.poll(async () => (await canvas(page)).path).toContain('dep:33');
    expect((await canvas(page)).path).toContain('org:wejob');

    // Export GEXF: what is on screen, parsed back.
    const visible = (await canvas(page)).visible;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en GEXF 1.3 (Gephi)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const xml = await readFile((await download.path())!, 'utf8');
    const errors: string[] = [];
    const parsed = new DOMParser({
      onError: (level, message) => void errors.push(`${level} ${message}`),
    }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    const root = parsed.documentElement!;
    expect(root.localName).toBe('gexf');
    expect(root.namespaceURI).toBe('http://gexf.net/1.3');
    expect(root.getAttribute('version')).toBe('1.3');
    const graph = root.getElementsByTagName('graph')[0]!;
    expect(graph.getAttribute('defaultedgetype')).toBe('directed');
    expect(graph.getElementsByTagName('attributes').length).toBe(2);
    const ids = Array.from(graph.getElementsByTagName('node')).map((node) => node.getAttribute('id'));
    expect(new Set(ids)).toEqual(new Set(visible));
    expect(ids.some((id) => id?.startsWith('src:'))).toBe(false);
    for (const edge of Array.from(graph.getElementsByTagName('edge'))) {
      expect(ids).toContain(edge.getAttribute('source'));
      expect(ids).toContain(edge.getAttribute('target'));
    }

    // Back: the path goes, then the filter; forward brings the path back.
    await page.goBack();
    await expect.poll(async () => (await canvas(page)).path).toEqual([]);
    expect(page.url()).not.toContain('path:');
    await page.goBack();
    await expect
      .poll(async () => (await canvas(page)).visible.some((id) => id.startsWith('src:')))
      .toBe(true);
    await page.goForward();
    await page.goForward();
    await expect.poll(async () => (await canvas(page)).path).toContain('dep:33');
  });

  it('reopens the same view from a link', async () => {
    const link = page.url();
    const expected = new Set((await canvas(page)).nodes);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(link);
    await hasNode(other, 'org:ag2r-la-mondiale');
    await expect.poll(async () => new Set((await canvas(other)).nodes)).toEqual(expected);
    expect(await other.getByRole('checkbox', { name: 'Sources' }).isChecked()).toBe(false);
    await other.close();
  });

  it('filters by territory, colours by theme, shows links and funders from the API', async () => {
    // WeJOB's neighbourhood, a Gironde-wide dispositif and Libourne, each alone.
    await page.goto(`${appUrl}/?v=n:org:wejob&v=n:dis:plateformes-mobilite-gironde~&v=n:com:33243~`);
    await hasNode(page, 'com:33243');
    await hasNode(page, 'per:ingrid-berghman');

    // Territory: Bordeaux, what is in it, and what runs in a territory containing it.
    await page.getByRole('tab', { name: 'Filtres' }).click();
    await page.getByRole('combobox', { name: 'Filtrer par territoire' }).pressSequentially('bordeaux', {
      delay: 20,
    });
    await page.locator('[role="listbox"] [data-id="com:33063"]').click();
    // The territory's scope and the nodes' places arrive from the API first: allow for a loaded machine.
    await expect
      .poll(async () => (await canvas(page)).visible, { timeout: 10_000 })
      .not.toContain('com:33243');
    const visible = (await canvas(page)).visible;
    for (const id of [
      'org:wejob',
      'com:33063',
      'dis:jobeurs-seniors',
      'dis:plateformes-mobilite-gironde',
      'per:ingrid-berghman',
    ]) {
      expect(visible).toContain(id);
    }
    expect(page.url()).toContain('territory=com:33063');
    await page.getByRole('button', { name: 'Retirer le filtre de territoire' }).click();

    // Colour by theme: the dispositifs' themes come with their facets.
    await page.getByRole('tab', { name: 'Affichage' }).click();
    await page.getByRole('radio', { name: 'Par thème (dispositifs et thèmes)' }).check();
    await expect
      .poll(() =>
        page.evaluate(
          () => window.__atlasCy!.getElementById('dis:jobeurs-seniors').data('colorKey') as string,
        ),
      )
      .toMatch(/^theme:/);
    expect(await page.locator('[data-legend-colour^="theme:"]').count()).toBeGreaterThan(0);

    // Links among the nodes on screen, and a link's sources.
    await page.goto(`${appUrl}/?v=n:org:wejob~&v=n:dis:jobeurs-seniors~`);
    await hasNode(page, 'dis:jobeurs-seniors');
    const link = 'org:wejob|CARRIES|dis:jobeurs-seniors';
    expect(await page.evaluate((id) => window.__atlasCy!.getElementById(id).empty(), link)).toBe(true);
    await page.getByRole('button', { name: 'Afficher les liens entre les nœuds affichés' }).click();
    await hasNode(page, link);
    await page.evaluate((id) => {
      window.__atlasCy!.getElementById(id).emit('tap');
    }, link);
    const provenance = page.getByRole('region', { name: 'Provenance' });
    await provenance.getByText('A Bordeaux, les « jobeurs » seniors la jouent collectif').waitFor();
    expect(await provenance.textContent()).toContain('WeJOB forme tous les mois');

    // Funders: the API's list, most funding first; a funder's view on the canvas.
    await page.getByRole('tab', { name: 'Financeurs' }).click();
    const funder = page.getByRole('combobox', { name: 'Financeur' });
    await funder.locator('option[value="org:ag2r-la-mondiale"]').waitFor({ state: 'attached' });
    const options = await funder.locator('option').allTextContents();
    expect(options[1]).toMatch(/^Région Nouvelle-Aquitaine \(\d+\)$/);
    await funder.selectOption('org:ag2r-la-mondiale');
    await hasNode(page, 'org:ag2r-la-mondiale');
    await page.getByRole('heading', { name: 'Finance (1)' }).waitFor();
    expect((await canvas(page)).nodes).toContain('dis:jobeurs-seniors');
  });

  it('drives a node from the keyboard: actions menu, remove, Escape', async () => {
    await page.goto(`${appUrl}/?v=n:org:wejob&sel=n:org:wejob`);
    await hasNode(page, 'dis:jobeurs-seniors');
    const actions = page.getByRole('button', { name: 'Actions…' });
    await actions.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Actions sur WeJOB' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // Right-click opens the same menu on the canvas.
    await settle(page);
    const jobeurs = await renderedPosition(page, 'dis:jobeurs-seniors');
    await page.mouse.click(jobeurs.x, jobeurs.y, { button: 'right' });
    await page.getByRole('menu', { name: /Actions sur Les jobeurs seniors/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Retirer du graphe' }).click();
    await expect.poll(async () => (await canvas(page)).nodes).not.toContain('dis:jobeurs-seniors');
    expect(page.url()).toContain('rm=dis:jobeurs-seniors');

    await page.getByRole('button', { name: 'Tableau' }).click();
    const table = page.getByRole('table', { name: 'Nœuds affichés' });
    await table.waitFor();
    const rows = await table.getByRole('row').count();
    expect(rows - 1).toBe((await canvas(page)).visible.length);

    await page.locator('.graph-canvas').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Détails' }).waitFor({ state: 'detached' });
  });
});
