import DataLoader from 'dataloader';
import {
  buildCoverageGrid,
  placesReaching,
  territoryScopeOf,
  type CoverageGrid,
} from '../coverage-gaps/grid.js';
import type { ThemeEdge } from '../coverage-gaps/filter.js';
import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import { findNodesTouchedBetween } from './changes.js';
import { findGraphAndGridVersions } from './graph-version.js';
import { labelOfId } from '../model.js';
import { INTERNAL_NODE_PROPERTIES, projectNode, toNodeRow, type NodeRow } from './rows.js';
import { findMatchingDispositifIds, isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { visible } from './fragments.js';

type RawNode = Parameters<typeof toNodeRow>[0];

/** One line, single spaces (no string literal in these queries holds a run of spaces). */

/** The properties nearly every territory has and only these: read as parallel lists. */
const PLAIN_TERRITORY_KEYS = ['id', 'name', 'code', 'level', 'population', 'outsideRegion'] as const;

// One record of parallel lists, not one record per territory: the driver's per-record decoding
// (and its garbage) took most of the seconds of reading the 36,000 territories of the national grid.
// A list comprehension keeps the nulls that `collect` would drop. Territories with other
// properties (a few) come whole, as `projectNode` would give them. The PART_OF links come as two
// lists in the same statement (one snapshot); each territory's parents are sorted by id in
// `findTerritorialGrid` (the store's order changes when a territory gains relationships, a load's).
const TERRITORIAL_GRID = /* cypher */ `
  MATCH (t:Territory)
  WITH collect(t) AS ts
  CALL () {
    MATCH (c:Territory)-[:PART_OF]->(p:Territory)
    RETURN collect(c.id) AS children, collect(p.id) AS parents
  }
  RETURN [t IN ts | t.id] AS ids, [t IN ts | t.name] AS names, [t IN ts | t.code] AS codes,
         [t IN ts | t.level] AS levels, [t IN ts | t.population] AS populations,
         [t IN ts | t.outsideRegion] AS outside,
         [t IN ts WHERE any(key IN keys(t) WHERE NOT key IN $plain + $internal) | ${projectNode('t')}] AS others,
         children, parents`;

interface GridLists {
  ids: string[];
  names: (string | null)[];
  codes: (string | null)[];
  levels: (string | null)[];
  populations: (number | null)[];
  outside: (boolean | null)[];
  others: RawNode[];
  children: string[];
  parents: string[];
}

/** Rows as `toNodeRow(projectNode(t))` would make them: every stored property but the internal ones. */
function territoryRows(lists: GridLists): NodeRow[] {
  const whole = new Map(lists.others.map((raw) => [raw.id, raw]));
  return lists.ids.map((id, i) => {
    const other = whole.get(id);
    if (other) return toNodeRow(other);
    const values = [
      id,
      lists.names[i],
      lists.codes[i],
      lists.levels[i],
      lists.populations[i],
      lists.outside[i],
    ];
    const props: Record<string, unknown> = {};
    PLAIN_TERRITORY_KEYS.forEach((key, k) => {
      if (values[k] !== null && values[k] !== undefined) props[key] = values[k];
    });
    return { id, label: 'Territory', props };
  });
}

const THEME_TREE = /* cypher */ `
  MATCH (th:Theme)
  RETURN th.id AS id, th.parent AS parent`;

const PUBLIC_IDS = /* cypher */ `
  MATCH (p:Public)
  RETURN p.id AS id
  ORDER BY id`;

/** Every territory with the ids it is PART_OF, indexed for the analysis. */
export async function findTerritorialGrid(db: Db): Promise<CoverageGrid> {
  const [lists] = await db.read<GridLists>(TERRITORIAL_GRID, {
    plain: PLAIN_TERRITORY_KEYS,
    internal: INTERNAL_NODE_PROPERTIES,
  });
  const parentsOf = new Map<string, string[]>();
  lists!.children.forEach((child, i) => {
    const parent = lists!.parents[i]!;
    const parents = parentsOf.get(child);
    if (parents) parents.push(parent);
    else parentsOf.set(child, [parent]);
  });
  for (const parents of parentsOf.values()) parents.sort(byCodeUnits);
  return buildCoverageGrid(
    territoryRows(lists!).map((row) => ({ row, parents: parentsOf.get(row.id) ?? [] })),
  );
}

/** Cypher's order of strings (by code point; ids are ASCII). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Themes and the parent each names. */
export async function findThemeTree(db: Db): Promise<ThemeEdge[]> {
  return db.read<{ id: string; parent: string | null }>(THEME_TREE);
}

export async function findPublicIds(db: Db): Promise<string[]> {
  return (await db.read<{ id: string }>(PUBLIC_IDS)).map((row) => row.id);
}

/**
 * What dispositif filters are resolved and checked against, read once and
 * kept: the grid, the theme tree and the publics, at one graph version.
 */
export interface CoverageIndex {
  version: number;
  grid: CoverageGrid;
  themes: ThemeEdge[];
  publics: ReadonlySet<string>;
}

/** The part of the index that changes only when the grid or the vocabularies do. */
type GridPart = Omit<CoverageIndex, 'version'>;

async function readGridPart(db: Db): Promise<GridPart> {
  const [grid, themes, publics] = await Promise.all([
    findTerritorialGrid(db),
    findThemeTree(db),
    findPublicIds(db),
  ]);
  return { grid, themes, publics: new Set(publics) };
}

// The grid stamp is the cache's key, not its version: a grid outlives graph versions.
const gridParts = createGraphVersionCache<Promise<GridPart>>({ maxEntries: 1 });
const coverageIndexes = createGraphVersionCache<Promise<CoverageIndex>>({ maxEntries: 1 });

/**
 * The index at the current graph version, through the unscoped database. Its grid
 * (35,000 territories at national scale take seconds to read) is read again only
 * when a load changed the grid, not at every edit or import: what is derived from it
 * (prepared cells, each place's reach) lives as long.
 */
export async function loadCoverageIndex(scopedDb: Db): Promise<CoverageIndex> {
  const { version, grid: stamp } = await findGraphAndGridVersions(scopedDb);
  const db = scopedDb.base;
  return coverageIndexes.get(db, version, 'index', async () => {
    const part = await gridParts.get(db, 0, stamp, () => readGridPart(db));
    return { version, ...part };
  });
}

/**
 * Reads the grid part of the index ahead of any request (at start-up, before the server
 * listens): 36,000 territories at national scale took seconds to read and index, which the
 * first request paid. Gives the grid read, the one requests then use until a load changes it.
 */
export async function prepareCoverageGrid(db: Db): Promise<CoverageGrid> {
  const { grid: stamp } = await findGraphAndGridVersions(db);
  return (await gridParts.get(db.base, 0, stamp, () => readGridPart(db.base))).grid;
}

export interface CoverageDispositifRow {
  id: string;
  /** Its name (its id when it has none): what the rank orders by. */
  name: string;
  /** Ids of the territories it is DEPLOYED_IN. */
  territories: string[];
  /** Its place among all deployed dispositifs by name (then id): one sort per graph version, none per request. */
  rank: number;
}

/** The ids of the territories dispositif `d` is deployed in. */
const deploymentsOf = (d: string) =>
  /* cypher */ `COLLECT { MATCH (${d})-[:DEPLOYED_IN]->(x:Territory) RETURN DISTINCT x.id }`;

// Ids, names and deployments only: what the classification needs. A région after a national
// import holds ~20,000 dispositifs, whose whole properties took 1.2–1.6 s to read at every new
// graph version; the rows an answer shows are read by id (`loadCoverageDispositifRows`).
// One record of parallel lists, by id, as the grid is read (the per-record decoding was a
// fifth of the read); the list comprehensions keep the nulls that `collect` would drop.

/**
 * Ids, names and deployments of the dispositifs `match` binds to `d` that are deployed
 * somewhere, as one record of parallel lists by id.
 */
const deployedListsOf = (match: string) => /* cypher */ `
  ${match}
  WITH d, ${deploymentsOf('d')} AS deployments
  WHERE size(deployments) > 0
  WITH d, deployments
  ORDER BY d.id
  WITH collect(d) AS ds, collect(deployments) AS deployments
  RETURN [d IN ds | d.id] AS ids, [d IN ds | d.name] AS names, deployments`;

/** Every dispositif deployed somewhere, with where. */
const DEPLOYED_DISPOSITIFS = deployedListsOf(`MATCH (d:Dispositif) WHERE ${visible('d')}`);

/** The dispositifs deployed at some of `$places`, with every place each is deployed in. */
const DISPOSITIFS_DEPLOYED_AT = /* cypher */ `
  UNWIND $places AS placeId
  MATCH (:Territory {id: placeId})<-[:DEPLOYED_IN]-(d:Dispositif) WHERE ${visible('d')}
  WITH DISTINCT d
  ORDER BY d.id
  WITH collect(d) AS ds
  RETURN [d IN ds | d.id] AS ids, [d IN ds | d.name] AS names,
         [d IN ds | ${deploymentsOf('d')}] AS deployments`;

/** Some dispositifs, by id, as DEPLOYED_DISPOSITIFS gives them (those no longer visible or deployed left out). */
const DEPLOYED_DISPOSITIFS_BY_ID = deployedListsOf(`
  UNWIND $ids AS dispositifId
  MATCH (d:Dispositif {id: dispositifId}) WHERE ${visible('d')}`);

/** The rows of some dispositifs, by id (those no longer visible are left out). */
const DISPOSITIF_ROWS = /* cypher */ `
  UNWIND $ids AS dispositifId
  MATCH (d:Dispositif {id: dispositifId}) WHERE ${visible('d')}
  RETURN ${projectNode('d')} AS dispositif`;

interface DeployedLists {
  ids: string[];
  names: unknown[];
  deployments: string[][];
}

/**
 * Deployment lists as earlier reads gave them, by content: a list unchanged by an edit is the
 * same array at the next graph version, and the classification's reach of it (kept per array
 * with the grid's prepared cells) is not computed again. Read-only, as every row's `territories`.
 */
const internedDeployments = new WeakMap<Db, Map<string, string[]>>();
const MAX_INTERNED = 200_000;

function internDeployments(db: Db, lists: string[][]): string[][] {
  let interned = internedDeployments.get(db);
  if (!interned || interned.size > MAX_INTERNED) internedDeployments.set(db, (interned = new Map()));
  return lists.map((list) => {
    const key = list.join('\n');
    const known = interned.get(key);
    if (known) return known;
    interned.set(key, list);
    return list;
  });
}

const nameCollator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Rows ranked by name (then id) among themselves. */
function toRankedRows(db: Db, lists: DeployedLists | undefined): CoverageDispositifRow[] {
  const { ids, names } = lists ?? { ids: [], names: [] };
  const deployments = internDeployments(db, lists?.deployments ?? []);
  const found = ids.map((id, i) => {
    const name = names[i];
    return { id, name: typeof name === 'string' ? name : id, territories: deployments[i]!, rank: 0 };
  });
  [...found]
    .sort((a, b) => nameCollator.compare(a.name, b.name) || nameCollator.compare(a.id, b.id))
    .forEach((row, rank) => (row.rank = rank));
  return found;
}

async function readDeployedDispositifs(db: Db): Promise<CoverageDispositifRow[]> {
  const [lists] = await db.read<DeployedLists>(DEPLOYED_DISPOSITIFS);
  return toRankedRows(db, lists);
}

/**
 * What can reach a cell within a territory: the territory, what holds it, what shares a
 * commune with it, and what lies inside it (a cell without communes is reached only there).
 */
function placesWithin(
  grid: CoverageGrid,
  within: string,
): { ids: readonly string[]; set: ReadonlySet<string> } {
  let ofGrid = placesWithinCache.get(grid);
  if (!ofGrid) placesWithinCache.set(grid, (ofGrid = new Map()));
  let places = ofGrid.get(within);
  if (!places) {
    const inside = territoryScopeOf(grid, within)?.inside ?? [];
    const set = new Set([...(placesReaching(grid, within) ?? []), ...inside]);
    places = { ids: [...set].sort(), set };
    ofGrid.set(within, places);
  }
  return places;
}

// Kept with the grid: a région's ~4,500 places took tens of milliseconds to gather at every graph version.
const placesWithinCache = new WeakMap<
  CoverageGrid,
  Map<string, { ids: readonly string[]; set: ReadonlySet<string> }>
>();

async function readDeployedWithin(
  db: Db,
  grid: CoverageGrid,
  within: string,
): Promise<CoverageDispositifRow[]> {
  const places = placesWithin(grid, within).ids;
  const [lists] = await db.read<DeployedLists>(DISPOSITIFS_DEPLOYED_AT, { places });
  return toRankedRows(db, lists);
}

/** Which deployed dispositifs a cache entry holds: all of them, or those deployed at some of a set of places. */
type DeployedScope = { places: ReadonlySet<string> } | 'all';

const holds = (scope: DeployedScope, deployments: readonly string[]) =>
  scope === 'all' || deployments.some((id) => scope.places.has(id));

/**
 * Rows of `old` (in id order, ranked 0…n-1) with those of `touched` replaced by `fresh`
 * (in id order): the ranks of the others kept in order, not sorted again; `old` itself
 * when the fresh rows are the ones they replace (an edit that moved no deployment or name).
 */
function replaceRows(
  old: CoverageDispositifRow[],
  touched: ReadonlySet<string>,
  fresh: readonly CoverageDispositifRow[],
): CoverageDispositifRow[] {
  const before = old.filter((row) => touched.has(row.id));
  const same = (a: CoverageDispositifRow, b: CoverageDispositifRow) =>
    a.id === b.id &&
    a.name === b.name &&
    a.territories.length === b.territories.length &&
    a.territories.every((id, i) => b.territories[i] === id);
  if (before.length === fresh.length && before.every((row, i) => same(row, fresh[i]!))) return old;
  const byRank: CoverageDispositifRow[] = new Array<CoverageDispositifRow>(old.length);
  for (const row of old) byRank[row.rank] = row;
  const kept = byRank.filter((row) => !touched.has(row.id));
  const byName = (a: CoverageDispositifRow, b: CoverageDispositifRow) =>
    nameCollator.compare(a.name, b.name) || nameCollator.compare(a.id, b.id);
  for (const row of fresh) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byName(kept[middle]!, row) < 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, row);
  }
  // New objects: the rows of the older version stay as its readers hold them.
  const ranked = new Map(kept.map((row, rank) => [row.id, { ...row, rank }]));
  const ids: string[] = [];
  let f = 0;
  for (const row of old) {
    if (touched.has(row.id)) continue;
    while (f < fresh.length && fresh[f]!.id < row.id) ids.push(fresh[f++]!.id);
    ids.push(row.id);
  }
  while (f < fresh.length) ids.push(fresh[f++]!.id);
  return ids.map((id) => ranked.get(id)!);
}

