import { readFile } from 'node:fs/promises';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

/**
 * What depends on whom, played in a browser over the curated dataset: a funder
 * (the Région) sees what its withdrawal would uncover — in the Deux-Sèvres, its
 * digital-inclusion programme is the only one — and exports it; a planner asks
 * what a young person living in Libourne may turn to. The planner plays first: the
 * server's first coverage question reads the grid, which the funder's need not wait for.
 */
const appUrl = inject('appUrl');
const REGION = 'org:region-nouvelle-aquitaine';
/** The machine running the browser tests is shared: answers may take seconds. */
const LONG = { timeout: 30_000 };
const TEST_TIMEOUT = 180_000;
const WARM_UP = [
  `{ offerFor(commune: "com:33243") { distance } }`,
  `{ dependencies(organisation: "${REGION}", level: DEPARTEMENT, within: "reg:75") { population } }`,
  `{ singlePointsOfFailure(level: DEPARTEMENT, within: "reg:75") { population } }`,
  `{ coverageSummary(level: DEPARTEMENT, within: "reg:75", filter: { without: { organisations: ["${REGION}"] } }) {
       exclusion { kept { dispositif { id } } } } }`,
];

async function csvOf(download: Download): Promise<string[]> {
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  return text.trim().split('\r\n');
}

async function choose(scope: Locator, combobox: string, text: string, option: RegExp) {
  await scope.getByRole('combobox', { name: combobox }).pressSequentially(text, { delay: 10 });
  const found = scope
    .getByRole('listbox', { name: `Suggestions : ${combobox}` })
    .getByRole('option', { name: option });
  await found.first().waitFor({ timeout: 30_000 });
  await found.first().click();
}

const statusOf = (map: Locator, territory: string) =>
  map.locator(`[data-territory="${territory}"]`).first().getAttribute('data-status');

