import type { Db, TxRunner } from '../driver.js';
import {
  INVOLVEMENT_TYPES,
  ORGANISATION_TYPES,
  TERRITORY_LEVELS,
  type NodeLabel,
  type TerritoryLevel,
} from '../model.js';
import { runConsoleQuery, type CypherResultRow } from './cypher-console.js';

/**
 * The library of parameterised queries written for the Atlas's three users.
 * Each runs through the console's guarded path (READ transaction, plan
 * allow-list, timeout, caps), so a template can no more write than a typed query.
 */

export type SavedQueryAudience = 'PLANNER' | 'FUNDER' | 'ANALYST';

export type SavedQueryParameter = {
  name: string;
  label: string;
  required: boolean;
  default?: string | number | null;
} & (
  | { type: 'NODE'; kinds: readonly NodeLabel[] }
  | { type: 'TERRITORY'; levels: readonly TerritoryLevel[] }
  | { type: 'THEME' | 'PUBLIC' | 'TEXT' | 'DATE' }
  | { type: 'NUMBER'; min: number; max: number; integer: boolean }
  | { type: 'ENUM'; values: readonly string[] }
);

export interface SavedQuery {
  id: string;
  title: string;
  description: string;
  audience: SavedQueryAudience[];
  cypher: string;
  parameters: SavedQueryParameter[];
}

const INVOLVEMENT = INVOLVEMENT_TYPES.join('|');

// Partners as the partnership network has them: a shared dispositif or an explicit partnership.
const HAS_PARTNER = (o: string) => `(
    EXISTS { (${o})-[:${INVOLVEMENT}]->(:Dispositif)<-[:${INVOLVEMENT}]-(other:Organisation) WHERE other <> ${o} }
    OR EXISTS { (${o})-[:PARTNERS_WITH]-(:Organisation) })`;

// A territory and what it holds or is held by: where a dispositif deployed counts for it.
const REACHES = (deployed: string, territory: string) =>
  `(${deployed} = ${territory} OR (${territory})-[:PART_OF*1..3]->(${deployed}) OR (${deployed})-[:PART_OF*1..3]->(${territory}))`;

const ACTIVE_ON = (d: string, day: string) =>
  `(${d}.startDate IS NULL OR ${d}.startDate <= ${day}) AND (${d}.endDate IS NULL OR ${d}.endDate >= ${day}) AND coalesce(${d}.status, '') <> 'ended'`;

