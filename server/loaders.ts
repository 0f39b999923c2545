import DataLoader from 'dataloader';
import type { Db } from '../graph/driver.js';
import { countRelationsBatch, type RelationCountRow } from '../graph/queries/degrees.js';
import { findNodesByIds, findThemeChildrenBatch } from '../graph/queries/nodes.js';
import { findPartnersBatch, type PartnershipRow } from '../graph/queries/partners.js';
import {
  findNodesByIdsAhead,
  findNodesByLabelAhead,
  findRelationPagesBatch,
  findRelationsBatch,
  relationListKey,
  type NodesAhead,
  type PanelAhead,
  type Projection,
  type RelationKey,
  type RelationPageKey,
  type RelationTree,
} from '../graph/queries/relations.js';
import type { NodeRow, RelationRow } from '../graph/queries/rows.js';

export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  relations: DataLoader<RelationLoadKey, RelationRow[], string>;
  /**
   * A relation list already read (ahead, or by a batch that read it ahead), without a
   * promise: what a nested read's lower levels mostly ask, thousands of times.
   */
  readRelations(key: RelationLoadKey): RelationRow[] | undefined;
  /** A page of a node's relations (`relations(first, after)`). */
  relationPages: DataLoader<RelationPageLoadKey, RelationRow[], string>;
  /** Relationship counts by type and direction, keyed by node id. */
  degrees: DataLoader<string, RelationCountRow[]>;
  /** An organisation's partners, keyed by its id. */
  partners: DataLoader<string, PartnershipRow[]>;
  /** A theme's sub-themes, keyed by its id. */
  themeChildren: DataLoader<string, NodeRow[]>;
  /** A node with the relations the query asks of it, two levels deep (its relation loads then hit the cache). */
  nodeAhead: DataLoader<NodeAheadKey, NodeRow | null, string>;
  /** Every theme or public, with the relations the query asks of them, in one round trip. */
  labelAhead(
    label: 'Theme' | 'Public',
    tree: readonly RelationTree[],
    projection?: Projection,
  ): Promise<NodeRow[]>;
}

/** A relation key and what to read of the rows it reaches (all without). */
export type RelationLoadKey = RelationKey & { projection?: Projection };
export type RelationPageLoadKey = RelationPageKey & { projection?: Projection };

export interface NodeAheadKey {
  id: string;
  tree: readonly RelationTree[];
  /** What the node's view asks besides (schema/look-ahead.ts `panelAhead`). */
  panel?: PanelAhead | null;
  /** What to read of the nodes and relationships reached (all without). */
  projection?: Projection;
}

/**
 * One cache entry per node, type, direction and projection, whatever the key reads ahead:
 * a list read with fewer properties never serves a load that asks for more.
 */
const relationCacheKey = (key: RelationKey & { projection?: Projection }) =>
  `${relationListKey(key)}|${key.projection?.key ?? '*'}`;

/** Keys grouped by what they read of the rows they reach: one query per projection. */
function byProjection<K extends { projection?: Projection }>(keys: readonly K[]): K[][] {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const signature = key.projection?.key ?? '*';
    const group = groups.get(signature);
    if (group) group.push(key);
    else groups.set(signature, [key]);
  }
  return [...groups.values()];
}

/** Runs a batch once per projection among its keys and gives the results back in the keys' order. */
async function perProjection<K extends { projection?: Projection }, V>(
  keys: readonly K[],
  run: (group: K[], projection: Projection | undefined) => Promise<V[]>,
): Promise<V[]> {
  const groups = byProjection(keys);
  if (groups.length === 1) return run(groups[0]!, groups[0]![0]!.projection);
  const results = new Map<K, V>();
  await Promise.all(
    groups.map(async (group) => {
      const values = await run(group, group[0]!.projection);
      group.forEach((key, index) => results.set(key, values[index]!));
    }),
  );
  return keys.map((key) => results.get(key)!);
}

/**
 * Batches the per-field lookups of one request into a round trip per level, or per two levels when the
 * relation fields read ahead; a top-level field reading ahead (`nodeAhead`, `labelAhead`) brings its
 * nodes and two levels below them in one (schema/look-ahead.ts).
 */
