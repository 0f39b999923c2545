/** Pieces of the coverage filter that are decided in TypeScript rather than in Cypher. */

export interface ThemeEdge {
  id: string;
  parent: string | null;
}

/**
 * A theme and every theme below it, at any depth (themes name their parent by
 * id); null when the theme does not exist.
 */
export function themeWithDescendants(tree: readonly ThemeEdge[], theme: string): string[] | null {
  if (!tree.some((edge) => edge.id === theme)) return null;
  const children = new Map<string, string[]>();
  for (const edge of tree) {
    if (edge.parent === null) continue;
    const list = children.get(edge.parent) ?? [];
    list.push(edge.id);
    children.set(edge.parent, list);
  }
  const found = new Set<string>([theme]);
  const queue = [theme];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found].sort();
}

/**
 * A dispositif addressed to everyone serves any public: asked for "jeunes", a
 * "tous publics" dispositif counts (DOMAIN.md §4 publics).
 */
export const EVERY_PUBLIC = 'public:tous-publics';

export function publicsMatching(publicId: string): string[] {
  return publicId === EVERY_PUBLIC ? [publicId] : [publicId, EVERY_PUBLIC];
}
