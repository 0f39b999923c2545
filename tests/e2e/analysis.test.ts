import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import '../helpers/test-env.js';

const appUrl = inject('appUrl');

async function openAnalysis(page: Page) {
  await page
    .getByRole('tab', { name: 'Analyse', exact: true })
    .or(page.getByRole('button', { name: 'Analyse', exact: true }))
    .first()
    .click();
  await page.getByRole('region', { name: 'Console Cypher' }).waitFor();
}

describe('the analysis workspace in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a Cypher query with Ctrl-Enter, sorts the table, opens the result in the explorer', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(appUrl);
    await openAnalysis(page);
    const console = page.getByRole('region', { name: 'Console Cypher' });
    const editor = console.getByLabel('Requête Cypher');
    await editor.fill(
      'MATCH (o:Organisation {id: $id})-[r:CARRIES]->(d:Dispositif)\nRETURN o, r, d.name AS name',
    );
    await console.getByLabel('Paramètres (JSON)').fill('{"id": "org:wejob"}');
    await editor.press('Control+Enter');
    const table = console.locator('.analysis-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['o', 'r', 'name']);
    const names = async () => table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect((await names()).length).toBe(3);
    await table.getByRole('button', { name: 'name' }).click();
    await table.getByRole('button', { name: 'name' }).click();
    const sorted = await names();
    expect(sorted).toEqual([...sorted].sort((a, b) => b.localeCompare(a, 'fr')));
    expect(await table.locator('tbody tr td:first-child').first().textContent()).toBe('WeJOB');

    // A write is refused, with the server's code.
    await editor.fill('MATCH (n:Theme) DETACH DELETE n');
    await editor.press('Control+Enter');
    await console.getByRole('alert').waitFor();

    await editor.fill("MATCH (o:Organisation {id: 'org:wejob'})-[:CARRIES]->(d) RETURN o, d");
    await editor.press('Control+Enter');
    await console.getByRole('button', { name: /Ouvrir dans l’explorateur \(4 nœuds\)/ }).click();
    await page.waitForFunction(() => decodeURIComponent(location.search).includes('org:wejob'));
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('dis:jobeurs-seniors');
    expect(errors).toEqual([]);
  });

  it('runs two saved queries through their forms, and ranks the network', async () => {
    await openAnalysis(page);
    const saved = page.getByRole('region', { name: 'Requêtes enregistrées' });
    await saved.getByRole('button', { name: 'Financeurs qui cofinancent les mêmes opérateurs' }).click();
    await saved.getByRole('button', { name: 'Lancer' }).click();
    await saved.locator('.analysis-table tbody tr').first().waitFor();
    expect(await saved.locator('.analysis-table').textContent()).toContain('WeJOB');

    await saved.getByRole('button', { name: "Ce que l'argent d'un financeur atteint" }).click();
    const form = saved.getByRole('form', { name: "Ce que l'argent d'un financeur atteint" });
    await form.getByLabel('Financeur *').fill('org:region-nouvelle-aquitaine');
    await form.getByLabel('Pas au plus').fill('1');
    await form.getByRole('button', { name: 'Lancer' }).click();
    await saved.getByText(/lignes? en \d+ ms/).waitFor();
    expect(await saved.locator('.analysis-table').textContent()).toContain("Lab'ENO");

    // A required parameter left empty: the server names it.
    await form.getByLabel('Financeur *').fill('');
    await form.getByRole('button', { name: 'Lancer' }).click();
    await expect.poll(() => saved.getByRole('alert').textContent()).toContain('params.funder');

    const metrics = page.getByRole('region', { name: 'Métriques du réseau' });
    await metrics.getByRole('button', { name: 'Calculer les métriques' }).click();
    await metrics.getByText(/communautés, modularité/).waitFor();
    const organisations = await metrics.locator('.analysis-table tbody tr td:first-child').allTextContents();
    expect(organisations.slice(0, 5)).toContain('Pôle emploi');
  });
});
