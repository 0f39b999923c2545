/** The top-level theme of a theme id, following `parent` links (cycles cut). */
export function topLevelTheme(id: string, parents: ReadonlyMap<string, string | null>): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const parent = parents.get(current);
    if (!parent || seen.has(parent)) return current;
    seen.add(current);
    current = parent;
  }
}

/** The theme and every theme above it. */
export function themeAncestry(id: string, parents: ReadonlyMap<string, string | null>): string[] {
  const chain = [id];
  let current = id;
  for (;;) {
    const parent = parents.get(current);
    if (!parent || chain.includes(parent)) return chain;
    chain.push(parent);
    current = parent;
  }
}
