import type cytoscape from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { launchBrowser } from '../helpers/browser.js';
import { hasNode, renderedPosition, settle } from '../helpers/canvas.js';
import { authPost, createAccount, gql, type Account } from '../integration/editing/accounts.js';
import { createBuilder } from '../integration/editing/fixtures.js';
import { logIn, openBySearch } from '../helpers/page-actions.js';
import '../helpers/test-env.js';

/**
 * The editing tools beyond the form, in a browser over the real app: relabel on the
 * canvas after a rename, a link drawn from node to node, « Fusionner avec… », and
 * personal access tokens. Each test builds its own nodes (through the API) in Libourne.
 */
const appUrl = inject('appUrl');
const db = createDb(inject('neo4j'));
const unique = Date.now().toString(36);

const labelOnCanvas = (page: Page, id: string) =>
  page.evaluate((wanted) => window.__atlasCy?.getElementById(wanted).data('label') as string | undefined, id);

const nodeOf = async (id: string) =>
  (
    await gql<{ node: { id: string; name: string; aliases?: string[] } | null }>(
      `query($id: ID!) { node(id: $id) { id name ... on Organisation { aliases } } }`,
      { id },
    )
  ).data?.node ?? null;

describe('editing tools in a browser', () => {
  let browser: Browser;
  let page: Page;
  let editor: Account;
  let build: ReturnType<typeof createBuilder>;

  beforeAll(async () => {
    editor = await createAccount(db, 'editor');
    build = createBuilder(await createAccount(db, 'admin'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(appUrl);
    await logIn(page, editor);
  });

  afterAll(async () => {
    await browser?.close();
    await db.close();
  });

  const details = () => page.getByRole('complementary', { name: 'Détails' });
  const heading = () => details().getByRole('heading', { level: 2 }).textContent();

  it('relabels a node on the canvas as soon as it is renamed', async () => {
    const org = await build.organisation('com:33243', `Structure à renommer ${unique}a`);
    await openBySearch(page, `${unique}a`);
    await hasNode(page, org.id);
    await expect.poll(heading, { timeout: 15_000 }).toContain('Structure à renommer');
    await details().getByRole('button', { name: 'Modifier' }).click();
    const form = details().getByRole('form', { name: 'Modifier la fiche' });
    await form.getByLabel('Nom', { exact: true }).fill(`Structure renommée ${unique}`);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => labelOnCanvas(page, org.id), { timeout: 5_000 })
      .toBe(`Structure renommée ${unique}`);
  });

  it('adds a link drawn from a node to another on the canvas', async () => {
    const org = await build.organisation('com:33243', `Porteur tracé ${unique}b`);
    const dis = await build.dispositif(['dep:33'], `Action tracée ${unique}`);
    await build.link('PARTNERS_IN', org.id, dis.id);
    await openBySearch(page, `${unique}b`);
    await hasNode(page, dis.id);
    await expect.poll(heading, { timeout: 15_000 }).toContain('Porteur tracé');
    await settle(page);

    await details().getByRole('button', { name: 'Ajouter un lien' }).click();
    const link = details().getByRole('form', { name: 'Ajouter un lien' });
    await link.getByRole('button', { name: 'Tracer sur le graphe' }).click();
    await link.getByRole('status').waitFor();
    const target = await renderedPosition(page, dis.id);
    await page.mouse.move(target.x - 40, target.y - 40);
    await page.mouse.move(target.x, target.y, { steps: 5 });
    await page.mouse.click(target.x, target.y);
    await link.getByText(`Avec : Action tracée ${unique}`).waitFor();
    // The tap ended the drawing: the details still show the node the link starts from.
    expect(await heading()).toContain('Porteur tracé');
    expect(await link.getByLabel('Relation').inputValue()).toBe('CARRIES');
    await link.getByRole('button', { name: 'Ajouter' }).click();
    await link.waitFor({ state: 'detached' });

    const [row] = await db.read<{ count: number }>(
      'MATCH (:Organisation {id: $from})-[r:CARRIES]->(:Dispositif {id: $to}) RETURN count(r) AS count',
      { from: org.id, to: dis.id },
    );
    expect(row?.count).toBe(1);
    // The canvas fetches its slices again: the new link shows.
    await page.waitForFunction(
      ([from, to]) =>
        window
          .__atlasCy!.edges(`[type = "CARRIES"]`)
          .toArray()
          .some(
            (edge) =>
              (edge as cytoscape.EdgeSingular).source().id() === from &&
              (edge as cytoscape.EdgeSingular).target().id() === to,
          ),
      [org.id, dis.id],
      { timeout: 15_000 },
    );
  });

  it('merges a duplicate picked by search, after showing what moves', async () => {
    const kept = await build.organisation('com:33243', `Fusion gardée ${unique}c`);
    const duplicate = await build.organisation('com:33243', `Fusion doublon ${unique}d`);
    const dis = await build.dispositif(['dep:33'], `Action du doublon ${unique}`);
    await build.link('CARRIES', duplicate.id, dis.id);
    await openBySearch(page, `${unique}c`);
    await expect.poll(heading, { timeout: 15_000 }).toContain('Fusion gardée');

    await details().getByRole('button', { name: 'Fusionner avec…' }).click();
    const merge = details().getByRole('region', { name: 'Fusionner' });
    await merge.getByRole('combobox', { name: 'Doublon à fusionner' }).pressSequentially(`${unique}d`, {
      delay: 10,
    });
    await merge
      .getByRole('option', { name: new RegExp(`Fusion doublon ${unique}d`) })
      .first()
      .dispatchEvent('click');
    const preview = merge.getByLabel('Ce qui sera fusionné');
    await preview.getByText(`Action du doublon ${unique}`).waitFor();
    // Its seat, its dispositif, its citation: each moves.
    expect(Number(/(\d+) liens/.exec((await preview.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(2);
    await merge.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await merge.waitFor({ state: 'detached' });

    expect(await nodeOf(duplicate.id)).toBeNull();
    expect((await nodeOf(kept.id))?.aliases).toContain(`Fusion doublon ${unique}d`);
    const [row] = await db.read<{ count: number }>(
      'MATCH (:Organisation {id: $from})-[r:CARRIES]->(:Dispositif {id: $to}) RETURN count(r) AS count',
      { from: kept.id, to: dis.id },
    );
    expect(row?.count).toBe(1);
  });

  it('creates a personal access token shown once, lists it, and revokes it', async () => {
    await page.getByRole('button', { name: 'Jetons d’accès' }).click();
    const panel = page.getByRole('dialog', { name: 'Jetons d’accès' });
    await panel.getByLabel('Nom du jeton').fill(`script ${unique}`);
    await panel.getByRole('button', { name: 'Créer' }).click();
    const secret = await panel.getByRole('textbox', { name: 'Nouveau jeton' }).inputValue();
    expect(secret).toMatch(/^atlas_pat_/);
    const list = panel.getByRole('list', { name: 'Vos jetons' });
    await list.getByText(`script ${unique}`).waitFor();
    expect(await list.textContent()).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = async () =>
      (
        (await (await authPost(appUrl, '/auth/me', {}, bearer)).json()) as {
          viewer: { email: string } | null;
        }
      ).viewer?.email ?? null;
    expect(await me()).toBe(editor.email);

    page.once('dialog', (dialog) => void dialog.accept());
    await list.getByRole('button', { name: `Révoquer script ${unique}` }).click();
    await list.getByText(`script ${unique}`).waitFor({ state: 'detached' });
    expect(await me()).toBeNull();
  });
});
