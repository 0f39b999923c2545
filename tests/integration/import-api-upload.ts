import { inject } from 'vitest';
import { CSRF_HEADER } from '../../server/csrf.js';
import type { GraphQLAnswer } from './editing/accounts.js';

/** The File values of a variables object, by their path (`files.0`), replaced by null as the multipart spec wants. */
function extractFiles(value: unknown, path: string, found: Map<string, File>): unknown {
  if (value instanceof File) {
    found.set(path, value);
    return null;
  }
  if (Array.isArray(value)) return value.map((item, i) => extractFiles(item, `${path}.${i}`, found));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, extractFiles(item, `${path}.${key}`, found)]),
    );
  }
  return value;
}

/** True when some variable holds a File: the request must then be multipart. */
export function hasFiles(variables: Record<string, unknown>): boolean {
  const found = new Map<string, File>();
  extractFiles(variables, 'variables', found);
  return found.size > 0;
}

/**
 * One GraphQL request with files, as the page sends it: multipart (GraphQL multipart
 * request spec: `operations`, `map`, then the files), the CSRF header, the session cookie.
 */
export async function gqlMultipart<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  account?: { cookie: string } | null,
  options: { baseUrl?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer<T>> {
  const found = new Map<string, File>();
  const operations = { query, variables: extractFiles(variables, 'variables', found) };
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  const entries = [...found.entries()];
  form.append('map', JSON.stringify(Object.fromEntries(entries.map(([path], i) => [String(i), [path]]))));
  for (const [i, [, file]] of entries.entries()) form.append(String(i), file, file.name);
  const response = await fetch(`${options.baseUrl ?? inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: {
      [CSRF_HEADER]: '1',
      ...(account ? { cookie: account.cookie } : {}),
      ...options.headers,
    },
    body: form,
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status'>) };
  } catch {
    return { status: response.status, errors: [{ message: text }] };
  }
}

/** A data·inclusion structure seated in `commune` (INSEE code). */
export function structureRecord(id: string, commune: string, name: string, source = 'test-page') {
  return {
    source,
    id,
    nom: name,
    siret: null,
    code_insee: commune,
    code_postal: null,
    commune: null,
    adresse: null,
    complement_adresse: null,
    longitude: null,
    latitude: null,
    telephone: null,
    courriel: null,
    site_web: null,
    lien_source: null,
    horaires_accueil: null,
    accessibilite_lieu: null,
    description: 'Structure de test importée par la page.',
    reseaux_porteurs: null,
    date_maj: '2026-03-01',
  };
}

/** A data·inclusion structures export of one structure seated in `commune` (INSEE code), under a fresh id. */
export function structuresFile(id: string, commune: string, name = `Structure importée ${id}`): File {
  const structure = structureRecord(id, commune, name);
  return new File([JSON.stringify([structure], null, 2)], `structures-${id}.json`, {
    type: 'application/json',
  });
}