/** At most this many dispositifs re-read by id (or versions gone by); past it, one read of all is cheaper. */
const MAX_PATCHED = 2_000;

/**
 * The rows of `previous` brought to `version`: the journal names the nodes the changes in
 * between wrote, and only the dispositifs among them are read again. Null when it cannot
 * say (a load, a large import) or names too many: everything is then read again.
 */
async function patchDeployed(
  db: Db,
  previous: { version: number; rows: Promise<CoverageDispositifRow[]> },
  version: number,
  scope: DeployedScope,
): Promise<CoverageDispositifRow[] | null> {
  if (version - previous.version > MAX_PATCHED) return null;
  const touchedNodes = await findNodesTouchedBetween(db, { after: previous.version, upto: version });
  if (!touchedNodes) return null;
  const ids = touchedNodes.filter((id) => labelOfId(id) === 'Dispositif');
  if (ids.length > MAX_PATCHED) return null;
  const old = await previous.rows;
  if (ids.length === 0) return old;
  const [lists] = await db.read<DeployedLists>(DEPLOYED_DISPOSITIFS_BY_ID, { ids });
  const fresh = toRankedRows(db, lists).filter((row) => holds(scope, row.territories));
  return replaceRows(old, new Set(ids), fresh);
}

/**
 * Has Neo4j plan what the next graph version's patch runs (`patchDeployed`), by running it
 * on nothing: on a server just started, planning them made the first reader after an edit
 * wait a second more than the read itself.
 */