export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    id: 'bridges-between-bassins',
    title: 'Organisations qui relient plusieurs bassins',
    description:
      "Organisations engagées (porteuses, partenaires, financeuses, prescriptrices) dans des dispositifs déployés dans au moins N bassins d'emploi.",
    audience: ['PLANNER', 'ANALYST'],
    parameters: [
      {
        name: 'minBassins',
        label: 'Bassins au moins',
        type: 'NUMBER',
        min: 2,
        max: 10,
        integer: true,
        required: false,
        default: 2,
      },
    ],
    cypher: /* cypher */ `
MATCH (o:Organisation)-[:${INVOLVEMENT}]->(d:Dispositif)-[:DEPLOYED_IN]->(t:Territory)
CALL (t) {
  MATCH (b:Territory {level: 'BASSIN'}) WHERE b = t RETURN b
  UNION
  MATCH (t)-[:PART_OF]->(b:Territory {level: 'BASSIN'}) RETURN b
  UNION
  MATCH (b:Territory {level: 'BASSIN'})-[:PART_OF]->(t) RETURN b
  UNION
  MATCH (t)<-[:PART_OF]-(:Territory {level: 'COMMUNE'})-[:PART_OF]->(b:Territory {level: 'BASSIN'})
  WHERE t.level = 'EPCI'
  RETURN b
}
WITH o, collect(DISTINCT b) AS bassins, collect(DISTINCT d) AS dispositifs
WHERE size(bassins) >= $minBassins
RETURN o AS organisation, [b IN bassins | b.name] AS bassins, dispositifs
ORDER BY size(bassins) DESC, o.name`,
  },
  {
    id: 'co-funders',
    title: 'Financeurs qui cofinancent les mêmes opérateurs',
    description:
      "Paires de financeurs qui financent le même opérateur (directement, ou un dispositif qu'il porte), avec ces opérateurs.",
    audience: ['FUNDER'],
    parameters: [
      {
        name: 'funder',
        label: 'Financeur (facultatif)',
        type: 'NODE',
        kinds: ['Organisation'],
        required: false,
        default: null,
      },
    ],
    cypher: /* cypher */ `
MATCH (f:Organisation)-[:FUNDS]->(x)
OPTIONAL MATCH (x)<-[:CARRIES]-(carrier:Organisation)
WITH f, CASE WHEN x:Organisation THEN x ELSE carrier END AS operator
WHERE operator IS NOT NULL
WITH operator, collect(DISTINCT f) AS funders
UNWIND funders AS a
UNWIND funders AS b
WITH a, b, operator WHERE a.id < b.id AND ($funder IS NULL OR $funder IN [a.id, b.id])
RETURN a AS funder, b AS coFunder, collect(operator) AS operators, count(operator) AS shared
ORDER BY shared DESC, a.name, b.name`,
  },
  {
    id: 'ended-without-successor',
    title: 'Dispositifs terminés sans successeur',
    description:
      "Dispositifs terminés (statut ou date de fin passée à la date choisie) qu'aucun autre ne remplace (SUCCEEDS), avec leurs porteurs.",
    audience: ['PLANNER', 'FUNDER'],
    parameters: [{ name: 'asOf', label: 'À la date du', type: 'DATE', required: false, default: null }],
    cypher: /* cypher */ `
WITH CASE WHEN $asOf IS NULL THEN date() ELSE date($asOf) END AS day
MATCH (d:Dispositif)
WHERE (d.status = 'ended' OR d.endDate < day) AND NOT EXISTS { (:Dispositif)-[:SUCCEEDS]->(d) }
OPTIONAL MATCH (carrier:Organisation)-[:CARRIES]->(d)
RETURN d AS dispositif, d.endDate AS endDate, collect(carrier) AS carriers
ORDER BY d.endDate DESC, d.name`,
  },
  {
    id: 'sole-operator-without-partner',
    title: 'Territoires dont le seul opérateur est isolé',
    description:
      "Territoires où un seul organisme porte les dispositifs déployés, et où cet organisme n'a aucun partenaire.",
    audience: ['PLANNER'],
    parameters: [
      {
        name: 'level',
        label: 'Niveau',
        type: 'ENUM',
        values: TERRITORY_LEVELS,
        required: false,
        default: null,
      },
    ],
    cypher: /* cypher */ `
MATCH (t:Territory)<-[:DEPLOYED_IN]-(:Dispositif)<-[:CARRIES]-(o:Organisation)
WHERE $level IS NULL OR t.level = $level
WITH t, collect(DISTINCT o) AS operators
WHERE size(operators) = 1
WITH t, operators[0] AS operator
WHERE NOT ${HAS_PARTNER('operator')}
RETURN t AS territory, t.level AS level, operator
ORDER BY t.level, t.name`,
  },
  {
    id: 'referrals-in-departement',
    title: 'Qui oriente vers quoi dans un département',
    description:
      "Les prescripteurs (PRESCRIBES) des dispositifs déployés dans un département ou sur un territoire qu'il contient.",
    audience: ['PLANNER', 'ANALYST'],
    parameters: [
      {
        name: 'departement',
        label: 'Département',
        type: 'TERRITORY',
        levels: ['DEPARTEMENT'],
        required: true,
      },
    ],
    cypher: /* cypher */ `
MATCH (dep:Territory {id: $departement})
MATCH (p:Organisation)-[r:PRESCRIBES]->(d:Dispositif)-[:DEPLOYED_IN]->(t:Territory)
WHERE ${REACHES('t', 'dep')}
RETURN DISTINCT p AS prescriber, r AS prescribes, d AS dispositif
ORDER BY p.name, d.name`,
  },
  {
    id: 'organisations-without-partner',
    title: 'Organisations sans partenaire',
    description:
      "Organisations qui ne partagent aucun dispositif et n'ont aucun partenariat explicite, avec ce qu'elles portent.",
    audience: ['PLANNER', 'ANALYST'],
    parameters: [
      {
        name: 'type',
        label: "Type d'organisation",
        type: 'ENUM',
        values: ORGANISATION_TYPES,
        required: false,
        default: null,
      },
    ],
    cypher: /* cypher */ `
MATCH (o:Organisation)
WHERE ($type IS NULL OR o.type = $type) AND NOT ${HAS_PARTNER('o')}
OPTIONAL MATCH (o)-[:CARRIES]->(d:Dispositif)
RETURN o AS organisation, o.type AS type, collect(d) AS carries
ORDER BY size(carries) DESC, o.name`,
  },
  {
    id: 'brokers',
    title: 'Courtiers du réseau partenarial',
    description:
      "Organisations dont les partenaires ne sont pas partenaires entre eux : le nombre de paires qu'elles seules relient (courtage local).",
    audience: ['ANALYST', 'FUNDER'],
    parameters: [
      {
        name: 'first',
        label: 'Combien',
        type: 'NUMBER',
        min: 1,
        max: 100,
        integer: true,
        required: false,
        default: 10,
      },
    ],
    cypher: /* cypher */ `
MATCH (o:Organisation)-[:${INVOLVEMENT}]->(:Dispositif)<-[:${INVOLVEMENT}]-(p:Organisation)
WHERE p <> o
WITH o, collect(DISTINCT p) AS partners
UNWIND partners AS a
UNWIND partners AS b
WITH o, partners, a, b
WHERE a.id < b.id
  AND NOT EXISTS { (a)-[:${INVOLVEMENT}]->(:Dispositif)<-[:${INVOLVEMENT}]-(b) }
  AND NOT EXISTS { (a)-[:PARTNERS_WITH]-(b) }
WITH o, size(partners) AS partnerCount, count(*) AS brokeredPairs
RETURN o AS organisation, partnerCount, brokeredPairs
ORDER BY brokeredPairs DESC, o.name
LIMIT $first`,
  },
  {
    id: 'funder-reach',
    title: "Ce que l'argent d'un financeur atteint",
    description:
      'Ce que finance un organisme, puis ce qui y est relié en N pas au plus (porteurs, partenaires, territoires, publics), sans traverser les sources.',
    audience: ['FUNDER'],
    parameters: [
      { name: 'funder', label: 'Financeur', type: 'NODE', kinds: ['Organisation'], required: true },
      {
        name: 'hops',
        label: 'Pas au plus',
        type: 'NUMBER',
        min: 0,
        max: 3,
        integer: true,
        required: false,
        default: 1,
      },
    ],
    cypher: /* cypher */ `
MATCH (f:Organisation {id: $funder})-[funds:FUNDS]->(x)
MATCH p = (x)-[:CARRIES|PARTNERS_IN|PRESCRIBES|DEPLOYED_IN|TARGETS|ADDRESSES|INSTANCE_OF*0..3]-(y)
WHERE length(p) <= $hops AND NOT y:Source AND y <> f
RETURN f AS funder, funds, x AS funded, y AS reached, min(length(p)) AS hops
ORDER BY hops, y.name`,
  },
  {
    id: 'dispositifs-for-public-in-territory',
    title: "L'offre pour un public sur un territoire",
    description:
      'Dispositifs pour un public (ou « tous publics ») déployés sur un territoire, au-dessus ou en dessous de lui, actifs à la date choisie, avec leurs porteurs.',
    audience: ['PLANNER'],
    parameters: [
      { name: 'public', label: 'Public', type: 'PUBLIC', required: true },
      { name: 'territory', label: 'Territoire', type: 'TERRITORY', levels: TERRITORY_LEVELS, required: true },
      { name: 'activeOn', label: 'Actifs le', type: 'DATE', required: false, default: null },
    ],
    cypher: /* cypher */ `
MATCH (t:Territory {id: $territory})
MATCH (d:Dispositif)-[:TARGETS]->(pub:Public)
WHERE pub.id IN [$public, 'public:tous-publics']
  AND ($activeOn IS NULL OR ${ACTIVE_ON('d', 'date($activeOn)')})
  AND EXISTS { (d)-[:DEPLOYED_IN]->(x:Territory) WHERE ${REACHES('x', 't')} }
OPTIONAL MATCH (carrier:Organisation)-[:CARRIES]->(d)
RETURN DISTINCT d AS dispositif, d.status AS status, collect(DISTINCT carrier) AS carriers
ORDER BY d.name`,
  },
  {
    id: 'theme-operators',
    title: "Les opérateurs d'une thématique",
    description:
      'Organisations qui portent ou animent des dispositifs sur une thématique ou ses sous-thématiques, et combien.',
    audience: ['FUNDER', 'PLANNER'],
    parameters: [{ name: 'theme', label: 'Thématique', type: 'THEME', required: true }],
    cypher: /* cypher */ `
MATCH (o:Organisation)-[:CARRIES|PARTNERS_IN]->(d:Dispositif)-[:ADDRESSES]->(th:Theme)
WHERE th.id = $theme OR th.parent = $theme
RETURN o AS operator, collect(DISTINCT d) AS dispositifs, count(DISTINCT d) AS count
ORDER BY count DESC, o.name`,
  },
  {
    id: 'organisations-by-name',
    title: 'Organisations dont le nom contient…',
    description:
      'Organisations dont le nom, le sigle ou un alias contient un texte, avec leur nombre de partenaires et de dispositifs.',
    audience: ['ANALYST'],
    parameters: [{ name: 'text', label: 'Texte', type: 'TEXT', required: true }],
    cypher: /* cypher */ `
MATCH (o:Organisation)
WHERE toLower(o.name) CONTAINS toLower($text)
   OR toLower(coalesce(o.acronym, '')) CONTAINS toLower($text)
   OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) CONTAINS toLower($text))
RETURN o AS organisation,
       COUNT { (o)-[:${INVOLVEMENT}]->(:Dispositif) } AS dispositifs,
       COUNT { (o)-[:PARTNERS_WITH]-(:Organisation) } AS explicitPartners
ORDER BY o.name`,
  },
  {
    id: 'active-by-carrier-type',
    title: "Dispositifs actifs portés par un type d'organisation",
    description:
      "Dispositifs en cours à une date, portés par des organisations d'un type (ML, ASSO, OF…), avec où ils sont déployés.",
    audience: ['PLANNER', 'FUNDER'],
    parameters: [
      {
        name: 'type',
        label: "Type d'organisation",
        type: 'ENUM',
        values: ORGANISATION_TYPES,
        required: true,
        default: 'ASSO',
      },
      { name: 'activeOn', label: 'Actifs le', type: 'DATE', required: false, default: '2019-06-01' },
    ],
    cypher: /* cypher */ `
WITH CASE WHEN $activeOn IS NULL THEN date() ELSE date($activeOn) END AS day
MATCH (o:Organisation {type: $type})-[:CARRIES]->(d:Dispositif)
WHERE ${ACTIVE_ON('d', 'day')}
OPTIONAL MATCH (d)-[:DEPLOYED_IN]->(t:Territory)
RETURN d AS dispositif, o AS carrier, collect(t) AS territories
ORDER BY d.name`,
  },
  {
    id: 'co-mentioned',
    title: 'Ce qui est cité avec un nœud',
    description: 'Les sources qui citent un nœud, et les autres nœuds cités dans les mêmes sources.',
    audience: ['ANALYST'],
    parameters: [
      {
        name: 'node',
        label: 'Nœud',
        type: 'NODE',
        kinds: ['Organisation', 'Dispositif', 'Territory', 'Person', 'Theme', 'Public'],
        required: true,
      },
    ],
    cypher: /* cypher */ `
MATCH (n {id: $node})-[:MENTIONED_IN]->(s:Source)<-[:MENTIONED_IN]-(other)
WHERE other <> n
RETURN other AS node, collect(DISTINCT s) AS sources, count(DISTINCT s) AS together
ORDER BY together DESC, other.name`,
  },
  {
    id: 'national-schemes',
    title: 'Programmes nationaux et leurs déclinaisons locales',
    description:
      'Programmes nationaux (INSTANCE_OF) avec au moins N déclinaisons locales, et qui porte chacune.',
    audience: ['PLANNER', 'ANALYST'],
    parameters: [
      {
        name: 'minInstances',
        label: 'Déclinaisons au moins',
        type: 'NUMBER',
        min: 1,
        max: 50,
        integer: true,
        required: false,
        default: 1,
      },
    ],
    cypher: /* cypher */ `
MATCH (local:Dispositif)-[:INSTANCE_OF]->(scheme:Dispositif)
OPTIONAL MATCH (carrier:Organisation)-[:CARRIES]->(local)
WITH scheme, local, collect(carrier) AS carriers
WITH scheme, collect({dispositif: local, carriers: carriers}) AS instances
WHERE size(instances) >= $minInstances
RETURN scheme, size(instances) AS count, instances
ORDER BY count DESC, scheme.name`,
  },
];

