import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { findChangeById } from '../../graph/queries/changes.js';
import { launchBrowser } from '../helpers/browser.js';
import { logIn } from '../helpers/page-actions.js';
import { createAccount, gql, type Account } from '../integration/editing/accounts.js';
import { structureRecord } from '../integration/import-api-upload.js';
import '../helpers/test-env.js';

/**
 * The « Importer » page over the real app and dataset: an admin imports a small
 * data·inclusion export (a new structure, and one that is the curated PLIE du
 * Libournais under its full name), merges the twin, confirms, finds the new
 * structure in the search and the import in the journal, and undoes it there.
 */
const appUrl = inject('appUrl');
const db = createDb(inject('neo4j'));
const unique = Date.now().toString(36);
const newName = `Atelier importé ${unique}`;

const EXPORT = JSON.stringify([
  structureRecord(`atelier-${unique}`, '33243', newName, 'e2e'),
  structureRecord(`plie-${unique}`, '33243', 'PLIE du Libournais', 'e2e'),
]);

/** Whether an element lies wholly within the window (the journal scrolled it into view). */
const inViewport = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

async function seriousViolations(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(include)
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe('importing through the page', () => {
  let browser: Browser;
  let page: Page;
  let admin: Account;
  let changeId = '';
  let spreadsheetChangeId = '';

  beforeAll(async () => {
    admin = await createAccount(db, 'admin');
    browser = await launchBrowser();
    // A context of its own: axe opens pages in it.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    // Leave the dataset as other tests expect it, even when a step above failed.
    for (const id of [spreadsheetChangeId, changeId]) {
      if (id && !(await findChangeById(db, id))?.revertedBy) {
        await gql(`mutation($id: ID!) { revertChange(id: $id) { change { id } } }`, { id }, admin);
      }
    }
    await db.close();
  });

  it('an admin previews a data·inclusion file, merges its twin, confirms, finds it, then undoes it from the journal', async () => {
    await page.goto(appUrl);
    // Readers and anonymous visitors are not offered the page.
    expect(await page.getByRole('tab', { name: 'Importer' }).count()).toBe(0);
    await logIn(page, admin);
    await page.getByRole('tab', { name: 'Importer', exact: true }).click();
    const workspace = page.getByRole('main', { name: 'Importer des données' });

    await workspace.getByLabel(/^Fichiers \(/).setInputFiles({
      name: 'structures.json',
      mimeType: 'application/json',
      buffer: Buffer.from(EXPORT),
    });
    await workspace.getByRole('button', { name: 'Analyser', exact: true }).click();

    // The detected format, the diff by kind, the candidate match.
    const files = workspace.getByRole('table', { name: 'Fichiers' });
    await expect.poll(() => files.textContent(), { timeout: 30_000 }).toContain('data·inclusion structures');
    const nodes = workspace.getByRole('table', { name: 'Nœuds' });
    const organisations = nodes.getByRole('row', { name: /^Organisation/ });
    // Both structures are new until the twin is merged.
    expect(await organisations.getByRole('cell').first().textContent()).toBe('2');
    const twin = workspace.getByRole('group', { name: /« PLIE du Libournais ».*org:plie-libournais/ });
    await twin.getByRole('radio', { name: 'Fusionner' }).check();
    await workspace.getByRole('button', { name: 'Recompter avec ces choix' }).click();
    await expect
      .poll(() => organisations.getByRole('cell').first().textContent(), { timeout: 30_000 })
      .toBe('1');
    expect(await twin.getByRole('radio', { name: 'Fusionner' }).isChecked()).toBe(true);
    expect(await seriousViolations(page, '.import-workspace')).toEqual([]);

    await workspace.getByRole('button', { name: 'Confirmer l’import' }).click();
    await workspace.getByRole('status').filter({ hasText: 'Import enregistré' }).waitFor({ timeout: 60_000 });
    changeId = (await workspace.locator('code', { hasText: /^chg:/ }).textContent()) ?? '';
    expect(changeId).toMatch(/^chg:/);

    // The new structure is searchable at once.
    const search = page.getByRole('combobox', { name: 'Rechercher un acteur, un dispositif, un territoire' });
    await search.pressSequentially(unique, { delay: 10 });
    await page
      .getByRole('listbox', { name: /Suggestions : Rechercher un acteur/ })
      .getByRole('option', { name: new RegExp(newName) })
      .first()
      .waitFor({ timeout: 15_000 });
    await search.fill('');

    // The import is one change of the journal; undone there, the structure is gone.
    await workspace.getByRole('button', { name: 'Voir dans le journal' }).click();
    const entry = page.locator(`[data-change="${changeId}"]`);
    await entry.waitFor({ timeout: 15_000 });
    // The journal opens on the import's change, marked as the current one and in view.
    await expect.poll(() => entry.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('.change-list [aria-current="true"]').count()).toBe(1);
    await expect.poll(() => entry.evaluate(inViewport)).toBe(true);
    await entry.getByRole('button', { name: 'Annuler ce changement' }).click();
    await entry.getByText('Annulée').waitFor({ timeout: 30_000 });
    const hits = await gql<{ search: { node: { id: string } }[] }>(
      `query($text: String!) { search(text: $text, kinds: [ORGANISATION]) { node { id } } }`,
      { text: newName },
    );
    expect(hits.data?.search.map((hit) => hit.node.id) ?? []).not.toContain(`org:di-e2e-atelier-${unique}`);
  }, 180_000);

  it('an admin maps a spreadsheet no ready mapping fits, from scratch, and imports it', async () => {
    const actor = `Garage solidaire ${unique}`;
    // A page of its own, so that this test does not depend on the one above.
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await page.goto(appUrl);
    await logIn(page, admin);
    await page.getByRole('tab', { name: 'Importer', exact: true }).click();
    const workspace = page.getByRole('main', { name: 'Importer des données' });
    await workspace.getByLabel(/^Fichiers \(/).setInputFiles({
      name: 'acteurs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Nom,Commune,Adresse\n${actor},33243,1 rue du Port\n`),
    });
    await workspace.getByRole('button', { name: 'Analyser', exact: true }).click();

    // No ready mapping has these columns: the page starts one from scratch, columns guessed by name.
    const mapping = workspace.getByRole('form', { name: 'Correspondance des colonnes' });
    const choice = mapping.getByRole('combobox', { name: 'Correspondance', exact: true });
    await expect.poll(() => choice.inputValue(), { timeout: 30_000 }).toBe('new:ORGANISATION');
    expect(await mapping.getByRole('combobox', { name: 'Nom', exact: true }).inputValue()).toBe('Nom');
    expect(await mapping.getByRole('combobox', { name: 'Commune (code INSEE)' }).inputValue()).toBe(
      'Commune',
    );
    expect(await mapping.getByRole('combobox', { name: 'Thématique' }).inputValue()).toBe('');
    expect(await seriousViolations(page, '.import-mapping')).toEqual([]);
    await mapping.getByRole('button', { name: 'Analyser avec cette correspondance' }).click();

    const organisations = workspace
      .getByRole('table', { name: 'Nœuds' })
      .getByRole('row', { name: /^Organisation/ });
    await expect
      .poll(() => organisations.getByRole('cell').first().textContent(), { timeout: 30_000 })
      .toBe('1');
    await workspace.getByRole('button', { name: 'Confirmer l’import' }).click();
    await workspace.getByRole('status').filter({ hasText: 'Import enregistré' }).waitFor({ timeout: 60_000 });
    spreadsheetChangeId = (await workspace.locator('code', { hasText: /^chg:/ }).textContent()) ?? '';

    const hits = await gql<{ search: { node: { id: string; name: string } }[] }>(
      `query($text: String!) { search(text: $text, kinds: [ORGANISATION]) { node { id name } } }`,
      { text: actor },
    );
    expect(hits.data?.search.map((hit) => hit.node.name)).toContain(actor);
  }, 180_000);
});
