import { territoryScopeOf } from '../coverage-gaps/grid.js';
import type { Db, TxRunner } from '../driver.js';
import { labelOfId, NODE_LABELS, type NodeLabel } from '../model.js';
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

/**
 * The one rule of an editor's départements (issue 12), for editing and imports alike:
 * the ids of the nodes of list `nodes` that an editor limited to `$departements` may
 * touch. A territory is within them when it is one or lies inside one (PART_OF, up
 * to three steps: commune → EPCI or bassin → département); an organisation when it is
 * seated in or governs such a territory; a dispositif when it is deployed in one or
 * carried by such an organisation; a person when working at one. Themes, publics and
 * sources belong to everyone.
 *
 * Each node's own territories first, then one containment test per territory (which
 * stops at the first path): a list expression without UNION, which the planner plans in
 * a fraction of the time the UNION form took (seconds on a loaded machine, paid again at
 * every replanning).
 */
export const idsWithinDepartements = (nodes: string) => /* cypher */ `[n IN ${nodes} WHERE
    n:Theme OR n:Public OR n:Source
    OR any(t IN CASE
      WHEN n:Territory THEN [n]
      WHEN n:Organisation THEN [(n)-[:LOCATED_IN|GOVERNS]->(t:Territory) | t]
      WHEN n:Dispositif THEN [(n)-[:DEPLOYED_IN]->(t:Territory) | t]
        + [(n)<-[:CARRIES]-(:Organisation)-[:LOCATED_IN|GOVERNS]->(t:Territory) | t]
      WHEN n:Person THEN [(n)-[:WORKS_AT]->(:Organisation)-[:LOCATED_IN|GOVERNS]->(t:Territory) | t]
      ELSE [] END
    WHERE t.id IN $departements OR EXISTS { (t)-[:PART_OF*1..3]->(d:Territory) WHERE d.id IN $departements })
    | n.id]`;

// A label disjunction is planned as one unique-index seek per label (quicker to plan than
// a UNION of them); only the labels present are named, so an import's territories cost
// exactly one seek per id.
const nodesWithinDepartements = (labels: readonly NodeLabel[]) => /* cypher */ `
  MATCH (n:${labels.join('|')})
  WHERE n.id IN $ids
  WITH collect(n) AS ns
  RETURN ${idsWithinDepartements('ns')} AS inScope`;

/**
 * Which of `ids` (any label) lie within `departements`, by `idsWithinDepartements`; in the
 * caller's transaction when given one (a mutation), else as one read (an import's check).
 */
export async function findNodesInScope(
  db: Db | TxRunner,
  p: { ids: readonly string[]; departements: readonly string[] },
): Promise<Set<string>> {
  const ids = [...new Set(p.ids)];
  const labels = NODE_LABELS.filter((label) => ids.some((id) => labelOfId(id) === label));
  if (labels.length === 0) return new Set();
  const cypher = nodesWithinDepartements(labels);
  const params = { ids, departements: p.departements };
  const [row] =
    'read' in db
      ? await db.read<{ inScope: string[] }>(cypher, params)
      : await db.run<{ inScope: string[] }>(cypher, params);
  return new Set(row?.inScope ?? []);
}
