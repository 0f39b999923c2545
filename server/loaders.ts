import DataLoader from 'dataloader';
import type { Db } from '../graph/driver.js';
import { countRelationsBatch, type RelationCountRow } from '../graph/queries/degrees.js';
import { findNodesByIds, findThemeChildrenBatch } from '../graph/queries/nodes.js';
import { findPartnersBatch, type PartnershipRow } from '../graph/queries/partners.js';
import {
  findRelationPagesBatch,
  findRelationsBatch,
  type RelationKey,
  type RelationPageKey,
} from '../graph/queries/relations.js';
import type { NodeRow, RelationRow } from '../graph/queries/rows.js';

export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  relations: DataLoader<RelationKey, RelationRow[], string>;
  /** A page of a node's relations (`relations(first, after)`). */
  relationPages: DataLoader<RelationPageKey, RelationRow[], string>;
  /** Relationship counts by type and direction, keyed by node id. */
  degrees: DataLoader<string, RelationCountRow[]>;
  /** An organisation's partners, keyed by its id. */
  partners: DataLoader<string, PartnershipRow[]>;
  /** A theme's sub-themes, keyed by its id. */
  themeChildren: DataLoader<string, NodeRow[]>;
}

/** One cache entry per node, type and direction, whatever the key reads ahead. */
const relationCacheKey = (key: RelationKey) => `${key.id}|${key.type}|${key.direction}`;

/** Batches the per-field lookups of one request into a round trip per level, or per two levels when the
 * relation fields read ahead (schema/look-ahead.ts). */
export function createLoaders(db: Db): Loaders {
  const relations: Loaders['relations'] = new DataLoader(
    async (keys) => {
      const { grouped, nested } = await findRelationsBatch(db, keys);
      // What the query asks next is already read: its loads hit the cache.
      for (const entry of nested) relations.prime(entry.key, entry.relations);
      return grouped;
    },
    { cacheKeyFn: relationCacheKey },
  );
  return {
    node: new DataLoader(async (ids) => {
      const rows = await findNodesByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations,
    degrees: new DataLoader((ids) => countRelationsBatch(db, ids)),
    relationPages: new DataLoader((keys) => findRelationPagesBatch(db, keys), {
      cacheKeyFn: (key) => JSON.stringify([key.id, key.types, key.first, key.after]),
    }),
    partners: new DataLoader((ids) => findPartnersBatch(db, ids)),
    themeChildren: new DataLoader((ids) => findThemeChildrenBatch(db, ids)),
  };
}
