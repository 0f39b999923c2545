/**
 * A deterministic synthetic graph over a real territorial grid: organisations,
 * dispositifs and people with the labels, properties and id prefixes of the
 * curated data (graph/model.ts), linked with heavy-tailed degrees (Zipf
 * weights: a few funders fund thousands of dispositifs, a few networks have
 * thousands of members). The same seed and sizes give the same graph.
 */
import {
  ORGANISATION_TYPES,
  type OrganisationType,
  type PropertyValue,
  type RelationshipType,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from '../../graph/model.js';
import { acronymOf, nameDispositif, nameOrganisation } from './names.js';
import { createRandom, createWeightedSampler, zipfWeights, type Random } from '../../graph/random.js';
import type { GenerateSizes, SharedType } from './sizes.js';

export const GENERATED_SOURCE_ID = 'src:graphe-synthetique';

export interface GenerateInput {
  /** The graph the generated one joins (grid + curated): territories, themes and publics come from it. */
  base: SeedGraph;
  sizes: GenerateSizes;
  seed: number;
}

const FUNDER_TYPES: readonly OrganisationType[] = ['REG', 'DEPT', 'CD', 'ETAT', 'OPCO', 'FONDATION', 'EPCI'];
const PRESCRIBER_TYPES: readonly OrganisationType[] = ['ML', 'FT', 'CAP_EMPLOI', 'CCAS', 'PLIE', 'MDE'];
const GOVERNED_LEVEL: Partial<Record<OrganisationType, string>> = {
  REG: 'REGION',
  CD: 'DEPARTEMENT',
  DEPT: 'DEPARTEMENT',
  EPCI: 'EPCI',
  MUNI: 'COMMUNE',
};
// Most actors are associations, training bodies and local public services.
const TYPE_WEIGHTS: Partial<Record<OrganisationType, number>> = {
  ASSO: 30,
  OF: 12,
  ENTREPRISE: 10,
  SIAE: 6,
  MUNI: 5,
  CCAS: 4,
  ML: 3,
  FT: 2,
  RESEAU: 2,
  EPCI: 2,
  CFA: 2,
};
const DISPOSITIF_TYPES = ['programme', 'action', 'plateforme', 'label', 'contrat-aide', 'appel-a-projets'];
const PARTNER_ROLES = ['co-animation', 'tutorat', 'accueil', 'orientation', 'mise à disposition de locaux'];
const FIRST_NAMES = [
  'Camille',
  'Dominique',
  'Claude',
  'Alix',
  'Sacha',
  'Léa',
  'Karim',
  'Nadia',
  'Yves',
  'Inès',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lafargue',
  'Etcheverry',
  'Moreau',
  'Diallo',
  'Garcia',
  'Roux',
];
const ROLES = ['chargée de mission', 'directeur', 'coordinatrice', 'conseiller en insertion', 'référente'];
/** The dates are drawn around this day, which decides the status. */
const REFERENCE_DAY = '2026-01-01';
/** A few dispositifs are national schemes that local ones are instances of. */
const NATIONAL_SHARE = 0.02;

const NO_PROPS: Record<string, PropertyValue> = {};

const pad = (index: number) => String(index).padStart(6, '0');

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Shuffles a copy (Fisher–Yates), so that hubs are spread over types and places. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Draws from `items` with Zipf weights over a shuffled order. */
function zipfPicker<T>(random: Random, items: readonly T[], exponent: number): () => T {
  if (items.length === 0) throw new Error('no candidates to draw from');
  const order = shuffled(random, items);
  const draw = createWeightedSampler(random, zipfWeights(order.length, exponent));
  return () => order[draw()]!;
}

export function generateGraph({ base, sizes, seed }: GenerateInput): SeedGraph {
  const random = createRandom(seed);
  const territories = base.nodes.filter((node) => node.label === 'Territory' && node.props.level);
  const atLevel = (level: string) => territories.filter((node) => node.props.level === level);
  const communes = atLevel('COMMUNE');
  const themes = base.nodes.filter((node) => node.label === 'Theme').map((node) => node.id);
  const publics = base.nodes.filter((node) => node.label === 'Public').map((node) => node.id);
  if (communes.length === 0 || themes.length === 0 || publics.length === 0)
    throw new Error('the base graph needs communes, themes and publics');
  const drawCommune = createWeightedSampler(
    random,
    communes.map((node) => Math.sqrt(Number(node.props.population) || 1)),
  );
  const deploymentLevels: [string, number][] = [
    ['REGION', 0.08],
    ['DEPARTEMENT', 0.22],
    ['EPCI', 0.35],
    ['COMMUNE', 0.35],
  ];
  const byLevel = new Map(deploymentLevels.map(([level]) => [level, atLevel(level)]));
  const drawTerritory = (): SeedNode => {
    let roll = random.next();
    for (const [level, share] of deploymentLevels) {
      roll -= share;
      const candidates = byLevel.get(level) ?? [];
      if (roll < 0 && candidates.length > 0) return random.pick(candidates);
    }
    return communes[drawCommune()]!;
  };

  const nodes: SeedNode[] = [
    {
      label: 'Source',
      id: GENERATED_SOURCE_ID,
      props: {
        name: `Graphe synthétique (graine ${seed})`,
        title: `Graphe synthétique (graine ${seed})`,
        date: REFERENCE_DAY,
        publisher: 'Atlas des acteurs (générateur)',
        kind: 'user-import',
        url: null,
      },
    },
  ];
  const relationships: SeedRelationship[] = [];
  const seen = new Set<string>();
  const link = (
    type: RelationshipType,
    from: string,
    to: string,
    props: Record<string, PropertyValue> = {},
  ) => {
    const key = `${from}|${type}|${to}`;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    relationships.push({
      type,
      from,
      to,
      sources: [GENERATED_SOURCE_ID],
      props: { evidence: 'Relation synthétique', ...props },
    });
    return true;
  };

  // Organisations, each seated in a commune (weighted by population)
  const typeNames = ORGANISATION_TYPES.filter((type) => type !== 'AUTRE');
  const drawType = createWeightedSampler(
    random,
    typeNames.map((type) => TYPE_WEIGHTS[type] ?? 1),
  );
  const organisations: { id: string; type: OrganisationType }[] = [];
  for (let i = 1; i <= sizes.organisations; i += 1) {
    const type = typeNames[drawType()]!;
    const seat = communes[drawCommune()]!;
    const name = nameOrganisation(type, random, String(seat.props.name));
    const id = `org:gen-${pad(i)}`;
    organisations.push({ id, type });
    nodes.push({
      label: 'Organisation',
      id,
      props: {
        name,
        acronym: random.chance(0.3) ? acronymOf(name) : null,
        aliases: [],
        type,
        description: `${name} : structure générée pour les mesures à grande échelle.`,
        website: random.chance(0.5) ? `https://example.org/${id.slice(4)}` : null,
      },
    });
    link('LOCATED_IN', id, seat.id);
  }

  // Dispositifs, each with a first place of deployment that names it
  const dispositifs: string[] = [];
  for (let i = 1; i <= sizes.dispositifs; i += 1) {
    const id = `dis:gen-${pad(i)}`;
    const place = drawTerritory();
    const startYear = 2010 + random.int(17);
    const startDate = isoDay(startYear, 1 + random.int(12), 1 + random.int(28));
    const endDate = random.chance(0.4) ? isoDay(startYear + 1 + random.int(5), 1 + random.int(12), 28) : null;
    const status =
      startDate > REFERENCE_DAY
        ? 'planned'
        : endDate !== null && endDate < REFERENCE_DAY
          ? 'ended'
          : 'active';
    const name = nameDispositif(random, String(place.props.name));
    dispositifs.push(id);
    nodes.push({
      label: 'Dispositif',
      id,
      props: {
        name,
        aliases: [],
        type: random.pick(DISPOSITIF_TYPES),
        status,
        startDate,
        endDate,
        startDateText: startDate,
        endDateText: endDate,
        description: `${name} : dispositif généré pour les mesures à grande échelle.`,
      },
    });
    link('DEPLOYED_IN', id, place.id);
  }

  // People, each working for an organisation (Zipf: some employ many)
  const anyOrganisation = zipfPicker(random, organisations, 0.9);
  for (let i = 1; i <= sizes.persons; i += 1) {
    const id = `per:gen-${pad(i)}`;
    nodes.push({
      label: 'Person',
      id,
      props: { name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, role: random.pick(ROLES) },
    });
    link('WORKS_AT', id, anyOrganisation().id, { role: random.pick(ROLES) });
  }

  for (const node of nodes)
    if (node.id !== GENERATED_SOURCE_ID) link('MENTIONED_IN', node.id, GENERATED_SOURCE_ID);

  const ofTypes = (types: readonly OrganisationType[]) => {
    const pool = organisations.filter((org) => types.includes(org.type));
    return pool.length > 0 ? pool : organisations;
  };
  const funder = zipfPicker(random, ofTypes(FUNDER_TYPES), 1.1);
  const prescriber = zipfPicker(random, ofTypes(PRESCRIBER_TYPES), 1.0);
  const network = zipfPicker(random, ofTypes(['RESEAU', 'FONDATION']), 1.2);
  const carrier = zipfPicker(random, organisations, 0.8);
  const partnerOrg = zipfPicker(random, organisations, 0.9);
  const popularDispositif = zipfPicker(random, dispositifs, 0.7);
  const nationalCount = Math.max(1, Math.round(dispositifs.length * NATIONAL_SHARE));
  const national = dispositifs.slice(0, nationalCount);
  const local = dispositifs.length > nationalCount ? dispositifs.slice(nationalCount) : dispositifs;
  const collectivities = organisations.filter((org) => GOVERNED_LEVEL[org.type] !== undefined);
  const theme = zipfPicker(random, themes, 0.8);
  const publicOf = zipfPicker(random, publics, 0.8);

  const draws: Record<SharedType, () => [string, string, Record<string, PropertyValue>?]> = {
    CARRIES: () => [carrier().id, random.pick(dispositifs)],
    FUNDS: () =>
      random.chance(0.9)
        ? [
            funder().id,
            popularDispositif(),
            random.chance(0.3) ? { amount: `${5 + random.int(500)} k€` } : NO_PROPS,
          ]
        : [funder().id, random.pick(organisations).id],
    PARTNERS_IN: () => [partnerOrg().id, popularDispositif(), { role: random.pick(PARTNER_ROLES) }],
    PRESCRIBES: () => [prescriber().id, popularDispositif()],
    DEPLOYED_IN: () => [random.pick(dispositifs), drawTerritory().id],
    TARGETS: () => [random.pick(dispositifs), publicOf()],
    ADDRESSES: () => [random.pick(dispositifs), theme()],
    PARTNERS_WITH: () => [partnerOrg().id, partnerOrg().id],
    MEMBER_OF: () => [random.pick(organisations).id, network().id],
    INSTANCE_OF: () => [random.pick(local), random.pick(national)],
    SUCCEEDS: () => [random.pick(local), random.pick(local)],
    GOVERNS: () => {
      const org = collectivities.length > 0 ? random.pick(collectivities) : random.pick(organisations);
      const candidates = byLevel.get(GOVERNED_LEVEL[org.type] ?? 'COMMUNE') ?? communes;
      return [org.id, random.pick(candidates.length > 0 ? candidates : communes).id];
    },
  };

  // Every dispositif has a carrier; the rest of the budget goes by shares
  for (const id of dispositifs) link('CARRIES', carrier().id, id);
  const remaining = Math.max(0, sizes.relationships - relationships.length);
  const types = Object.keys(draws) as SharedType[];
  const planned = types.map((type) => Math.floor(remaining * sizes.shares[type]));
  planned[0]! += remaining - planned.reduce((sum, count) => sum + count, 0);
  types.forEach((type, index) => {
    const wanted = relationships.length + planned[index]!;
    // Duplicates are skipped, so draw until the count is reached (bounded: tiny graphs saturate)
    for (let attempts = 0; relationships.length < wanted && attempts < planned[index]! * 20; attempts += 1) {
      const [from, to, props] = draws[type]();
      link(type, from, to, props);
    }
  });
  return { nodes, relationships };
}
