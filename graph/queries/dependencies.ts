/**
 * What depends on whom (what-if): which dispositifs would stop counting if
 * some organisations went away. Every query applies the one dispositif filter
 * (`matchesDispositifFilter`) and the one exclusion rule (`survivesWithout`).
 */
import type { Db } from '../driver.js';
import type { DispositifFilterParams } from './dispositif-filter.js';
import { matchesDispositifFilter, survivesWithout, visible } from './fragments.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';

type RawNode = Parameters<typeof toNodeRow>[0];

/** A dispositif of the filter touched by an exclusion: whether it still counts, and who is left. */
export interface ExclusionEffectRow {
  dispositif: NodeRow;
  counts: boolean;
  /** Excluded organisations that carry or fund it. */
  excluded: NodeRow[];
  /** Carriers and funders outside the exclusion. */
  carriers: NodeRow[];
  funders: NodeRow[];
}

const EXCLUSION_EFFECTS = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ${visible('d')} AND ${matchesDispositifFilter('d')}
    AND EXISTS { (d)-[:DEPLOYED_IN]->(:Territory) }
    AND (d.id IN $excludedDispositifs
      OR EXISTS { (o:Organisation)-[:CARRIES|FUNDS]->(d) WHERE o.id IN $excludedOrganisations AND ${visible('o')} })
  RETURN ${projectNode('d')} AS dispositif,
         ${survivesWithout('d', '$excludedOrganisations', '$excludedDispositifs')} AS counts,
         COLLECT { MATCH (o:Organisation)-[:CARRIES|FUNDS]->(d) WHERE o.id IN $excludedOrganisations AND ${visible('o')}
                   WITH DISTINCT o ORDER BY o.name RETURN ${projectNode('o')} } AS excluded,
         COLLECT { MATCH (o:Organisation)-[:CARRIES]->(d) WHERE NOT o.id IN $excludedOrganisations AND ${visible('o')}
                   WITH DISTINCT o ORDER BY o.name RETURN ${projectNode('o')} } AS carriers,
         COLLECT { MATCH (o:Organisation)-[:FUNDS]->(d) WHERE NOT o.id IN $excludedOrganisations AND ${visible('o')}
                   WITH DISTINCT o ORDER BY o.name RETURN ${projectNode('o')} } AS funders
  ORDER BY d.name, d.id`;

/**
 * The deployed dispositifs a filter selects before its exclusion that the
 * exclusion touches; `params` carry no exclusion of their own.
 */
export async function findExclusionEffects(
  db: Db,
  params: DispositifFilterParams,
  exclusion: { organisations: string[]; dispositifs: string[] },
): Promise<ExclusionEffectRow[]> {
  const rows = await db.read<{
    dispositif: RawNode;
    counts: boolean;
    excluded: RawNode[];
    carriers: RawNode[];
    funders: RawNode[];
  }>(EXCLUSION_EFFECTS, {
    ...params,
    excludedOrganisations: exclusion.organisations,
    excludedDispositifs: exclusion.dispositifs,
  });
  return rows.map((row) => ({
    dispositif: toNodeRow(row.dispositif),
    counts: row.counts,
    excluded: row.excluded.map(toNodeRow),
    carriers: row.carriers.map(toNodeRow),
    funders: row.funders.map(toNodeRow),
  }));
}

export interface DispositifInvolvementRow {
  id: string;
  /** Themes it ADDRESSES. */
  themes: string[];
  carriers: string[];
  funders: string[];
}

// One row per dispositif, ids only: the themes and the organisations the
// what-if questions weigh in code. With the exclusion rule evaluated in Cypher
// per (organisation, dispositif) pair, the national graph's 52,000 pairs took
// over ten seconds.
const DISPOSITIF_INVOLVEMENTS = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ${visible('d')} AND ${matchesDispositifFilter('d')} AND EXISTS { (d)-[:DEPLOYED_IN]->(:Territory) }
  RETURN d.id AS id,
         COLLECT { MATCH (d)-[:ADDRESSES]->(t:Theme) RETURN DISTINCT t.id } AS themes,
         COLLECT { MATCH (o:Organisation)-[:CARRIES]->(d) WHERE ${visible('o')} RETURN DISTINCT o.id } AS carriers,
         COLLECT { MATCH (o:Organisation)-[:FUNDS]->(d) WHERE ${visible('o')} RETURN DISTINCT o.id } AS funders
  ORDER BY id`;

/** The deployed dispositifs of the filter with their themes, carriers and funders (ids). */
export async function findDispositifInvolvements(
  db: Db,
  params: DispositifFilterParams,
): Promise<DispositifInvolvementRow[]> {
  return db.read<DispositifInvolvementRow>(DISPOSITIF_INVOLVEMENTS, { ...params });
}

/**
 * The organisations a dispositif could not survive without, one at a time: by
 * `survivesWithout` (fragments.ts) with one organisation taken away, it stops when
 * that organisation is its only carrier or its only funder.
 */
export function soleHoldersOf(row: Pick<DispositifInvolvementRow, 'carriers' | 'funders'>): string[] {
  const sole = new Set<string>();
  if (row.carriers.length === 1) sole.add(row.carriers[0]!);
  if (row.funders.length === 1) sole.add(row.funders[0]!);
  return [...sole].sort();
}