export async function planCoveragePatch(db: Db): Promise<void> {
  await Promise.all([
    findNodesTouchedBetween(db, { after: 0, upto: 0 }),
    db.read(DEPLOYED_DISPOSITIFS_BY_ID, { ids: [''] }),
  ]);
}

/** What each cache entry was last computed at, whatever the version: where the next version starts from. */
const lastDeployed = new WeakMap<
  Db,
  Map<string, { version: number; grid: CoverageGrid; rows: Promise<CoverageDispositifRow[]> }>
>();

// Read once per graph version: even as ids, names and deployments, France's 140,000 are a
// read the classification should not wait for at every request. An edit's next version
// reads again only the dispositifs it wrote (`patchDeployed`).
const MAX_DEPLOYED_ENTRIES = 8;
const deployedCache = createGraphVersionCache<Promise<CoverageDispositifRow[]>>({
  maxEntries: MAX_DEPLOYED_ENTRIES,
});

function deployedAt(
  db: Db,
  index: CoverageIndex,
  key: string,
  scope: () => DeployedScope,
  readAll: () => Promise<CoverageDispositifRow[]>,
): Promise<CoverageDispositifRow[]> {
  return deployedCache.get(db, index.version, key, () => {
    let last = lastDeployed.get(db);
    if (!last) lastDeployed.set(db, (last = new Map()));
    const previous = last.get(key);
    const rows =
      previous && previous.grid === index.grid && previous.version < index.version
        ? patchDeployed(db, previous, index.version, scope()).then((patched) => patched ?? readAll())
        : readAll();
    const entry = { version: index.version, grid: index.grid, rows };
    // As many as the cache holds, the least recently computed going first.
    last.delete(key);
    last.set(key, entry);
    if (last.size > MAX_DEPLOYED_ENTRIES) last.delete(last.keys().next().value!);
    // A failed read is not a start for the next version.
    rows.catch(() => {
      if (last.get(key) === entry) last.delete(key);
    });
    return rows;
  });
}

