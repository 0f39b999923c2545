/**
 * Cypher conditions shared by several queries, so that one rule reads the same
 * everywhere. Arguments are variable and parameter names chosen in code.
 */

/**
 * A dispositif `d` runs on the ISO day `$day` (no day: always): started by then or
 * with no start date, not ended before it or with no end date; an "ended" one
 * without an end date never counts, since nobody can say when it stopped.
 */
export const runsOn = (d: string, day: string) => /* cypher */ `($${day} IS NULL OR (
    coalesce(${d}.startDate, date($${day})) <= date($${day})
    AND coalesce(${d}.endDate, date($${day})) >= date($${day})
    AND (${d}.endDate IS NOT NULL OR coalesce(${d}.status, '') <> 'ended')))`;

/**
 * A dispositif `d` passes a dispositif filter, given as the parameters of
 * `toDispositifFilterParams` (graph/queries/dispositif-filter.ts): every
 * criterion that is not null holds. Themes, publics and places arrive already
 * widened (sub-themes, « tous publics », territories reaching the one asked).
 */
export const matchesDispositifFilter = (d: string) => /* cypher */ `
  ($themes IS NULL OR EXISTS { (${d})-[:ADDRESSES]->(fTheme:Theme) WHERE fTheme.id IN $themes })
  AND ($publics IS NULL OR EXISTS { (${d})-[:TARGETS]->(fPublic:Public) WHERE fPublic.id IN $publics })
  AND ($statuses IS NULL OR ${d}.status IN $statuses)
  AND ($carrierTypes IS NULL OR EXISTS { (fCarrier:Organisation)-[:CARRIES]->(${d}) WHERE fCarrier.type IN $carrierTypes })
  AND ($places IS NULL OR EXISTS { (${d})-[:DEPLOYED_IN]->(fPlace:Territory) WHERE fPlace.id IN $places })
  AND ${runsOn(d, 'day')}`;
