import { buildCoverageGrid, type CoverageGrid } from '../coverage-gaps/grid.js';
import type { ThemeEdge } from '../coverage-gaps/filter.js';
import type { Db } from '../driver.js';
import { runsOn } from './fragments.js';
import type { DispositifStatus, OrganisationType } from '../model.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';

type RawNode = Parameters<typeof toNodeRow>[0];

// Count-store lookups (constant time). They change whenever a territory, a
// PART_OF edge or a theme is added or removed: that is what says the cached
// grid and theme tree are stale.
const VERSION_CALLS = /* cypher */ `
  CALL () { MATCH (t:Territory) RETURN count(t) AS a }
  CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS b }
  CALL () { MATCH (h:Theme) RETURN count(h) AS c }`;
const VERSION = `toString(a) + '/' + toString(b) + '/' + toString(c)`;

/** One line, single spaces (no string literal in these queries holds a run of spaces). */
const compact = (cypher: string) => cypher.replace(/\s+/g, ' ').trim();

const COVERAGE_VERSION = /* cypher */ `
  ${VERSION_CALLS}
  RETURN ${VERSION} AS version`;

const TERRITORIAL_GRID = /* cypher */ `
  MATCH (t:Territory)
  RETURN ${projectNode('t')} AS territory,
         COLLECT { MATCH (t)-[:PART_OF]->(p:Territory) RETURN p.id } AS parents`;

const THEME_TREE = /* cypher */ `
  MATCH (th:Theme)
  RETURN th.id AS id, th.parent AS parent`;

/** Every territory with the ids it is PART_OF, indexed for the analysis. */
export async function findTerritorialGrid(db: Db): Promise<CoverageGrid> {
  const rows = await db.read<{ territory: RawNode; parents: string[] }>(TERRITORIAL_GRID);
  return buildCoverageGrid(rows.map((row) => ({ row: toNodeRow(row.territory), parents: row.parents })));
}

/** Themes and the parent each names. */
export async function findThemeTree(db: Db): Promise<ThemeEdge[]> {
  return db.read<{ id: string; parent: string | null }>(THEME_TREE);
}

/** What the analysis reads once and keeps: the grid and the theme tree, with their version. */
export interface CoverageIndex {
  version: string;
  grid: CoverageGrid;
  themes: ThemeEdge[];
}

/**
 * Refreshed in the background once this old: a rename or a population edit
 * leaves the version as it is.
 */
const INDEX_REFRESH_MS = 60_000;

interface CachedIndex {
  loadedAt: number;
  index: Promise<CoverageIndex>;
  refreshing?: boolean;
}
const indexCache = new WeakMap<Db, CachedIndex>();

async function readCoverageIndex(db: Db): Promise<CoverageIndex> {
  const [row] = await db.read<{ version: string }>(COVERAGE_VERSION);
  const [grid, themes] = await Promise.all([findTerritorialGrid(db), findThemeTree(db)]);
  return { version: row?.version ?? '', grid, themes };
}

/**
 * The grid and theme tree, cached per database connection: 4,700 territories
 * take longer to read than the whole analysis takes to run. `stale` names a
 * version the caller has seen to be out of date, forcing a reload; an old
 * entry is served while a fresh one loads.
 */
export function loadCoverageIndex(db: Db, stale?: string): Promise<CoverageIndex> {
  const cached = indexCache.get(db);
  if (!cached) return reload(db);
  if (Date.now() - cached.loadedAt > INDEX_REFRESH_MS && !cached.refreshing) {
    cached.refreshing = true;
    const next = readCoverageIndex(db);
    next.then(
      () => {
        if (indexCache.get(db) === cached) indexCache.set(db, { loadedAt: Date.now(), index: next });
      },
      () => {
        cached.refreshing = false;
      },
    );
  }
  return cached.index.then((index) => {
    if (stale === undefined || index.version !== stale) return index;
    // Another request may have reloaded it already.
    const current = indexCache.get(db);
    return current && current !== cached ? current.index : reload(db);
  });
}

function reload(db: Db): Promise<CoverageIndex> {
  const entry: CachedIndex = { loadedAt: Date.now(), index: readCoverageIndex(db) };
  indexCache.set(db, entry);
  entry.index.catch(() => {
    if (indexCache.get(db) === entry) indexCache.delete(db);
  });
  return entry.index;
}

/** For writers that change territories or themes in place (names, populations, parents). */
export function invalidateCoverageIndex(db: Db): void {
  indexCache.delete(db);
}

export interface CoverageDispositifFilter {
  /** A theme and its sub-themes; null for any theme. */
  themes: string[] | null;
  /** Any of these publics; null for any public. */
  publics: string[] | null;
  /** ISO date: only dispositifs running that day. */
  activeOn: string | null;
  carrierTypes: OrganisationType[] | null;
  statuses: DispositifStatus[] | null;
}

export interface CoverageDispositifRow {
  dispositif: NodeRow;
  /** Ids of the territories it is DEPLOYED_IN. */
  territories: string[];
}

/** Publics asked about that exist, and the grid and theme version, to check the cache against. */
export interface CoverageCheckRow {
  version: string;
  knownPublics: string[];
}

const COVERAGE_CHECK = compact(/* cypher */ `
  ${VERSION_CALLS}
  CALL () { MATCH (p:Public) WHERE p.id IN $publics RETURN collect(p.id) AS knownPublics }
  RETURN ${VERSION} AS version, knownPublics`);

export async function findCoverageCheck(db: Db, p: { publics: string[] }): Promise<CoverageCheckRow> {
  const [row] = await db.read<CoverageCheckRow>(COVERAGE_CHECK, { publics: p.publics });
  if (!row) throw new Error('coverage check returned no row');
  return row;
}

/**
 * The dispositifs a filter selects that are deployed somewhere; "as of" a
 * date by the same rule as the partnership network (`runsOn`).
 *
 * Kept short on purpose, and apart from the check above: the driver writes a
 * Bolt message in 1,400-byte pieces without TCP_NODELAY, and a message longer
 * than that waits ~40 ms for a delayed ACK.
 */
const COVERAGE_DISPOSITIFS = compact(/* cypher */ `
  MATCH (d:Dispositif)
  WHERE ($themes IS NULL OR EXISTS { (d)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes })
    AND ($publics IS NULL OR EXISTS { (d)-[:TARGETS]->(p:Public) WHERE p.id IN $publics })
    AND ($statuses IS NULL OR d.status IN $statuses)
    AND ($carrierTypes IS NULL OR EXISTS { (o:Organisation)-[:CARRIES]->(d) WHERE o.type IN $carrierTypes })
    AND ${runsOn('d', 'day')}
  WITH d, COLLECT { MATCH (d)-[:DEPLOYED_IN]->(x:Territory) RETURN DISTINCT x.id } AS places
  WHERE size(places) > 0
  RETURN ${projectNode('d')} AS dispositif, places
  ORDER BY d.id`);

export async function findCoverageDispositifs(
  db: Db,
  filter: CoverageDispositifFilter,
): Promise<CoverageDispositifRow[]> {
  const rows = await db.read<{ dispositif: RawNode; places: string[] }>(COVERAGE_DISPOSITIFS, {
    themes: filter.themes,
    publics: filter.publics,
    statuses: filter.statuses,
    carrierTypes: filter.carrierTypes,
    day: filter.activeOn,
  });
  return rows.map((row) => ({ dispositif: toNodeRow(row.dispositif), territories: row.places }));
}
