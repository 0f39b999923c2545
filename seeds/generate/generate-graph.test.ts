import { describe, expect, it } from 'vitest';
import { labelOfId, RELATIONSHIP_ENDPOINTS, type SeedGraph } from '../../graph/model.js';
import { buildSeedGraph } from '../build-seed-graph.js';
import { parseGenerateArgs } from './args.js';
import { GENERATED_SOURCE_ID, generateGraph } from './generate-graph.js';
import { FRANCE_SIZES, sizesForFactor, type GenerateSizes } from './sizes.js';

const { graph: base } = buildSeedGraph('seeds/data');
const SMALL: GenerateSizes = {
  ...FRANCE_SIZES,
  organisations: 400,
  dispositifs: 80,
  persons: 40,
  relationships: 4_000,
};
const small = generateGraph({ base, sizes: SMALL, seed: 7 });

const keysOf = (graph: SeedGraph, label: string) =>
  [
    ...new Set(graph.nodes.filter((node) => node.label === label).flatMap((node) => Object.keys(node.props))),
  ].sort();

describe('generateGraph', () => {
  it('is deterministic: the same seed gives the same graph, another seed another', () => {
    expect(generateGraph({ base, sizes: SMALL, seed: 7 })).toEqual(small);
    expect(generateGraph({ base, sizes: SMALL, seed: 8 })).not.toEqual(small);
  });

  it('makes the sizes asked for, without duplicate nodes or relationships', () => {
    const count = (label: string) => small.nodes.filter((node) => node.label === label).length;
    expect([count('Organisation'), count('Dispositif'), count('Person'), count('Source')]).toEqual([
      400, 80, 40, 1,
    ]);
    expect(small.relationships).toHaveLength(4_000);
    expect(new Set(small.nodes.map((node) => node.id)).size).toBe(small.nodes.length);
    const keys = small.relationships.map((rel) => `${rel.from}|${rel.type}|${rel.to}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the labels, id prefixes and properties of the curated data', () => {
    for (const node of small.nodes) expect(labelOfId(node.id)).toBe(node.label);
    for (const label of ['Organisation', 'Dispositif', 'Person'])
      expect(keysOf(small, label)).toEqual(keysOf(base, label));
    expect(small.nodes.find((node) => node.id === GENERATED_SOURCE_ID)?.props.kind).toBe('user-import');
  });

  it('joins only existing nodes, along the endpoints the model allows', () => {
    const labels = new Map([...base.nodes, ...small.nodes].map((node) => [node.id, node.label]));
    for (const rel of small.relationships) {
      const { from, to } = RELATIONSHIP_ENDPOINTS[rel.type];
      expect(from).toContain(labels.get(rel.from));
      expect(to).toContain(labels.get(rel.to));
      expect(rel.sources).toEqual([GENERATED_SOURCE_ID]);
    }
  });

  it('gives every dispositif a carrier and a territory, and every organisation a seat', () => {
    const has = (type: string, side: 'from' | 'to') =>
      new Set(small.relationships.filter((rel) => rel.type === type).map((rel) => rel[side]));
    const dispositifs = small.nodes.filter((node) => node.label === 'Dispositif').map((node) => node.id);
    for (const id of dispositifs) {
      expect(has('CARRIES', 'to').has(id)).toBe(true);
      expect(has('DEPLOYED_IN', 'from').has(id)).toBe(true);
    }
    expect(has('LOCATED_IN', 'from').size).toBe(400);
  });

  it('has heavy-tailed degrees: the top funder funds far more than the typical one', () => {
    const degrees = new Map<string, number>();
    for (const rel of small.relationships)
      if (rel.type === 'FUNDS') degrees.set(rel.from, (degrees.get(rel.from) ?? 0) + 1);
    const sorted = [...degrees.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(5 * sorted[Math.floor(sorted.length / 2)]!);
  });
});

describe('sizesForFactor', () => {
  it('grows the curated counts to factor times in all', () => {
    const curated: SeedGraph = {
      nodes: base.nodes.filter((node) => ['Organisation', 'Dispositif', 'Person'].includes(node.label)),
      relationships: base.relationships.filter((rel) => rel.type === 'FUNDS' || rel.type === 'CARRIES'),
    };
    const sizes = sizesForFactor(curated, 10);
    expect(sizes.organisations).toBe(83 * 9);
    expect(sizes.dispositifs).toBe(78 * 9);
    expect(sizes.shares.FUNDS + sizes.shares.CARRIES).toBeCloseTo(1);
    expect(() => sizesForFactor(curated, 1)).toThrow(/factor/);
  });
});

describe('parseGenerateArgs', () => {
  it('reads --scale france, --factor, --seed and --out', () => {
    expect(parseGenerateArgs(['--scale', 'france', '--seed', '3'])).toEqual({
      scale: { scale: 'france' },
      seed: 3,
      out: undefined,
    });
    expect(parseGenerateArgs(['--factor', '10', '--out', 'x'])).toEqual({
      scale: { factor: 10 },
      seed: 1,
      out: 'x',
    });
    expect(() => parseGenerateArgs(['--scale', 'europe'])).toThrow(/usage/);
  });
});
