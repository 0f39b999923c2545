import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

/**
 * The coverage page over the real app and the curated dataset (seeds/data):
 * mobility is covered in the Gironde by its départemental platforms, reaches the
 * Dordogne only through the Libournais bassin, and is absent from the Charente;
 * Report'emploi (Haute-Vienne) ran until the end of 2019.
 */
const appUrl = inject('appUrl');

const statusOf = (map: Locator, territory: string) =>
  map.locator(`[data-territory="${territory}"]`).first().getAttribute('data-status');

describe('coverage in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('maps the départements, details a cell, exports the table, compares, and opens dispositifs on the graph', async () => {
    await page.goto(appUrl);
    await page
      .getByRole('tab', { name: 'Couverture', exact: true })
      .or(page.getByRole('button', { name: 'Couverture', exact: true }))
      .first()
      .click();
    const panel = page.getByRole('region', { name: 'Couverture territoriale' });
    await panel.waitFor();

    // The choropleth: the twelve départements, drawn from the packaged map, with its attribution.
    const map = panel.getByRole('group', { name: /^Couverture des départements/ });
    await map.locator('path[data-status]').first().waitFor();
    expect(await map.locator('path[data-territory]').count()).toBe(12);
    expect(await panel.getByRole('link', { name: /CC BY 4\.0/ }).count()).toBe(1);

    // One theme: mobility.
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    await expect.poll(() => statusOf(map, 'dep:16')).toBe('NONE');
    expect(await statusOf(map, 'dep:33')).toBe('COVERED');
    expect(await statusOf(map, 'dep:24')).toBe('PARTIAL');
    const gaps = panel.locator('.coverage-tally[data-status="NONE"]');
    expect(await gaps.textContent()).toMatch(/9\s*départements/);

    // A cell: its dispositifs and how each applies, fetched when it is opened.
    await map.locator('[data-territory="dep:24"]').click();
    const details = panel.getByRole('region', { name: 'Dispositifs de Dordogne' });
    await details.getByText('Plateforme mobilité du Libournais').waitFor();
    await expect.poll(() => details.locator('li[data-via]').getAttribute('data-via')).toBe('PARTIAL');
    expect(await details.textContent()).toContain('via Libournais');

    // The table as CSV: the filter on a first line, a header and one row per département.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /Exporter le tableau \(CSV\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('couverture-departements-75-mobilite.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [heading, ...lines] = csv.trim().split('\r\n');
    expect(heading).toMatch(/^# Couverture des départements — Nouvelle-Aquitaine — filtre : Mobilité/);
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^territoire_id,territoire,code,niveau,departement_id,statut/);
    expect(lines.find((line) => line.startsWith('dep:33,'))).toMatch(/COVERED.*Plateformes? .*mobilit/i);

    // Communes: a treemap of 4,293 tiles grouped by département, and the table.
    await panel.getByLabel('Niveau').selectOption('COMMUNE');
    const treemap = panel.getByRole('group', { name: /^Couverture des communes/ });
    await treemap.locator('rect[data-status]').first().waitFor({ timeout: 20_000 });
    expect(await treemap.locator('rect[data-status]').count()).toBe(4293);
    expect(await treemap.locator('g[data-group]').count()).toBe(12);
    expect(await panel.locator('caption').first().textContent()).toMatch(/4\s293 ligne/);

    // One filter at two dates: what Report'emploi's end took away, EPCI by EPCI.
    await panel.getByLabel('Thème').first().selectOption('');
    await panel.getByLabel('Niveau').selectOption('EPCI');
    await panel.getByRole('radio', { name: 'Un filtre à deux dates' }).check();
    const changes = panel.getByRole('region', { name: 'Territoires dont le statut change' });
    const noblat = changes.locator('tr', { hasText: 'CC de Noblat' });
    await noblat.waitFor({ timeout: 20_000 });
    expect(await noblat.textContent()).toMatch(/Couvert.*Aucun dispositif recensé.*Report'emploi/);
    expect(await panel.locator('article.coverage-side').count()).toBe(2);

    // Two filters side by side: mobility against apprenticeship.
    await panel.getByLabel('Niveau').selectOption('DEPARTEMENT');
    await panel.getByRole('radio', { name: 'Deux filtres côte à côte' }).check();
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    const right = panel.getByRole('group', { name: /^Couverture des départements — .* — B : Apprentissage/ });
    await expect.poll(() => statusOf(right, 'dep:86')).toBe('COVERED');
    const left = panel.getByRole('group', { name: /^Couverture des départements — .* — A : Mobilité/ });
    expect(await statusOf(left, 'dep:86')).toBe('NONE');

    // Open a cell's dispositifs on the graph canvas.
    await panel.getByRole('radio', { name: 'Un filtre', exact: true }).check();
    await map.locator('[data-territory="dep:24"]').click();
    await panel.getByRole('button', { name: 'Ouvrir le dispositif dans le graphe' }).click();
    await page.waitForFunction(
      () => window.__atlasCy?.getElementById('dis:plateforme-mobilite-libournais').nonempty() ?? false,
      undefined,
      { timeout: 15_000 },
    );
  });

  it('is honest about what it knows: sources, recorded actors, what could be extended, empty selections', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    await fresh.goto(appUrl);
    await fresh.getByRole('tab', { name: 'Couverture', exact: true }).click();
    const panel = fresh.getByRole('region', { name: 'Couverture territoriale' });
    // The vocabulary may still be on its way on a loaded machine.
    await panel
      .locator('option[value="theme:mobilite"]')
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    const map = panel.getByRole('group', { name: /^Couverture des départements/ });
    await expect.poll(() => statusOf(map, 'dep:16')).toBe('NONE');

    // « Aucun dispositif recensé », with the sources loaded and their dates, read from the Source nodes.
    const sources = panel.locator('.coverage-sources').first();
    await expect
      .poll(() => sources.textContent())
      .toMatch(/17 articles de 2019 \(Cap Métiers Nouvelle-Aquitaine\)/);
    // Plurals agree (labels.test.ts has « 1 département »): no « (s) » left.
    expect(await panel.locator('.coverage-summary').first().textContent()).not.toMatch(/\(s\)/);
    expect(await panel.locator('.coverage-tally[data-status="PARTIAL"]').textContent()).toMatch(
      /Partiel\s*2 départements ·/,
    );

    // An uncovered département: its recorded actors, and the nearest dispositifs of the same filter.
    await map.locator('path[data-territory="dep:16"]').click();
    const details = panel.getByRole('region', { name: 'Dispositifs de Charente' });
    await expect
      .poll(() => details.locator('.coverage-recorded').textContent())
      .toMatch(/Recensés ici|inconnu/);
    const nearby = details.getByRole('region', { name: 'Ce qui pourrait être étendu ici' });
    const platform = nearby.locator('li', { hasText: 'Plateforme mobilité du Libournais' });
    await platform.waitFor();
    expect(await platform.getAttribute('data-ring')).toBe('ADJACENT_DEPARTEMENT');
    expect(await platform.textContent()).toMatch(
      /dans un département voisin \(Libournais\).*Porté par Alter Ego Conseil/,
    );

    // The CSV holds exactly the rows the table shows, under the filter written at its top.
    await panel.getByLabel('Niveau').selectOption('EPCI');
    const table = panel.locator('.coverage-table');
    await table.locator('tbody tr').first().waitFor();
    await table.getByLabel('Afficher').selectOption('NONE');
    const caption = (await table.locator('caption').textContent()) ?? '';
    const shown = Number(/(\d[\d\s\u202f]*) lignes?$/.exec(caption)?.[1]?.replace(/\D/g, ''));
    const tableIds = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-territory')));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(154);
    const [download] = await Promise.all([
      fresh.waitForEvent('download'),
      panel.getByRole('button', { name: /Exporter le tableau \(CSV\)/ }).click(),
    ]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [heading, header, ...rows] = csv.trim().split('\r\n');
    expect(heading).toMatch(
      /^# Couverture des EPCI — Nouvelle-Aquitaine — filtre : Mobilité — lignes : aucun dispositif recensé/,
    );
    expect(header).toMatch(/^territoire_id,/);
    expect(rows).toHaveLength(shown);
    // The table draws its rows a hundred at a time: the CSV holds them all, in the table's order.
    expect(rows.map((row) => row.split(',')[0]).slice(0, tableIds.length)).toEqual(tableIds);
    expect(rows.every((row) => row.includes(',NONE,'))).toBe(true);

    // An empty selection explains itself: no bassin is described in the Creuse.
    await panel.getByLabel('Niveau').selectOption('BASSIN');
    const within = panel.getByLabel('Dans');
    await within.selectOption('dep:23');
    await expect
      .poll(() => panel.locator('.coverage-empty').first().textContent())
      .toMatch(/Aucun bassin dans Creuse\./);

    // A bassin is a bassin: the former Poitou-Charentes region is no bassin of Charente-Maritime.
    await within.selectOption('dep:17');
    await expect
      .poll(() => panel.locator('.coverage-empty').first().textContent())
      .toMatch(/Aucun bassin dans Charente-Maritime\./);
    expect(await panel.locator('[data-territory="bassin:poitou-charentes"]').count()).toBe(0);
    await fresh.close();
  }, 180_000);

  it('asks for the vocabulary once per page, however often the workspace changes', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const asked: string[] = [];
    fresh.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && /query Vocabulary\b/.test(body)) asked.push(body);
    });
    await fresh.goto(appUrl);
    const workspaces = fresh.getByRole('tablist', { name: 'Espaces de travail' });
    for (const name of ['Couverture', 'Explorateur', 'Couverture']) {
      await workspaces.getByRole('tab', { name, exact: true }).click();
      await expect
        .poll(() => workspaces.getByRole('tab', { name, exact: true }).getAttribute('aria-selected'))
        .toBe('true');
    }
    // The coverage filters list the themes: the vocabulary is there.
    const themes = fresh.getByRole('region', { name: 'Couverture territoriale' }).getByLabel('Thème').first();
    await expect.poll(() => themes.locator('option').count()).toBeGreaterThan(5);
    expect(asked).toHaveLength(1);
    await fresh.close();
  });
});
