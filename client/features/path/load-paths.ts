import { request } from '../../api/graphql-client';
import { toSlice } from '../graph/slices';
import type { Slice } from '../graph/types';
import { crossedKinds, pathCount, PATH_MAX_LENGTH, type PathEntry } from './path-entry';
import { SHORTEST_PATHS_QUERY } from './queries';

/**
 * The k shortest paths of one search, asked once for both the panel (the list)
 * and the canvas (the path drawn): choosing another of them draws it without a
 * new request. A few searches are kept; a failed one is forgotten.
 */
const MAX_SEARCHES = 20;
const searches = new Map<string, Promise<Slice[]>>();

export function loadPaths(entry: PathEntry) {
  const kinds = crossedKinds(entry);
  const key = `${entry.from}>${entry.to}~${kinds?.join('.') ?? '*'}#${pathCount(entry)}`;
  // Nothing left to cross (the API would read an empty list as its default).
  if (kinds?.length === 0) return Promise.resolve([]);
  const known = searches.get(key);
  if (known) return known;
  if (searches.size >= MAX_SEARCHES) searches.delete(searches.keys().next().value!);
  const loading = request(SHORTEST_PATHS_QUERY, {
    from: entry.from,
    to: entry.to,
    kinds,
    maxLength: PATH_MAX_LENGTH,
    k: pathCount(entry),
  }).then(({ data }) => data.shortestPaths.map(toSlice));
  searches.set(key, loading);
  loading.catch(() => {
    if (searches.get(key) === loading) searches.delete(key);
  });
  return loading;
}

/** The slice of a path entry: its ranked path, or an empty slice when there are fewer paths. */
export async function loadPathEntry(entry: PathEntry): Promise<Slice> {
  const paths = await loadPaths(entry);
  return paths[entry.rank ?? 0] ?? { nodes: [], edges: [], truncated: false };
}
