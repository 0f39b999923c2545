/**
 * The territorial grid of Nouvelle-Aquitaine (région, départements, EPCI,
 * communes) built from the official referential `@etalab/decoupage-administratif`;
 * with the scope `france`, the same for every région (metropolitan and DROM);
 * both topped by a France node (`pays:fr`).
 *
 * Choices:
 * - Every population is the sum of `communes.json` `population` over the
 *   commune-actuelle members, so région, département, EPCI and bassin figures
 *   share one basis (`epci.json` populationTotale comes from another vintage).
 *   An EPCI's population counts all its members, including the few outside the region.
 * - An EPCI that straddles the regional border is kept only when the region
 *   holds most of its population; it is PART_OF the single département (in the
 *   region) holding most of its population, even when it spans several.
 * - Communes whose EPCI is attached to another region are PART_OF their
 *   département only.
 */
import { createRequire } from 'node:module';
import type { SeedGraph, SeedNode, SeedRelationship } from '../../graph/model.js';

const require = createRequire(import.meta.url);

/** The region this atlas covers (INSEE code). */
export const REGION_CODE = '75';
/** Its id in the grid: the page's coverage opens on it. */
export const REGION_ID = regionId(REGION_CODE);
export const GRID_SOURCE_ID = 'src:decoupage-administratif';

interface CommuneRecord {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
}
interface EpciMember {
  code: string;
}
interface EpciRecord {
  code: string;
  nom: string;
  populationTotale?: number;
  membres: EpciMember[];
}
interface DepartementRecord {
  code: string;
  nom: string;
  region: string;
}
interface RegionRecord {
  code: string;
  nom: string;
  zone?: string;
}
interface PackageRecord {
  version: string;
}

interface Referential {
  communes: CommuneRecord[];
  epci: EpciRecord[];
  departements: DepartementRecord[];
  regions: RegionRecord[];
  version: string;
}

let referential: Referential | undefined;

/** Reads the package's data files (cached: they weigh ~12 MB). */
function loadReferential(): Referential {
  referential ??= {
    // commune-actuelle only: déléguées and associées reuse the codes of live communes
    communes: (require('@etalab/decoupage-administratif/data/communes.json') as CommuneRecord[]).filter(
      (commune) => commune.type === 'commune-actuelle',
    ),
    epci: require('@etalab/decoupage-administratif/data/epci.json') as EpciRecord[],
    departements: require('@etalab/decoupage-administratif/data/departements.json') as DepartementRecord[],
    regions: require('@etalab/decoupage-administratif/data/regions.json') as RegionRecord[],
    version: (require('@etalab/decoupage-administratif/package.json') as PackageRecord).version,
  };
  return referential;
}

/** The package's major version → the COG vintage (1 January) it ships (package README). */
const VINTAGE_BY_MAJOR: Record<string, string> = {
  '6': '2026-01-01',
  '5': '2025-01-01',
  '4': '2024-01-01',
  '3': '2023-01-01',
};

export function communeId(code: string): string {
  return `com:${code}`;
}
export function departementId(code: string): string {
  return `dep:${code}`;
}
export function epciId(siren: string): string {
  return `epci:${siren}`;
}
export function regionId(code: string): string {
  return `reg:${code}`;
}

