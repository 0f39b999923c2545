/**
 * An anonymous reader's (or a reader account's) own queries, kept in the
 * browser's localStorage; editors keep theirs on the server (myQueries).
 */

export interface OwnQuery {
  id: string;
  title: string;
  description: string;
  cypher: string;
  params: string;
  updatedAt: string;
}

export const LOCAL_QUERIES_KEY = 'atlas.analysis.queries';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const isOwnQuery = (value: unknown): value is OwnQuery => {
  const query = value as Partial<OwnQuery> | null;
  return (
    typeof query?.id === 'string' &&
    typeof query.title === 'string' &&
    typeof query.cypher === 'string' &&
    typeof query.params === 'string'
  );
};

/** The stored queries, last changed first; a damaged entry is left out, never thrown. */
export function readLocalQueries(store: KeyValueStore): OwnQuery[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(LOCAL_QUERIES_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(isOwnQuery)
    .map((query) => ({ ...query, description: query.description ?? '', updatedAt: query.updatedAt ?? '' }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Saves `query` (replacing the one with its id) and returns the new list. */
export function saveLocalQuery(
  store: KeyValueStore,
  query: Omit<OwnQuery, 'id' | 'updatedAt'> & { id?: string },
  now = new Date(),
): OwnQuery[] {
  const saved: OwnQuery = {
    ...query,
    id: query.id ?? `local:${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    updatedAt: now.toISOString(),
  };
  const next = [saved, ...readLocalQueries(store).filter((other) => other.id !== saved.id)];
  store.setItem(LOCAL_QUERIES_KEY, JSON.stringify(next));
  return next;
}

export function deleteLocalQuery(store: KeyValueStore, id: string): OwnQuery[] {
  const next = readLocalQueries(store).filter((query) => query.id !== id);
  store.setItem(LOCAL_QUERIES_KEY, JSON.stringify(next));
  return next;
}
