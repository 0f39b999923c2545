/**
 * The graph's closed vocabulary as the page shows it: French words for node
 * kinds, relationship types, statuses, levels and properties (DOMAIN.md §2–4).
 */
import type {
  DispositifStatus,
  NodeKind,
  OrganisationType,
  RelationshipType,
  TerritoryLevel,
} from './gql/graphql';

// Every closed list below comes from the schema's enums (the generated types): each
// label table is a `Record<Enum, …>`, so a value without a French label fails to
// compile, and each list is its table's keys, so it cannot miss one either.
export type { DispositifStatus, NodeKind, OrganisationType, TerritoryLevel };
export type RelationType = RelationshipType;

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

export const KIND_LABELS: Record<NodeKind, { one: string; many: string }> = {
  ORGANISATION: { one: 'Organisation', many: 'Organisations' },
  DISPOSITIF: { one: 'Dispositif', many: 'Dispositifs' },
  TERRITORY: { one: 'Territoire', many: 'Territoires' },
  PERSON: { one: 'Personne', many: 'Personnes' },
  THEME: { one: 'Thème', many: 'Thèmes' },
  PUBLIC: { one: 'Public', many: 'Publics' },
  SOURCE: { one: 'Source', many: 'Sources' },
};
export const NODE_KINDS: readonly NodeKind[] = keysOf(KIND_LABELS);

/** Edge types drawn on the canvas: the stored relationships plus the partnership projection. */
export type EdgeType = RelationType | 'PARTNERS';

/** How a relationship reads from each end: `out` from its start node, `in` from its end node. */
export const RELATION_LABELS: Record<EdgeType, { name: string; out: string; in: string }> = {
  CARRIES: { name: 'porte', out: 'porte', in: 'porté par' },
  PARTNERS_IN: { name: 'participe à', out: 'participe à', in: 'a pour partenaire' },
  FUNDS: { name: 'finance', out: 'finance', in: 'financé par' },
  PRESCRIBES: { name: 'prescrit', out: 'prescrit', in: 'prescrit par' },
  PARTNERS_WITH: { name: 'partenaire de', out: 'partenaire de', in: 'partenaire de' },
  MEMBER_OF: { name: 'membre de', out: 'membre de', in: 'a pour membre' },
  WORKS_AT: { name: 'travaille à', out: 'travaille à', in: 'emploie' },
  LOCATED_IN: { name: 'situé à', out: 'a son siège à', in: 'siège de' },
  GOVERNS: { name: 'administre', out: 'administre', in: 'administré par' },
  DEPLOYED_IN: { name: 'déployé à', out: 'déployé à', in: 'accueille' },
  INSTANCE_OF: { name: 'déclinaison de', out: 'déclinaison locale de', in: 'décliné en' },
  SUCCEEDS: { name: 'succède à', out: 'succède à', in: 'remplacé par' },
  TARGETS: { name: "s'adresse à", out: "s'adresse à", in: 'public de' },
  ADDRESSES: { name: 'traite de', out: 'traite de', in: 'thème de' },
  PART_OF: { name: 'fait partie de', out: 'fait partie de', in: 'contient' },
  MENTIONED_IN: { name: 'cité dans', out: 'cité dans', in: 'cite' },
  PARTNERS: { name: 'partenaires', out: 'partenaire de', in: 'partenaire de' },
};
/** The stored relationship types, in the order panels list them. */
export const RELATION_TYPES: readonly RelationType[] = keysOf(RELATION_LABELS).filter(
  (type): type is RelationType => type !== 'PARTNERS',
);

export const isRelationType = (value: string): value is RelationType =>
  (RELATION_TYPES as readonly string[]).includes(value);

export const relationLabel = (type: string, direction: 'OUT' | 'IN' = 'OUT'): string => {
  const labels = RELATION_LABELS[type as EdgeType];
  if (!labels) return type;
  return direction === 'OUT' ? labels.out : labels.in;
};

export const STATUS_LABELS: Record<DispositifStatus, string> = {
  planned: 'prévu',
  active: 'en cours',
  ended: 'terminé',
};
export const DISPOSITIF_STATUSES: readonly DispositifStatus[] = keysOf(STATUS_LABELS);

export const LEVEL_LABELS: Record<TerritoryLevel, string> = {
  PAYS: 'Pays',
  REGION: 'Région',
  DEPARTEMENT: 'Département',
  EPCI: 'EPCI',
  COMMUNE: 'Commune',
  BASSIN: 'Bassin',
};
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = keysOf(LEVEL_LABELS);

/** Levels in the plural, as counts read: « 294 communes ». */
export const LEVEL_PLURALS: Record<TerritoryLevel, string> = {
  PAYS: 'pays',
  REGION: 'régions',
  DEPARTEMENT: 'départements',
  EPCI: 'EPCI',
  COMMUNE: 'communes',
  BASSIN: 'bassins',
};

