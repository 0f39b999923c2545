/**
 * Canvas elements from the graph state, and the diff that brings a cytoscape
 * instance up to date by `data.id` (react-cytoscapejs `patch.js`).
 */
import type cytoscape from 'cytoscape';
import type { NodeKind } from '../vocabulary';
import { relationLabel } from '../vocabulary';
import { CANVAS_OWNED_CLASSES, wrapLabel } from './labels';

export interface CanvasNodeData {
  id: string;
  kind: NodeKind | 'GROUP';
  label: string;
  /** The name as drawn: wrapped and cut (labels.ts); the full name is `label`. */
  display: string;
  colorKey: string;
  size: number;
  parent?: string;
  /** A fold: this many territories of one level, drawn as one node until opened (features/graph/fold.ts). */
  folded?: number;
}

export interface CanvasEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  width: number;
}

export interface CanvasElement {
  group: 'nodes' | 'edges';
  data: CanvasNodeData | CanvasEdgeData;
  classes: string[];
}

export interface BuildInput {
  nodes: Iterable<{ id: string; kind: NodeKind; label: string; props?: Record<string, unknown> }>;
  edges: Iterable<{
    id: string;
    source: string;
    target: string;
    type: string;
    props: Record<string, unknown>;
  }>;
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  colourKeyOf: (node: { id: string; kind: NodeKind }) => string;
  sizes: ReadonlyMap<string, number>;
  /** Compound parent of each node, when grouping. */
  groupOf?: (node: { id: string; kind: NodeKind }) => { id: string; label: string } | null;
  /** Extra classes per element id (pinned, match, path). */
  classesOf?: (id: string) => readonly string[];
}

/** Edge width: the partnership weight when there is one. */
export function edgeWidth(type: string, props: Record<string, unknown>): number {
  if (type === 'PARTNERS') {
    const weight = typeof props.weight === 'number' ? props.weight : 1;
    return Math.min(12, 1 + weight * 1.5);
  }
  return type === 'PART_OF' || type === 'MENTIONED_IN' ? 1 : 1.8;
}

export function edgeLabel(type: string, props: Record<string, unknown>): string {
  if (type === 'PARTNERS') {
    const count = Array.isArray(props.dispositifs) ? props.dispositifs.length : 0;
    const shared = count === 1 ? '1 dispositif partagé' : `${count} dispositifs partagés`;
    return props.direct === true ? `${shared} + partenariat` : shared;
  }
  return relationLabel(type);
}

export function toCanvasElements(input: BuildInput): CanvasElement[] {
  const elements: CanvasElement[] = [];
  const groups = new Map<string, string>();
  const nodeElements: CanvasElement[] = [];
  for (const node of input.nodes) {
    const group = input.groupOf?.(node) ?? null;
    if (group) groups.set(group.id, group.label);
    const classes = [...(input.classesOf?.(node.id) ?? [])];
    if (input.hiddenNodes.has(node.id)) classes.push('hidden');
    const data: CanvasNodeData = {
      id: node.id,
      kind: node.kind,
      label: node.label,
      display: wrapLabel(node.label),
      colorKey: input.colourKeyOf(node),
      size: input.sizes.get(node.id) ?? MIN_SIZE_FALLBACK,
    };
    if (group) data.parent = group.id;
    if (typeof node.props?.folded === 'number') data.folded = node.props.folded;
    nodeElements.push({ group: 'nodes', data, classes: classes.sort() });
  }
  // Parents first: a child can only be added once its parent exists.
  for (const [id, label] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    elements.push({
      group: 'nodes',
      data: { id, kind: 'GROUP', label, display: wrapLabel(label, 40, 1), colorKey: 'group', size: 1 },
      classes: ['group'],
    });
  }
  elements.push(...nodeElements);
  for (const edge of input.edges) {
    const classes = [...(input.classesOf?.(edge.id) ?? [])];
    if (input.hiddenEdges.has(edge.id)) classes.push('hidden');
    elements.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edgeLabel(edge.type, edge.props),
        width: edgeWidth(edge.type, edge.props),
      },
      classes: classes.sort(),
    });
  }
  return elements;
}

const MIN_SIZE_FALLBACK = 24;

export interface ElementDiff {
  add: CanvasElement[];
  remove: string[];
  update: CanvasElement[];
}

