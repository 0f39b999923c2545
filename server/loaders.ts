import DataLoader from 'dataloader';
import type { Db } from '../graph/driver.js';
import { countRelationsBatch, type RelationCountRow } from '../graph/queries/degrees.js';
import { findNodesByIds } from '../graph/queries/nodes.js';
import { findRelationsBatch, type RelationKey } from '../graph/queries/relations.js';
import type { NodeRow, RelationRow } from '../graph/queries/rows.js';

export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  relations: DataLoader<RelationKey, RelationRow[], string>;
  /** Relationship counts by type and direction, keyed by node id. */
  degrees: DataLoader<string, RelationCountRow[]>;
}

/** Batches the per-field lookups of one request into a round trip per level. */
export function createLoaders(db: Db): Loaders {
  return {
    node: new DataLoader(async (ids) => {
      const rows = await findNodesByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations: new DataLoader((keys) => findRelationsBatch(db, keys), {
      cacheKeyFn: (key) => `${key.id}|${key.type}|${key.direction}`,
    }),
    degrees: new DataLoader((ids) => countRelationsBatch(db, ids)),
  };
}
