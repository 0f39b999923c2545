import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { launchBrowser } from '../helpers/browser.js';
import { createAccount, FIELD_KNOWLEDGE, gql, type Account } from '../integration/editing/accounts.js';
import { createBuilder } from '../integration/editing/fixtures.js';
import { logIn, openBySearch } from '../helpers/page-actions.js';
import '../helpers/test-env.js';

/**
 * Editing in a browser, over the real app and dataset: mobility has nothing in the
 * Charente (dep:16) in the curated data, so a dispositif added there shows on the map.
 */
const appUrl = inject('appUrl');
const db = createDb(inject('neo4j'));
const unique = Date.now().toString(36);
const wrongName = `Mission locale à corriger ${unique}`;
const rightName = `Mission locale corrigée ${unique}`;
const dispositifName = `Plateforme mobilité Charente ${unique}`;

describe('editing in a browser', () => {
  let browser: Browser;
  let page: Page;
  let editor: Account;
  let admin: Account;
  let orgId = '';

  beforeAll(async () => {
    editor = await createAccount(db, 'editor');
    admin = await createAccount(db, 'admin');
    orgId = (await createBuilder(admin).organisation('com:33243', wrongName)).id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    // Leave the dataset as other tests expect it: the dispositif goes.
    const hits = await gql<{ search: { node: { id: string; version?: number } }[] }>(
      `query($text: String!) { search(text: $text, kinds: [DISPOSITIF]) { node { id ... on Dispositif { version } } } }`,
      { text: dispositifName },
    );
    for (const { node } of hits.data?.search ?? []) {
      if (!node.id.includes(unique)) continue;
      await gql(
        `mutation($id: ID!, $version: Int!, $change: ChangeInput!) { deleteNode(id: $id, version: $version, change: $change) { change { id } } }`,
        { id: node.id, version: node.version ?? 0, change: FIELD_KNOWLEDGE },
        admin,
      );
    }
    await db.close();
  });

  it('an editor corrects a name and adds a dispositif; the map and the journal show it; an admin reverts', async () => {
    await page.goto(appUrl);
    await logIn(page, editor);

    // Correct the organisation's name from its details panel.
    await openBySearch(page, unique);
    const details = page.getByRole('complementary', { name: 'Détails' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 })
      .toContain(wrongName);
    await details.getByRole('button', { name: 'Modifier' }).click();
    const form = details.getByRole('form', { name: 'Modifier la fiche' });
    await form.getByLabel('Nom', { exact: true }).fill(rightName);
    await form.getByLabel('Titre du document').fill('Site de la mission locale');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 })
      .toContain(rightName);

    // A new dispositif in the Charente, with its source, then its theme.
    await page.getByRole('button', { name: 'Nouveau dispositif' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau dispositif' });
    await dialog.getByLabel('Nom', { exact: true }).fill(dispositifName);
    await dialog
      .getByRole('combobox', { name: 'Territoire de déploiement' })
      .pressSequentially('Charente', { delay: 10 });
    await dialog.getByRole('option', { name: 'Charente', exact: true }).waitFor({ state: 'attached' });
    await dialog.getByRole('option', { name: 'Charente', exact: true }).click();
    await dialog.getByLabel('Adresse (URL)').fill('https://exemple.fr/mobilite-charente');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 })
      .toContain(dispositifName);
    await details.getByRole('button', { name: 'Ajouter un lien' }).click();
    const link = details.getByRole('form', { name: 'Ajouter un lien' });
    await link.getByLabel('Relation').selectOption('ADDRESSES');
    const other = link.getByRole('combobox', { name: 'Avec' });
    await other.pressSequentially('mobilit', { delay: 10 });
    await link.getByRole('option', { name: 'Mobilité', exact: true }).dispatchEvent('click');
    await link.getByText(/^Avec : /).waitFor();
    await link.getByRole('button', { name: 'Ajouter' }).click();
    await link.waitFor({ state: 'detached' });

    // The coverage map: mobility now reaches the Charente.
    await page.getByRole('tab', { name: 'Couverture', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Couverture territoriale' });
    await panel.getByLabel('Thème').first().selectOption('theme:mobilite');
    const map = panel.getByRole('group', { name: /^Couverture des départements/ });
    await expect
      .poll(() => map.locator('[data-territory="dep:16"]').first().getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('COVERED');

    // The journal lists the name correction (an editor cannot revert others' changes there).
    await page.getByRole('tab', { name: 'Journal', exact: true }).click();
    const journal = page.getByRole('list', { name: 'Modifications' });
    const entries = journal.getByRole('listitem').filter({ hasText: `${orgId}.name` });
    const entry = entries.filter({ hasText: 'Modification' });
    await entry.first().waitFor();
    expect(await entry.first().getByRole('button', { name: 'Annuler ce changement' }).count()).toBe(0);

    // An admin reverts it.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await logIn(page, admin);
    await entry.first().getByRole('button', { name: 'Annuler ce changement' }).click();
    await expect
      .poll(
        async () =>
          (await gql<{ node: { name: string } }>(`query($id: ID!) { node(id: $id) { name } }`, { id: orgId }))
            .data?.node.name,
        { timeout: 15_000 },
      )
      .toBe(wrongName);
    // Marked as reverted, beside the revert itself.
    await entry.filter({ hasText: 'Annulée' }).first().waitFor();
    await entries.filter({ hasText: 'Annulation' }).first().waitFor();
  });
});
