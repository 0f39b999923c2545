import { describe, expect, it } from 'vitest';
import { buildSeedGraph } from '../build-seed-graph.js';
import { buildTerritorialGrid, FRANCE_ID, gridScopeFromEnv, indexTerritorialGrid } from './build-grid.js';
import { widenToGrid } from './widen-grid.js';

// Figures come from @etalab/decoupage-administratif 6.0.0 (COG 2026)
const region = buildTerritorialGrid();
const france = buildTerritorialGrid('france');
const index = indexTerritorialGrid(france);

function territoriesAt(level: string): string[] {
  return france.nodes
    .filter((node) => node.label === 'Territory' && node.props.level === level)
    .map((node) => node.id);
}

const parentsOf = (id: string) =>
  france.relationships.filter((rel) => rel.type === 'PART_OF' && rel.from === id).map((rel) => rel.to);

describe('the national grid (ATLAS_SCOPE=france)', () => {
  it('holds France, 18 régions, 101 départements (DROM included), 1,255 EPCI and 34,875 communes', () => {
    expect(territoriesAt('PAYS')).toEqual([FRANCE_ID]);
    expect(territoriesAt('REGION')).toHaveLength(18);
    expect(territoriesAt('DEPARTEMENT')).toHaveLength(101);
    expect(territoriesAt('DEPARTEMENT')).toEqual(expect.arrayContaining(['dep:2A', 'dep:971', 'dep:976']));
    expect(territoriesAt('EPCI')).toHaveLength(1255);
    expect(territoriesAt('COMMUNE')).toHaveLength(34_875);
    expect(france.nodes).toHaveLength(1 + 1 + 18 + 101 + 1255 + 34_875);
  });

  it('chains commune → EPCI → département → région → France', () => {
    expect(parentsOf('com:33243').sort()).toEqual(['dep:33', 'epci:200070092']);
    expect(parentsOf('epci:200070092')).toEqual(['dep:33']);
    expect(parentsOf('dep:33')).toEqual(['reg:75']);
    expect(parentsOf('reg:75')).toEqual([FRANCE_ID]);
    expect(parentsOf(FRANCE_ID)).toEqual([]);
    // Montaner (64) is in an EPCI of the Hautes-Pyrénées: nationally, that EPCI is in the grid
    expect(parentsOf('com:64398').sort()).toEqual(['dep:64', 'epci:200072106']);
    expect(parentsOf('com:75056').sort()).toEqual(['dep:75', 'epci:200054781']);
  });

  it('counts everyone once: France weighs the sum of its communes', () => {
    const population = (id: string) => index.territories.get(id)?.props.population as number;
    const communes = territoriesAt('COMMUNE').reduce((sum, id) => sum + population(id), 0);
    expect(population(FRANCE_ID)).toBe(communes);
    expect(territoriesAt('REGION').reduce((sum, id) => sum + population(id), 0)).toBe(communes);
    expect(population(FRANCE_ID)).toBeGreaterThan(66_000_000);
  });

  it('contains the région grid, ids and props alike', () => {
    const national = new Map(france.nodes.map((node) => [node.id, node]));
    for (const node of region.nodes) {
      expect(national.get(node.id)).toEqual(node);
    }
  });

  it('is deterministic', () => {
    expect(buildTerritorialGrid('france')).toEqual(france);
  });
});

describe('gridScopeFromEnv', () => {
  it('defaults to the région and accepts france', () => {
    expect(gridScopeFromEnv({})).toBe('region');
    expect(gridScopeFromEnv({ ATLAS_SCOPE: '' })).toBe('region');
    expect(gridScopeFromEnv({ ATLAS_SCOPE: 'France' })).toBe('france');
    expect(() => gridScopeFromEnv({ ATLAS_SCOPE: 'europe' })).toThrow(/ATLAS_SCOPE/);
  });
});

describe('widenToGrid', () => {
  const { graph, errors } = buildSeedGraph('seeds/data', { grid: region });
  const widened = widenToGrid(graph, region, france);

  it('keeps every curated node and relationship, and the national grid once', () => {
    expect(errors).toEqual([]);
    const ids = widened.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const curated = graph.nodes.filter((node) => !region.nodes.includes(node));
    for (const node of curated) expect(ids).toContain(node.id);
    expect(widened.relationships).toHaveLength(
      france.relationships.length + graph.relationships.length - region.relationships.length,
    );
  });

  it('lets the grid copy of a place outside the région win over its declaration', () => {
    const toulouse = widened.nodes.filter((node) => node.id === 'com:31555');
    expect(toulouse).toHaveLength(1);
    expect(toulouse[0]?.props.outsideRegion).toBe(false);
    expect(widened.nodes.some((node) => node.id === 'place:canada')).toBe(true);
  });

  it('points every relationship at a node of the widened graph', () => {
    const ids = new Set(widened.nodes.map((node) => node.id));
    for (const rel of widened.relationships) {
      expect(ids.has(rel.from) && ids.has(rel.to)).toBe(true);
    }
  });
});