export interface ElementSnapshot {
  data: Record<string, unknown>;
  classes: readonly string[];
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
};

const sameClasses = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);

/** What to add, remove and update so that `current` becomes `next`, matched by `data.id`. */
export function diffElements(
  current: ReadonlyMap<string, ElementSnapshot>,
  next: readonly CanvasElement[],
): ElementDiff {
  const diff: ElementDiff = { add: [], remove: [], update: [] };
  const nextIds = new Set<string>();
  for (const element of next) {
    const id = element.data.id;
    nextIds.add(id);
    const existing = current.get(id);
    if (!existing) diff.add.push(element);
    else if (
      !sameData(existing.data, element.data as unknown as Record<string, unknown>) ||
      !sameClasses(existing.classes, element.classes)
    ) {
      diff.update.push(element);
    }
  }
  for (const id of current.keys()) if (!nextIds.has(id)) diff.remove.push(id);
  return diff;
}

/** The snapshot of what a cytoscape instance holds, for `diffElements`. */
export function snapshotOf(cy: cytoscape.Core): Map<string, ElementSnapshot> {
  const snapshot = new Map<string, ElementSnapshot>();
  cy.elements().forEach((element) => {
    const data = { ...(element.data() as Record<string, unknown>) };
    if (element.isNode() && data.parent === undefined) delete data.parent;
    // Classes the canvas sets itself (hidden labels) are not the model's: left out of the diff.
    const classes = (element.classes() as unknown as string[]).filter(
      (name) => !CANVAS_OWNED_CLASSES.includes(name),
    );
    snapshot.set(element.id(), { data, classes });
  });
  return snapshot;
}

/**
 * Brings `cy` to `next` in one batch. New nodes start beside a neighbour already
 * placed (so an incremental layout has little to move). Returns the diff.
 */
export function applyElements(cy: cytoscape.Core, next: readonly CanvasElement[]): ElementDiff {
  const diff = diffElements(snapshotOf(cy), next);
  if (!diff.add.length && !diff.remove.length && !diff.update.length) return diff;
  cy.batch(() => {
    // Removing a compound parent would take its children along: free them first.
    for (const id of diff.remove) {
      const element = cy.getElementById(id);
      if (element.isNode() && element.isParent()) element.children().move({ parent: null });
    }
    for (const id of diff.remove) cy.getElementById(id).remove();
    const addedNodes = diff.add.filter((element) => element.group === 'nodes');
    const addedEdges = diff.add.filter((element) => element.group === 'edges');
    const neighbourOf = new Map<string, string>();
    for (const edge of next) {
      if (edge.group !== 'edges') continue;
      const { source, target } = edge.data as CanvasEdgeData;
      if (!neighbourOf.has(source)) neighbourOf.set(source, target);
      if (!neighbourOf.has(target)) neighbourOf.set(target, source);
    }
    // Nodes first (parents before children, as `next` lists them), so that moves find their parent.
    cy.add(
      addedNodes.map((element) => {
        const neighbour = neighbourOf.get(element.data.id);
        const anchor = neighbour ? cy.getElementById(neighbour) : null;
        const position =
          anchor && anchor.nonempty() && anchor.isNode()
            ? {
                x: anchor.position('x') + (Math.random() - 0.5) * 80,
                y: anchor.position('y') + (Math.random() - 0.5) * 80,
              }
            : undefined;
        return { group: 'nodes', data: element.data, classes: element.classes, position };
      }) as cytoscape.ElementDefinition[],
    );
    for (const element of diff.update) {
      const id = element.data.id;
      const data = element.data as unknown as Record<string, unknown>;
      if (element.group === 'nodes') {
        const parent = (data.parent as string | undefined) ?? null;
        const currentParent = (cy.getElementById(id).data('parent') as string | undefined) ?? null;
        // Moving re-creates the node: read it again afterwards.
        if (parent !== currentParent) cy.getElementById(id).move({ parent });
        const { parent: _parent, ...rest } = data;
        cy.getElementById(id).data(rest);
      } else cy.getElementById(id).data(data);
      cy.getElementById(id).classes(element.classes as string[]);
    }
    cy.add(
      addedEdges.map((element) => ({
        group: 'edges',
        data: element.data,
        classes: element.classes,
      })) as cytoscape.ElementDefinition[],
    );
  });
  return diff;
}
