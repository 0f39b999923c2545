import type { Db } from '../driver.js';
import { runsOn } from './fragments.js';
import {
  projectEdge,
  projectNode,
  toEdgeRow,
  toNodeRow,
  type EdgeRow,
  type GraphSliceRow,
  type NodeRow,
} from './rows.js';

type RawNode = Parameters<typeof toNodeRow>[0];

/** The relationships that make two organisations partners on a dispositif (DOMAIN.md §3). */
const INVOLVEMENT = 'CARRIES|PARTNERS_IN|FUNDS|PRESCRIBES';

export interface PartnershipRow {
  organisation: NodeRow;
  dispositifs: NodeRow[];
  direct: boolean;
  weight: number;
}

const FIND_PARTNERS = /* cypher */ `
  MATCH (o:Organisation {id: $id})
  CALL (o) {
    MATCH (o)-[:${INVOLVEMENT}]->(d:Dispositif)<-[:${INVOLVEMENT}]-(p:Organisation)
    WHERE p <> o
    RETURN p, collect(DISTINCT d) AS shared, false AS direct
    UNION
    MATCH (o)-[:PARTNERS_WITH]-(p:Organisation)
    RETURN p, [] AS shared, true AS direct
  }
  WITH p, collect(shared) AS sharedLists, collect(direct) AS directFlags
  WITH p, reduce(all = [], list IN sharedLists | all + list) AS shared, any(flag IN directFlags WHERE flag) AS direct
  RETURN ${projectNode('p')} AS organisation, [d IN shared | ${projectNode('d')}] AS dispositifs, direct
  ORDER BY size(shared) DESC, p.name`;

/** Partners of one organisation: shared dispositifs and explicit partnerships. */
export async function findPartners(db: Db, id: string): Promise<PartnershipRow[]> {
  const rows = await db.read<{ organisation: RawNode; dispositifs: RawNode[]; direct: boolean }>(
    FIND_PARTNERS,
    {
      id,
    },
  );
  return rows.map((row) => ({
    organisation: toNodeRow(row.organisation),
    dispositifs: row.dispositifs.map(toNodeRow),
    direct: row.direct,
    weight: row.dispositifs.length + (row.direct ? 1 : 0),
  }));
}

export interface PartnershipFilter {
  territory?: string | null;
  theme?: string | null;
  public?: string | null;
  /** ISO date: only dispositifs running that day. */
  activeOn?: string | null;
}

/**
 * Dispositifs matching the filter. Territory: deployed in it, inside it, or in a
 * territory containing it; theme: the theme or one of its sub-themes.
 */
export const MATCHING_DISPOSITIFS = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ($theme IS NULL OR EXISTS { (d)-[:ADDRESSES]->(t:Theme) WHERE t.id = $theme OR t.parent = $theme })
    AND ($public IS NULL OR EXISTS { (d)-[:TARGETS]->(:Public {id: $public}) })
    AND ${runsOn('d', 'activeOn')}
    AND ($territory IS NULL OR EXISTS {
      MATCH (d)-[:DEPLOYED_IN]->(place:Territory)
      WHERE place.id = $territory
         OR EXISTS { (place)-[:PART_OF*1..3]->(:Territory {id: $territory}) }
         OR EXISTS { (:Territory {id: $territory})-[:PART_OF*1..3]->(place) }
    })`;

const PARTNERSHIP_NETWORK = /* cypher */ `
  ${MATCHING_DISPOSITIFS}
  MATCH (a:Organisation)-[:${INVOLVEMENT}]->(d)<-[:${INVOLVEMENT}]-(b:Organisation)
  WHERE a.id < b.id
  WITH a, b, collect(DISTINCT d.id) AS dispositifs
  RETURN ${projectNode('a')} AS a, ${projectNode('b')} AS b, dispositifs`;

const DIRECT_PARTNERSHIPS = /* cypher */ `
  MATCH (a:Organisation)-[r:PARTNERS_WITH]->(b:Organisation)
  WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
  RETURN ${projectNode('a')} AS a, ${projectNode('b')} AS b, ${projectEdge('r')} AS edge`;

const pairId = (a: string, b: string) => (a < b ? `${a}|PARTNERS|${b}` : `${b}|PARTNERS|${a}`);

/**
 * The Organisation–Organisation projection: one PARTNERS edge per pair, weighted by
 * the number of shared dispositifs (listed in its data), plus explicit partnerships.
 */
export async function findPartnershipNetwork(db: Db, filter: PartnershipFilter): Promise<GraphSliceRow> {
  const params = {
    territory: filter.territory ?? null,
    theme: filter.theme ?? null,
    public: filter.public ?? null,
    activeOn: filter.activeOn ?? null,
  };
  const filtered = Object.values(params).some((value) => value !== null);
  const shared = await db.read<{ a: RawNode; b: RawNode; dispositifs: string[] }>(
    PARTNERSHIP_NETWORK,
    params,
  );
  const nodes = new Map<string, NodeRow>();
  const edges = new Map<string, EdgeRow>();
  for (const row of shared) {
    nodes.set(row.a.id, toNodeRow(row.a));
    nodes.set(row.b.id, toNodeRow(row.b));
    edges.set(pairId(row.a.id, row.b.id), {
      id: pairId(row.a.id, row.b.id),
      source: row.a.id,
      target: row.b.id,
      type: 'PARTNERS',
      sources: [],
      props: { weight: row.dispositifs.length, dispositifs: row.dispositifs, direct: false },
    });
  }
  const direct = await db.read<{ a: RawNode; b: RawNode; edge: Parameters<typeof toEdgeRow>[0] }>(
    DIRECT_PARTNERSHIPS,
    { ids: filtered ? [...nodes.keys()] : null },
  );
  for (const row of direct) {
    nodes.set(row.a.id, toNodeRow(row.a));
    nodes.set(row.b.id, toNodeRow(row.b));
    const id = pairId(row.a.id, row.b.id);
    const existing = edges.get(id);
    const sources = toEdgeRow(row.edge).sources;
    edges.set(id, {
      id,
      source: existing?.source ?? row.a.id,
      target: existing?.target ?? row.b.id,
      type: 'PARTNERS',
      sources: [...new Set([...(existing?.sources ?? []), ...sources])],
      props: {
        weight: Number(existing?.props.weight ?? 0) + 1,
        dispositifs: existing?.props.dispositifs ?? [],
        direct: true,
      },
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}