export const findSavedQuery = (id: string) => SAVED_QUERIES.find((query) => query.id === id);

/** Runs a saved query with parameters the caller validated, through the console's guards. */
export function runSavedQueryCypher(
  db: Db,
  query: SavedQuery,
  params: Record<string, unknown>,
  limit: number,
): Promise<CypherResultRow> {
  return runConsoleQuery(db, { query: query.cypher, params, limit });
}

/** An analyst's own query, kept on the server for its author (a `:SavedQuery` node). */
export interface AnalystQueryRow {
  uid: string;
  authorId: string;
  title: string;
  description: string;
  cypher: string;
  /** The parameters as the console's JSON panel holds them. */
  params: string;
  createdAt: string;
  updatedAt: string;
}

const PROJECT_ANALYST_QUERY = `{uid: q.uid, authorId: q.authorId, title: q.title, description: q.description,
  cypher: q.cypher, params: q.params, createdAt: q.createdAt, updatedAt: q.updatedAt}`;

const INSERT_ANALYST_QUERY = /* cypher */ `
  CREATE (q:SavedQuery)
  SET q = $query
  RETURN ${PROJECT_ANALYST_QUERY} AS query`;

export async function insertAnalystQuery(tx: TxRunner, query: AnalystQueryRow): Promise<AnalystQueryRow> {
  const [row] = await tx.run<{ query: AnalystQueryRow }>(INSERT_ANALYST_QUERY, { query: { ...query } });
  return row!.query;
}

