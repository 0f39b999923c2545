/**
 * How big a generated graph is: the national preset of issue 10, or a factor
 * of the curated dataset (`--factor 10`: the data grown to ten times its size).
 */
import type { RelationshipType, SeedGraph } from '../../graph/model.js';

/** Types whose count the generator derives from the node counts rather than from shares. */
export const STRUCTURAL_TYPES = ['MENTIONED_IN', 'LOCATED_IN', 'WORKS_AT'] as const;

export type SharedType = Exclude<RelationshipType, (typeof STRUCTURAL_TYPES)[number] | 'PART_OF'>;

export interface GenerateSizes {
  organisations: number;
  dispositifs: number;
  persons: number;
  /** Every generated relationship, structural ones included. */
  relationships: number;
  /** How the relationships left after the structural ones are shared among types. */
  shares: Record<SharedType, number>;
}

/** Issue 10's national scale: 50,000 organisations, 10,000 dispositifs, 500,000 relationships. */
export const FRANCE_SIZES: GenerateSizes = {
  organisations: 50_000,
  dispositifs: 10_000,
  persons: 5_000,
  relationships: 500_000,
  shares: {
    CARRIES: 0.04,
    FUNDS: 0.16,
    PARTNERS_IN: 0.21,
    PRESCRIBES: 0.12,
    DEPLOYED_IN: 0.14,
    TARGETS: 0.07,
    ADDRESSES: 0.08,
    PARTNERS_WITH: 0.07,
    MEMBER_OF: 0.07,
    INSTANCE_OF: 0.02,
    SUCCEEDS: 0.01,
    GOVERNS: 0.01,
  },
};

/**
 * `factor` times the curated data in all, so `factor - 1` times it generated,
 * with the curated mix of relationship types. `curated` is the dataset's own
 * part of the seed graph (no grid).
 */
export function sizesForFactor(curated: SeedGraph, factor: number): GenerateSizes {
  if (!Number.isInteger(factor) || factor < 2) throw new Error('--factor takes an integer ≥ 2');
  const times = factor - 1;
  const count = (label: string) => curated.nodes.filter((node) => node.label === label).length;
  const shares = Object.fromEntries(Object.keys(FRANCE_SIZES.shares).map((type) => [type, 0])) as Record<
    SharedType,
    number
  >;
  let shared = 0;
  for (const rel of curated.relationships) {
    if (rel.type in shares) {
      shares[rel.type as SharedType] += 1;
      shared += 1;
    }
  }
  for (const type of Object.keys(shares) as SharedType[]) shares[type] /= shared;
  const organisations = count('Organisation') * times;
  const dispositifs = count('Dispositif') * times;
  const persons = count('Person') * times;
  const structural = organisations * 2 + dispositifs + persons * 2;
  return { organisations, dispositifs, persons, relationships: structural + shared * times, shares };
}
