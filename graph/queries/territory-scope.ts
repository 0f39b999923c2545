import { territoryScopeOf } from '../coverage-gaps/grid.js';
import type { Db } from '../driver.js';
import { loadCoverageIndex } from './coverage.js';
import type { NodeRow } from './rows.js';

export interface TerritoryScopeRow {
  /** Territories inside it, at any depth (EPCI, communes, bassins…), as the coverage grid contains them. */
  inside: string[];
  /** Territories containing it, at any depth. */
  containing: string[];
}

/** Read from the cached grid, so that containment is the coverage analysis's own. */
export async function findTerritoryScope(db: Db, id: string): Promise<TerritoryScopeRow | undefined> {
  return territoryScopeOf((await loadCoverageIndex(db)).grid, id);
}

/** The resolver parent of TerritoryScope: the territory itself plus its scope. */
export interface TerritoryScopeMapper extends TerritoryScopeRow {
  territory: NodeRow;
}
