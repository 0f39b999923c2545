import { isRelationType, isTerritoryLevel, type RelationType } from '../../vocabulary';
import { parsePathEntryKey, pathEntryKey } from '../path/path-entry';
import type { Entry } from './types';

/**
 * One readable key per entry, used both as the slice cache key and in the URL:
 * `n:org:wejob`, `n:org:wejob~FUNDS.CARRIES`, `n:org:wejob~` (the node alone),
 * `links`, `path:org:a>dep:33`, `partners:territory=dep:33;theme=…`, `funder:org:x`,
 * `c:dep:33~COMMUNE` (the communes of Gironde).
 */
export function entryKey(entry: Entry): string {
  switch (entry.type) {
    case 'node':
      return entry.relations === null ? `n:${entry.id}` : `n:${entry.id}~${entry.relations.join('.')}`;
    case 'links':
      return 'links';
    case 'path':
      return pathEntryKey(entry);
    case 'partners': {
      const parts = (['territory', 'theme', 'public', 'activeOn', 'funder'] as const)
        .filter((name) => entry[name])
        .map((name) => `${name}=${entry[name]}`);
      return `partners:${parts.join(';')}`;
    }
    case 'funder':
      return `funder:${entry.id}`;
    case 'children':
      return `c:${entry.id}~${entry.level}`;
  }
}

const ID = /^[a-z]+:[\w.\-:]+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The entry a key names, or null for anything malformed (URLs are user input). */
export function parseEntryKey(key: string): Entry | null {
  if (key === 'links') return { type: 'links' };
  if (key.startsWith('n:')) {
    const body = key.slice(2);
    const tilde = body.indexOf('~');
    const id = tilde === -1 ? body : body.slice(0, tilde);
    if (!ID.test(id)) return null;
    if (tilde === -1) return { type: 'node', id, relations: null };
    const list = body.slice(tilde + 1);
    const relations = list === '' ? [] : list.split('.');
    if (!relations.every(isRelationType)) return null;
    return { type: 'node', id, relations: relations as RelationType[] };
  }
  if (key.startsWith('path:')) return parsePathEntryKey(key);
  if (key.startsWith('partners:')) {
    const entry: Extract<Entry, { type: 'partners' }> = {
      type: 'partners',
      territory: null,
      theme: null,
      public: null,
      activeOn: null,
    };
    const body = key.slice('partners:'.length);
    for (const part of body ? body.split(';') : []) {
      const [name, value] = part.split('=');
      if (!value) return null;
      if (name === 'activeOn') {
        if (!DATE.test(value)) return null;
        entry.activeOn = value;
      } else if (name === 'territory' || name === 'theme' || name === 'public' || name === 'funder') {
        if (!ID.test(value)) return null;
        entry[name] = value;
      } else return null;
    }
    return entry;
  }
  if (key.startsWith('c:')) {
    const [id, level, ...rest] = key.slice(2).split('~');
    if (!id || !level || rest.length || !ID.test(id) || !isTerritoryLevel(level)) return null;
    return { type: 'children', id, level };
  }
  if (key.startsWith('funder:')) {
    const id = key.slice('funder:'.length);
    return ID.test(id) ? { type: 'funder', id } : null;
  }
  return null;
}

export const isNodeEntryOf = (entry: Entry, id: string): entry is Extract<Entry, { type: 'node' }> =>
  entry.type === 'node' && entry.id === id;
