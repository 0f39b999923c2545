import type { NodeLabel } from '../../graph/model.js';

/**
 * What a field reads of the rows graph/ returns, besides the id, label and
 * relationship type every row carries: a string names a stored property of the
 * parent (a node's for node types, the relationship's for link types);
 * `{ of, property }` a property of the nodes the field reaches (`'*'`: of any label).
 */
export type FieldRead = string | { of: NodeLabel | '*'; property: string };

const LINK_FIELDS = {
  role: ['role'],
  amount: ['amount'],
  period: ['period'],
  evidence: ['evidence'],
  // The cited sources' ids; the Source nodes are read by the node loader.
  sources: ['sources'],
} satisfies Record<string, readonly FieldRead[]>;

const NODE_FIELDS = {
  id: [],
  kind: [],
  name: ['name'],
  sources: [],
  relations: [],
  relationCounts: [],
} satisfies Record<string, readonly FieldRead[]>;

/**
 * Every field of the node and link types, with what its resolver reads: the one
 * home of the rule, so that reads project only what a query's selection needs and
 * a resolver never meets a missing property (tests/contracts/field-reads.test.ts
 * fails on a field of the schema without an entry). Relation fields read their own
 * relations: nothing of the parent's properties.
 */
export const FIELD_READS: Record<string, Record<string, readonly FieldRead[]>> = {
  Organisation: {
    ...NODE_FIELDS,
    acronym: ['acronym'],
    aliases: ['aliases'],
    type: ['type'],
    description: ['description'],
    website: ['website'],
    version: ['version'],
    territory: [],
    governs: [],
    carries: [],
    partnersIn: [],
    funds: [],
    fundedBy: [],
    prescribes: [],
    memberOf: [],
    members: [],
    partners: [],
    people: [],
  },
  Dispositif: {
    ...NODE_FIELDS,
    aliases: ['aliases'],
    type: ['type'],
    status: ['status'],
    startDate: ['startDate'],
    endDate: ['endDate'],
    description: ['description'],
    version: ['version'],
    carriers: [],
    partners: [],
    funders: [],
    prescribers: [],
    territories: [],
    publics: [],
    themes: [],
    instanceOf: [],
    instances: [],
    succeeds: [],
    succeededBy: [],
  },
  Territory: {
    ...NODE_FIELDS,
    code: ['code'],
    level: ['level'],
    population: ['population'],
    outsideRegion: ['outsideRegion'],
    basis: ['basis'],
    // The nearest container, by the level of each.
    parent: [{ of: 'Territory', property: 'level' }],
    parents: [],
    // Filtered by level.
    children: [{ of: 'Territory', property: 'level' }],
    dispositifs: [],
    organisations: [],
    governedBy: [],
  },
  Person: { ...NODE_FIELDS, role: ['role'], version: ['version'], organisations: [] },
  // A theme's parent is a property holding its id.
  Theme: { ...NODE_FIELDS, parent: ['parent'], children: [], dispositifs: [] },
  Public: { ...NODE_FIELDS, dispositifs: [] },
  Source: {
    ...NODE_FIELDS,
    title: ['title', 'name'],
    date: ['date'],
    publisher: ['publisher'],
    sourceKind: ['kind'],
    url: ['url'],
    mentions: [],
  },
  Relation: {
    ...LINK_FIELDS,
    type: [],
    direction: [],
    // The cursor holds the other end's name (its place in page order).
    cursor: [{ of: '*', property: 'name' }],
    node: [],
  },
  OrganisationLink: { ...LINK_FIELDS, organisation: [] },
  DispositifLink: { ...LINK_FIELDS, dispositif: [] },
  FundingLink: { ...LINK_FIELDS, target: [] },
  TerritoryLink: { ...LINK_FIELDS, territory: [] },
  PersonLink: { ...LINK_FIELDS, person: [] },
  PublicLink: { ...LINK_FIELDS, public: [] },
  ThemeLink: { ...LINK_FIELDS, theme: [] },
};
