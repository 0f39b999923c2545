import { describe, expect, it } from 'vitest';
import { communityColours } from '../canvas/colouring';
import { createCanvasMetrics, metricsOfNode } from './canvas-metrics';

// Two triangles joined by one bridge c–d: two communities, c and d the brokers.
const edge = (source: string, target: string, weight?: number) => ({
  source,
  target,
  props: weight === undefined ? {} : { weight },
});
const twoTriangles = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'],
  edges: [
    edge('a', 'b', 3),
    edge('b', 'c'),
    edge('a', 'c'),
    edge('c', 'd'),
    edge('d', 'e'),
    edge('e', 'f'),
    edge('d', 'f'),
  ],
};

describe('metrics of the visible graph', () => {
  it('finds the two triangles as two communities, numbered by size', () => {
    const { of, sizes } = createCanvasMetrics(twoTriangles).communities();
    expect(sizes).toEqual([3, 3]);
    expect(new Set(['a', 'b', 'c'].map((id) => of.get(id))).size).toBe(1);
    expect(new Set(['d', 'e', 'f'].map((id) => of.get(id))).size).toBe(1);
    expect(of.get('a')).not.toBe(of.get('f'));
  });

  it('weighs partnership edges, ranks the brokers first and sums PageRank to 1', () => {
    const metrics = createCanvasMetrics(twoTriangles);
    expect(metrics.values('weightedDegree').get('a')).toBe(4);
    expect(metrics.values('degree').get('a')).toBe(2);
    const betweenness = metrics.values('betweenness');
    expect(betweenness.get('c')).toBe(1);
    expect(betweenness.get('a')).toBe(0);
    const ranks = [...metrics.values('pageRank').values()];
    expect(ranks.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
    expect(metricsOfNode(metrics, 'c')).toMatchObject({ degree: 3, weightedDegree: 3, betweenness: 1 });
  });

  it('gives the same communities whatever the order of the rows', () => {
    const reversed = { nodes: [...twoTriangles.nodes].reverse(), edges: [...twoTriangles.edges].reverse() };
    expect(createCanvasMetrics(reversed).communities().of).toEqual(
      createCanvasMetrics(twoTriangles).communities().of,
    );
  });

  it('leaves betweenness out of a view too large for it', () => {
    const nodes = Array.from({ length: 3_001 }, (_, index) => `n${index}`);
    const metrics = createCanvasMetrics({ nodes, edges: [] });
    expect(metrics.betweennessComputed).toBe(false);
    expect(metricsOfNode(metrics, 'n1').betweenness).toBeNull();
    expect(metrics.communities().sizes).toHaveLength(3_001);
  });
});

describe('colour by community', () => {
  it('gives each community its own colour and a node off the view the neutral one', () => {
    const { colours, colourKeyOf } = communityColours(createCanvasMetrics(twoTriangles));
    const colourOf = (id: string) =>
      colours.find((entry) => entry.key === colourKeyOf({ id, kind: 'ORGANISATION' }))!.color;
    expect(colourOf('a')).toBe(colourOf('b'));
    expect(colourOf('a')).not.toBe(colourOf('f'));
    expect(colourKeyOf({ id: 'elsewhere', kind: 'ORGANISATION' })).toBe('none');
  });
});
