import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyElements, diffElements, snapshotOf, toCanvasElements, type CanvasElement } from './elements';

const build = (
  nodes: string[],
  edges: [string, string][],
  hidden: string[] = [],
  groupOf?: (id: string) => string | null,
) =>
  toCanvasElements({
    nodes: nodes.map((id) => ({ id, kind: 'ORGANISATION' as const, label: id })),
    edges: edges.map(([source, target]) => ({
      id: `${source}|PARTNERS_WITH|${target}`,
      source,
      target,
      type: 'PARTNERS_WITH',
      props: {},
    })),
    hiddenNodes: new Set(hidden),
    hiddenEdges: new Set(),
    colourKeyOf: (node) => `kind:${node.kind}`,
    sizes: new Map(),
    groupOf: groupOf
      ? (node) => {
          const group = groupOf(node.id);
          return group ? { id: group, label: group } : null;
        }
      : undefined,
  });

describe('element diffing by data.id', () => {
  it('adds, removes and updates only what changed', () => {
    const before = build(['org:a', 'org:b'], [['org:a', 'org:b']]);
    const snapshot = new Map(
      before.map((element) => [element.data.id, { data: { ...element.data }, classes: element.classes }]),
    );
    const after = build(['org:a', 'org:c'], [], ['org:a']);
    const diff = diffElements(snapshot as never, after);
    expect(diff.add.map((element) => element.data.id)).toEqual(['org:c']);
    expect(diff.remove.sort()).toEqual(['org:a|PARTNERS_WITH|org:b', 'org:b']);
    expect(diff.update.map((element) => element.data.id)).toEqual(['org:a']);
  });

  it('brings a headless cytoscape to the wanted elements in steps', () => {
    const cy = cytoscape({ headless: true });
    const steps: CanvasElement[][] = [
      build(['org:a', 'org:b'], [['org:a', 'org:b']]),
      build(
        ['org:a', 'org:b', 'org:c'],
        [
          ['org:a', 'org:b'],
          ['org:b', 'org:c'],
        ],
      ),
      build(['org:b', 'org:c'], [['org:b', 'org:c']], ['org:c']),
      build(['org:b', 'org:c'], [['org:b', 'org:c']], [], (id) => (id === 'org:b' ? 'group:x' : null)),
      build(['org:b', 'org:c'], [['org:b', 'org:c']], [], (id) => (id === 'org:b' ? 'group:x' : 'group:y')),
      // Ungrouping removes the parents but not their children.
      build(['org:b', 'org:c'], [['org:b', 'org:c']]),
    ];
    for (const step of steps) {
      applyElements(cy, step);
      const ids = cy
        .elements()
        .map((element) => element.id())
        .sort();
      expect(ids).toEqual(step.map((element) => element.data.id).sort());
      // Nothing left to do after applying.
      expect(diffElements(snapshotOf(cy), step)).toEqual({ add: [], remove: [], update: [] });
    }
    expect(cy.getElementById('org:b').parent().empty()).toBe(true);
    expect(cy.getElementById('org:c').hasClass('hidden')).toBe(false);
    cy.destroy();
  });

  it('keeps positions of nodes that stay', () => {
    const cy = cytoscape({ headless: true });
    applyElements(cy, build(['org:a'], []));
    cy.getElementById('org:a').position({ x: 42, y: 7 });
    applyElements(cy, build(['org:a', 'org:b'], [['org:a', 'org:b']]));
    expect(cy.getElementById('org:a').position()).toEqual({ x: 42, y: 7 });
    // A new node starts beside its neighbour.
    const b = cy.getElementById('org:b').position();
    expect(Math.abs(b.x - 42)).toBeLessThanOrEqual(40);
    cy.destroy();
  });
});
