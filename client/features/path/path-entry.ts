import { NODE_KINDS, type NodeKind } from '../../vocabulary';
import type { Entry } from '../graph/types';

export type PathEntry = Extract<Entry, { type: 'path' }>;

/** How many shortest paths the panel lists unless asked (the API's k). */
export const PATH_COUNT = 3;
/** The most paths one may ask for (the API's bound on k). */
export const MAX_PATH_COUNT = 10;
/** The longest path looked for (the API's limit). */
export const PATH_MAX_LENGTH = 10;

/** Kinds a path crosses by default: no generic hubs (publics, themes, sources), as the server's rule. */
export const DEFAULT_PATH_KINDS: readonly NodeKind[] = ['ORGANISATION', 'DISPOSITIF', 'TERRITORY', 'PERSON'];

const ID = /^[a-z]+:[\w.\-:]+$/i;

const kindList = (kinds: readonly NodeKind[]) => NODE_KINDS.filter((kind) => kinds.includes(kind));
const sameKinds = (a: readonly NodeKind[], b: readonly NodeKind[]) =>
  a.length === b.length && a.every((kind) => b.includes(kind));

/** The kinds chosen as an entry keeps them: null when they are the default. */
export const chosenKinds = (kinds: readonly NodeKind[]): NodeKind[] | null =>
  sameKinds(kinds, DEFAULT_PATH_KINDS) ? null : kindList(kinds);

/** How many paths an entry lists. */
export const pathCount = (entry: Pick<PathEntry, 'count'>) => entry.count ?? PATH_COUNT;

/** k as an entry keeps it: absent when it is the default, so that a key reads back the same entry. */
export const countOption = (count: number): { count?: number } => (count === PATH_COUNT ? {} : { count });

/**
 * `path:org:a>reg:75`, then `~ORGANISATION.DISPOSITIF` for the kinds chosen,
 * `!DISPOSITIF` for those of them the filters hide, `*5` for 5 paths listed
 * (absent: PATH_COUNT), `@1` for the second path.
 */
export function pathEntryKey(entry: PathEntry): string {
  const kinds = entry.kinds ? `~${entry.kinds.join('.')}` : '';
  const hidden = entry.hidden?.length ? `!${entry.hidden.join('.')}` : '';
  const count = entry.count && entry.count !== PATH_COUNT ? `*${entry.count}` : '';
  const rank = entry.rank ? `@${entry.rank}` : '';
  return `path:${entry.from}>${entry.to}${kinds}${hidden}${count}${rank}`;
}

function parseKinds(list: string | undefined): NodeKind[] | null | undefined {
  if (list === undefined) return null;
  const kinds = list === '' ? [] : list.split('.');
  return kinds.every((kind) => (NODE_KINDS as readonly string[]).includes(kind))
    ? (kinds as NodeKind[])
    : undefined;
}

/** The path entry a key names, or null for anything malformed (URLs are user input). */
export function parsePathEntryKey(key: string): PathEntry | null {
  const match = /^path:([^>~!*@]+)>([^>~!*@]+)(?:~([A-Z.]*))?(?:!([A-Z.]+))?(?:\*(\d{1,2}))?(?:@(\d))?$/.exec(
    key,
  );
  if (!match) return null;
  const [, from, to, kindText, hiddenText, countText, rankText] = match;
  if (!from || !to || !ID.test(from) || !ID.test(to)) return null;
  const kinds = parseKinds(kindText);
  const hidden = parseKinds(hiddenText);
  if (kinds === undefined || hidden === undefined) return null;
  const count = countText === undefined ? PATH_COUNT : Number(countText);
  if (count < 1 || count > MAX_PATH_COUNT) return null;
  const rank = rankText === undefined ? 0 : Number(rankText);
  if (rank >= count) return null;
  return {
    type: 'path',
    from,
    to,
    ...(kinds ? { kinds } : {}),
    ...(hidden?.length ? { hidden } : {}),
    ...(count !== PATH_COUNT ? { count } : {}),
    ...(rank ? { rank } : {}),
  };
}

/** Of the kinds an entry crosses, those the explorer's filters hide now. */
export const hiddenOf = (entry: PathEntry, hiddenKinds: readonly NodeKind[]): NodeKind[] =>
  kindList((entry.kinds ?? DEFAULT_PATH_KINDS).filter((kind) => hiddenKinds.includes(kind)));

/** Whether the entry was asked with the filters as they are now. */
export const followsFilters = (entry: PathEntry, hiddenKinds: readonly NodeKind[]) =>
  sameKinds(entry.hidden ?? [], hiddenOf(entry, hiddenKinds));

/**
 * The kinds to ask the API for: those chosen less those hidden (a hidden kind
 * is not crossed); null when that is the server's default.
 */
export function crossedKinds(entry: PathEntry): NodeKind[] | null {
  const kinds = (entry.kinds ?? DEFAULT_PATH_KINDS).filter((kind) => !entry.hidden?.includes(kind));
  return sameKinds(kinds, DEFAULT_PATH_KINDS) ? null : kindList(kinds);
}
