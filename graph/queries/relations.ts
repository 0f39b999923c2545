import type { Db } from '../driver.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../model.js';
import { COUNTS_OF_N, toRelationCounts, type RelationCountRow } from './degrees.js';
import {
  idsByLabel,
  matchNodesById,
  projectNode,
  toNodeRow,
  type NodeRow,
  type RelationRow,
} from './rows.js';
import { visible } from './fragments.js';

export interface RelationSpec {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
}

export interface RelationKey extends RelationSpec {
  id: string;
  /**
   * Relations to read, in the same round trip, from each node at the other end
   * (what the query asks of them next): one level ahead instead of one round trip per level.
   */
  then?: readonly RelationSpec[];
}

const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

// The relations `key.then` asks of each node `m` reached (one level ahead).
const NESTED_OF_M = /* cypher */ `COLLECT {
    UNWIND key.then AS next
    CALL (m, next) {
      MATCH (m)-[r2:$(next.type)]->(x) WHERE next.direction = 'OUT' AND ${visible('x')}
      RETURN r2, x
      UNION ALL
      MATCH (m)<-[r2:$(next.type)]-(x) WHERE next.direction = 'IN' AND ${visible('x')}
      RETURN r2, x
    }
    WITH next, r2, x ORDER BY x.name, x.id
    RETURN {next: next.position, type: type(r2), props: properties(r2), other: ${projectNode('x')}}
  }`;

