import type { Page } from 'playwright-core';
import type { Account } from '../integration/editing/accounts.js';

/** Logs in through the page's own form, and waits until the page knows it. */
export async function logIn(page: Page, account: Account) {
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const form = page.getByRole('form', { name: 'Connexion' });
  await form.getByLabel('Adresse e-mail').fill(account.email);
  await form.getByLabel('Mot de passe').fill(account.password);
  await form.getByRole('button', { name: 'Connexion' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** Types into the search as a person would and opens the first suggestion naming `text`. */
export async function openBySearch(page: Page, text: string) {
  const search = page.getByRole('combobox', { name: 'Rechercher un acteur, un dispositif, un territoire' });
  await search.fill('');
  await search.pressSequentially(text, { delay: 10 });
  await page
    .getByRole('listbox', { name: /Suggestions : Rechercher un acteur/ })
    .getByRole('option', { name: new RegExp(text) })
    .first()
    .click();
}
