/**
 * Synthetic graphs of a chosen size, for the page benchmark (tests/bench/page.bench.ts):
 * organisations carrying and funding dispositifs deployed in territories, about
 * as the real data is shaped, with no API involved. Deterministic for a given size.
 */
import type { NodeKind } from '../../vocabulary';
import { seededRandom } from './seeded-random';
import type { Slice, SliceEdge, SliceNode } from './types';

const KINDS: { kind: NodeKind; prefix: string; share: number }[] = [
  { kind: 'ORGANISATION', prefix: 'org', share: 0.4 },
  { kind: 'DISPOSITIF', prefix: 'dis', share: 0.45 },
  { kind: 'TERRITORY', prefix: 'com', share: 0.15 },
];

/** Relationship type from one kind to another, for the pairs the generator draws. */
const TYPE_BETWEEN: Record<string, string> = {
  'ORGANISATION>DISPOSITIF': 'CARRIES',
  'ORGANISATION>ORGANISATION': 'PARTNERS_WITH',
  'ORGANISATION>TERRITORY': 'LOCATED_IN',
  'DISPOSITIF>TERRITORY': 'DEPLOYED_IN',
  'DISPOSITIF>DISPOSITIF': 'INSTANCE_OF',
  'TERRITORY>TERRITORY': 'PART_OF',
};

/** A connected graph of `nodeCount` nodes and `edgeCount` distinct edges (as many as fit). */
export function syntheticSlice(nodeCount: number, edgeCount: number, seed = 1): Slice {
  const next = seededRandom(seed);
  const nodes: SliceNode[] = [];
  for (let i = 0; i < nodeCount; i += 1) {
    let pick = next();
    const kind = KINDS.find((item) => (pick -= item.share) < 0) ?? KINDS[0]!;
    const id = `${kind.prefix}:synthetic-${i}`;
    nodes.push({ id, kind: kind.kind, label: `Synthétique ${i}`, props: { id, name: `Synthétique ${i}` } });
  }
  const edges = new Map<string, SliceEdge>();
  const link = (a: SliceNode, b: SliceNode) => {
    if (a.id === b.id) return;
    const type = TYPE_BETWEEN[`${a.kind}>${b.kind}`];
    const [source, target, relation] = type
      ? [a, b, type]
      : [b, a, TYPE_BETWEEN[`${b.kind}>${a.kind}`] ?? 'PARTNERS_WITH'];
    const id = `${source.id}|${relation}|${target.id}`;
    if (!edges.has(id)) {
      edges.set(id, { id, source: source.id, target: target.id, type: relation, sources: [], props: {} });
    }
  };
  // A spanning tree first (each node tied to an earlier one, preferably a recent one), then random pairs.
  for (let i = 1; i < nodeCount && edges.size < edgeCount; i += 1) {
    const back = Math.min(i, 1 + Math.floor(next() * Math.min(i, 50)));
    link(nodes[i]!, nodes[i - back]!);
  }
  const limit = Math.min(edgeCount, (nodeCount * (nodeCount - 1)) / 2);
  for (let tries = 0; edges.size < limit && tries < edgeCount * 20; tries += 1) {
    link(nodes[Math.floor(next() * nodeCount)]!, nodes[Math.floor(next() * nodeCount)]!);
  }
  return { nodes, edges: [...edges.values()], truncated: false };
}