describe('what-if in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A fresh server's first what-if questions read the grid and have Neo4j plan their
    // queries; on this shared machine that alone may outlast the 10 s request deadline.
    // Asked here (until answered, three times at most), so that the tests time the page.
    for (const query of WARM_UP) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await fetch(`${appUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        if (!((await response.json()) as { errors?: unknown }).errors) break;
      }
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'plays a planner: the offer for a young person in Libourne, nearest first, opened on the canvas',
    async () => {
      await page.goto(`${appUrl}/?ws=coverage&tab=parcours`);
      const parcours = page.getByRole('region', { name: 'Parcours' });
      await choose(parcours, 'Commune de résidence', 'Libourne', /^Libourne/);
      await expect.poll(() => parcours.getByTestId('parcours-commune').textContent(), LONG).toBe('Libourne');
      await parcours.getByLabel('Profil : public').selectOption('public:jeunes');
      const offer = parcours.getByRole('list', { name: 'Offre, du plus proche au plus lointain' });
      await expect.poll(() => offer.textContent(), LONG).toContain('Plateforme mobilité du Libournais');
      const distances = (
        await offer.locator('> li').evaluateAll((items) => items.map((li) => li.dataset.distance))
      ).map(Number);
      expect(distances.length).toBeGreaterThan(0);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(page.url()).toContain('p.commune=com:33243');
      expect(page.url()).toContain('p.public=public:jeunes');

      // A jobseeker: something in the commune itself comes first.
      await parcours.getByLabel('Profil : public').selectOption('public:demandeurs-emploi');
      await expect.poll(() => offer.locator('> li').first().getAttribute('data-distance'), LONG).toBe('0');
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        parcours.getByRole('button', { name: 'Exporter l’offre (CSV)' }).click(),
      ]);
      expect(await csvOf(exported)).toHaveLength((await offer.locator('> li').count()) + 1);

      const first = offer.locator('> li').first().getByRole('button').first();
      const name = (await first.textContent())!;
      await first.click();
      await expect.poll(() => page.url(), LONG).toMatch(/v=n:dis:/);
      await page.getByRole('heading', { name }).first().waitFor(LONG);
    },
    TEST_TIMEOUT,
  );

  it(
    'filters the partnership network by funder, in the URL, and reopens its panel',
    async () => {
      await page.goto(appUrl);
      await page.getByRole('tab', { name: 'Partenariats' }).click();
      await page.getByLabel('Financeur du réseau').selectOption(REGION);
      await page.getByRole('button', { name: 'Afficher le réseau' }).click();
      await expect.poll(() => decodeURIComponent(page.url()), LONG).toContain(`partners:funder=${REGION}`);
      await page.reload();
      expect(await page.getByRole('tab', { name: 'Partenariats' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await expect
        .poll(() => page.locator('.panel h3').first().textContent(), LONG)
        .not.toBe('Partenariats (0)');
    },
    TEST_TIMEOUT,
  );

  it(
    'plays a funder: what the Région’s withdrawal would uncover, exported, then « Sans… » and fragility',
    async () => {
      // A link to the funder view reopens the funder panel.
      await page.goto(`${appUrl}/?v=funder:${REGION}`);
      expect(await page.getByRole('tab', { name: 'Financeurs' }).getAttribute('aria-selected')).toBe('true');
      const whatIf = page.getByRole('region', {
        name: /^Si ce financeur se retirait — Région Nouvelle-Aquitaine/,
      });
      await expect
        .poll(() => whatIf.locator('.what-if-summary').textContent(), LONG)
        .toMatch(/1 département perdrait toute offre/);
      const map = whatIf.getByRole('group', { name: /^Départements touchés/ });
      expect(await statusOf(map, 'dep:79')).toBe('NONE');
      expect(await statusOf(map, 'dep:33')).toBe('COVERED');
      const lost = whatIf.locator('.what-if-table tbody tr');
      expect(await lost.count()).toBe(1);
      expect(await lost.first().textContent()).toContain('Deux-Sèvres');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        whatIf.getByRole('button', { name: 'Exporter ce qui serait perdu (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('si-retrait-region-nouvelle-aquitaine-departement.csv');
      const lines = await csvOf(download);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^Numérique,dep:79,Deux-Sèvres,79,\d+,/);

      // The coverage workspace: remove the Région with « Sans… », theme « Numérique ».
      await page.goto(`${appUrl}/?ws=coverage&a.theme=theme:numerique`);
      const panel = page.getByRole('region', { name: 'Couverture territoriale' });
      const coverage = panel.getByRole('group', { name: /^Couverture des départements/ });
      await coverage.locator('path[data-status]').first().waitFor(LONG);
      expect(await statusOf(coverage, 'dep:79')).not.toBe('NONE');
      await choose(
        panel,
        'Retirer une organisation ou un dispositif',
        'Région Nouvelle',
        /Région Nouvelle-Aquitaine/,
      );
      await expect.poll(() => statusOf(coverage, 'dep:79'), LONG).toBe('NONE');
      expect(page.url()).toContain(`a.without=${REGION}`);
      await panel.getByRole('note', { name: 'Effet de « Sans… »' }).waitFor(LONG);

      // The funder filter, kept in the URL.
      await panel.getByLabel('Financeur', { exact: true }).selectOption(REGION);
      await expect.poll(() => page.url(), LONG).toContain(`a.funder=${REGION}`);

      // « Points de fragilité »: the Région alone covers the Deux-Sèvres in numérique; exported.
      await page.getByRole('tab', { name: 'Points de fragilité' }).click();
      const fragility = page.getByRole('region', { name: 'Points de fragilité' });
      const rows = fragility.locator('tbody tr');
      await rows.first().waitFor(LONG);
      expect(await fragility.locator('tbody').textContent()).toContain('Région Nouvelle-Aquitaine');
      const [spof] = await Promise.all([
        page.waitForEvent('download'),
        fragility.getByRole('button', { name: 'Exporter les points de fragilité (CSV)' }).click(),
      ]);
      expect(await csvOf(spof)).toHaveLength((await rows.count()) + 1);
      expect(page.url()).toContain('tab=fragility');
    },
    TEST_TIMEOUT,
  );
});
