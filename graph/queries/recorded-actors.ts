/**
 * What the sources record, whatever the filter: how many organisations have
 * their seat in each territory (so a planner tells an empty territory from an
 * unknown one), and which sources the graph was loaded from.
 */
import type { CoverageGrid } from '../coverage-gaps/grid.js';
import type { Db } from '../driver.js';
import { visible } from './fragments.js';

const SEATS = /* cypher */ `
  MATCH (o:Organisation)-[:LOCATED_IN|GOVERNS]->(t:Territory) WHERE ${visible('o')}
  RETURN o.id AS organisation, collect(DISTINCT t.id) AS territories`;

const DEPLOYMENTS = /* cypher */ `
  MATCH (d:Dispositif)-[:DEPLOYED_IN]->(t:Territory) WHERE ${visible('d')}
  RETURN d.id AS dispositif, collect(DISTINCT t.id) AS territories`;

export interface RecordedCounts {
  /** Organisations seated in (LOCATED_IN) or governing the cell or a territory inside it. */
  organisations: number;
  /** Dispositifs of any kind deployed in the cell or in a territory inside it. */
  dispositifs: number;
}

/** Tallies each item once per cell its territories lie in (pure). */
export function countPerCell(
  grid: CoverageGrid,
  cells: readonly string[],
  items: readonly { territories: readonly string[] }[],
): number[] {
  const position = new Map(cells.map((id, at) => [id, at]));
  const counts = new Array<number>(cells.length).fill(0);
  for (const item of items) {
    const reached = new Set<number>();
    for (const id of item.territories) {
      for (const candidate of [id, ...(grid.territories.get(id)?.containers ?? [])]) {
        const at = position.get(candidate);
        if (at !== undefined) reached.add(at);
      }
    }
    for (const at of reached) counts[at]! += 1;
  }
  return counts;
}

/** Recorded organisations and dispositifs of each cell, in the cells' order. */
export async function countRecordedActors(
  db: Db,
  grid: CoverageGrid,
  cells: readonly string[],
): Promise<RecordedCounts[]> {
  const [seats, deployments] = await Promise.all([
    db.read<{ organisation: string; territories: string[] }>(SEATS),
    db.read<{ dispositif: string; territories: string[] }>(DEPLOYMENTS),
  ]);
  const organisations = countPerCell(grid, cells, seats);
  const dispositifs = countPerCell(grid, cells, deployments);
  return cells.map((_, at) => ({ organisations: organisations[at]!, dispositifs: dispositifs[at]! }));
}

export interface SourceTallyRow {
  kind: string;
  publisher: string | null;
  count: number;
  firstDate: string | null;
  lastDate: string | null;
}

const SOURCE_TALLIES = /* cypher */ `
  MATCH (s:Source) WHERE ${visible('s')}
  WITH coalesce(s.kind, 'autre') AS kind, s.publisher AS publisher, s
  RETURN kind, publisher, count(s) AS count,
         toString(min(s.date)) AS firstDate, toString(max(s.date)) AS lastDate
  ORDER BY count DESC, kind, publisher`;

/** The sources loaded, by kind and publisher, with their dates: what an answer rests on. */
export async function findSourceTallies(db: Db): Promise<SourceTallyRow[]> {
  return db.read<SourceTallyRow>(SOURCE_TALLIES);
}
