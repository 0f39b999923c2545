import type { DispositifStatus, NodeKind } from '../../vocabulary';
import type { Slice } from '../graph/types';
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

/**
 * The scope of a territory from its PART_OF neighbourhood: edges pointing to it
 * come from inside, edges leaving it go to what contains it. The région is
 * PART_OF nothing and contains every territory of the grid.
 */
export function scopeFromSlice(id: string, slice: Slice): TerritoryScope {
  const inside = new Set([id]);
  const containing = new Set<string>();
  for (const edge of slice.edges) {
    if (edge.type !== 'PART_OF') continue;
    if (edge.target === id) inside.add(edge.source);
    if (edge.source === id) containing.add(edge.target);
  }
  const self = slice.nodes.find((node) => node.id === id);
  const outside = self?.props.outsideRegion === true;
  const wholeRegion = self?.props.level === 'REGION' || id.startsWith('reg:');
  // The région contains every territory of the grid, even two levels up.
  if (!outside && !wholeRegion) containing.add('reg:75');
  return { id, inside, containing, wholeRegion };
}