export const isTerritoryLevel = (value: string): value is TerritoryLevel =>
  (TERRITORY_LEVELS as readonly string[]).includes(value);

/** Organisation types (DOMAIN.md §4: data.inclusion's typology codes and the project's) in words. */
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  ML: 'Mission locale',
  FT: 'France Travail',
  CAP_EMPLOI: 'Cap emploi',
  PLIE: "Plan local pour l'insertion et l'emploi (PLIE)",
  CCAS: "Centre communal d'action sociale (CCAS)",
  ASSO: 'Association',
  OF: 'Organisme de formation',
  E2C: 'École de la 2e chance',
  MDE: "Maison de l'emploi",
  FABLAB: 'Fab lab',
  TIERS_LIEUX: 'Tiers-lieu',
  CD: 'Conseil départemental',
  DEPT: 'Département',
  REG: 'Région',
  EPCI: 'Intercommunalité',
  MUNI: 'Commune',
  CCONS: 'Chambre consulaire',
  DEETS: 'Services de l’État pour l’emploi et les solidarités',
  SIAE: "Structure d'insertion par l'activité économique",
  EA: 'Entreprise adaptée',
  CHAMBRE_CONSULAIRE: 'Chambre consulaire',
  OPCO: 'Opérateur de compétences (OPCO)',
  ETAT: 'État',
  FONDATION: 'Fondation',
  ENTREPRISE: 'Entreprise',
  RESEAU: 'Réseau',
  ETABLISSEMENT_SCOLAIRE: 'Établissement scolaire',
  CFA: "Centre de formation d'apprentis (CFA)",
  AUTRE: 'Autre',
};

/** Dispositif types as stored (seeds/data) in words. */
export const DISPOSITIF_TYPE_LABELS: Record<string, string> = {
  action: 'action',
  'appel-a-projets': 'appel à projets',
  'contrat-aide': 'contrat aidé',
  dispositif: 'dispositif',
  evenement: 'événement',
  formation: 'formation',
  label: 'label',
  plateforme: 'plateforme',
  programme: 'programme',
  service: 'service',
};

/** Kinds of sources (DOMAIN.md §2) in words. */
export const SOURCE_KIND_LABELS: Record<string, string> = {
  article: 'article',
  referential: 'référentiel',
  'user-import': 'import',
  'user-edit': 'saisie dans l’atlas',
};

/** A type code (organisation or dispositif) in words; an unknown one as stored. */
export function typeLabel(value: string): string {
  return (
    ORGANISATION_TYPE_LABELS[value as OrganisationType] ??
    DISPOSITIF_TYPE_LABELS[value] ??
    value.replace(/-/g, ' ')
  );
}

/** Property names as the details panel shows them; unknown names are shown as stored. */
export const PROPERTY_LABELS: Record<string, string> = {
  id: 'Identifiant',
  name: 'Nom',
  acronym: 'Sigle',
  aliases: 'Autres noms',
  type: 'Type',
  description: 'Description',
  website: 'Site web',
  status: 'Statut',
  startDate: 'Début',
  startDateText: 'Début (tel que cité)',
  endDate: 'Fin',
  endDateText: 'Fin (telle que citée)',
  code: 'Code',
  level: 'Niveau',
  population: 'Population',
  outsideRegion: 'Hors Nouvelle-Aquitaine',
  basis: 'Composition',
  role: 'Rôle',
  title: 'Titre',
  date: 'Date',
  publisher: 'Éditeur',
  kind: 'Nature',
  url: 'Adresse',
  parent: 'Thème parent',
  evidence: 'Justification',
  amount: 'Montant',
  period: 'Période',
  weight: 'Poids',
  dispositifs: 'Dispositifs partagés',
  direct: 'Partenariat explicite',
};

export const propertyLabel = (key: string) => PROPERTY_LABELS[key] ?? key;

/** A property value as text: lists joined, booleans in words, statuses and levels translated. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.length ? value.map((item) => formatValue(key, item)).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (key === 'status' && typeof value === 'string' && value in STATUS_LABELS)
    return STATUS_LABELS[value as DispositifStatus];
  if (key === 'level' && typeof value === 'string' && value in LEVEL_LABELS)
    return LEVEL_LABELS[value as TerritoryLevel];
  if (key === 'type' && typeof value === 'string') return typeLabel(value);
  if (key === 'kind' && typeof value === 'string' && value in SOURCE_KIND_LABELS)
    return SOURCE_KIND_LABELS[value]!;
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `2019-04-25` → `25 avril 2019` (dates are calendar dates: no time zone shift). */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