// Keys arrive grouped by node id, so each node finds its own keys by one map lookup
// (a list filtered per node grows with nodes × keys); the type is dynamic but
// always one of RELATIONSHIP_TYPES, checked above graph/.
const FIND_RELATIONS = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  UNWIND $keysById[n.id] AS key
  CALL (n, key) {
    MATCH (n)-[r:$(key.type)]->(m) WHERE key.direction = 'OUT' AND ${visible('m')}
    RETURN r, m
    UNION ALL
    MATCH (n)<-[r:$(key.type)]-(m) WHERE key.direction = 'IN' AND ${visible('m')}
    RETURN r, m
  }
  WITH key, r, m, ${NESTED_OF_M} AS nested
  RETURN key.index AS index, type(r) AS type, properties(r) AS props, ${projectNode('m')} AS other, nested
  ORDER BY other.props.name, other.id`;

/** Keys indexed by their position in the batch, grouped under their node's id. */
function groupKeysById(keys: readonly RelationKey[]) {
  const byId = new Map<
    string,
    {
      type: RelationshipType;
      direction: 'OUT' | 'IN';
      index: number;
      then: (RelationSpec & { position: number })[];
    }[]
  >();
  keys.forEach((key, index) => {
    const list = byId.get(key.id) ?? [];
    const then = (key.then ?? []).map((spec, position) => ({
      type: spec.type,
      direction: spec.direction,
      position,
    }));
    list.push({ type: key.type, direction: key.direction, index, then });
    byId.set(key.id, list);
  });
  // fromEntries defines own properties, so an id such as "__proto__:x" stays a plain key.
  return Object.fromEntries(byId);
}

type RawRelation = { type: string; props: Record<string, unknown>; other: Parameters<typeof toNodeRow>[0] };

function toRelationRow(raw: RawRelation, direction: 'OUT' | 'IN'): RelationRow {
  const { sources, ...props } = raw.props;
  return {
    type: raw.type,
    direction,
    props,
    sources: Array.isArray(sources) ? (sources as string[]) : [],
    other: toNodeRow(raw.other),
  };
}

/** Relations read one level ahead: those of a node at the other end of a key's relations. */
export interface NestedRelations {
  key: RelationKey;
  relations: RelationRow[];
}

/**
 * Relations of several (node, type, direction) keys in one round trip: the batch
 * function behind the per-request relation loader. With `then`, also the
 * relations of each node reached, as `nested` (one entry per node and spec).
 */
export async function findRelationsBatch(
  db: Db,
  keys: readonly RelationKey[],
): Promise<{ grouped: RelationRow[][]; nested: NestedRelations[] }> {
  const rows = await db.read<RawRelation & { index: number; nested: (RawRelation & { next: number })[] }>(
    FIND_RELATIONS,
    {
      ids: idsByLabel([...new Set(keys.map((k) => k.id))]),
      keysById: groupKeysById(keys),
    },
  );
  const grouped: RelationRow[][] = keys.map(() => []);
  const nested = new Map<string, NestedRelations>();
  for (const row of rows) {
    const key = keys[row.index];
    if (!key) continue;
    const relation = toRelationRow(row, key.direction);
    grouped[row.index]!.push(relation);
    const then = key.then ?? [];
    const reached = then.map((spec) => ({
      key: { id: relation.other.id, ...spec },
      relations: [] as RelationRow[],
    }));
    for (const item of row.nested)
      reached[item.next]?.relations.push(toRelationRow(item, then[item.next]!.direction));
    for (const entry of reached)
      nested.set(`${entry.key.id}|${entry.key.type}|${entry.key.direction}`, entry);
  }
  return { grouped, nested: [...nested.values()] };
}

/** A relation a query asks of the nodes a top-level field returns, and what it asks next of the nodes reached. */
export interface RelationTree extends RelationSpec {
  then: readonly RelationSpec[];
}

/** A relationship pattern from `from` to `to` with a type of the closed list (never a client's string). */
function step(from: string, rel: string, to: string, spec: RelationSpec): string {
  if (!KNOWN_TYPES.has(spec.type)) throw new Error(`Unknown relationship type "${spec.type}".`);
  return spec.direction === 'OUT'
    ? `(${from})-[${rel}:${spec.type}]->(${to}) WHERE ${visible(to)}`
    : `(${from})<-[${rel}:${spec.type}]-(${to}) WHERE ${visible(to)}`;
}

/**
 * The relations `tree` asks of a root node `n`, two levels deep, in the order FIND_RELATIONS
 * gives them: a top-level field and what the query asks below it in one round trip. The
 * types are written into the query (one branch per relation asked): a typed expand reads a
 * dense node's relationships of that type only, where `$(type)` expands all of them
 * (a département's 400 PART_OF to reach its 3 DEPLOYED_IN).
 */
function relationsOfTree(tree: readonly RelationTree[]): string {
  if (tree.length === 0) return '[]';
  const nested = (then: readonly RelationSpec[]) =>
    then.length === 0
      ? '[]'
      : `COLLECT {
        CALL (m) {
          ${then.map((spec, next) => `MATCH ${step('m', 'r2', 'x', spec)} RETURN ${next} AS next, r2, x`).join('\n          UNION ALL\n          ')}
        }
        WITH next, r2, x ORDER BY x.name, x.id
        RETURN {next: next, type: type(r2), props: properties(r2), other: ${projectNode('x')}}
      }`;
  return `COLLECT {
    CALL (n) {
      ${tree
        .map(
          (spec, index) =>
            `MATCH ${step('n', 'r', 'm', spec)} RETURN ${index} AS index, r, m, ${nested(spec.then)} AS nested`,
        )
        .join('\n      UNION ALL\n      ')}
    }
    WITH index, r, m, nested ORDER BY m.name, m.id
    RETURN {index: index, type: type(r), props: properties(r), other: ${projectNode('m')}, nested: nested}
  }`;
}

/** What a read ahead may bring besides relations: a first page of relations, the counts, the sources the page cites. */
export interface PanelAhead {
  page: { types: readonly RelationshipType[] | null; first: number } | null;
  counts: boolean;
  /** The Source nodes the page's relations cite (their `sources`). */
  cited: boolean;
}

const NO_PANEL: PanelAhead = { page: null, counts: false, cited: false };

// A node and what its view asks of it in one round trip (the details panel: citations,
// a first page of relations with the sources they cite, the counts by type); the parts
// not asked are left out of the query rather than computed and dropped.
const nodesAheadQuery = (tree: readonly RelationTree[], panel: PanelAhead) => /* cypher */ `
  ${matchNodesById('n', 'ids')}
  ${
    panel.page
      ? `OPTIONAL CALL (n) {
    WITH $page AS page
    ${PAGE_OF_N}
    RETURN relations AS pageRelations
  }`
      : 'WITH n, null AS pageRelations'
  }
  RETURN ${projectNode('n')} AS node, ${relationsOfTree(tree)} AS relations, pageRelations,
    ${panel.counts ? COUNTS_OF_N : 'null'} AS counts,
    ${
      panel.cited
        ? `COLLECT {
      UNWIND coalesce(pageRelations, []) AS rel
      UNWIND coalesce(rel.props.sources, []) AS sourceId
      WITH DISTINCT sourceId
      MATCH (s:Source {id: sourceId}) WHERE ${visible('s')}
      RETURN ${projectNode('s')}
    }`
        : '[]'
    } AS cited`;

const findByLabelAhead = (label: 'Theme' | 'Public', tree: readonly RelationTree[]) => /* cypher */ `
  MATCH (n:${label})
  RETURN ${projectNode('n')} AS node, ${relationsOfTree(tree)} AS relations
  ORDER BY n.name`;

/** Nodes read with the relations a query asks of them: every (node, relation) list, nested ones included. */
export interface NodesAhead {
  nodes: NodeRow[];
  relations: NestedRelations[];
  /** With a panel: each node's first page, counts, and the sources cited (nodes of their own). */
  panels?: { id: string; page: RelationRow[] | null; counts: RelationCountRow[] | null }[];
  cited?: NodeRow[];
}

type RawAhead = {
  node: Parameters<typeof toNodeRow>[0];
  pageRelations?: RawPageRelation[] | null;
  counts?: RelationCountRow[] | null;
  cited?: Parameters<typeof toNodeRow>[0][];
  relations: (RawRelation & { index: number; nested: (RawRelation & { next: number })[] })[];
};

function toNodesAhead(rows: readonly RawAhead[], tree: readonly RelationTree[]): NodesAhead {
  const nodes: NodeRow[] = [];
  const relations = new Map<string, NestedRelations>();
  const filled = new Set<NestedRelations>();
  const entry = (id: string, spec: RelationSpec) => {
    const cacheKey = `${id}|${spec.type}|${spec.direction}`;
    let found = relations.get(cacheKey);
    if (!found) {
      found = { key: { id, type: spec.type, direction: spec.direction }, relations: [] };
      relations.set(cacheKey, found);
    }
    return found;
  };
  for (const row of rows) {
    const node = toNodeRow(row.node);
    nodes.push(node);
    // Every asked list exists, empty or not, so that its load is a cache hit.
    const top = tree.map((spec) => entry(node.id, spec));
    for (const raw of row.relations) {
      const spec = tree[raw.index];
      if (!spec) continue;
      const relation = toRelationRow(raw, spec.direction);
      top[raw.index]!.relations.push(relation);
      // A node reached twice (by two relations or from two roots) gets each list once.
      const reached = spec.then.map((next) => {
        const list = entry(relation.other.id, next);
        return filled.has(list) ? null : list;
      });
      for (const item of raw.nested)
        reached[item.next]?.relations.push(toRelationRow(item, spec.then[item.next]!.direction));
      for (const list of reached) if (list) filled.add(list);
    }
  }
  return { nodes, relations: [...relations.values()] };
}

/**
 * Nodes by id with the relations `tree` asks of them, two levels deep, and what `panel`
 * asks besides, in one round trip.
 */
export async function findNodesByIdsAhead(
  db: Db,
  ids: readonly string[],
  tree: readonly RelationTree[],
  panel: PanelAhead = NO_PANEL,
): Promise<NodesAhead> {
  if (ids.length === 0) return { nodes: [], relations: [] };
  const rows = await db.read<RawAhead>(nodesAheadQuery(tree, panel), {
    ids: idsByLabel(ids),
    page: panel.page && { types: panel.page.types, first: panel.page.first, after: null },
  });
  const cited = new Map<string, NodeRow>();
  for (const row of rows) for (const raw of row.cited ?? []) cited.set(raw.id, toNodeRow(raw));
  return {
    ...toNodesAhead(rows, tree),
    panels: rows.map((row) => ({
      id: row.node.id,
      page: panel.page ? toPageRows(row.pageRelations ?? []) : null,
      counts: panel.counts ? toRelationCounts(row.counts ?? []) : null,
    })),
    cited: [...cited.values()],
  };
}

/** Every node of a small label, by name, with the relations `tree` asks of them, in one round trip. */
export async function findNodesByLabelAhead(
  db: Db,
  label: 'Theme' | 'Public',
  tree: readonly RelationTree[],
): Promise<NodesAhead> {
  const rows = await db.read<RawAhead>(findByLabelAhead(label, tree));
  return toNodesAhead(rows, tree);
}

/** Where a relation stands in its node's relations, in page order: type, direction, name of the other end, its id. */
export type RelationPosition = readonly [type: string, direction: 'OUT' | 'IN', name: string, id: string];

export interface RelationPageKey {
  id: string;
  /** Null for every type. */
  types: readonly RelationshipType[] | null;
  first: number;
  /** The position of the last relation of the previous page. */
  after: RelationPosition | null;
}

// Keyset pagination: the page after a position, so that a hub's 1,000 relations
// come a page at a time; the order is total (the other end's id breaks ties).
// The page of node `n` that `page` asks ({types, first, after}), as the list `relations`.
const PAGE_OF_N = /* cypher */ `CALL (n, page) {
    CALL (n, page) {
      MATCH (n)-[r]->(m) WHERE (page.types IS NULL OR type(r) IN page.types) AND ${visible('m')}
      RETURN r, m, 'OUT' AS direction
      UNION ALL
      MATCH (n)<-[r]-(m) WHERE (page.types IS NULL OR type(r) IN page.types) AND ${visible('m')}
      RETURN r, m, 'IN' AS direction
    }
    WITH r, m, direction, type(r) AS type, coalesce(m.name, '') AS name
    WHERE page.after IS NULL
       OR type > page.after[0]
       OR (type = page.after[0] AND (direction > page.after[1]
         OR (direction = page.after[1] AND (name > page.after[2]
           OR (name = page.after[2] AND m.id > page.after[3])))))
    WITH page, r, m, direction, type, name ORDER BY type, direction, name, m.id
    WITH page, collect({type: type, direction: direction, props: properties(r), other: ${projectNode('m')}}) AS ordered
    RETURN ordered[0..page.first] AS relations
  }`;

const FIND_RELATION_PAGES = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  UNWIND $pagesById[n.id] AS page
  ${PAGE_OF_N}
  RETURN page.index AS index, relations`;

type RawPageRelation = RawRelation & { direction: 'OUT' | 'IN' };

const toPageRows = (relations: readonly RawPageRelation[]) =>
  relations.map((raw) => toRelationRow(raw, raw.direction));

/** Pages of relations of several nodes in one round trip: the batch behind the relation page loader. */
export async function findRelationPagesBatch(
  db: Db,
  keys: readonly RelationPageKey[],
): Promise<RelationRow[][]> {
  const pagesById = new Map<
    string,
    { index: number; types: string[] | null; first: number; after: RelationPosition | null }[]
  >();
  keys.forEach((key, index) => {
    const list = pagesById.get(key.id) ?? [];
    list.push({ index, types: key.types ? [...key.types] : null, first: key.first, after: key.after });
    pagesById.set(key.id, list);
  });
  const rows = await db.read<{ index: number; relations: RawPageRelation[] }>(FIND_RELATION_PAGES, {
    ids: idsByLabel([...pagesById.keys()]),
    // fromEntries defines own properties, so an id such as "__proto__:x" stays a plain key.
    pagesById: Object.fromEntries(pagesById),
  });
  const pages: RelationRow[][] = keys.map(() => []);
  for (const row of rows) pages[row.index] = toPageRows(row.relations);
  return pages;
}