/** Returns the key with the largest weight; ties go to the smallest key so the result is stable. */
function pickMajority(weights: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestWeight = -1;
  for (const key of [...weights.keys()].sort()) {
    const weight = weights.get(key) ?? 0;
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

function addWeight(weights: Map<string, number>, key: string, weight: number): void {
  weights.set(key, (weights.get(key) ?? 0) + weight);
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function partOf(from: string, to: string): SeedRelationship {
  return { type: 'PART_OF', from, to, sources: [GRID_SOURCE_ID], props: {} };
}

function territory(
  id: string,
  name: string,
  code: string,
  level: 'PAYS' | 'REGION' | 'DEPARTEMENT' | 'EPCI' | 'COMMUNE',
  population: number,
): SeedNode {
  return { label: 'Territory', id, props: { name, code, level, population, outsideRegion: false } };
}

/**
 * Which grid to build: the région Nouvelle-Aquitaine (the atlas's own scope,
 * the default) or the whole of France (metropolitan départements and DROM,
 * for national-scale runs).
 */
export type GridScope = 'region' | 'france';
export const GRID_SCOPES: readonly GridScope[] = ['region', 'france'];

/** The France node that tops the grid, in every scope (the région is PART_OF it). */
export const FRANCE_ID = 'pays:fr';

/** `ATLAS_SCOPE=france` selects the national grid; unset means the région. */
export function gridScopeFromEnv(env: NodeJS.ProcessEnv = process.env): GridScope {
  const value = env.ATLAS_SCOPE?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'region') return 'region';
  if (value === 'france') return 'france';
  throw new Error(`ATLAS_SCOPE must be "region" or "france", not "${env.ATLAS_SCOPE}"`);
}

// The collectivités d'outre-mer (975, 977, 978, 98x) have no EPCI and no place in
// the INSEE regions: France here means the 101 départements (metro + DROM).
const NATIONAL_ZONES = new Set(['metro', 'drom']);

/** The population of France: every commune of the metropolitan and DROM régions. */
function nationalPopulation(communes: readonly CommuneRecord[], regions: readonly RegionRecord[]): number {
  const national = new Set(
    regions.filter((region) => NATIONAL_ZONES.has(region.zone ?? '')).map((region) => region.code),
  );
  return communes.reduce(
    (sum, commune) => sum + (national.has(commune.region ?? '') ? (commune.population ?? 0) : 0),
    0,
  );
}

/** Builds the territories of a scope and their PART_OF hierarchy (pure and deterministic). */
export function buildTerritorialGrid(scope: GridScope = 'region'): SeedGraph {
  const { communes, epci, departements, regions, version } = loadReferential();
  const scopeRegionCodes = new Set(
    regions
      .filter((region) =>
        scope === 'region' ? region.code === REGION_CODE : NATIONAL_ZONES.has(region.zone ?? ''),
      )
      .map((region) => region.code),
  );
  const isScopeRegion = (code: string | undefined) => code !== undefined && scopeRegionCodes.has(code);
  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
  const scopeCommunes = communes.filter((commune) => isScopeRegion(commune.region)).sort(byCode);
  const scopeRegions = regions.filter((region) => isScopeRegion(region.code)).sort(byCode);
  if (scopeRegions.length === 0)
    throw new Error(`region ${REGION_CODE} missing from decoupage-administratif`);

  // Communes carry no EPCI field: invert epci[].membres, keeping EPCI the scope mostly holds
  const keptEpci: { record: EpciRecord; population: number; departement: string }[] = [];
  const epciOfCommune = new Map<string, string>();
  for (const record of epci) {
    const populationByRegion = new Map<string, number>();
    const scopePopulationByDepartement = new Map<string, number>();
    let population = 0;
    for (const member of record.membres) {
      const commune = communeByCode.get(member.code);
      if (commune === undefined) continue;
      const weight = commune.population ?? 0;
      population += weight;
      addWeight(populationByRegion, isScopeRegion(commune.region) ? '' : (commune.region ?? '?'), weight);
      if (isScopeRegion(commune.region)) {
        addWeight(scopePopulationByDepartement, commune.departement ?? '', weight);
      }
    }
    // '' stands for "inside the scope", so the majority test reads the same for one région or all
    if (pickMajority(populationByRegion) !== '') continue;
    const departement = pickMajority(scopePopulationByDepartement);
    if (departement === undefined) continue;
    keptEpci.push({ record, population, departement });
    for (const member of record.membres) {
      if (isScopeRegion(communeByCode.get(member.code)?.region)) {
        epciOfCommune.set(member.code, record.code);
      }
    }
  }
  keptEpci.sort((a, b) => byCode(a.record, b.record));

  const populationByDepartement = new Map<string, number>();
  const populationByRegion = new Map<string, number>();
  for (const commune of scopeCommunes) {
    addWeight(populationByDepartement, commune.departement ?? '', commune.population ?? 0);
    addWeight(populationByRegion, commune.region ?? '', commune.population ?? 0);
  }
  const scopeDepartements = departements
    .filter((departement) => isScopeRegion(departement.region))
    .sort(byCode);

  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];

  nodes.push({
    label: 'Source',
    id: GRID_SOURCE_ID,
    props: {
      name: 'Découpage administratif (COG, EPCI, populations légales)',
      title: 'Découpage administratif (COG, EPCI, populations légales)',
      date: VINTAGE_BY_MAJOR[version.split('.')[0] ?? ''] ?? null,
      publisher: 'Etalab / INSEE',
      kind: 'referential',
      licence: 'Licence Ouverte 2.0',
      version,
      url: 'https://github.com/datagouv/decoupage-administratif',
    },
  });
  // France in every scope, weighing all of France, so a national dispositif
  // (DEPLOYED_IN pays:fr) reads the same whether the grid is one région or all
  nodes.push(territory(FRANCE_ID, 'France', 'FR', 'PAYS', nationalPopulation(communes, regions)));
  for (const region of scopeRegions) {
    const id = regionId(region.code);
    nodes.push(territory(id, region.nom, region.code, 'REGION', populationByRegion.get(region.code) ?? 0));
    relationships.push(partOf(id, FRANCE_ID));
  }
  for (const departement of scopeDepartements) {
    const id = departementId(departement.code);
    const population = populationByDepartement.get(departement.code) ?? 0;
    nodes.push(territory(id, departement.nom, departement.code, 'DEPARTEMENT', population));
    relationships.push(partOf(id, regionId(departement.region)));
  }
  for (const { record, population, departement } of keptEpci) {
    const id = epciId(record.code);
    nodes.push(territory(id, record.nom, record.code, 'EPCI', population));
    relationships.push(partOf(id, departementId(departement)));
  }
  for (const commune of scopeCommunes) {
    const id = communeId(commune.code);
    nodes.push(territory(id, commune.nom, commune.code, 'COMMUNE', commune.population ?? 0));
    const epciCode = epciOfCommune.get(commune.code);
    if (epciCode !== undefined) relationships.push(partOf(id, epciId(epciCode)));
    relationships.push(partOf(id, departementId(commune.departement ?? '')));
  }
  for (const node of nodes) {
    if (node.label !== 'Territory') continue;
    relationships.push({
      type: 'MENTIONED_IN',
      from: node.id,
      to: GRID_SOURCE_ID,
      sources: [GRID_SOURCE_ID],
      props: {},
    });
  }
  return { nodes, relationships };
}

/** Lookups over a built grid, for validating and expanding dataset references. */
export interface TerritorialGridIndex {
  /** Every node id of the grid (territories and the grid source). */
  ids: Set<string>;
  territories: Map<string, SeedNode>;
  /** EPCI id → ids of its communes in the region, sorted. */
  communesByEpci: Map<string, string[]>;
  /** Commune id → its département id. */
  departementByCommune: Map<string, string>;
}

/** Indexes a grid built by `buildTerritorialGrid`. */
export function indexTerritorialGrid(grid: SeedGraph): TerritorialGridIndex {
  const territories = new Map<string, SeedNode>();
  for (const node of grid.nodes) if (node.label === 'Territory') territories.set(node.id, node);
  const communesByEpci = new Map<string, string[]>();
  const departementByCommune = new Map<string, string>();
  for (const rel of grid.relationships) {
    if (rel.type !== 'PART_OF' || !rel.from.startsWith('com:')) continue;
    if (rel.to.startsWith('epci:')) {
      const members = communesByEpci.get(rel.to) ?? [];
      members.push(rel.from);
      communesByEpci.set(rel.to, members);
    } else if (rel.to.startsWith('dep:')) {
      departementByCommune.set(rel.from, rel.to);
    }
  }
  for (const members of communesByEpci.values()) members.sort();
  return {
    ids: new Set(grid.nodes.map((node) => node.id)),
    territories,
    communesByEpci,
    departementByCommune,
  };
}

/** Expands EPCI ids to the ids of their communes in the region (unknown EPCI ids expand to nothing). */
export function expandEpciToCommunes(index: TerritorialGridIndex, epciIds: readonly string[]): string[] {
  const communes = new Set<string>();
  for (const id of epciIds) for (const commune of index.communesByEpci.get(id) ?? []) communes.add(commune);
  return [...communes].sort();
}

/** An official territory outside the region (for `outsideRegion` places), or undefined. */
export interface OfficialTerritory {
  name: string;
  level: 'REGION' | 'DEPARTEMENT' | 'EPCI' | 'COMMUNE';
  code: string;
  population: number;
  region: string | undefined;
}

/** Looks an official territory up by grid-style id (`reg:`, `dep:`, `epci:`, `com:`) anywhere in France. */
export function findOfficialTerritory(id: string): OfficialTerritory | undefined {
  const { communes, epci, departements, regions } = loadReferential();
  const separator = id.indexOf(':');
  const prefix = id.slice(0, separator);
  const code = id.slice(separator + 1);
  const sumPopulation = (members: CommuneRecord[]): number =>
    members.reduce((sum, commune) => sum + (commune.population ?? 0), 0);
  switch (prefix) {
    case 'com': {
      const commune = communes.find((candidate) => candidate.code === code);
      return (
        commune && {
          name: commune.nom,
          level: 'COMMUNE',
          code,
          population: commune.population ?? 0,
          region: commune.region,
        }
      );
    }
    case 'dep': {
      const departement = departements.find((candidate) => candidate.code === code);
      const members = communes.filter((commune) => commune.departement === code);
      return (
        departement && {
          name: departement.nom,
          level: 'DEPARTEMENT',
          code,
          population: sumPopulation(members),
          region: departement.region,
        }
      );
    }
    case 'reg': {
      const region = regions.find((candidate) => candidate.code === code);
      const members = communes.filter((commune) => commune.region === code);
      return (
        region && {
          name: region.nom,
          level: 'REGION',
          code,
          population: sumPopulation(members),
          region: code,
        }
      );
    }
    case 'epci': {
      const record = epci.find((candidate) => candidate.code === code);
      if (record === undefined) return undefined;
      const codes = new Set(record.membres.map((member) => member.code));
      const members = communes.filter((commune) => codes.has(commune.code));
      return { name: record.nom, level: 'EPCI', code, population: sumPopulation(members), region: undefined };
    }
    default:
      return undefined;
  }
}
