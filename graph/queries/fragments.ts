/**
 * Cypher conditions shared by several queries, so that one rule reads the same
 * everywhere. Arguments are variable and parameter names chosen in code.
 */

/**
 * Node `n` is part of the graph readers see: not one a load is still writing. A load
 * writes its new actors with their real labels plus `:Pending` and `pendingLoad`
 * (graph/queries/import.ts); they count once its `:LoadReveal` exists. An ordinary
 * node pays a label check; only a pending one pays the lookup. Applied to every node
 * variable that may bind a label a load creates (LOADABLE_LABELS) or any label.
 */
export const visible = (n: string) =>
  // A CASE, not `NOT n:Pending OR EXISTS {…}`: for the OR the planner reads `pendingLoad`
  // of every node before the label check, a store read per node (a tenth of a nested read's db hits).
  /* cypher */ `CASE WHEN ${n}:Pending THEN EXISTS { MATCH (:LoadReveal {id: ${n}.pendingLoad}) } ELSE true END`;

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
 * A dispositif `d` still counts once some organisations and dispositifs are
 * taken away (what-if): it is not one of `dispositifs`, and it keeps a carrier
 * and a funder outside `organisations` when it had any. Carried or funded by
 * an excluded organisation alone, it stops; with another carrier or funder
 * left it keeps counting. `organisations` and `dispositifs` are Cypher
 * expressions chosen in code (a parameter, or `[o.id]` inside a query); null
 * takes nothing away.
 */
export const survivesWithout = (d: string, organisations: string, dispositifs: string) => /* cypher */ `(
  ((${dispositifs}) IS NULL OR NOT ${d}.id IN ${dispositifs})
  AND ((${organisations}) IS NULL OR (
    (NOT EXISTS { (wAny:Organisation)-[:CARRIES]->(${d}) WHERE ${visible('wAny')} }
      OR EXISTS { (wCarrier:Organisation)-[:CARRIES]->(${d}) WHERE NOT wCarrier.id IN ${organisations} AND ${visible('wCarrier')} })
    AND (NOT EXISTS { (wAny:Organisation)-[:FUNDS]->(${d}) WHERE ${visible('wAny')} }
      OR EXISTS { (wFunder:Organisation)-[:FUNDS]->(${d}) WHERE NOT wFunder.id IN ${organisations} AND ${visible('wFunder')} }))))`;

/**
 * Binds `d` to each dispositif a filter may select: those deployed in one of
 * `$places` when a territory is given (a commune's 6 places, a département's
 * ~600: 3–5× faster at national scale than testing every dispositif), else all.
 * `matchesDispositifFilter` still decides.
 */
export const dispositifCandidates = (d: string) => /* cypher */ `CALL () {
    UNWIND coalesce($places, []) AS placeId
    MATCH (:Territory {id: placeId})<-[:DEPLOYED_IN]-(${d}:Dispositif) WHERE ${visible(d)}
    RETURN DISTINCT ${d}
    UNION
    MATCH (${d}:Dispositif) WHERE $places IS NULL AND ${visible(d)}
    RETURN ${d}
  }`;

/**
 * A dispositif `d` passes a dispositif filter, given as the parameters of
 * `toDispositifFilterParams` (graph/queries/dispositif-filter.ts): every
 * criterion that is not null holds. Themes, publics and places arrive already
 * widened (sub-themes, « tous publics », territories reaching the one asked).
 * `themes` is the expression holding the widened themes: the parameter, or a
 * field of a row when one query asks for several themes at once.
 */
export const matchesDispositifFilter = (d: string, themes = '$themes') => /* cypher */ `
  (${themes} IS NULL OR EXISTS { (${d})-[:ADDRESSES]->(fTheme:Theme) WHERE fTheme.id IN ${themes} })
  AND ($publics IS NULL OR EXISTS { (${d})-[:TARGETS]->(fPublic:Public) WHERE fPublic.id IN $publics })
  AND ($statuses IS NULL OR ${d}.status IN $statuses)
  AND ($carrierTypes IS NULL OR EXISTS { (fCarrier:Organisation)-[:CARRIES]->(${d}) WHERE fCarrier.type IN $carrierTypes AND ${visible('fCarrier')} })
  AND ($funders IS NULL OR EXISTS { (fFunder:Organisation)-[:FUNDS]->(${d}) WHERE fFunder.id IN $funders AND ${visible('fFunder')} })
  AND ($places IS NULL OR EXISTS { (${d})-[:DEPLOYED_IN]->(fPlace:Territory) WHERE fPlace.id IN $places })
  AND ${runsOn(d, 'day')}
  AND ${survivesWithout(d, '$withoutOrganisations', '$withoutDispositifs')}`;
