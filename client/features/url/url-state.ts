/**
 * The view in the URL: opened entries, removals, pins, filters, layout and
 * display options, and the selection. Readable (`?v=n:org:wejob&layout=concentric`)
 * so that a link can be read, edited and shared. In the coverage workspace
 * (`ws=coverage`), the coverage view too: `level`, `within`, `cmp`, the filter
 * (`a.theme`, `a.public`, `a.date`, `a.carrier`, `a.status`), filter B (`b.…`)
 * when comparing two filters, `before`/`after` when comparing two dates, and
 * the opened cell (`a.cell` or `b.cell`); the funder and exclusions (`a.funder`,
 * `a.without=org:x,dis:y`), the tab (`tab=fragility|parcours`) and the « Parcours »
 * profile (`p.commune`, `p.public`, `p.theme`).
 */
import { LAYOUT_NAMES, type LayoutName } from '../../cytoscape/layouts';
import { COLOR_BY, SIZE_BY, type ColorBy, type SizeBy } from '../../cytoscape/stylesheet';
import { DEFAULT_VIEW } from '../../state/defaults';
import type { UrlView } from '../../state/types';
import { CARRIER_TYPES, COVERAGE_LEVELS } from '../coverage-gaps/labels';
import {
  DEFAULT_COVERAGE_VIEW,
  NOUVELLE_AQUITAINE_DEPARTEMENTS,
  REGION_ID,
  type CoverageFilter,
  type CoverageLevel,
  type CoverageMode,
  type CoverageTab,
  type CoverageView,
} from '../coverage-gaps/types';
import {
  DISPOSITIF_STATUSES,
  isRelationType,
  NODE_KINDS,
  type DispositifStatus,
  type NodeKind,
} from '../../vocabulary';
import { entryKey, parseEntryKey } from '../graph/entries';
import type { Entry } from '../graph/types';
import type { Filters } from '../filters/types';
import type { Grouping, Selection } from '../view/types';

const ID = /^[a-z]+:[\w.\-:]+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Percent-encoding that leaves the separators of ids and entry keys readable. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/%(3A|2C|3E|7C|3B|3D)/g, (match) => decodeURIComponent(match));

function list(params: URLSearchParams, name: string): string[] {
  const value = params.get(name);
  return value ? value.split(',').filter(Boolean) : [];
}

/** A coverage filter's criteria that differ from `base`, named `${prefix}.…`. */
function encodeFilter(
  add: (name: string, value: string) => void,
  prefix: 'a' | 'b',
  filter: CoverageFilter,
  base: CoverageFilter,
) {
  if (filter.theme !== base.theme) add(`${prefix}.theme`, filter.theme);
  if (filter.public !== base.public) add(`${prefix}.public`, filter.public);
  if (filter.activeOn !== base.activeOn) add(`${prefix}.date`, filter.activeOn);
  if (filter.carrierType !== base.carrierType) add(`${prefix}.carrier`, filter.carrierType);
  if (filter.status.join(',') !== base.status.join(',')) add(`${prefix}.status`, filter.status.join(','));
  if (filter.funder !== base.funder) add(`${prefix}.funder`, filter.funder);
  if (filter.without.join(',') !== base.without.join(',')) add(`${prefix}.without`, filter.without.join(','));
}

function encodeCoverage(add: (name: string, value: string) => void, coverage: CoverageView) {
  const base = DEFAULT_COVERAGE_VIEW;
  add('ws', 'coverage');
  if (coverage.level !== base.level) add('level', coverage.level);
  if (coverage.within !== base.within) add('within', coverage.within);
  if (coverage.mode !== base.mode) add('cmp', coverage.mode);
  encodeFilter(add, 'a', coverage.left, base.left);
  if (coverage.mode === 'filters') encodeFilter(add, 'b', coverage.right, base.right);
  if (coverage.mode === 'dates') {
    if (coverage.dates.before !== base.dates.before) add('before', coverage.dates.before);
    if (coverage.dates.after !== base.dates.after) add('after', coverage.dates.after);
  }
  if (coverage.selected) add(`${coverage.selected.side === 'left' ? 'a' : 'b'}.cell`, coverage.selected.id);
  if (coverage.tab !== base.tab) add('tab', coverage.tab);
  if (coverage.tab === 'parcours') {
    if (coverage.parcours.commune) add('p.commune', coverage.parcours.commune);
    if (coverage.parcours.public) add('p.public', coverage.parcours.public);
    if (coverage.parcours.theme) add('p.theme', coverage.parcours.theme);
  }
}

