import type { Db } from '../driver.js';
import { INVOLVEMENT_TYPES } from '../model.js';
import { isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { matchesDispositifFilter } from './fragments.js';
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

const INVOLVEMENT = INVOLVEMENT_TYPES.join('|');

export interface PartnershipRow {
  organisation: NodeRow;
  dispositifs: NodeRow[];
  direct: boolean;
  weight: number;
}

// Several organisations per round trip: the batch behind the per-request partners loader.
const FIND_PARTNERS = /* cypher */ `
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id})
  CALL (o) {
    MATCH (o)-[:${INVOLVEMENT}]->(d:Dispositif)<-[:${INVOLVEMENT}]-(p:Organisation)
    WHERE p <> o
    RETURN p, collect(DISTINCT d) AS shared, false AS direct
    UNION
    MATCH (o)-[:PARTNERS_WITH]-(p:Organisation)
    RETURN p, [] AS shared, true AS direct
  }
  WITH o, p, collect(shared) AS sharedLists, collect(direct) AS directFlags
  WITH o, p, reduce(all = [], list IN sharedLists | all + list) AS shared, any(flag IN directFlags WHERE flag) AS direct
  RETURN o.id AS owner, ${projectNode('p')} AS organisation, [d IN shared | ${projectNode('d')}] AS dispositifs, direct
  ORDER BY owner, size(shared) DESC, p.name`;

/** Partners of each organisation (shared dispositifs and explicit partnerships), in the order of `ids`. */
export async function findPartnersBatch(db: Db, ids: readonly string[]): Promise<PartnershipRow[][]> {
  const rows = await db.read<{
    owner: string;
    organisation: RawNode;
    dispositifs: RawNode[];
    direct: boolean;
  }>(FIND_PARTNERS, { ids: [...new Set(ids)] });
  const byOwner = new Map<string, PartnershipRow[]>();
  for (const row of rows) {
    let list = byOwner.get(row.owner);
    if (!list) byOwner.set(row.owner, (list = []));
    list.push({
      organisation: toNodeRow(row.organisation),
      dispositifs: row.dispositifs.map(toNodeRow),
      direct: row.direct,
      weight: row.dispositifs.length + (row.direct ? 1 : 0),
    });
  }
  return ids.map((id) => byOwner.get(id) ?? []);
}

const PARTNERSHIP_NETWORK = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ${matchesDispositifFilter('d')}
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
 * The Organisation–Organisation projection over the dispositifs a filter
 * selects: one PARTNERS edge per pair, weighted by the number of shared
 * dispositifs (listed in its data), plus explicit partnerships (only between
 * organisations of the network when a filter is given).
 */
export async function findPartnershipNetwork(db: Db, params: DispositifFilterParams): Promise<GraphSliceRow> {
  const filtered = isFiltering(params);
  const shared = await db.read<{ a: RawNode; b: RawNode; dispositifs: string[] }>(PARTNERSHIP_NETWORK, {
    ...params,
  });
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
