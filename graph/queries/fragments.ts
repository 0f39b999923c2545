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