/** The query string (with its `?`, or empty) for a view; defaults are left out. */
export function encodeView(view: UrlView): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encode(value)}`);
  if (view.workspace === 'coverage') encodeCoverage(add, view.coverage);
  if (view.workspace === 'analysis') add('ws', 'analysis');
  for (const entry of view.entries) add('v', entryKey(entry));
  if (view.removed.length) add('rm', view.removed.join(','));
  if (view.pinned.length) add('pin', view.pinned.join(','));
  if (view.layout !== DEFAULT_VIEW.layout) add('layout', view.layout);
  if (view.sizeBy !== DEFAULT_VIEW.sizeBy) add('size', view.sizeBy);
  if (view.colorBy !== DEFAULT_VIEW.colorBy) add('color', view.colorBy);
  if (view.grouping !== DEFAULT_VIEW.grouping) add('group', view.grouping);
  const { filters } = view;
  if (filters.hiddenKinds.length) add('hk', filters.hiddenKinds.join(','));
  if (filters.hiddenRelations.length) add('hr', filters.hiddenRelations.join(','));
  if (filters.themes.length) add('theme', filters.themes.join(','));
  if (filters.publics.length) add('public', filters.publics.join(','));
  if (filters.statuses.length) add('status', filters.statuses.join(','));
  if (filters.activeOn) add('date', filters.activeOn);
  if (filters.territory) add('territory', filters.territory);
  if (view.showTable) add('table', '1');
  if (view.selection.type !== 'none')
    add('sel', `${view.selection.type === 'node' ? 'n' : 'e'}:${view.selection.id}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function decodeSelection(value: string | null): Selection {
  if (!value) return { type: 'none' };
  if (value.startsWith('n:') && ID.test(value.slice(2))) return { type: 'node', id: value.slice(2) };
  if (value.startsWith('e:') && value.length > 2) return { type: 'edge', id: value.slice(2) };
  return { type: 'none' };
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A string that is empty ("any") or passes `valid`; otherwise the fallback. */
function optional(value: string | null, valid: (value: string) => boolean, fallback: string): string {
  return value !== null && (value === '' || valid(value)) ? value : fallback;
}

const isStatus = (status: string): status is DispositifStatus =>
  (DISPOSITIF_STATUSES as readonly string[]).includes(status);

function decodeFilter(params: URLSearchParams, prefix: 'a' | 'b', base: CoverageFilter): CoverageFilter {
  const get = (name: string) => params.get(`${prefix}.${name}`);
  const status = get('status');
  return {
    theme: optional(get('theme'), (id) => id.startsWith('theme:') && ID.test(id), base.theme),
    public: optional(get('public'), (id) => id.startsWith('public:') && ID.test(id), base.public),
    activeOn: optional(get('date'), (date) => DATE.test(date), base.activeOn),
    carrierType: optional(
      get('carrier'),
      (code) => CARRIER_TYPES.some((t) => t.code === code),
      base.carrierType,
    ),
    status: status === null ? base.status : [...new Set(status.split(',').filter(isStatus))],
    funder: optional(get('funder'), (id) => id.startsWith('org:') && ID.test(id), base.funder),
    without:
      get('without') === null
        ? base.without
        : [
            ...new Set(
              list(params, `${prefix}.without`).filter((id) => /^(org|dis):/.test(id) && ID.test(id)),
            ),
          ],
  };
}

const WITHIN = [REGION_ID, ...NOUVELLE_AQUITAINE_DEPARTEMENTS.map((code) => `dep:${code}`)];

function decodeCoverage(params: URLSearchParams): CoverageView {
  const base = DEFAULT_COVERAGE_VIEW;
  const mode = pick<CoverageMode>(params.get('cmp'), ['single', 'filters', 'dates'], base.mode);
  const cell = (name: string) => {
    const id = params.get(name);
    return id && ID.test(id) ? id : null;
  };
  const left = cell('a.cell');
  const right = mode === 'single' ? null : cell('b.cell');
  return {
    level: pick<CoverageLevel>(params.get('level'), COVERAGE_LEVELS, base.level),
    within: pick(params.get('within'), WITHIN, base.within),
    mode,
    left: decodeFilter(params, 'a', base.left),
    right: mode === 'filters' ? decodeFilter(params, 'b', base.right) : base.right,
    dates:
      mode === 'dates'
        ? {
            before: optional(params.get('before'), (date) => DATE.test(date), base.dates.before),
            after: optional(params.get('after'), (date) => DATE.test(date), base.dates.after),
          }
        : base.dates,
    selected: left ? { side: 'left', id: left } : right ? { side: 'right', id: right } : null,
    tab: pick<CoverageTab>(params.get('tab'), ['map', 'fragility', 'parcours'], base.tab),
    parcours: {
      commune: optional(params.get('p.commune'), (id) => id.startsWith('com:') && ID.test(id), ''),
      public: optional(params.get('p.public'), (id) => id.startsWith('public:') && ID.test(id), ''),
      theme: optional(params.get('p.theme'), (id) => id.startsWith('theme:') && ID.test(id), ''),
    },
  };
}

/** The view a query string describes; anything malformed is dropped, never thrown. */
export function decodeView(search: string): UrlView {
  const params = new URLSearchParams(search);
  const entries = params
    .getAll('v')
    .map(parseEntryKey)
    .filter((entry): entry is Entry => entry !== null);
  const unique = [...new Map(entries.map((entry) => [entryKey(entry), entry])).values()];
  const filters: Filters = {
    hiddenKinds: list(params, 'hk').filter((kind): kind is NodeKind =>
      (NODE_KINDS as readonly string[]).includes(kind),
    ),
    hiddenRelations: list(params, 'hr').filter((type) => isRelationType(type) || type === 'PARTNERS'),
    themes: list(params, 'theme').filter((id) => ID.test(id)),
    publics: list(params, 'public').filter((id) => ID.test(id)),
    statuses: list(params, 'status').filter(isStatus),
    activeOn: DATE.test(params.get('date') ?? '') ? params.get('date') : null,
    territory: ID.test(params.get('territory') ?? '') ? params.get('territory') : null,
  };
  return {
    entries: unique,
    removed: list(params, 'rm').filter((id) => ID.test(id)),
    pinned: list(params, 'pin').filter((id) => ID.test(id)),
    layout: pick<LayoutName>(params.get('layout'), LAYOUT_NAMES, DEFAULT_VIEW.layout),
    sizeBy: pick<SizeBy>(params.get('size'), SIZE_BY, DEFAULT_VIEW.sizeBy),
    colorBy: pick<ColorBy>(params.get('color'), COLOR_BY, DEFAULT_VIEW.colorBy),
    grouping: pick<Grouping>(params.get('group'), ['none', 'kind', 'territory'], DEFAULT_VIEW.grouping),
    filters,
    showTable: params.get('table') === '1',
    selection: decodeSelection(params.get('sel')),
    workspace:
      params.get('ws') === 'coverage'
        ? 'coverage'
        : params.get('ws') === 'analysis'
          ? 'analysis'
          : 'explorer',
    coverage: params.get('ws') === 'coverage' ? decodeCoverage(params) : DEFAULT_COVERAGE_VIEW,
  };
}

/** Whether going from one URL to the other deserves a history entry (selection alone does not). */
export function isNewHistoryStep(previous: string, next: string): boolean {
  const selection = /^(sel|a\.cell|b\.cell)=/;
  const strip = (search: string) =>
    search
      .replace(/^\?/, '')
      .split('&')
      .filter((part) => part && !selection.test(part))
      .join('&');
  return strip(previous) !== strip(next);
}
