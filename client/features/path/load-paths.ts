import { request } from '../../api/graphql-client';
import type { NodeKind } from '../../vocabulary';
import { toSlice } from '../graph/slices';
import type { Entry, Slice } from '../graph/types';
import { PATH_COUNT, PATH_MAX_LENGTH } from './path-entry';
import { SHORTEST_PATHS_QUERY } from './queries';

/**
 * The k shortest paths of one search, asked once for both the panel (the list)
 * and the canvas (the path drawn): choosing another of them draws it without a
 * new request. A few searches are kept; a failed one is forgotten.
 */
const MAX_SEARCHES = 20;
const searches = new Map<string, Promise<Slice[]>>();

export function loadPaths(search: { from: string; to: string; kinds?: readonly NodeKind[] | null }) {
  const kinds = search.kinds ?? null;
  const key = `${search.from}>${search.to}~${kinds?.join('.') ?? '*'}`;
  const known = searches.get(key);
  if (known) return known;
  if (searches.size >= MAX_SEARCHES) searches.delete(searches.keys().next().value!);
  const loading = request(SHORTEST_PATHS_QUERY, {
    from: search.from,
    to: search.to,
    kinds: kinds ? [...kinds] : null,
    maxLength: PATH_MAX_LENGTH,
    k: PATH_COUNT,
  }).then(({ data }) => data.shortestPaths.map(toSlice));
  searches.set(key, loading);
  loading.catch(() => {
    if (searches.get(key) === loading) searches.delete(key);
  });
  return loading;
}

/** The slice of a path entry: its ranked path, or an empty slice when there are fewer paths. */
export async function loadPathEntry(entry: Extract<Entry, { type: 'path' }>): Promise<Slice> {
  const paths = await loadPaths(entry);
  return paths[entry.rank ?? 0] ?? { nodes: [], edges: [], truncated: false };
}
