/**
 * The territorial grid of Nouvelle-Aquitaine (région, départements, EPCI,
 * communes) built from the official referential `@etalab/decoupage-administratif`.
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
  level: 'REGION' | 'DEPARTEMENT' | 'EPCI' | 'COMMUNE',
  population: number,
): SeedNode {
  return { label: 'Territory', id, props: { name, code, level, population, outsideRegion: false } };
}

/** Builds the region's territories and their PART_OF hierarchy (pure and deterministic). */
export function buildTerritorialGrid(): SeedGraph {
  const { communes, epci, departements, regions, version } = loadReferential();
  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
  const regionCommunes = communes.filter((commune) => commune.region === REGION_CODE).sort(byCode);
  const region = regions.find((candidate) => candidate.code === REGION_CODE);
  if (region === undefined) throw new Error(`region ${REGION_CODE} missing from decoupage-administratif`);

  // Communes carry no EPCI field: invert epci[].membres, keeping EPCI the region mostly holds
  const keptEpci: { record: EpciRecord; population: number; departement: string }[] = [];
  const epciOfCommune = new Map<string, string>();
  for (const record of epci) {
    const populationByRegion = new Map<string, number>();
    const regionPopulationByDepartement = new Map<string, number>();
    let population = 0;
    for (const member of record.membres) {
      const commune = communeByCode.get(member.code);
      if (commune === undefined) continue;
      const weight = commune.population ?? 0;
      population += weight;
      addWeight(populationByRegion, commune.region ?? '', weight);
      if (commune.region === REGION_CODE) {
        addWeight(regionPopulationByDepartement, commune.departement ?? '', weight);
      }
    }
    if (pickMajority(populationByRegion) !== REGION_CODE) continue;
    const departement = pickMajority(regionPopulationByDepartement);
    if (departement === undefined) continue;
    keptEpci.push({ record, population, departement });
    for (const member of record.membres) {
      if (communeByCode.get(member.code)?.region === REGION_CODE) {
        epciOfCommune.set(member.code, record.code);
      }
    }
  }
  keptEpci.sort((a, b) => byCode(a.record, b.record));

  const populationByDepartement = new Map<string, number>();
  for (const commune of regionCommunes) {
    addWeight(populationByDepartement, commune.departement ?? '', commune.population ?? 0);
  }
  const regionDepartements = departements
    .filter((departement) => departement.region === REGION_CODE)
    .sort(byCode);

  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const regionNodeId = regionId(REGION_CODE);
  const regionPopulation = regionCommunes.reduce((sum, commune) => sum + (commune.population ?? 0), 0);

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
  nodes.push(territory(regionNodeId, region.nom, region.code, 'REGION', regionPopulation));
  for (const departement of regionDepartements) {
    const id = departementId(departement.code);
    const population = populationByDepartement.get(departement.code) ?? 0;
    nodes.push(territory(id, departement.nom, departement.code, 'DEPARTEMENT', population));
    relationships.push(partOf(id, regionNodeId));
  }
  for (const { record, population, departement } of keptEpci) {
    const id = epciId(record.code);
    nodes.push(territory(id, record.nom, record.code, 'EPCI', population));
    relationships.push(partOf(id, departementId(departement)));
  }
  for (const commune of regionCommunes) {
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
