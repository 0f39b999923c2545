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

// What the coverage index's grid is read again for (graph/queries/coverage.ts): only loads write the grid.
const BUMP_GRID_VERSION = /* cypher */ `
  MERGE (v:GraphVersion {key: 'grid'})
  SET v.value = coalesce(v.value, 0) + 1`;

/** Bumps the grid's counter inside a load's final transaction, when the load writes the grid. */
export async function bumpGridVersion(tx: TxRunner): Promise<void> {
  await tx.run(BUMP_GRID_VERSION);
}

/**
 * The graph version and what the grid part depends on, in one round trip: the grid
 * version loads bump when they write territories, themes or publics
 * (graph/queries/import.ts), and their counts from the count store, which also see
 * a territory created or deleted by any other way. Edits never touch them.
 */
const READ_GRAPH_AND_GRID_VERSIONS = /* cypher */ `
  OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
  OPTIONAL MATCH (g:GraphVersion {key: 'grid'})
  CALL () { MATCH (t:Territory) RETURN count(t) AS territories }
  CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS links }
  CALL () { MATCH (th:Theme) RETURN count(th) AS themes }
  CALL () { MATCH (pu:Public) RETURN count(pu) AS publics }
  RETURN coalesce(v.value, 0) AS version,
         coalesce(g.value, 0) + '|' + territories + '|' + links + '|' + themes + '|' + publics AS grid`;

/** The graph version, and a stamp of the grid that changes when a load or anything else changes it. */
export async function findGraphAndGridVersions(db: Db): Promise<{ version: number; grid: string }> {
  const [row] = await db.read<{ version: number; grid: string }>(READ_GRAPH_AND_GRID_VERSIONS);
  return { version: Number(row?.version ?? 0), grid: row?.grid ?? '' };
}
