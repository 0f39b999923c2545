import { describe, expect, it } from 'vitest';
import { syntheticSlice } from './synthetic';

describe('synthetic slice', () => {
  it('has the asked size, distinct edges between its own nodes, and is the same every time', () => {
    const slice = syntheticSlice(2000, 5000);
    expect(slice.nodes).toHaveLength(2000);
    expect(slice.edges).toHaveLength(5000);
    const ids = new Set(slice.nodes.map((node) => node.id));
    expect(ids.size).toBe(2000);
    expect(new Set(slice.edges.map((edge) => edge.id)).size).toBe(5000);
    expect(slice.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
    expect(syntheticSlice(2000, 5000)).toEqual(slice);
  });

  it('is connected', () => {
    const slice = syntheticSlice(300, 400);
    const neighbours = new Map<string, string[]>();
    for (const edge of slice.edges) {
      neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
      neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
    }
    const seen = new Set([slice.nodes[0]!.id]);
    const queue = [slice.nodes[0]!.id];
    while (queue.length)
      for (const next of neighbours.get(queue.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    expect(seen.size).toBe(300);
  });
});
