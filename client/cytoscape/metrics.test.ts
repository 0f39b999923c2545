import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syntheticSlice } from '../features/graph/synthetic';
import { betweenness, degrees, MAX_NODE_SIZE, MIN_NODE_SIZE, nodeSizes } from './metrics';

// A path a — b — c plus a leaf d on b: b sits between everyone.
const graph = {
  nodes: ['a', 'b', 'c', 'd'],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'b', target: 'd' },
  ],
};

describe('metrics', () => {
  it('counts degrees', () => {
    expect(Object.fromEntries(degrees(graph))).toEqual({ a: 1, b: 3, c: 1, d: 1 });
  });
  it('computes betweenness', () => {
    const values = betweenness(graph);
    expect(values.get('b')).toBeCloseTo(1);
    expect(values.get('a')).toBeCloseTo(0);
  });
  it('computes the betweenness cytoscape computes', () => {
    const slice = syntheticSlice(120, 260, 7);
    const cy = cytoscape({
      headless: true,
      elements: [
        ...slice.nodes.map((node) => ({ data: { id: node.id } })),
        ...slice.edges.map((edge) => ({ data: { id: edge.id, source: edge.source, target: edge.target } })),
      ],
    });
    const expected = cy.elements().betweennessCentrality({ directed: false });
    const values = betweenness({ nodes: slice.nodes.map((node) => node.id), edges: slice.edges });
    for (const node of slice.nodes) {
      expect(values.get(node.id)).toBeCloseTo(expected.betweennessNormalized(cy.getElementById(node.id)), 9);
    }
    cy.destroy();
  });
  it('scales sizes between the bounds', () => {
    for (const sizeBy of ['degree', 'betweenness'] as const) {
      const sizes = nodeSizes(graph, sizeBy);
      expect(sizes.get('b')).toBe(MAX_NODE_SIZE);
      expect(sizes.get('a')).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
      expect(sizes.get('a')).toBeLessThan(MAX_NODE_SIZE);
    }
    expect(new Set(nodeSizes(graph, 'uniform').values()).size).toBe(1);
  });
});
