/**
 * What is derived from the graph and changes only with it (an index, a projection,
 * metrics), kept per scope and key until the graph version
 * (graph/queries/graph-version.ts) moves: the one cache of the server's reads.
 *
 * The scope is the unscoped database every request's view shares (`db.base`), so
 * that a read other requests wait on does not end with the request that started
 * it. A scope that never changes (a coverage grid, which lives as long as its
 * graph version; a parsed document) may be used at version 0 for what is derived
 * from it alone.
 */
export interface GraphVersionCache<V> {
  /**
   * The value of `key` at `version`, computed once. A request that read an older
   * version is served what a newer one computed; a newer version empties the
   * scope. A promise that fails is forgotten rather than served.
   */
  get(scope: object, version: number, key: string, compute: () => V): V;
}

export function createGraphVersionCache<V>({ maxEntries }: { maxEntries: number }): GraphVersionCache<V> {
  const scopes = new WeakMap<object, { version: number; entries: Map<string, V> }>();
  return {
    get(scope, version, key, compute) {
      let held = scopes.get(scope);
      if (!held || held.version < version) {
        held = { version, entries: new Map() };
        scopes.set(scope, held);
      }
      const { entries } = held;
      if (entries.has(key)) {
        const found = entries.get(key)!;
        // Most recently used last, so the bound evicts the least used.
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const value = compute();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      if (value instanceof Promise)
        value.catch(() => {
          if (entries.get(key) === value) entries.delete(key);
        });
      return value;
    },
  };
}
