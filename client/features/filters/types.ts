import type { DispositifStatus, NodeKind } from '../../vocabulary';

/** Filters applied to the canvas; empty lists and nulls filter nothing. */
export interface Filters {
  hiddenKinds: NodeKind[];
  hiddenRelations: string[];
  /** Dispositifs addressing one of these themes (or a sub-theme). */
  themes: string[];
  /** Dispositifs targeting one of these publics. */
  publics: string[];
  statuses: DispositifStatus[];
  /** Hide dispositifs not running that day (ISO date). */
  activeOn: string | null;
  /** A territory: keep what is in it. */
  territory: string | null;
}

export const NO_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenRelations: [],
  themes: [],
  publics: [],
  statuses: [],
  activeOn: null,
  territory: null,
};

/** The territory filter resolved: what lies inside the territory and what contains it, at any depth. */
export interface TerritoryScope {
  id: string;
  /** The territory and every territory PART_OF it, directly or not. */
  inside: Set<string>;
  /** Territories it is PART_OF, directly or not. */
  containing: Set<string>;
  /** Dispositifs reaching it, as the server's coverage rule says (deployed in, around or across it). */
  dispositifs: Set<string>;
}

export const countActiveFilters = (filters: Filters): number =>
  filters.hiddenKinds.length +
  filters.hiddenRelations.length +
  filters.themes.length +
  filters.publics.length +
  filters.statuses.length +
  (filters.activeOn ? 1 : 0) +
  (filters.territory ? 1 : 0);
