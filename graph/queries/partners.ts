import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import { INVOLVEMENT_TYPES } from '../model.js';
import { topPairs } from '../analysis/top-pairs.js';
import { findSelectedDispositifIds, type CoverageIndex } from './coverage.js';
import { isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { findNodesByIds } from './nodes.js';
import { projectNode, toNodeRow, type EdgeRow, type GraphSliceRow, type NodeRow } from './rows.js';
import { visible } from './fragments.js';

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
  MATCH (o:Organisation {id: id}) WHERE ${visible('o')}
  CALL (o) {
    MATCH (o)-[:${INVOLVEMENT}]->(d:Dispositif)<-[:${INVOLVEMENT}]-(p:Organisation)
    WHERE p <> o AND ${visible('d')} AND ${visible('p')}
    RETURN p, collect(DISTINCT d) AS shared, false AS direct
    UNION
    MATCH (o)-[:PARTNERS_WITH]-(p:Organisation) WHERE ${visible('p')}
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

// Ids only, one row per dispositif with two organisations or more, read once per graph
// version: the pairs are made in code (made in Cypher they grow with the square of each
// dispositif's organisations, and the national graph ran out of transaction memory).
const ALL_INVOLVEMENTS = /* cypher */ `
  MATCH (d:Dispositif) WHERE ${visible('d')}
  WITH d, COLLECT { MATCH (o:Organisation)-[:${INVOLVEMENT}]->(d) WHERE ${visible('o')} RETURN DISTINCT o.id } AS organisations
  WHERE size(organisations) > 1
  RETURN d.id AS dispositif, organisations`;

const ALL_DIRECT_PARTNERSHIPS = /* cypher */ `
  MATCH (a:Organisation)-[r:PARTNERS_WITH]->(b:Organisation) WHERE ${visible('a')} AND ${visible('b')}
  RETURN a.id AS a, b.id AS b, r.sources AS sources`;

/** Who is involved in what, numbered: the partnership projection's input at one graph version. */
interface PartnershipIndex {
  /** Organisation ids in id order; an organisation's number is its place here. */
  organisations: string[];
  /** Dispositif ids in id order, their places there, and the organisations of each (numbers, ascending). */
  dispositifs: string[];
  positionOf: ReadonlyMap<string, number>;
  members: Int32Array[];
  /** Explicit partnerships, once per pair (a < b), with their sources. */
  links: { a: number; b: number; sources: string[] }[];
}

async function readPartnershipIndex(db: Db): Promise<PartnershipIndex> {
  const [involvements, direct] = await Promise.all([
    db.read<{ dispositif: string; organisations: string[] }>(ALL_INVOLVEMENTS),
    db.read<{ a: string; b: string; sources: string[] | null }>(ALL_DIRECT_PARTNERSHIPS),
  ]);
  // In code's string order, which the dispositif lists of the edges follow.
  involvements.sort((x, y) => (x.dispositif < y.dispositif ? -1 : 1));
  const ids = new Set(involvements.flatMap((row) => row.organisations));
  for (const row of direct) ids.add(row.a).add(row.b);
  const organisations = [...ids].sort();
  const number = new Map(organisations.map((id, i) => [id, i]));
  const links = new Map<number, { a: number; b: number; sources: Set<string> }>();
  for (const row of direct) {
    const [a, b] = [number.get(row.a)!, number.get(row.b)!].sort((x, y) => x - y) as [number, number];
    if (a === b) continue;
    const key = a * organisations.length + b;
    let link = links.get(key);
    if (!link) links.set(key, (link = { a, b, sources: new Set() }));
    for (const source of row.sources ?? []) link.sources.add(source);
  }
  return {
    organisations,
    dispositifs: involvements.map((row) => row.dispositif),
    positionOf: new Map(involvements.map((row, position) => [row.dispositif, position])),
    members: involvements.map((row) =>
      Int32Array.from(row.organisations.map((id) => number.get(id)!)).sort(),
    ),
    links: [...links.values()].map(({ a, b, sources }) => ({ a, b, sources: [...sources] })),
  };
}

const partnershipIndexes = createGraphVersionCache<Promise<PartnershipIndex>>({ maxEntries: 1 });

/** The index at a graph version, read once, through the unscoped database others wait on too. */
function partnershipIndexAt(scopedDb: Db, version: number): Promise<PartnershipIndex> {
  const db = scopedDb.base;
  return partnershipIndexes.get(db, version, 'index', () => readPartnershipIndex(db));
}

/**
 * Where a projection is read at: the graph version, and the coverage index a filter
 * needs (its territories and themes). Without a filter the version is enough, so the
 * whole network does not wait for the coverage index's first read.
 */
export interface ProjectionSource {
  version: number;
  index?: CoverageIndex;
}

const pairId = (a: string, b: string) => (a < b ? `${a}|PARTNERS|${b}` : `${b}|PARTNERS|${a}`);

/**
 * The answer's bound: the heaviest pairs are kept, `truncated` says so. The
 * région's network is a few hundred pairs; a département's at national scale ~10^6.
 */
export const MAX_PARTNERSHIP_EDGES = 5_000;

/** What a filter selects of the index: its dispositifs (positions) and the explicit partnerships among them. */
async function selectProjection(db: Db, at: ProjectionSource, params: DispositifFilterParams) {
  const filtering = isFiltering(params);
  if (filtering && !at.index) throw new Error('A filtered projection needs the coverage index.');
  const [projection, matching] = await Promise.all([
    partnershipIndexAt(db, at.version),
    filtering ? findSelectedDispositifIds(db, at.index!, params) : null,
  ]);
  const { organisations, dispositifs, members } = projection;
  const selected = matching
    ? positionsIn(projection.positionOf, matching)
    : dispositifs.map((_, position) => position);
  const groups = selected.map((position) => members[position]!);
  let links = projection.links;
  if (matching) {
    const involved = new Uint8Array(organisations.length);
    for (const group of groups) for (const member of group) involved[member] = 1;
    links = links.filter((link) => involved[link.a] === 1 && involved[link.b] === 1);
  }
  return { organisations, dispositifs, selected, groups, links };
}

type Selection = Awaited<ReturnType<typeof selectProjection>>;

const pairsOf = (selection: Selection, limit: number, listGroups: boolean) =>
  topPairs(
    selection.organisations.length,
    selection.groups,
    selection.links.map((link) => [link.a, link.b] as const),
    limit,
    { listGroups },
  );

/**
 * What a filter selects of the projection `partnershipNetwork` draws, by organisation
 * number: the members of each dispositif selected and the explicit partnerships among
 * them (flat: a0, b0, a1, b1…), with the organisations' ids. What the network metrics
 * count their pairs on.
 */
export async function findPartnershipSelection(
  db: Db,
  at: ProjectionSource,
  params: DispositifFilterParams,
): Promise<{ organisations: readonly string[]; groups: Int32Array[]; links: Int32Array }> {
  const { organisations, groups, links } = await selectProjection(db, at, params);
  return { organisations, groups, links: Int32Array.from(links.flatMap((link) => [link.a, link.b])) };
}

/**
 * The Organisation–Organisation projection over the dispositifs a filter
 * selects: one PARTNERS edge per pair, weighted by the number of shared
 * dispositifs (listed in its data), plus explicit partnerships (only between
 * organisations of the network when a filter is given). At most `maxEdges`,
 * heaviest first.
 */
export function findPartnershipNetwork(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
  maxEdges = MAX_PARTNERSHIP_EDGES,
): Promise<GraphSliceRow> {
  const key = `${maxEdges}\u0000${JSON.stringify(params)}`;
  return networks.get(db.base, index.version, key, () => readPartnershipNetwork(db, index, params, maxEdges));
}

/**
 * Networks answered at one graph version (the coverage index's), by filter: a
 * département's at national scale counts ~10^6 pairs and reads its organisations,
 * ~100 ms for an answer only an edit or a load changes. A few MB each at most.
 */
const networks = createGraphVersionCache<Promise<GraphSliceRow>>({ maxEntries: 16 });

async function readPartnershipNetwork(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
  maxEdges: number,
): Promise<GraphSliceRow> {
  const selection = await selectProjection(db, { version: index.version, index }, params);
  const { organisations, dispositifs, selected, links } = selection;
  const { pairs, total } = pairsOf(selection, maxEdges, true);
  const linkSources = new Map(links.map((link) => [link.a * organisations.length + link.b, link.sources]));
  const edges: EdgeRow[] = pairs.map((pair) => {
    const source = organisations[pair.a]!;
    const target = organisations[pair.b]!;
    return {
      id: pairId(source, target),
      source,
      target,
      type: 'PARTNERS',
      sources: pair.linked ? linkSources.get(pair.a * organisations.length + pair.b)! : [],
      props: {
        weight: pair.weight,
        dispositifs: pair.groups.map((group) => dispositifs[selected[group]!]!),
        direct: pair.linked,
      },
    };
  });
  const ends = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))];
  const nodes = await findNodesByIds(db, ends);
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated: total > pairs.length };
}

/** Positions of the `wanted` ids the index holds, ascending. */
function positionsIn(positionOf: ReadonlyMap<string, number>, wanted: readonly string[]): number[] {
  return wanted
    .map((id) => positionOf.get(id))
    .filter((found): found is number => found !== undefined)
    .sort((a, b) => a - b);
}
