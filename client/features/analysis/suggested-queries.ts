import type { NodeKind } from '../../vocabulary';
import type { Parameter } from './ParameterField';
import { isOfLevels } from './parameter-suggestions';

/** The kind of a node, from its id's prefix (DOMAIN.md §2). */
export function kindOfId(id: string): NodeKind | null {
  const prefix = id.slice(0, id.indexOf(':'));
  const kinds: Record<string, NodeKind> = {
    org: 'ORGANISATION',
    dis: 'DISPOSITIF',
    per: 'PERSON',
    src: 'SOURCE',
    theme: 'THEME',
    public: 'PUBLIC',
    reg: 'TERRITORY',
    dep: 'TERRITORY',
    epci: 'TERRITORY',
    com: 'TERRITORY',
    bassin: 'TERRITORY',
  };
  return kinds[prefix] ?? null;
}

/** Whether the node `id` may be given as `parameter`. */
export function fitsParameter(parameter: Parameter, id: string): boolean {
  const kind = kindOfId(id);
  switch (parameter.type) {
    case 'NODE':
      return kind !== null && (parameter.kinds.length === 0 || parameter.kinds.includes(kind));
    case 'TERRITORY':
      return kind === 'TERRITORY' && isOfLevels(id, parameter.levels);
    case 'THEME':
      return kind === 'THEME';
    case 'PUBLIC':
      return kind === 'PUBLIC';
    default:
      return false;
  }
}

/** Saved queries one of whose parameters the node fits (Linkurious' suggested queries), with that parameter. */
export function suggestedQueries<Q extends { id: string; parameters: readonly Parameter[] }>(
  queries: readonly Q[],
  id: string,
): { query: Q; parameter: string }[] {
  return queries.flatMap((query) => {
    const parameter = query.parameters.find((candidate) => fitsParameter(candidate, id));
    return parameter ? [{ query, parameter: parameter.name }] : [];
  });
}

/** A saved query to open (and run) in the analysis workspace, as the URL's fragment holds it. */
export interface SavedQueryLink {
  id: string;
  params: Record<string, string>;
}

export function encodeSavedQueryLink(link: SavedQueryLink): string {
  const parts = new URLSearchParams({ sq: link.id });
  for (const [name, value] of Object.entries(link.params)) parts.set(`p.${name}`, value);
  return `#${parts.toString()}`;
}

export function decodeSavedQueryLink(hash: string): SavedQueryLink | null {
  const parts = new URLSearchParams(hash.replace(/^#/, ''));
  const id = parts.get('sq');
  if (!id) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of parts) if (name.startsWith('p.')) params[name.slice(2)] = value;
  return { id, params };
}
