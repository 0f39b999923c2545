/**
 * The view in the URL: opened entries, removals, pins, filters, layout and
 * display options, and the selection. Readable (`?v=n:org:wejob&layout=concentric`)
 * so that a link can be read, edited and shared.
 */
import { LAYOUT_NAMES, type LayoutName } from '../../cytoscape/layouts';
import type { ColorBy, SizeBy } from '../../cytoscape/stylesheet';
import type { UrlView } from '../../state/types';
import {
  DISPOSITIF_STATUSES,
  isRelationType,
  NODE_KINDS,
  type DispositifStatus,
  type NodeKind,
} from '../../vocabulary';
import { entryKey, parseEntryKey } from '../graph/entries';
import type { Entry } from '../graph/types';
import { NO_FILTERS, type Filters } from '../filters/types';
import type { Grouping, Selection } from '../view/types';

export const DEFAULT_VIEW: UrlView = {
  entries: [],
  removed: [],
  pinned: [],
  layout: 'fcose',
  sizeBy: 'degree',
  colorBy: 'kind',
  grouping: 'none',
  filters: NO_FILTERS,
  showTable: false,
  selection: { type: 'none' },
};

const ID = /^[a-z]+:[\w.\-:]+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Percent-encoding that leaves the separators of ids and entry keys readable. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/%(3A|2C|3E|7C|3B|3D)/g, (match) => decodeURIComponent(match));

function list(params: URLSearchParams, name: string): string[] {
  const value = params.get(name);
  return value ? value.split(',').filter(Boolean) : [];
}

/** The query string (with its `?`, or empty) for a view; defaults are left out. */
export function encodeView(view: UrlView): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encode(value)}`);
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
    statuses: list(params, 'status').filter((status): status is DispositifStatus =>
      (DISPOSITIF_STATUSES as readonly string[]).includes(status),
    ),
    activeOn: DATE.test(params.get('date') ?? '') ? params.get('date') : null,
    territory: ID.test(params.get('territory') ?? '') ? params.get('territory') : null,
  };
  return {
    entries: unique,
    removed: list(params, 'rm').filter((id) => ID.test(id)),
    pinned: list(params, 'pin').filter((id) => ID.test(id)),
    layout: pick<LayoutName>(params.get('layout'), LAYOUT_NAMES, DEFAULT_VIEW.layout),
    sizeBy: pick<SizeBy>(params.get('size'), ['uniform', 'degree', 'betweenness'], DEFAULT_VIEW.sizeBy),
    colorBy: pick<ColorBy>(params.get('color'), ['kind', 'theme'], DEFAULT_VIEW.colorBy),
    grouping: pick<Grouping>(params.get('group'), ['none', 'kind', 'territory'], DEFAULT_VIEW.grouping),
    filters,
    showTable: params.get('table') === '1',
    selection: decodeSelection(params.get('sel')),
  };
}

/** Whether going from one URL to the other deserves a history entry (selection alone does not). */
export function isNewHistoryStep(previous: string, next: string): boolean {
  const strip = (search: string) =>
    search
      .replace(/^\?/, '')
      .split('&')
      .filter((part) => part && !part.startsWith('sel='))
      .join('&');
  return strip(previous) !== strip(next);
}
