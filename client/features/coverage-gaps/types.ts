import type {
  CoverageApplicationFieldsFragment,
  CoverageMapFieldsFragment,
  CoverageStatus,
  CoverageSummaryFieldsFragment,
  DispositifStatus,
  TerritoryLevel,
} from '../../gql/graphql.js';
import { CARRIER_TYPES } from './labels.js';

/** One cell, as the map, the treemap and the table read it (built from the compact form). */
export interface CoverageCell {
  status: CoverageStatus;
  population: number;
  coveredPopulation: number;
  territory: { id: string; name: string; code: string | null; level: TerritoryLevel };
  departement: { id: string } | null;
  /** Dispositifs applying: which ones is asked when the cell is opened. */
  dispositifCount: number;
}
export type CoverageMapData = CoverageMapFieldsFragment;
export type CellApplications = CoverageApplicationFieldsFragment;
export type CellApplication = CellApplications['applications'][number];
export type CoverageSummaryData = CoverageSummaryFieldsFragment;
export type { CoverageStatus };

/** The levels the coverage map draws (listed, with their words, in labels.ts `LEVEL_TEXT`). */
export type CoverageLevel = Exclude<TerritoryLevel, 'REGION' | 'PAYS'>;

/** Which dispositifs count; empty strings and lists mean "any". */
export interface CoverageFilter {
  theme: string;
  public: string;
  activeOn: string;
  carrierType: string;
  status: DispositifStatus[];
  /** Only what this organisation funds (`org:…`), or '' for any. */
  funder: string;
  /** What-if: organisations (`org:…`) and dispositifs (`dis:…`) taken away. */
  without: string[];
}

export const EMPTY_FILTER: CoverageFilter = {
  theme: '',
  public: '',
  activeOn: '',
  carrierType: '',
  status: [],
  funder: '',
  without: [],
};

/** The coverage workspace's tabs: the map, the single points of failure, a person's offer. */
export type CoverageTab = 'map' | 'fragility' | 'parcours';

/** A person's profile in « Parcours »: where they live and what they look for. */
export interface ParcoursView {
  /** `com:…`, or '' before one is chosen. */
  commune: string;
  public: string;
  theme: string;
}

export interface CoverageScope {
  level: CoverageLevel;
  /** `reg:75` or a département id. */
  within: string;
}

/** One report: the cells and their summary. */
export interface CoverageResult {
  cells: CoverageCell[];
  summary: CoverageSummaryData;
}

export interface CoverageChangeData {
  territory: string;
  before: CoverageStatus;
  after: CoverageStatus;
  population: number;
  lost: string[];
  gained: string[];
}

export type CoverageMode = 'single' | 'filters' | 'dates';

export const REGION_ID = 'reg:75';

/** INSEE codes of the twelve départements of Nouvelle-Aquitaine. */
export const NOUVELLE_AQUITAINE_DEPARTEMENTS = [
  '16',
  '17',
  '19',
  '23',
  '24',
  '33',
  '40',
  '47',
  '64',
  '79',
  '86',
  '87',
];

/** What the coverage workspace shows: the part of it a URL holds. */
export interface CoverageView {
  level: CoverageLevel;
  /** `reg:75` or a département id; unused at the département level. */
  within: string;
  mode: CoverageMode;
  /** The filter, or filter A when comparing. */
  left: CoverageFilter;
  /** Filter B, compared side by side with A. */
  right: CoverageFilter;
  /** The two dates of the `dates` comparison. */
  dates: { before: string; after: string };
  /** The opened cell: a territory on one side. */
  selected: { side: 'left' | 'right'; id: string } | null;
  tab: CoverageTab;
  parcours: ParcoursView;
}

export const DEFAULT_COVERAGE_VIEW: CoverageView = {
  level: 'DEPARTEMENT',
  within: REGION_ID,
  mode: 'single',
  left: EMPTY_FILTER,
  right: { ...EMPTY_FILTER, theme: 'theme:apprentissage-alternance' },
  // Report'emploi (Haute-Vienne) ran through 2019: these dates show what its end took away.
  dates: { before: '2019-06-01', after: '2020-01-01' },
  selected: null,
  tab: 'map',
  parcours: { commune: '', public: '', theme: '' },
};

/** A filter as the API takes it: absent criteria are left out. */
export function toApiFilter(filter: CoverageFilter) {
  const carrier = CARRIER_TYPES.find((type) => type.code === filter.carrierType);
  return {
    theme: filter.theme || null,
    public: filter.public || null,
    activeOn: filter.activeOn || null,
    carrierType: carrier ? [carrier.code] : null,
    status: filter.status.length > 0 ? filter.status : null,
  };
}

/** The filter as one CoverageFilter input, with the funder and the what-if exclusion. */
export function toApiFilterInput(filter: CoverageFilter) {
  const organisations = filter.without.filter((id) => id.startsWith('org:'));
  const dispositifs = filter.without.filter((id) => id.startsWith('dis:'));
  return {
    ...toApiFilter(filter),
    funder: filter.funder || null,
    without: filter.without.length > 0 ? { organisations, dispositifs } : null,
  };
}

/** True when the filter needs the input form (the flat arguments hold neither funder nor exclusion). */
export const needsFilterInput = (filter: CoverageFilter) => filter.funder !== '' || filter.without.length > 0;

/** The compact form's parallel lists, one cell per index. */
export function cellsOfMap(map: CoverageMapData, level: TerritoryLevel): CoverageCell[] {
  return map.territories.map((id, i) => {
    const departement = map.departements[i];
    return {
      status: map.statuses[i]!,
      population: map.populations[i]!,
      coveredPopulation: map.coveredPopulations[i]!,
      territory: { id, name: map.names[i]!, code: map.codes[i] || null, level },
      departement: departement ? { id: departement } : null,
      dispositifCount: map.dispositifCounts[i]!,
    };
  });
}

export function toCoverageResult(cells: CoverageCell[], summary: CoverageSummaryData): CoverageResult {
  return { cells, summary };
}
