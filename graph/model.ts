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
  return ID_PREFIXES[prefix];
}

export const TERRITORY_LEVELS = ['REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'BASSIN'] as const;
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