export function createLoaders(db: Db): Loaders {
  // Lists read ahead, by projection and then by node and relation: `related` (schema/shared.ts)
  // looks here before the loader, thousands of times in a nested read, so neither a promise per
  // list nor a key holding the projection's (long) key is made for them.
  const read = new Map<string, Map<string, RelationRow[]>>();
  const readOf = (projection?: Projection) => {
    const signature = projection?.key ?? '*';
    let lists = read.get(signature);
    if (!lists) read.set(signature, (lists = new Map()));
    return lists;
  };
  const primeRelations = (key: RelationLoadKey, list: RelationRow[]) => {
    const lists = readOf(key.projection);
    const listKey = relationListKey(key);
    if (!lists.has(listKey)) lists.set(listKey, list);
  };
  const relations: Loaders['relations'] = new DataLoader(
    (keys) =>
      perProjection(keys, async (group, projection) => {
        const { grouped, nested } = await findRelationsBatch(db, group, projection);
        // What the query asks next is already read: its loads hit the cache.
        for (const entry of nested) primeRelations({ ...entry.key, projection }, entry.relations);
        return grouped;
      }),
    { cacheKeyFn: relationCacheKey },
  );
  const node: Loaders['node'] = new DataLoader(async (ids) => {
    const rows = await findNodesByIds(db, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const degrees: Loaders['degrees'] = new DataLoader((ids) => countRelationsBatch(db, ids));
  const relationPages: Loaders['relationPages'] = new DataLoader(
    (keys) => perProjection(keys, (group, projection) => findRelationPagesBatch(db, group, projection)),
    {
      cacheKeyFn: (key) =>
        JSON.stringify([key.id, key.types, key.first, key.after, key.projection?.key ?? '*']),
    },
  );
  /** Primes what a read ahead brought: its nodes, every relation list, page and count it holds. */
  const prime = (
    { nodes, relations: lists, panels, cited }: NodesAhead,
    panel?: PanelAhead | null,
    projection?: Projection,
  ) => {
    for (const row of nodes) node.prime(row.id, row);
    for (const row of cited ?? []) node.prime(row.id, row);
    for (const entry of lists) primeRelations({ ...entry.key, projection }, entry.relations);
    for (const { id, page, counts } of panels ?? []) {
      if (page && panel?.page)
        relationPages.prime(
          { id, types: panel.page.types, first: panel.page.first, after: null, projection },
          page,
        );
      if (counts) degrees.prime(id, counts);
    }
    return nodes;
  };
  // Keys of one request asking the same tree (aliased `node` fields) share a round trip.
  const nodeAhead: Loaders['nodeAhead'] = new DataLoader(
    async (keys) => {
      const byTree = new Map<string, NodeAheadKey[]>();
      for (const key of keys) {
        const signature = JSON.stringify([key.tree, key.panel ?? null, key.projection?.key ?? '*']);
        byTree.set(signature, [...(byTree.get(signature) ?? []), key]);
      }
      const found = new Map<string, NodeRow>();
      await Promise.all(
        [...byTree.values()].map(async (group) => {
          const ids = group.map((key) => key.id);
          const { tree, panel, projection } = group[0]!;
          const ahead = await findNodesByIdsAhead(db, ids, tree, panel ?? undefined, projection);
          for (const row of prime(ahead, panel, projection)) found.set(row.id, row);
        }),
      );
      return keys.map((key) => found.get(key.id) ?? null);
    },
    {
      cacheKeyFn: (key) => JSON.stringify([key.id, key.tree, key.panel ?? null, key.projection?.key ?? '*']),
    },
  );
  return {
    node,
    nodeAhead,
    labelAhead: async (label, tree, projection) =>
      prime(await findNodesByLabelAhead(db, label, tree, projection), null, projection),
    relations,
    readRelations: (key) => readOf(key.projection).get(relationListKey(key)),
    degrees,
    relationPages,
    partners: new DataLoader((ids) => findPartnersBatch(db, ids)),
    themeChildren: new DataLoader((ids) => findThemeChildrenBatch(db, ids)),
  };
}
