import type { Db } from '../driver.js';

// Expanding up from each territory keeps this cheap for thousands of ids; the
// editing engine's NODES_IN_SCOPE (every label, UNION) took 32 s for 8 territories.
const TERRITORIES_IN_SCOPE = /* cypher */ `
  UNWIND $ids AS id
  MATCH (t:Territory {id: id})
  WITH t WHERE t.id IN $departements
    OR EXISTS { MATCH (t)-[:PART_OF*1..3]->(d:Territory) WHERE d.id IN $departements }
  RETURN collect(t.id) AS inScope`;

/** Which of the territory `ids` lie within `departements` (are one, or part of one). */
export async function findTerritoriesInScope(
  db: Db,
  p: { ids: readonly string[]; departements: readonly string[] },
): Promise<Set<string>> {
  const [row] = await db.read<{ inScope: string[] }>(TERRITORIES_IN_SCOPE, {
    ids: p.ids,
    departements: p.departements,
  });
  return new Set(row?.inScope ?? []);
}
