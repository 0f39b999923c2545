import type { DispositifStatus, NodeKind } from '../../vocabulary';
import { NO_FILTERS, type Filters, type TerritoryScope } from './types';

const toggle = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((value) => value !== item) : [...list, item];

export const toggleKind = (filters: Filters, kind: NodeKind): Filters => ({
  ...filters,
  hiddenKinds: toggle(filters.hiddenKinds, kind),
});

export const toggleRelation = (filters: Filters, type: string): Filters => ({
  ...filters,
  hiddenRelations: toggle(filters.hiddenRelations, type),
});

export const toggleTheme = (filters: Filters, id: string): Filters => ({
  ...filters,
  themes: toggle(filters.themes, id),
});
export const togglePublic = (filters: Filters, id: string): Filters => ({
  ...filters,
  publics: toggle(filters.publics, id),
});
export const toggleStatus = (filters: Filters, status: DispositifStatus): Filters => ({
  ...filters,
  statuses: toggle(filters.statuses, status),
});
export const setActiveOn = (filters: Filters, date: string | null): Filters => ({
  ...filters,
  activeOn: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
});
export const setTerritory = (filters: Filters, id: string | null): Filters => ({ ...filters, territory: id });
export const resetFilters = (): Filters => NO_FILTERS;

/** The scope of a territory from the API's answer (`inside` leaves the territory itself out). */
export function toTerritoryScope(
  id: string,
  scope: { inside: readonly string[]; containing: readonly string[]; dispositifs: readonly string[] },
): TerritoryScope {
  return {
    id,
    inside: new Set([id, ...scope.inside]),
    containing: new Set(scope.containing),
    dispositifs: new Set(scope.dispositifs),
  };
}
