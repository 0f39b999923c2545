import { describe, expect, it } from 'vitest';
import {
  buildTerritorialGrid,
  expandEpciToCommunes,
  FRANCE_ID,
  findOfficialTerritory,
  GRID_SOURCE_ID,
  indexTerritorialGrid,
} from './build-grid.js';

// Figures come from @etalab/decoupage-administratif 6.0.0 (COG 2026)
const grid = buildTerritorialGrid();
const index = indexTerritorialGrid(grid);

function territoriesAt(level: string): string[] {
  return grid.nodes
    .filter((node) => node.label === 'Territory' && node.props.level === level)
    .map((node) => node.id);
}

function parentsOf(id: string): string[] {
  return grid.relationships.filter((rel) => rel.type === 'PART_OF' && rel.from === id).map((rel) => rel.to);
}

function populationOf(id: string): number {
  const population = index.territories.get(id)?.props.population;
  if (typeof population !== 'number') throw new Error(`no population on ${id}`);
  return population;
}

/** Everyone in the metropolitan and DROM régions other than Nouvelle-Aquitaine, from the referential. */
function populationOutsideRegion(): number {
  return nationalRegionCodes()
    .filter((code) => code !== '75')
    .reduce((sum, code) => sum + (findOfficialTerritory(`reg:${code}`)?.population ?? 0), 0);
}

function nationalRegionCodes(): string[] {
  // metropolitan (11, 24…94) and DROM (01…06) régions of COG 2026
  return [
    '01',
    '02',
    '03',
    '04',
    '06',
    '11',
    '24',
    '27',
    '28',
    '32',
    '44',
    '52',
    '53',
    '75',
    '76',
    '84',
    '93',
    '94',
  ];
}

describe('buildTerritorialGrid', () => {
  it('holds France, the region, its 12 départements, 154 EPCI and 4,293 communes', () => {
    expect(territoriesAt('PAYS')).toEqual([FRANCE_ID]);
    expect(territoriesAt('REGION')).toEqual(['reg:75']);
    expect(territoriesAt('DEPARTEMENT')).toHaveLength(12);
    expect(territoriesAt('EPCI')).toHaveLength(154);
    expect(territoriesAt('COMMUNE')).toHaveLength(4293);
  });

  it('gives every commune exactly one département parent, and at most one EPCI', () => {
    for (const id of territoriesAt('COMMUNE')) {
      const parents = parentsOf(id);
      expect(parents.filter((parent) => parent.startsWith('dep:'))).toHaveLength(1);
      expect(parents.filter((parent) => parent.startsWith('epci:')).length).toBeLessThanOrEqual(1);
    }
  });

  it('puts Libourne in the CA du Libournais, in Gironde', () => {
    // SIREN 200070092 (243300563 is the CA Bassin d'Arcachon Sud)
    expect(index.territories.get('epci:200070092')?.props.name).toBe('CA du Libournais');
    expect(parentsOf('com:33243').sort()).toEqual(['dep:33', 'epci:200070092']);
    expect(expandEpciToCommunes(index, ['epci:200070092'])).toContain('com:33243');
  });

  it('attaches straddling EPCI to the region holding most of their population', () => {
    // CC d'Aire-sur-l'Adour: mostly Landes, some communes in Gers (Occitanie)
    expect(parentsOf('epci:200030435')).toEqual(['dep:40']);
    expect(populationOf('epci:200030435')).toBeGreaterThan(
      expandEpciToCommunes(index, ['epci:200030435']).reduce((sum, id) => sum + populationOf(id), 0),
    );
    // CC Adour Madiran: mostly Hautes-Pyrénées, its Pyrénées-Atlantiques communes go to their département only
    expect(index.ids.has('epci:200072106')).toBe(false);
    expect(parentsOf('com:64398')).toEqual(['dep:64']); // Montaner
  });

  it('links an EPCI spanning départements to the one holding most of its population', () => {
    // CC du Pays Foyen: mostly Gironde, a few communes in Dordogne
    expect(parentsOf('epci:243301371')).toEqual(['dep:33']);
  });

  it('sums populations from communes up to the region', () => {
    const communes = territoriesAt('COMMUNE');
    const communeTotal = communes.reduce((sum, id) => sum + populationOf(id), 0);
    const departementTotal = territoriesAt('DEPARTEMENT').reduce((sum, id) => sum + populationOf(id), 0);
    expect(populationOf('reg:75')).toBe(communeTotal);
    expect(departementTotal).toBe(communeTotal);
    const gironde = communes.filter((id) => index.departementByCommune.get(id) === 'dep:33');
    expect(populationOf('dep:33')).toBe(gironde.reduce((sum, id) => sum + populationOf(id), 0));
    expect(populationOf('reg:75')).toBeGreaterThan(6_000_000);
  });

  it('puts the region in France, which weighs all of France', () => {
    expect(parentsOf('reg:75')).toEqual([FRANCE_ID]);
    expect(parentsOf(FRANCE_ID)).toEqual([]);
    expect(index.territories.get(FRANCE_ID)?.props).toMatchObject({
      name: 'France',
      code: 'FR',
      level: 'PAYS',
    });
    // the national figure, not the région's: the same node as in the national grid
    expect(populationOf(FRANCE_ID)).toBeGreaterThan(66_000_000);
    expect(populationOf(FRANCE_ID)).toBe(populationOf('reg:75') + populationOutsideRegion());
  });

  it('sources every relationship and mentions every territory in the referential', () => {
    expect(grid.relationships.every((rel) => rel.sources.length > 0)).toBe(true);
    const mentioned = new Set(
      grid.relationships.filter((rel) => rel.type === 'MENTIONED_IN').map((rel) => rel.from),
    );
    expect(mentioned.size).toBe(1 + 1 + 12 + 154 + 4293);
    expect(grid.nodes.find((node) => node.id === GRID_SOURCE_ID)?.props.kind).toBe('referential');
  });

  it('is deterministic', () => {
    expect(buildTerritorialGrid()).toEqual(grid);
  });

  it('finds official territories outside the region', () => {
    expect(findOfficialTerritory('com:75056')).toMatchObject({
      name: 'Paris',
      level: 'COMMUNE',
      region: '11',
    });
    expect(findOfficialTerritory('dep:99')).toBeUndefined();
  });
});
