/**
 * What depends on whom (what-if): which dispositifs would stop counting if
 * some organisations went away. Every query applies the one dispositif filter
 * (`matchesDispositifFilter`) and the one exclusion rule (`survivesWithout`).
 */
import type { Db } from '../driver.js';
import type { DispositifFilterParams } from './dispositif-filter.js';
import { matchesDispositifFilter, survivesWithout } from './fragments.js';
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
  WHERE ${matchesDispositifFilter('d')}
    AND EXISTS { (d)-[:DEPLOYED_IN]->(:Territory) }
    AND (d.id IN $excludedDispositifs
      OR EXISTS { (o:Organisation)-[:CARRIES|FUNDS]->(d) WHERE o.id IN $excludedOrganisations })
  RETURN ${projectNode('d')} AS dispositif,
         ${survivesWithout('d', '$excludedOrganisations', '$excludedDispositifs')} AS counts,
         COLLECT { MATCH (o:Organisation)-[:CARRIES|FUNDS]->(d) WHERE o.id IN $excludedOrganisations
                   WITH DISTINCT o ORDER BY o.name RETURN ${projectNode('o')} } AS excluded,
         COLLECT { MATCH (o:Organisation)-[:CARRIES]->(d) WHERE NOT o.id IN $excludedOrganisations
                   WITH DISTINCT o ORDER BY o.name RETURN ${projectNode('o')} } AS carriers,
         COLLECT { MATCH (o:Organisation)-[:FUNDS]->(d) WHERE NOT o.id IN $excludedOrganisations
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

export interface ThemedDispositifRow {
  /** The theme group (a top-level theme) the dispositif matched. */
  theme: string;
  dispositif: NodeRow;
  territories: string[];
  /** Still counts without the organisation. */
  counts: boolean;
}

const DISPOSITIFS_BY_THEME = /* cypher */ `
  UNWIND $groups AS theme
  MATCH (d:Dispositif)
  WHERE ${matchesDispositifFilter('d', 'theme.themes')}
  WITH theme, d, COLLECT { MATCH (d)-[:DEPLOYED_IN]->(x:Territory) RETURN DISTINCT x.id } AS deployments
  WHERE size(deployments) > 0
  RETURN theme.id AS theme, ${projectNode('d')} AS dispositif, deployments,
         ${survivesWithout('d', '[$organisation]', 'null')} AS counts
  ORDER BY theme, d.id`;

/**
 * For each theme group (a theme and its sub-themes, widened by the caller), the
 * deployed dispositifs of the filter and whether each still counts without
 * one organisation; `params.themes` is ignored.
 */
export async function findDispositifsByTheme(
  db: Db,
  params: DispositifFilterParams,
  groups: readonly { id: string; themes: string[] }[],
  organisation: string,
): Promise<ThemedDispositifRow[]> {
  const rows = await db.read<{ theme: string; dispositif: RawNode; deployments: string[]; counts: boolean }>(
    DISPOSITIFS_BY_THEME,
    { ...params, groups, organisation },
  );
  return rows.map((row) => ({
    theme: row.theme,
    dispositif: toNodeRow(row.dispositif),
    territories: row.deployments,
    counts: row.counts,
  }));
}

export interface SoleDependencyRow {
  organisation: NodeRow;
  /** Ids of the deployed dispositifs of the filter that would stop counting without it. */
  dispositifs: string[];
}

const SOLE_DEPENDENCIES = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ${matchesDispositifFilter('d')} AND EXISTS { (d)-[:DEPLOYED_IN]->(:Territory) }
  MATCH (o:Organisation)-[:CARRIES|FUNDS]->(d)
  WITH DISTINCT o, d
  WHERE NOT ${survivesWithout('d', '[o.id]', 'null')}
  WITH o, collect(d.id) AS dispositifs
  RETURN ${projectNode('o')} AS organisation, dispositifs
  ORDER BY o.id`;

/** Every organisation some deployed dispositif of the filter could not survive without, and those dispositifs. */
export async function findSoleDependencies(
  db: Db,
  params: DispositifFilterParams,
): Promise<SoleDependencyRow[]> {
  const rows = await db.read<{ organisation: RawNode; dispositifs: string[] }>(SOLE_DEPENDENCIES, {
    ...params,
  });
  return rows.map((row) => ({ organisation: toNodeRow(row.organisation), dispositifs: row.dispositifs }));
}
