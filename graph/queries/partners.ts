import type { Db } from '../driver.js';
import { INVOLVEMENT_TYPES } from '../model.js';
import { isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { matchesDispositifFilter } from './fragments.js';
import { findNodesByIds } from './nodes.js';
import { projectNode, toNodeRow, type EdgeRow, type GraphSliceRow, type NodeRow } from './rows.js';

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

// Ids only, one row per dispositif: the pairs are made in code. Made in Cypher they
// grow with the square of each dispositif's organisations, with both ends
// projected on every pair, and the national graph ran out of transaction memory.
// A territory starts from the places reaching it instead of every dispositif.
const NETWORK_INVOLVEMENTS = /* cypher */ `
  CALL () {
    UNWIND coalesce($places, []) AS placeId
    MATCH (:Territory {id: placeId})<-[:DEPLOYED_IN]-(d:Dispositif)
    RETURN DISTINCT d
    UNION
    MATCH (d:Dispositif) WHERE $places IS NULL
    RETURN d
  }
  WITH d WHERE ${matchesDispositifFilter('d')}
  WITH d, COLLECT { MATCH (o:Organisation)-[:${INVOLVEMENT}]->(d) RETURN DISTINCT o.id } AS organisations
  WHERE size(organisations) > 1
  RETURN d.id AS dispositif, organisations`;

/** For each dispositif a filter selects with two organisations or more, the ids of those involved. */
async function findNetworkInvolvements(
  db: Db,
  params: DispositifFilterParams,
): Promise<{ dispositif: string; organisations: string[] }[]> {
  return db.read(NETWORK_INVOLVEMENTS, { ...params });
}

// From each member through the id index, rather than every PARTNERS_WITH edge tested against the list.
const DIRECT_PARTNERSHIPS = /* cypher */ `
  CALL () {
    UNWIND coalesce($ids, []) AS id
    MATCH (a:Organisation {id: id})-[r:PARTNERS_WITH]->(b:Organisation)
    WHERE b.id IN $ids
    RETURN a, r, b
    UNION ALL
    MATCH (a:Organisation)-[r:PARTNERS_WITH]->(b:Organisation)
    WHERE $ids IS NULL
    RETURN a, r, b
  }
  RETURN a.id AS a, b.id AS b, r.sources AS sources`;

/** Explicit partnerships, between the organisations given (all of them when null). */
async function findDirectPartnerships(
  db: Db,
  ids: readonly string[] | null,
): Promise<{ a: string; b: string; sources: string[] | null }[]> {
  return db.read(DIRECT_PARTNERSHIPS, { ids });
}

/**
 * What a partnership projection is made from: the dispositifs a filter selects with
 * their organisations, the explicit partnerships (only among those organisations when
 * a filter is given), and every organisation of either, numbered in id order.
 */
export async function findNetworkMembers(db: Db, params: DispositifFilterParams) {
  const involvements = await findNetworkInvolvements(db, params);
  const involved = [...new Set(involvements.flatMap((row) => row.organisations))];
  const directRows = await findDirectPartnerships(db, isFiltering(params) ? involved : null);
  const ids = [...new Set([...involved, ...directRows.flatMap((row) => [row.a, row.b])])].sort();
  return { involvements, directRows, ids, number: new Map(ids.map((id, i) => [id, i])) };
}

const pairId = (a: string, b: string) => (a < b ? `${a}|PARTNERS|${b}` : `${b}|PARTNERS|${a}`);

/**
 * The answer's bound: the heaviest pairs are kept, `truncated` says so. The
 * région's network is a few hundred pairs; the national one, ~10^5.
 */
export const MAX_PARTNERSHIP_EDGES = 5_000;

/**
 * The Organisation–Organisation projection over the dispositifs a filter
 * selects: one PARTNERS edge per pair, weighted by the number of shared
 * dispositifs (listed in its data), plus explicit partnerships (only between
 * organisations of the network when a filter is given). At most `maxEdges`,
 * heaviest first.
 */
export async function findPartnershipNetwork(
  db: Db,
  params: DispositifFilterParams,
  maxEdges = MAX_PARTNERSHIP_EDGES,
): Promise<GraphSliceRow> {
  // Organisations numbered in id order and pairs keyed by number: a département's network at
  // national scale is ~10^6 pairs, counted first, their dispositifs listed only for those kept.
  const { involvements, directRows, ids, number } = await findNetworkMembers(db, params);
  const width = ids.length;
  const keyOf = (a: number, b: number) => Math.min(a, b) * width + Math.max(a, b);
  const members = involvements.map((row) =>
    row.organisations.map((id) => number.get(id)!).sort((a, b) => a - b),
  );
  const weights = new Map<number, number>();
  for (const list of members) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const key = list[i]! * width + list[j]!;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const direct = new Map<number, string[]>();
  for (const row of directRows) {
    const key = keyOf(number.get(row.a)!, number.get(row.b)!);
    direct.set(key, [...new Set([...(direct.get(key) ?? []), ...(row.sources ?? [])])]);
  }
  for (const key of direct.keys()) weights.set(key, (weights.get(key) ?? 0) + 1);
  const pairOf = (key: number): [string, string] => [ids[Math.floor(key / width)]!, ids[key % width]!];
  // Heaviest first; among equals, by the two ends' ids.
  const ranked = [...weights.entries()].sort(([keyA, a], [keyB, b]) => b - a || keyA - keyB);
  const kept = ranked.slice(0, maxEdges);
  const lists = new Map<number, string[]>(kept.map(([key]) => [key, []]));
  members.forEach((list, row) => {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        lists.get(list[i]! * width + list[j]!)?.push(involvements[row]!.dispositif);
      }
    }
  });
  const edges: EdgeRow[] = kept.map(([key, weight]) => {
    const [source, target] = pairOf(key);
    const sources = direct.get(key);
    return {
      id: pairId(source, target),
      source,
      target,
      type: 'PARTNERS',
      sources: sources ?? [],
      props: { weight, dispositifs: lists.get(key)!.sort(), direct: sources !== undefined },
    };
  });
  const ends = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))];
  const nodes = await findNodesByIds(db, ends);
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated: ranked.length > kept.length };
}
