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
    // A fresh Neo4j plans its first queries cold (seconds on a loaded machine, past the
    // console's 5 s): warm it with the patterns the page asks, so the test sees steady state.
    for (const query of [
      'MATCH (o:Organisation {id: $id})-[r:CARRIES]->(d:Dispositif) RETURN o, r, d.name AS name',
      "MATCH (o:Organisation {id: 'org:wejob'})-[:CARRIES]->(d) RETURN o, d",
    ]) {
      await fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ cypherSchema { labels { name } } }' }),
      });
      await fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { elapsedMs } }',
          variables: { q: query, p: { id: 'org:wejob' } },
        }),
      });
    }
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
    // …and a graph: WeJOB and its three dispositifs.
    await expect
      .poll(() => console.getByRole('img', { name: /^Graphe du résultat/ }).getAttribute('aria-label'))
      .toBe('Graphe du résultat : 4 nœuds, 3 relations');
    // The query last run is in the URL, with the workspace.
    expect(new URL(page.url()).searchParams.get('ws')).toBe('analysis');
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('org:wejob');

    // Completion of labels from the graph's schema.
    await editor.fill('MATCH (o:Organ');
    await editor.press('Control+Space');
    await page.getByRole('option', { name: 'Organisation' }).waitFor();
    // CodeMirror ignores a key in the first 75 ms of a completion list (interactionDelay).
    await page.waitForTimeout(150);
    await editor.press('Enter');
    expect(await editor.textContent()).toBe('MATCH (o:Organisation');

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

  it("suggests a parameter's values from the graph, and offers saved queries from a node's menu", async () => {
    await openAnalysis(page);
    const saved = page.getByRole('region', { name: 'Requêtes enregistrées' });
    await saved.getByRole('button', { name: "Ce que l'argent d'un financeur atteint" }).click();
    const form = saved.getByRole('form', { name: "Ce que l'argent d'un financeur atteint" });
    await form.getByLabel('Financeur *').fill('région nouvelle');
    await form
      .getByRole('button', { name: /Région Nouvelle-Aquitaine/ })
      .first()
      .click();
    expect(await form.getByLabel('Financeur *').inputValue()).toBe('org:region-nouvelle-aquitaine');

    await page.goto(`${appUrl}/?v=n:org:region-nouvelle-aquitaine~&sel=n:org:region-nouvelle-aquitaine`);
    await page.getByRole('button', { name: 'Actions…' }).click();
    const suggested = page.getByRole('group', { name: 'Requêtes suggérées' });
    await suggested.getByRole('menuitem', { name: "Ce que l'argent d'un financeur atteint" }).click();
    const result = page.getByRole('region', { name: 'Requêtes enregistrées' });
    await result.locator('.analysis-table tbody tr').first().waitFor();
    expect(await result.getByLabel('Financeur *').inputValue()).toBe('org:region-nouvelle-aquitaine');
    expect(await result.locator('.analysis-table').textContent()).toContain("Lab'ENO");
  });

  it("keeps an analyst's own query in the browser and shares it by link", async () => {
    await page.goto(`${appUrl}/?ws=analysis`);
    const console = page.getByRole('region', { name: 'Console Cypher' });
    await console
      .getByLabel('Requête Cypher')
      .fill('MATCH (p:Public) RETURN p.name AS public ORDER BY public');
    const own = console.getByRole('region', { name: 'Mes requêtes' });
    await own.getByLabel('Nom').fill('Les publics');
    await own.getByRole('button', { name: 'Enregistrer' }).click();
    await own.getByRole('button', { name: 'Lien vers Les publics' }).click();
    const link = await own.getByLabel('Lien à partager').inputValue();
    expect(link).toContain('?ws=analysis#q=');

    // Still there after a reload (localStorage), and the link opens the query in the editor.
    await page.reload();
    await page
      .getByRole('region', { name: 'Mes requêtes' })
      .getByRole('button', { name: 'Les publics', exact: true })
      .waitFor();
    const other = await browser.newPage();
    await other.goto(link);
    const shared = other.getByRole('region', { name: 'Console Cypher' }).getByLabel('Requête Cypher');
    await expect
      .poll(() => shared.textContent())
      .toBe('MATCH (p:Public) RETURN p.name AS public ORDER BY public');
    await other.close();
  });
});
