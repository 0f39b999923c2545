/**
 * The closed vocabulary of the graph (DOMAIN.md §2–3). Labels and relationship
 * types used in Cypher must come from these lists, never from user input.
 */

export const NODE_LABELS = [
  'Organisation',
  'Dispositif',
  'Territory',
  'Person',
  'Theme',
  'Public',
  'Source',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'CARRIES',
  'PARTNERS_IN',
  'FUNDS',
  'PRESCRIBES',
  'PARTNERS_WITH',
  'MEMBER_OF',
  'WORKS_AT',
  'LOCATED_IN',
  'GOVERNS',
  'DEPLOYED_IN',
  'INSTANCE_OF',
  'SUCCEEDS',
  'TARGETS',
  'ADDRESSES',
  'PART_OF',
  'MENTIONED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * How an organisation takes part in a dispositif: two organisations with any of
 * these on the same dispositif are partners (DOMAIN.md §3).
 */
export const INVOLVEMENT_TYPES = [
  'CARRIES',
  'PARTNERS_IN',
  'FUNDS',
  'PRESCRIBES',
] as const satisfies readonly RelationshipType[];
export type InvolvementType = (typeof INVOLVEMENT_TYPES)[number];

/** Which labels each relationship type may join (from → to). */
export const RELATIONSHIP_ENDPOINTS: Record<
  RelationshipType,
  { from: readonly NodeLabel[]; to: readonly NodeLabel[] }
> = {
  CARRIES: { from: ['Organisation'], to: ['Dispositif'] },
  PARTNERS_IN: { from: ['Organisation'], to: ['Dispositif'] },
  FUNDS: { from: ['Organisation'], to: ['Dispositif', 'Organisation'] },
  PRESCRIBES: { from: ['Organisation'], to: ['Dispositif'] },
  PARTNERS_WITH: { from: ['Organisation'], to: ['Organisation'] },
  MEMBER_OF: { from: ['Organisation'], to: ['Organisation'] },
  WORKS_AT: { from: ['Person'], to: ['Organisation'] },
  LOCATED_IN: { from: ['Organisation'], to: ['Territory'] },
  GOVERNS: { from: ['Organisation'], to: ['Territory'] },
  DEPLOYED_IN: { from: ['Dispositif'], to: ['Territory'] },
  INSTANCE_OF: { from: ['Dispositif'], to: ['Dispositif'] },
  SUCCEEDS: { from: ['Dispositif'], to: ['Dispositif'] },
  TARGETS: { from: ['Dispositif'], to: ['Public'] },
  ADDRESSES: { from: ['Dispositif'], to: ['Theme'] },
  PART_OF: { from: ['Territory'], to: ['Territory'] },
  MENTIONED_IN: {
    from: ['Organisation', 'Dispositif', 'Territory', 'Person', 'Theme', 'Public'],
    to: ['Source'],
  },
};

/** Id prefix → label: every node id is `prefix:slug` (DOMAIN.md §2). */
export const ID_PREFIXES: Record<string, NodeLabel> = {
  org: 'Organisation',
  pays: 'Territory',
  dis: 'Dispositif',
  reg: 'Territory',
  dep: 'Territory',
  epci: 'Territory',
  com: 'Territory',
  bassin: 'Territory',
  place: 'Territory',
  per: 'Person',
  theme: 'Theme',
  public: 'Public',
  src: 'Source',
};

export function labelOfId(id: string): NodeLabel | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  // Own keys only: "constructor:x" must not find Object.prototype.constructor.
  return Object.hasOwn(ID_PREFIXES, prefix) ? ID_PREFIXES[prefix] : undefined;
}

export const TERRITORY_LEVELS = ['PAYS', 'REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'BASSIN'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export const DISPOSITIF_STATUSES = ['planned', 'active', 'ended'] as const;
export type DispositifStatus = (typeof DISPOSITIF_STATUSES)[number];

export const ORGANISATION_TYPES = [
  'ML',
  'FT',
  'CAP_EMPLOI',
  'PLIE',
  'CCAS',
  'ASSO',
  'OF',
  'E2C',
  'MDE',
  'FABLAB',
  'TIERS_LIEUX',
  'CD',
  'DEPT',
  'REG',
  'EPCI',
  'MUNI',
  'CCONS',
  'DEETS',
  'SIAE',
  'EA',
  'CHAMBRE_CONSULAIRE',
  'OPCO',
  'ETAT',
  'FONDATION',
  'ENTREPRISE',
  'RESEAU',
  'ETABLISSEMENT_SCOLAIRE',
  'CFA',
  'AUTRE',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * The properties each label carries (DOMAIN.md §2) as graph/ returns them:
 * what the seed writes, every one but the name optional. Values whose closed
 * list is checked where they are read (status, level) stay strings here.
 */
export interface NodePropsByLabel {
  Organisation: {
    name: string;
    acronym?: string | null;
    aliases?: string[] | null;
    type?: string | null;
    description?: string | null;
    website?: string | null;
  };
  Dispositif: {
    name: string;
    aliases?: string[] | null;
    type?: string | null;
    status?: string | null;
    startDate?: string | null;
    endDate?: string | null;
    description?: string | null;
  };
  Territory: {
    name: string;
    code?: string | null;
    level?: string | null;
    population?: number | null;
    outsideRegion?: boolean | null;
    basis?: string | null;
  };
  Person: { name: string; role?: string | null };
  Theme: { name: string; parent?: string | null };
  Public: { name: string };
  Source: {
    name?: string | null;
    title?: string | null;
    date?: string | null;
    publisher?: string | null;
    kind?: string | null;
    url?: string | null;
  };
}

/** A property value as stored on a node or relationship (dates are ISO `YYYY-MM-DD` strings). */
export type PropertyValue = string | number | boolean | string[] | null;

/** A node ready to be written: `props` holds everything but `id` (name included). */
export interface SeedNode {
  label: NodeLabel;
  id: string;
  props: Record<string, PropertyValue>;
}

/** A relationship ready to be written; `props` holds evidence, role, amount, period… */
export interface SeedRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  sources: string[];
  props: Record<string, PropertyValue>;
}

export interface SeedGraph {
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}
