import { buildCoverageGrid, type CoverageGrid } from '../coverage-gaps/grid.js';
import type { ThemeEdge } from '../coverage-gaps/filter.js';
import type { Db } from '../driver.js';
import { matchesDispositifFilter } from './fragments.js';
import { findGraphVersion } from './graph-version.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';
import type { DispositifFilterParams } from './dispositif-filter.js';

type RawNode = Parameters<typeof toNodeRow>[0];

/** One line, single spaces (no string literal in these queries holds a run of spaces). */

const TERRITORIAL_GRID = /* cypher */ `
  MATCH (t:Territory)
  RETURN ${projectNode('t')} AS territory,
         COLLECT { MATCH (t)-[:PART_OF]->(p:Territory) RETURN p.id } AS parents`;

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

const indexCache = new WeakMap<Db, Promise<CoverageIndex>>();

async function readCoverageIndex(db: Db, version: number): Promise<CoverageIndex> {
  const [grid, themes, publics] = await Promise.all([
    findTerritorialGrid(db),
    findThemeTree(db),
    findPublicIds(db),
  ]);
  return { version, grid, themes, publics: new Set(publics) };
}

/**
 * The index, cached per database connection (4,700 territories take longer to
 * read than a whole analysis takes to run) and reloaded when the graph version
 * (graph/queries/graph-version.ts) has moved since it was read.
 */
export async function loadCoverageIndex(scopedDb: Db): Promise<CoverageIndex> {
  const version = await findGraphVersion(scopedDb);
  // Keyed by, and read through, the unscoped database every request's view shares:
  // a reload other requests wait on must not end with the one that started it.
  const db = scopedDb.base;
  const cached = indexCache.get(db);
  if (cached) {
    const index = await cached.catch(() => null);
    if (index && index.version >= version) return index;
    // Another request may be reloading it already.
    const current = indexCache.get(db);
    if (current && current !== cached) return current;
  }
  const loading = readCoverageIndex(db, version);
  indexCache.set(db, loading);
  loading.catch(() => {
    if (indexCache.get(db) === loading) indexCache.delete(db);
  });
  return loading;
}

export interface CoverageDispositifRow {
  dispositif: NodeRow;
  /** Ids of the territories it is DEPLOYED_IN. */
  territories: string[];
}

/**
 * The dispositifs a filter selects that are deployed somewhere.
 */
const COVERAGE_DISPOSITIFS = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ${matchesDispositifFilter('d')}
  WITH d, COLLECT { MATCH (d)-[:DEPLOYED_IN]->(x:Territory) RETURN DISTINCT x.id } AS deployments
  WHERE size(deployments) > 0
  RETURN ${projectNode('d')} AS dispositif, deployments
  ORDER BY d.id`;

export async function findCoverageDispositifs(
  db: Db,
  params: DispositifFilterParams,
): Promise<CoverageDispositifRow[]> {
  const rows = await db.read<{ dispositif: RawNode; deployments: string[] }>(COVERAGE_DISPOSITIFS, {
    ...params,
  });
  return rows.map((row) => ({ dispositif: toNodeRow(row.dispositif), territories: row.deployments }));
}