const deployedDispositifs = (db: Db, index: CoverageIndex) =>
  deployedAt(
    db.base,
    index,
    'deployed',
    () => 'all',
    () => readDeployedDispositifs(db.base),
  );

/**
 * The dispositifs that can reach cells within a territory, ranked among themselves: a
 * région after a national import reads its ~20,000 of 140,000 (the 140,000 nodes took
 * 11 s to read). France itself is every deployed dispositif.
 */
const deployedWithin = (db: Db, index: CoverageIndex, within: string) =>
  index.grid.territories.get(within)?.level === 'PAYS'
    ? deployedDispositifs(db, index)
    : deployedAt(
        db.base,
        index,
        `within ${within}`,
        () => ({ places: placesWithin(index.grid, within).set }),
        () => readDeployedWithin(db.base, index.grid, within),
      );

/** A filter whose only criterion is a territory (the places reaching it). */
const placesOnly = (
  params: DispositifFilterParams,
): params is DispositifFilterParams & { places: string[] } =>
  params.places !== null &&
  (Object.keys(params) as (keyof DispositifFilterParams)[]).every(
    (key) => key === 'places' || params[key] === null,
  );

/** The rows among `deployed` deployed in one of `places`: the fragment's `$places` test, on the cache. */
const deployedIn = (deployed: CoverageDispositifRow[], places: readonly string[]) => {
  const wanted = new Set(places);
  return deployed.filter((row) => row.territories.some((id) => wanted.has(id)));
};

