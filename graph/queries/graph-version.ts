import type { Db, TxRunner } from '../driver.js';

// A singleton: the constraint of migration 0004 keeps `key` unique. It is not a
// domain node (no id), so stats and the "database is empty" check ignore it.
const READ_GRAPH_VERSION = /* cypher */ `
  OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
  RETURN coalesce(v.value, 0) AS version`;

const BUMP_GRAPH_VERSION = /* cypher */ `
  MERGE (v:GraphVersion {key: 'graph'})
  SET v.value = coalesce(v.value, 0) + 1
  RETURN v.value AS version`;

/** The counter process caches are versioned by; 0 before any write bumped it. */
export async function findGraphVersion(db: Db): Promise<number> {
  const [row] = await db.read<{ version: number }>(READ_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}

/** Bumps the counter inside the caller's transaction, so that it moves with the write. */
export async function bumpGraphVersion(tx: TxRunner): Promise<number> {
  const [row] = await tx.run<{ version: number }>(BUMP_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}
