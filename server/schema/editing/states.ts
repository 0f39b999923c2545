import type { LinkState, NodeState } from '../../../graph/queries/edits.js';

/** The part of the graph a change touched, before or after it: null where nothing stood. */
export interface GraphState {
  nodes: Record<string, NodeState | null>;
  links: Record<string, LinkState | null>;
}

export const linkKey = (link: { type: string; from: string; to: string }) =>
  `${link.type}|${link.from}|${link.to}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a change touched: `id.prop` for each property it changed, `id` when a node
 * appeared or went, `TYPE|from|to` for each link it changed.
 */
export function touchedFields(before: GraphState, after: GraphState): string[] {
  const fields = new Set<string>();
  for (const id of new Set([...Object.keys(before.nodes), ...Object.keys(after.nodes)])) {
    const was = before.nodes[id] ?? null;
    // A node only read (in `before`, never written) is unchanged.
    const is = Object.hasOwn(after.nodes, id) ? (after.nodes[id] ?? null) : was;
    if ((was === null) !== (is === null)) fields.add(id);
    const props = new Set([...Object.keys(was?.props ?? {}), ...Object.keys(is?.props ?? {})]);
    for (const prop of props) if (!same(was?.props[prop], is?.props[prop])) fields.add(`${id}.${prop}`);
  }
  for (const key of new Set([...Object.keys(before.links), ...Object.keys(after.links)])) {
    const is = Object.hasOwn(after.links, key) ? after.links[key] : before.links[key];
    if (!same(before.links[key], is)) fields.add(key);
  }
  return [...fields].sort();
}

/** Every node a change touched, link ends included. */
export function touchedNodeIds(before: GraphState, after: GraphState): string[] {
  const ids = new Set<string>();
  for (const state of [before, after]) {
    for (const id of Object.keys(state.nodes)) ids.add(id);
    for (const link of Object.values(state.links)) if (link) ids.add(link.from).add(link.to);
  }
  for (const key of [...Object.keys(before.links), ...Object.keys(after.links)]) {
    const [, from, to] = key.split('|');
    if (from) ids.add(from);
    if (to) ids.add(to);
  }
  return [...ids].sort();
}

/** The node ids a field is about: one for a property or an existence, two for a link. */
function nodesOfField(field: string): string[] {
  const parts = field.split('|');
  if (parts.length === 3) return [parts[1]!, parts[2]!];
  const dot = field.indexOf('.', field.indexOf(':'));
  return [dot === -1 ? field : field.slice(0, dot)];
}

/**
 * The fields of `later` that reverting `mine` would undo: the same fields, or
 * anything about a node whose existence `mine` changed (restoring or removing it would sweep them).
 */
export function conflictingFields(mine: readonly string[], later: readonly string[]): string[] {
  const own = new Set(mine);
  const existences = new Set(
    mine.filter((field) => !field.includes('|') && nodesOfField(field)[0] === field),
  );
  return later.filter(
    (field) =>
      own.has(field) ||
      nodesOfField(field).some((id) => existences.has(id)) ||
      // …and a later change of a node's existence sweeps whatever `mine` did to it.
      (nodesOfField(field)[0] === field && mine.some((f) => nodesOfField(f).includes(field))),
  );
}
