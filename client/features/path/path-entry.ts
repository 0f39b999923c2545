import { NODE_KINDS, type NodeKind } from '../../vocabulary';
import type { Entry } from '../graph/types';

type PathEntry = Extract<Entry, { type: 'path' }>;

/** How many shortest paths the panel lists (the API's k). */
export const PATH_COUNT = 3;
/** The longest path looked for. */
export const PATH_MAX_LENGTH = 8;

/** Kinds a path crosses by default: no generic hubs (publics, themes, sources), as the server's rule. */
export const DEFAULT_PATH_KINDS: readonly NodeKind[] = ['ORGANISATION', 'DISPOSITIF', 'TERRITORY', 'PERSON'];

const ID = /^[a-z]+:[\w.\-:]+$/i;

/** `path:org:a>reg:75`, then `~ORGANISATION.DISPOSITIF` for the kinds crossed, `@1` for the second path. */
export function pathEntryKey(entry: PathEntry): string {
  const kinds = entry.kinds ? `~${entry.kinds.join('.')}` : '';
  const rank = entry.rank ? `@${entry.rank}` : '';
  return `path:${entry.from}>${entry.to}${kinds}${rank}`;
}

/** The path entry a key names, or null for anything malformed (URLs are user input). */
export function parsePathEntryKey(key: string): PathEntry | null {
  const match = /^path:([^>~@]+)>([^>~@]+)(?:~([A-Z.]*))?(?:@(\d))?$/.exec(key);
  if (!match) return null;
  const [, from, to, kindList, rank] = match;
  if (!from || !to || !ID.test(from) || !ID.test(to)) return null;
  const kinds = kindList === undefined ? null : kindList === '' ? [] : kindList.split('.');
  if (kinds && !kinds.every((kind) => (NODE_KINDS as readonly string[]).includes(kind))) return null;
  const index = rank === undefined ? 0 : Number(rank);
  if (index >= PATH_COUNT) return null;
  return {
    type: 'path',
    from,
    to,
    ...(kinds ? { kinds: kinds as NodeKind[] } : {}),
    ...(index ? { rank: index } : {}),
  };
}

/**
 * The kinds to ask for: those chosen, less those the explorer's filters hide
 * (a hidden kind is not crossed); null when that is the server's default.
 */
export function crossedKinds(
  chosen: readonly NodeKind[] | null,
  hidden: readonly NodeKind[],
): NodeKind[] | null {
  const base = chosen ?? DEFAULT_PATH_KINDS;
  const kinds = NODE_KINDS.filter((kind) => base.includes(kind) && !hidden.includes(kind));
  const isDefault =
    kinds.length === DEFAULT_PATH_KINDS.length && DEFAULT_PATH_KINDS.every((kind) => kinds.includes(kind));
  return isDefault ? null : kinds;
}