// Mutations run under the graph version's lock (one after another): a plain read is enough.
const FIND_ANALYST_QUERY = /* cypher */ `
  MATCH (q:SavedQuery {uid: $uid})
  RETURN ${PROJECT_ANALYST_QUERY} AS query`;

export async function findAnalystQuery(tx: TxRunner, uid: string): Promise<AnalystQueryRow | undefined> {
  const [row] = await tx.run<{ query: AnalystQueryRow }>(FIND_ANALYST_QUERY, { uid });
  return row?.query;
}

const UPDATE_ANALYST_QUERY = /* cypher */ `
  MATCH (q:SavedQuery {uid: $uid})
  SET q.title = $title, q.description = $description, q.cypher = $cypher, q.params = $params,
      q.updatedAt = $updatedAt
  RETURN ${PROJECT_ANALYST_QUERY} AS query`;

export async function updateAnalystQuery(
  tx: TxRunner,
  p: Pick<AnalystQueryRow, 'uid' | 'title' | 'description' | 'cypher' | 'params' | 'updatedAt'>,
): Promise<AnalystQueryRow> {
  const [row] = await tx.run<{ query: AnalystQueryRow }>(UPDATE_ANALYST_QUERY, p);
  return row!.query;
}

const DELETE_ANALYST_QUERY = /* cypher */ `
  MATCH (q:SavedQuery {uid: $uid})
  DELETE q`;

export async function deleteAnalystQuery(tx: TxRunner, uid: string): Promise<void> {
  await tx.run(DELETE_ANALYST_QUERY, { uid });
}

const FIND_ANALYST_QUERIES = /* cypher */ `
  MATCH (q:SavedQuery {authorId: $authorId})
  RETURN ${PROJECT_ANALYST_QUERY} AS query
  ORDER BY q.updatedAt DESC
  LIMIT 500`;

/** An author's queries, last changed first. */
export async function findAnalystQueries(db: Db, authorId: string): Promise<AnalystQueryRow[]> {
  return (await db.read<{ query: AnalystQueryRow }>(FIND_ANALYST_QUERIES, { authorId })).map((r) => r.query);
}
