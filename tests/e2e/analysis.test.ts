import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { canvas, hasNode } from '../helpers/canvas.js';
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

/** Each drawn node's kind, community colour key and background colour, as cytoscape has them. */
function drawnColours(page: Page) {
  return page.evaluate(() =>
    window
      .__atlasCy!.nodes()
      .filter((node) => !node.isParent() && !node.hasClass('hidden'))
      .map((node) => ({
        id: node.id(),
        kind: node.data('kind') as string,
        key: node.data('colorKey') as string,
        colour: node.style('background-color') as string,
      })),
  );
}

/** Waits as long as a loaded machine may need (polls give up after one second by default). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

async function chooseEnd(page: Page, label: 'Départ' | 'Arrivée', text: string, id: string) {
  await page.getByRole('combobox', { name: label }).pressSequentially(text, { delay: 20 });
  await page.locator(`[role="listbox"][aria-label="Suggestions : ${label}"] [data-id="${id}"]`).click();
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
      "MATCH (o:Organisation {id: 'org:wejob'})-[r:CARRIES]->(d:Dispositif)<-[f:FUNDS]-(funder) RETURN o, r, d, f, funder",
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
    // Computed on first call on a fresh server: slow on a loaded machine.
    await metrics
      .getByText(/communautés, modularité/)
      .or(metrics.getByRole('alert'))
      .waitFor({ timeout: 90_000 });
    expect(await metrics.getByRole('alert').count()).toBe(0);
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
    // The menu is drawn only once the node is in the graph, and « Actions… » moves as the
    // details' title grows from the id to the name: act once both are there, and wait for
    // the menu before its item (the click came right after the page load before).
    await hasNode(page, 'org:region-nouvelle-aquitaine');
    const details = page.getByRole('complementary', { name: 'Détails' });
    await details.getByRole('heading', { name: /Région Nouvelle-Aquitaine/ }).waitFor();
    await details.getByRole('button', { name: 'Actions…' }).click();
    await page.getByRole('menu', { name: /^Actions sur Région Nouvelle/ }).waitFor();
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

  it('queries, runs two saved queries, colours by community and finds the k paths WeJOB – Région', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${appUrl}/?ws=analysis`);
    await page.getByRole('region', { name: 'Console Cypher' }).waitFor();
    const console = page.getByRole('region', { name: 'Console Cypher' });
    // A two-hop pattern: WeJOB's dispositifs and who funds them.
    const editor = console.getByLabel('Requête Cypher');
    await editor.fill(
      "MATCH (o:Organisation {id: 'org:wejob'})-[r:CARRIES]->(d:Dispositif)<-[f:FUNDS]-(funder) RETURN o, r, d, f, funder",
    );
    await editor.press('Control+Enter');
    const table = console.locator('.analysis-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['o', 'r', 'd', 'f', 'funder']);
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    const graphLabel = await console
      .getByRole('img', { name: /^Graphe du résultat/ })
      .getAttribute('aria-label');
    expect(graphLabel).toMatch(/^Graphe du résultat : \d+ nœuds, \d+ relations$/);

    // Two saved queries through their forms.
    const saved = page.getByRole('region', { name: 'Requêtes enregistrées' });
    await saved.getByRole('button', { name: 'Financeurs qui cofinancent les mêmes opérateurs' }).click();
    const cofunders = saved.getByRole('form', { name: 'Financeurs qui cofinancent les mêmes opérateurs' });
    await cofunders.getByRole('button', { name: 'Lancer' }).click();
    await poll(() => saved.locator('.analysis-table').textContent()).toContain('WeJOB');
    await saved.getByRole('button', { name: "Ce que l'argent d'un financeur atteint" }).click();
    const money = saved.getByRole('form', { name: "Ce que l'argent d'un financeur atteint" });
    await money.getByLabel('Financeur *').fill('org:region-nouvelle-aquitaine');
    await money.getByLabel('Pas au plus').fill('1');
    await money.getByRole('button', { name: 'Lancer' }).click();
    await poll(() => saved.locator('.analysis-table').textContent()).toContain("Lab'ENO");

    // The console's result, opened on the canvas.
    const open = console.getByRole('button', { name: /Ouvrir dans l’explorateur \(\d+ nœuds\)/ });
    await open.click();
    await page.waitForFunction(() => decodeURIComponent(location.search).includes('n:org:wejob'));
    await poll(async () => (await canvas(page)).visible.length).toBeGreaterThan(10);

    // Colour by community: nodes of one community share a colour, two communities never do.
    await page.getByRole('tab', { name: 'Affichage' }).click();
    await page.getByRole('radio', { name: /Par communauté/ }).check();
    await poll(() => new URL(page.url()).searchParams.get('color')).toBe('community');
    await poll(async () => new Set((await drawnColours(page)).map((node) => node.key)).size).toBeGreaterThan(
      2,
    );
    const drawn = await drawnColours(page);
    const colourOfKey = new Map<string, Set<string>>();
    for (const node of drawn)
      colourOfKey.set(node.key, (colourOfKey.get(node.key) ?? new Set()).add(node.colour));
    for (const colours of colourOfKey.values()) expect(colours.size).toBe(1);
    const paletteKeys = [...colourOfKey.keys()].filter((key) => key.startsWith('community:'));
    expect(paletteKeys.length).toBeGreaterThan(1);
    expect(new Set(paletteKeys.map((key) => [...colourOfKey.get(key)!][0])).size).toBe(paletteKeys.length);
    await page.getByRole('radio', { name: 'PageRank' }).check();
    await poll(() => new URL(page.url()).searchParams.get('size')).toBe('pageRank');
    // The metrics as columns of the table view.
    await page.getByRole('button', { name: 'Tableau' }).click();
    const nodesTable = page.getByRole('table', { name: 'Nœuds affichés' });
    await nodesTable.waitFor();
    expect(await nodesTable.getByRole('columnheader', { name: /^PageRank/ }).count()).toBe(1);
    const communities = await nodesTable.locator('tbody tr td:nth-child(7)').allTextContents();
    expect(new Set(communities).size).toBeGreaterThan(1);
    const legend = page.getByRole('group', { name: 'Légende' });
    expect(await legend.getByRole('heading', { name: 'Couleur : communauté' }).count()).toBe(1);
    expect(await legend.locator('[data-legend-colour="community:1"]').textContent()).toMatch(
      /Communauté 1 \(\d+ nœuds?\)/,
    );

    // The k shortest paths WeJOB – Région through organisations and dispositifs only.
    await page.getByRole('tab', { name: 'Chemin' }).click();
    await chooseEnd(page, 'Départ', 'wejob', 'org:wejob');
    await chooseEnd(page, 'Arrivée', 'région nouvelle', 'org:region-nouvelle-aquitaine');
    const crossed = page.getByRole('group', { name: 'Nœuds traversés' });
    await crossed.getByRole('checkbox', { name: 'Territoires' }).uncheck();
    await crossed.getByRole('checkbox', { name: 'Personnes' }).uncheck();
    await page.getByRole('button', { name: 'Trouver le chemin' }).click();
    const list = page.getByRole('list', { name: 'Chemins trouvés' });
    await poll(() => list.getByRole('listitem').count()).toBe(3);
    const drawnPath = async () => {
      const state = await page.evaluate(() =>
        window
          .__atlasCy!.nodes('.path')
          .map((node) => ({ id: node.id(), kind: node.data('kind') as string })),
      );
      return state;
    };
    const inner = (path: { id: string; kind: string }[]) =>
      path.filter((node) => node.id !== 'org:wejob' && node.id !== 'org:region-nouvelle-aquitaine');
    await poll(async () => (await drawnPath()).map((node) => node.id)).toContain('org:wejob');
    const first = await drawnPath();
    expect(first.map((node) => node.id)).toContain('org:region-nouvelle-aquitaine');
    expect(inner(first).length).toBeGreaterThan(0);
    for (const node of inner(first)) expect(['ORGANISATION', 'DISPOSITIF']).toContain(node.kind);
    expect(decodeURIComponent(page.url())).toContain('~ORGANISATION.DISPOSITIF');

    // The second path, drawn instead of the first.
    await list.getByRole('button', { name: /^Chemin 2/ }).click();
    await poll(() => decodeURIComponent(page.url())).toContain('~ORGANISATION.DISPOSITIF@1');
    await poll(async () =>
      (await drawnPath())
        .map((node) => node.id)
        .sort()
        .join(),
    ).not.toBe(
      first
        .map((node) => node.id)
        .sort()
        .join(),
    );
    for (const node of inner(await drawnPath())) expect(['ORGANISATION', 'DISPOSITIF']).toContain(node.kind);
    expect(await list.getByRole('button', { name: /^Chemin 2/ }).getAttribute('aria-pressed')).toBe('true');

    // Hiding dispositifs in the filters: the paths no longer cross any.
    await page.getByRole('tab', { name: 'Filtres' }).click();
    await page
      .getByRole('group', { name: 'Types de nœuds' })
      .getByRole('checkbox', { name: 'Dispositifs' })
      .uncheck();
    await poll(() => decodeURIComponent(page.url())).toContain('~ORGANISATION.DISPOSITIF!DISPOSITIF');
    await page.getByRole('tab', { name: 'Chemin' }).click();
    await poll(() =>
      page
        .getByText(/Aucun chemin trouvé|Chemin 1 dessiné/)
        .first()
        .textContent(),
    ).toBeTruthy();
    for (const node of inner(await drawnPath())) expect(node.kind).toBe('ORGANISATION');
    // Shown again: the kinds chosen are crossed again.
    await page.getByRole('tab', { name: 'Filtres' }).click();
    await page
      .getByRole('group', { name: 'Types de nœuds' })
      .getByRole('checkbox', { name: 'Dispositifs' })
      .check();
    await poll(() => decodeURIComponent(page.url())).toMatch(/~ORGANISATION\.DISPOSITIF(?!!)/);

    // k: fewer paths listed than the default 3, kept in the URL; more than exist lists those that do.
    await page.getByRole('tab', { name: 'Chemin' }).click();
    const count = page.getByLabel('Nombre de chemins');
    await count.selectOption('2');
    await poll(() => decodeURIComponent(page.url())).toContain('~ORGANISATION.DISPOSITIF*2');
    await poll(() => list.getByRole('button', { name: /^Chemin \d/ }).count()).toBe(2);
    await count.selectOption('1');
    await poll(() => list.getByRole('button', { name: /^Chemin \d/ }).count()).toBe(1);
    await page.goto(page.url().replace(/\*1/, '*2').replace('%2A1', '%2A2'));
    await page.getByRole('tab', { name: 'Chemin' }).click();
    await poll(() => page.getByLabel('Nombre de chemins').inputValue()).toBe('2');
    await poll(() => list.getByRole('button', { name: /^Chemin \d/ }).count()).toBe(2);
    // Through organisations and dispositifs within 10 links there are 3 paths: k = 10 lists those 3.
    await page.getByLabel('Nombre de chemins').selectOption('10');
    await poll(() => decodeURIComponent(page.url())).toContain('*10');
    await poll(() => list.getByRole('button', { name: /^Chemin \d/ }).count()).toBe(3);
    expect(errors).toEqual([]);
  });
});