/**
 * The deployed dispositifs a filter selects, by id: the filter runs in Cypher and
 * returns ids only; rows and deployments come from the index's cache. A territory
 * alone is answered from the cache (a département at national scale: ~600 places).
 * With `within`, only those that can reach a cell within that territory.
 */
export async function findCoverageDispositifs(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
  within?: string,
): Promise<CoverageDispositifRow[]> {
  const rows = () =>
    within === undefined ? deployedDispositifs(db, index) : deployedWithin(db, index, within);
  if (placesOnly(params)) return deployedIn(await rows(), params.places);
  const [deployed, matching] = await Promise.all([
    rows(),
    isFiltering(params) ? findMatchingDispositifIds(db, params, null) : null,
  ]);
  if (!matching) return deployed;
  const kept = new Set(matching);
  return deployed.filter((row) => kept.has(row.id));
}

/** Ids of every dispositif a filter selects (deployed or not), in id order; a territory alone from the cache. */
export async function findSelectedDispositifIds(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
): Promise<string[]> {
  if (!placesOnly(params)) return findMatchingDispositifIds(db, params, null);
  const rows = deployedIn(await deployedDispositifs(db, index), params.places);
  return rows.map((row) => row.id).sort();
}

/** Rows read by id at one graph version, kept with it: an answer shows few of the rows it classifies. */
const rowLoaders = createGraphVersionCache<DataLoader<string, NodeRow | null>>({ maxEntries: 1 });

