import type { Db } from '../driver.js';
import type { NodeRow } from './rows.js';

export interface TerritoryScopeRow {
  /** Territories inside it, at any depth (EPCI, communes, bassins' communes…). */
  inside: string[];
  /** Territories containing it, at any depth. */
  containing: string[];
}

// The grid is at most four levels deep (commune → EPCI → département → région).
const FIND_TERRITORY_SCOPE = /* cypher */ `
  MATCH (t:Territory {id: $id})
  RETURN
    COLLECT { MATCH (t)<-[:PART_OF*1..3]-(x:Territory) RETURN DISTINCT x.id } AS inside,
    COLLECT { MATCH (t)-[:PART_OF*1..3]->(y:Territory) RETURN DISTINCT y.id } AS containing`;

export async function findTerritoryScope(db: Db, id: string): Promise<TerritoryScopeRow | undefined> {
  const [row] = await db.read<TerritoryScopeRow>(FIND_TERRITORY_SCOPE, { id });
  return row;
}

/** The resolver parent of TerritoryScope: the territory itself plus its scope. */
export interface TerritoryScopeMapper extends TerritoryScopeRow {
  territory: NodeRow;
}
