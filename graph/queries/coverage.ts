import { buildCoverageGrid, type CoverageGrid } from '../coverage-gaps/grid.js';
import type { ThemeEdge } from '../coverage-gaps/filter.js';
import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import { findGraphVersion } from './graph-version.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';
import { findMatchingDispositifIds, isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { visible } from './fragments.js';

type RawNode = Parameters<typeof toNodeRow>[0];

/** One line, single spaces (no string literal in these queries holds a run of spaces). */

// Parents by id: the store's order changes when a territory gains relationships (a load's).
const TERRITORIAL_GRID = /* cypher */ `
  MATCH (t:Territory)
  RETURN ${projectNode('t')} AS territory,
         COLLECT { MATCH (t)-[:PART_OF]->(p:Territory) RETURN p.id ORDER BY p.id } AS parents`;

const THEME_TREE = /* cypher */ `
  MATCH (th:Theme)
  RETURN th.id AS id, th.parent AS parent`;

const PUBLIC_IDS = /* cypher */ `
  MATCH (p:Public)
  RETURN p.id AS id
  ORDER BY id`;

/** Every territory with the ids it is PART_OF, indexed for the analysis. */
export async function findTerritorialGrid(db: Db): Promise<CoverageGrid> {
  const rows = await db.read<{ territory: RawNode; parents: string[] }>(TERRITORIAL_GRID);
  return buildCoverageGrid(rows.map((row) => ({ row: toNodeRow(row.territory), parents: row.parents })));
}

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

async function readCoverageIndex(db: Db, version: number): Promise<CoverageIndex> {
  const [grid, themes, publics] = await Promise.all([
    findTerritorialGrid(db),
    findThemeTree(db),
    findPublicIds(db),
  ]);
  return { version, grid, themes, publics: new Set(publics) };
}

const coverageIndexes = createGraphVersionCache<Promise<CoverageIndex>>({ maxEntries: 1 });

/**
 * The index, read once per graph version (4,700 territories take longer to read
 * than a whole analysis takes to run), through the unscoped database.
 */
export async function loadCoverageIndex(scopedDb: Db): Promise<CoverageIndex> {
  const version = await findGraphVersion(scopedDb);
  const db = scopedDb.base;
  return coverageIndexes.get(db, version, 'index', () => readCoverageIndex(db, version));
}

export interface CoverageDispositifRow {
  dispositif: NodeRow;
  /** Ids of the territories it is DEPLOYED_IN. */
  territories: string[];
  /** Its place among all deployed dispositifs by name (then id): one sort per graph version, none per request. */
  rank: number;
}

/** Every dispositif deployed somewhere, with where. */
const DEPLOYED_DISPOSITIFS = /* cypher */ `
  MATCH (d:Dispositif) WHERE ${visible('d')}
  WITH d, COLLECT { MATCH (d)-[:DEPLOYED_IN]->(x:Territory) RETURN DISTINCT x.id } AS deployments
  WHERE size(deployments) > 0
  RETURN ${projectNode('d')} AS dispositif, deployments
  ORDER BY d.id`;

const nameCollator = new Intl.Collator('fr', { sensitivity: 'base' });

async function readDeployedDispositifs(db: Db): Promise<CoverageDispositifRow[]> {
  const rows = await db.read<{ dispositif: RawNode; deployments: string[] }>(DEPLOYED_DISPOSITIFS);
  const found = rows.map((row) => ({
    dispositif: toNodeRow(row.dispositif),
    territories: row.deployments,
    rank: 0,
  }));
  const nameOf = (row: CoverageDispositifRow) =>
    typeof row.dispositif.props.name === 'string' ? row.dispositif.props.name : row.dispositif.id;
  [...found]
    .sort(
      (a, b) =>
        nameCollator.compare(nameOf(a), nameOf(b)) || nameCollator.compare(a.dispositif.id, b.dispositif.id),
    )
    .forEach((row, rank) => (row.rank = rank));
  return found;
}

// At national scale the 10,000 dispositifs' properties took longer to read than the
// whole classification takes to run.
const deployedCache = createGraphVersionCache<Promise<CoverageDispositifRow[]>>({ maxEntries: 1 });
const deployedDispositifs = (db: Db, index: CoverageIndex) =>
  deployedCache.get(db.base, index.version, 'deployed', () => readDeployedDispositifs(db.base));

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
 */
export async function findCoverageDispositifs(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
): Promise<CoverageDispositifRow[]> {
  if (placesOnly(params)) return deployedIn(await deployedDispositifs(db, index), params.places);
  const [deployed, matching] = await Promise.all([
    deployedDispositifs(db, index),
    isFiltering(params) ? findMatchingDispositifIds(db, params, null) : null,
  ]);
  if (!matching) return deployed;
  const kept = new Set(matching);
  return deployed.filter((row) => kept.has(row.dispositif.id));
}

/** Ids of every dispositif a filter selects (deployed or not), in id order; a territory alone from the cache. */
export async function findSelectedDispositifIds(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
): Promise<string[]> {
  if (!placesOnly(params)) return findMatchingDispositifIds(db, params, null);
  const rows = deployedIn(await deployedDispositifs(db, index), params.places);
  return rows.map((row) => row.dispositif.id).sort();
}