/**
 * The rows (every property, as `projectNode` gives them) of dispositifs the coverage
 * rows name, in the order of `ids`; null for one no longer visible. Loads asked in the
 * same tick are read together (the thousands of cells of an answer ask theirs so).
 */
export function loadCoverageDispositifRows(
  db: Db,
  index: CoverageIndex,
  ids: readonly string[],
): Promise<(NodeRow | null)[]> {
  const loader = rowLoaders.get(
    db.base,
    index.version,
    'rows',
    () =>
      new DataLoader<string, NodeRow | null>(async (batch) => {
        const found = await db.base.read<{ dispositif: RawNode }>(DISPOSITIF_ROWS, { ids: [...batch] });
        const byId = new Map(found.map(({ dispositif }) => [dispositif.id, toNodeRow(dispositif)]));
        return batch.map((id) => byId.get(id) ?? null);
      }),
  );
  return Promise.all(ids.map((id) => loader.load(id)));
}

/**
 * `items` with the row of their dispositif in place of its index entry, in their order;
 * those whose dispositif is no longer visible left out.
 */
export async function withDispositifRows<T extends { dispositif: { id: string } }>(
  db: Db,
  index: CoverageIndex,
  items: readonly T[],
): Promise<(Omit<T, 'dispositif'> & { dispositif: NodeRow })[]> {
  const rows = await loadCoverageDispositifRows(
    db,
    index,
    items.map((item) => item.dispositif.id),
  );
  return items.flatMap((item, i) => {
    const dispositif = rows[i];
    return dispositif ? [{ ...item, dispositif }] : [];
  });
}

/** The rows of `ids` that are still visible, in their order. */
export async function findCoverageDispositifRows(
  db: Db,
  index: CoverageIndex,
  ids: readonly string[],
): Promise<NodeRow[]> {
  return (await loadCoverageDispositifRows(db, index, ids)).filter((row): row is NodeRow => row !== null);
}
