import type { Db } from '../driver.js';
import {
  NODE_LABELS,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../model.js';
import { COUNTS_OF_N, toRelationCounts, type RelationCountRow } from './degrees.js';
import {
  compactCypher,
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  projectNode,
  toNodeRow,
  type NodeRow,
  type RelationRow,
} from './rows.js';
import { visible } from './fragments.js';
import { createGraphVersionCache } from '../version-cache.js';

export interface RelationSpec {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
}

/**
 * The stored properties a read brings of the nodes and relationships it reaches
 * (what the query's fields read, server/schema/field-reads.ts); null: all of them.
 */
export interface Projection {
  node: readonly string[] | null;
  relation: readonly string[] | null;
  /**
   * The node properties by label (a subset of `node`), read of a node whose label the
   * relation implies: a Dispositif reached is not read for the `level` of Territories.
   */
  nodeByLabel?: Readonly<Partial<Record<NodeLabel, readonly string[]>>> | null;
  /** The lists as one string, for cache keys. */
  key: string;
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

/** One node's relations of one type and direction, whatever is read of them: the key of a list. */
export const relationListKey = (key: { id: string } & RelationSpec) =>
  `${key.id}|${key.type}|${key.direction}`;

// A query's text depends on its shape only (what is asked and projected, never a value):
// built once per shape rather than on every request (a tenth of a details panel's CPU).
const queryTexts = createGraphVersionCache<string>({ maxEntries: 256 });
const SHAPES = {};
const textOf = (shape: unknown, build: () => string) =>
  queryTexts.get(SHAPES, 0, JSON.stringify(shape), () => compactCypher(build()));

const PROPERTY_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A projection's property keys, written into a query: names from code (field-reads.ts), checked. */
function checkedKeys(names: readonly string[]): readonly string[] {
  for (const name of names) if (!PROPERTY_KEY.test(name)) throw new Error(`Not a property key: "${name}".`);
  return names;
}

// Rows come as lists, not maps: the driver decodes every map key of every row as a
// string, and strings of a record over one Bolt chunk take its slow path (a
// StringDecoder per string). A projected node or relationship is the list of its
// projected values, in the projection's order; an unprojected one, the map of all.

/**
 * The node properties a projection reads of a node (of `label`, when known): its own and the
 * name, which lists are sorted by.
 */
const nodeKeysCache = new WeakMap<Projection, Map<string, readonly string[]>>();
function nodeKeys(projection?: Projection, label?: NodeLabel | null): readonly string[] | null {
  if (!projection?.node) return null;
  let byLabel = nodeKeysCache.get(projection);
  if (!byLabel) nodeKeysCache.set(projection, (byLabel = new Map()));
  const slot = label ?? '';
  let keys = byLabel.get(slot);
  if (keys === undefined) {
    const own = (label && projection.nodeByLabel?.[label]) || projection.node;
    keys = own.includes('name') ? own : [...own, 'name'];
    byLabel.set(slot, keys);
  }
  return keys;
}

/** What a read brings of node `variable`'s properties (of a node of `label`, when known). */
const nodeValues = (variable: string, projection?: Projection, label?: NodeLabel | null) => {
  const keys = nodeKeys(projection, label);
  return keys
    ? `[${checkedKeys(keys)
        .map((key) => `${variable}.${key}`)
        .join(', ')}]`
    : `${variable}{.*, searchText: null}`;
};

/** What a read brings of relationship `variable`'s properties (none asked: null, not a list to decode). */
const relationValues = (variable: string, projection?: Projection) =>
  projection?.relation?.length === 0
    ? 'null'
    : projection?.relation
      ? `[${checkedKeys(projection.relation)
          .map((key) => `${variable}.${key}`)
          .join(', ')}]`
      : `properties(${variable})`;

/**
 * The label of the node at the other end of a relation of `spec` when the model allows only one
 * (DEPLOYED_IN out: a Territory): the read then brings null for it rather than `labels(m)`, a
 * store read per node reached (a tenth of a national nested read's db hits).
 */
function impliedLabel(type: string, direction: 'OUT' | 'IN'): NodeLabel | null {
  const ends = RELATIONSHIP_ENDPOINTS[type as RelationshipType];
  const labels = ends && (direction === 'OUT' ? ends.to : ends.from);
  return labels?.length === 1 ? labels[0]! : null;
}

/**
 * A relationship `r` and the node `m` at its other end, as a `RawRelation` list; `spec`, the
 * relation's type and direction when one only is read (its other end's label may then be implied).
 */
function relationTuple(r: string, m: string, projection?: Projection, spec?: RelationSpec): string {
  const label = spec ? impliedLabel(spec.type, spec.direction) : null;
  return `${relationValues(r, projection)}, ${m}.id, ${label ? 'null' : `labels(${m})[0]`}, ${nodeValues(m, projection, label)}`;
}

/** A relationship pattern from `from` to `to` with a type of the closed list (never a client's string). */
function step(from: string, rel: string, to: string, spec: RelationSpec): string {
  if (!KNOWN_TYPES.has(spec.type)) throw new Error(`Unknown relationship type "${spec.type}".`);
  return spec.direction === 'OUT'
    ? `(${from})-[${rel}:${spec.type}]->(${to})`
    : `(${from})<-[${rel}:${spec.type}]-(${to})`;
}

/**
 * The relations `then` asks of each node `m` reached (one level ahead): a list of `RawRelation`
 * lists per spec of `then`, in its order (rather than one list whose items lead with their
 * spec's position: a number to decode and convert per relation reached).
 */
function nestedOfM(then: readonly RelationSpec[], projection?: Projection): string {
  return `[${then
    .map(
      (spec) => `COLLECT {
        MATCH ${step('m', 'r2', 'x', spec)} WHERE ${visible('x')}
        RETURN [${relationTuple('r2', 'x', projection, spec)}]
      }`,
    )
    .join(', ')}]`;
}

/** What of keys shapes a query: their relations and what they ask next, not their ids. */
const keyShapes = (keys: readonly RelationKey[]) =>
  keys.map((key) => [key.type, key.direction, (key.then ?? []).map((spec) => [spec.type, spec.direction])]);

/** A key's relation and what it asks next, as one query branch reads them. */
const specSignature = (key: RelationKey) =>
  JSON.stringify([key.type, key.direction, (key.then ?? []).map((spec) => [spec.type, spec.direction])]);

// Keys arrive grouped by node id, so each node finds its own keys by one map lookup
// (a list filtered per node grows with nodes × keys). Each kind of key (its type,
// direction and what it asks next) has a branch of its own with its types written in:
// a typed expand reads a dense node's relationships of that type only, where
// `$(key.type)` expands all of them.
const findRelationsQuery = (
  labels: readonly NodeLabel[],
  specs: readonly RelationKey[],
  projection?: Projection,
) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  UNWIND $keysById[n.id] AS key
  CALL (n, key) {
    ${specs
      .map(
        (spec, index) =>
          `MATCH ${step('n', 'r', 'm', spec)} WHERE key.spec = ${index} AND ${visible('m')}
    RETURN [${relationTuple('r', 'm', projection, spec)}, ${nestedOfM(spec.then ?? [], projection)}] AS rel`,
      )
      .join('\n    UNION ALL\n    ')}
  }
  RETURN key.index AS index, rel`;

/** Keys indexed by their position in the batch and by their kind's branch, grouped under their node's id. */
function groupKeysById(keys: readonly RelationKey[]) {
  const specs = new Map<string, { index: number; key: RelationKey }>();
  const byId = new Map<string, { index: number; spec: number }[]>();
  keys.forEach((key, index) => {
    const signature = specSignature(key);
    let spec = specs.get(signature);
    if (!spec) specs.set(signature, (spec = { index: specs.size, key }));
    const list = byId.get(key.id) ?? [];
    list.push({ index, spec: spec.index });
    byId.set(key.id, list);
  });
  return {
    specs: [...specs.values()].map((spec) => spec.key),
    // fromEntries defines own properties, so an id such as "__proto__:x" stays a plain key.
    keysById: Object.fromEntries(byId),
  };
}

/** Properties as a read brings them: a map (all), or the projected values in the projection's order. */
type RawValues = Record<string, unknown> | unknown[] | null;
/** A relationship and the node at its other end (`relationTuple`); nested ones lead with their spec's position. */
type RawRelation = [props: RawValues, id: string, label: string | null, nodeProps: RawValues];
/** A relation read ahead, with the relations of its other end read one level ahead, by spec. */
type RawTopRelation = [...RawRelation, nested: RawRelation[][]];

/** Properties read as `values`, without nulls (a property a projection asked and the node lacks). */
function propsFrom(values: RawValues, keys: readonly string[] | null | undefined): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (Array.isArray(values)) {
    keys?.forEach((key, i) => {
      if (values[i] !== null && values[i] !== undefined) props[key] = values[i];
    });
  } else if (values) {
    // searchText comes as null: node reads leave it in the database.
    for (const key of Object.keys(values)) if (values[key] !== null) props[key] = values[key];
  }
  return props;
}

function toRelationRow(
  type: string,
  direction: 'OUT' | 'IN',
  raw: RawRelation | RawTopRelation,
  projection?: Projection,
): RelationRow {
  // By index: array destructuring goes through the iterator protocol, per relation read.
  const relationProps = raw[0];
  const id = raw[1];
  const label = raw[2];
  const nodeProps = raw[3];
  // None asked (null): no object to split into its sources and the rest.
  let props: Record<string, unknown> = {};
  let sources: unknown;
  if (relationProps !== null) ({ sources, ...props } = propsFrom(relationProps, projection?.relation));
  // Null: the label the relation implies, and the read brought that label's properties.
  const implied = label === null ? impliedLabel(type, direction) : null;
  return {
    type,
    direction,
    props,
    sources: Array.isArray(sources) ? (sources as string[]) : [],
    other: {
      id,
      label: implied ?? (label as NodeLabel),
      props: propsFrom(nodeProps, nodeKeys(projection, implied)),
    },
  };
}

/**
 * Nodes, and relations by their other end, in the order every read gives them: by name,
 * then id (nulls last, as Cypher's ORDER BY). Sorted here rather than in the query: a sort per node
 * reached took Neo4j half the time of a nested read.
 */
function byName(a: NodeRow, b: NodeRow): number {
  const x = a.props.name;
  const y = b.props.name;
  if (x !== y) {
    if (x === undefined || x === null) return 1;
    if (y === undefined || y === null) return -1;
    return (x as string) < (y as string) ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const byOtherName = (a: RelationRow, b: RelationRow) => byName(a.other, b.other);

const sortRelations = (lists: Iterable<RelationRow[]>) => {
  for (const list of lists) if (list.length > 1) list.sort(byOtherName);
};

/** Relations read one level ahead: those of a node at the other end of a key's relations. */
export interface NestedRelations {
  key: RelationKey;
  relations: RelationRow[];
}

/**
 * Relations of several (node, type, direction) keys in one round trip: the batch
 * function behind the per-request relation loader. With `then`, also the
 * relations of each node reached, as `nested` (one entry per node and spec).
 * `projection`: the properties to read of what they reach (all without).
 */
export async function findRelationsBatch(
  db: Db,
  keys: readonly RelationKey[],
  projection?: Projection,
): Promise<{ grouped: RelationRow[][]; nested: NestedRelations[] }> {
  if (keys.length === 0) return { grouped: [], nested: [] };
  const { specs, keysById } = groupKeysById(keys);
  const ids = idsByLabel([...new Set(keys.map((k) => k.id))]);
  // Every label: this text varies with the relations asked already, and a large one plans for seconds cold.
  const labels = NODE_LABELS;
  const rows = await db.read<{ index: number; rel: RawTopRelation }>(
    textOf(['relations', labels, keyShapes(specs), projection?.key], () =>
      findRelationsQuery(labels, specs, projection),
    ),
    {
      ids,
      keysById,
    },
  );
  const grouped: RelationRow[][] = keys.map(() => []);
  const nested = new Map<string, NestedRelations>();
  for (const row of rows) {
    const key = keys[row.index];
    if (!key) continue;
    const relation = toRelationRow(key.type, key.direction, row.rel, projection);
    grouped[row.index]!.push(relation);
    const then = key.then ?? [];
    const reached = then.map((spec) => ({
      key: { id: relation.other.id, ...spec },
      relations: [] as RelationRow[],
    }));
    row.rel[4].forEach((items, next) => {
      const spec = then[next];
      if (spec)
        for (const item of items)
          reached[next]!.relations.push(toRelationRow(spec.type, spec.direction, item, projection));
    });
    for (const entry of reached) nested.set(relationListKey(entry.key), entry);
  }
  sortRelations(grouped);
  sortRelations([...nested.values()].map((entry) => entry.relations));
  return { grouped, nested: [...nested.values()] };
}

/** A relation a query asks of the nodes a top-level field returns, and what it asks next of the nodes reached. */
export interface RelationTree extends RelationSpec {
  then: readonly RelationSpec[];
}

/**
 * The relations `tree` asks of a root node `n`, two levels deep, one row each after its
 * root's own row (`index` -1, with `root`'s columns): a top-level field and what the query
 * asks below it in one round trip, in rows small enough for the driver's fast path. The
 * types are written into the query (one branch per relation asked): a typed expand reads a
 * dense node's relationships of that type only, where `$(type)` expands all of them
 * (a département's 400 PART_OF to reach its 3 DEPLOYED_IN).
 */
function rowsOfTree(
  tree: readonly RelationTree[],
  root: Record<'node' | 'page' | 'counts' | 'cited', string>,
  projection?: Projection,
): string {
  const columns = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([name, value]) => `${value} AS ${name}`)
      .join(', ');
  const none = { node: 'null', page: 'null', counts: 'null', cited: 'null' };
  return [
    `RETURN ${columns({ index: '-1', ...root, rel: 'null' })}`,
    ...tree.map(
      (spec, index) => `MATCH ${step('n', 'r', 'm', spec)} WHERE ${visible('m')}
      RETURN ${columns({
        index: String(index),
        ...none,
        rel: `[${relationTuple('r', 'm', projection, spec)}, ${nestedOfM(spec.then, projection)}]`,
      })}`,
    ),
  ].join('\n      UNION ALL\n      ');
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
const nodesAheadQuery = (
  labels: readonly NodeLabel[],
  tree: readonly RelationTree[],
  panel: PanelAhead,
  projection?: Projection,
) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  ${
    panel.page
      ? `OPTIONAL CALL (n) {
    WITH $page AS page
    ${pageOfN(projection, false)}
    RETURN relations AS pageRelations, sources AS pageSources
  }`
      : 'WITH n, null AS pageRelations, null AS pageSources'
  }
  CALL (n, pageRelations, pageSources) {
      ${rowsOfTree(
        tree,
        {
          node: projectNode('n'),
          page: 'pageRelations',
          counts: panel.counts ? COUNTS_OF_N : 'null',
          cited: panel.cited
            ? `COLLECT {
        UNWIND coalesce(pageSources, []) AS sourceId
        WITH DISTINCT sourceId
        MATCH (s:Source {id: sourceId}) WHERE ${visible('s')}
        RETURN ${projection?.node ? `[s.id, ${nodeValues('s', projection)}]` : projectNode('s')}
      }`
            : 'null',
        },
        projection,
      )}
  }
  RETURN n.id AS id, index, node, page, counts, cited, rel`;

const findByLabelAhead = (
  label: 'Theme' | 'Public',
  tree: readonly RelationTree[],
  projection?: Projection,
) => /* cypher */ `
  MATCH (n:${label})
  CALL (n) {
      ${rowsOfTree(tree, { node: projectNode('n'), page: 'null', counts: 'null', cited: 'null' }, projection)}
  }
  RETURN n.id AS id, index, node, rel`;

/** Nodes read with the relations a query asks of them: every (node, relation) list, nested ones included. */
export interface NodesAhead {
  nodes: NodeRow[];
  relations: NestedRelations[];
  /** With a panel: each node's first page, counts, and the sources cited (nodes of their own). */
  panels?: { id: string; page: RelationRow[] | null; counts: RelationCountRow[] | null }[];
  cited?: NodeRow[];
}

/** A row of a read ahead: its root's own (index -1, `node` and what the panel asks) or one of its relations. */
type RawAhead = {
  id: string;
  index: number;
  node: Parameters<typeof toNodeRow>[0] | null;
  page?: RawPageRelation[] | null;
  counts?: RelationCountRow[] | null;
  /** Whole (`projectNode`), or with a projection its id and projected values. */
  cited?: (Parameters<typeof toNodeRow>[0] | [id: string, values: RawValues])[] | null;
  rel: RawTopRelation | null;
};

function toNodesAhead(
  rows: readonly RawAhead[],
  tree: readonly RelationTree[],
  projection?: Projection,
): NodesAhead {
  const nodes: NodeRow[] = [];
  const relations = new Map<string, NestedRelations>();
  const filled = new Set<NestedRelations>();
  const entry = (id: string, spec: RelationSpec) => {
    const cacheKey = relationListKey({ id, ...spec });
    let found = relations.get(cacheKey);
    if (!found) {
      found = { key: { id, type: spec.type, direction: spec.direction }, relations: [] };
      relations.set(cacheKey, found);
    }
    return found;
  };
  for (const row of rows) {
    if (row.node) {
      nodes.push(toNodeRow(row.node));
      // Every asked list exists, empty or not, so that its load is a cache hit.
      for (const spec of tree) entry(row.id, spec);
      continue;
    }
    const spec = tree[row.index];
    if (!spec || !row.rel) continue;
    const relation = toRelationRow(spec.type, spec.direction, row.rel, projection);
    entry(row.id, spec).relations.push(relation);
    // A node reached twice (by two relations or from two roots) gets each list once.
    const reached = spec.then.map((next) => {
      const list = entry(relation.other.id, next);
      return filled.has(list) ? null : list;
    });
    row.rel[4].forEach((items, index) => {
      const next = spec.then[index];
      const list = reached[index];
      if (next && list)
        for (const item of items)
          list.relations.push(toRelationRow(next.type, next.direction, item, projection));
    });
    for (const list of reached) if (list) filled.add(list);
  }
  sortRelations([...relations.values()].map((list) => list.relations));
  return { nodes, relations: [...relations.values()] };
}

/**
 * Nodes by id with the relations `tree` asks of them, two levels deep, and what `panel`
 * asks besides, in one round trip. `projection`: what to read of the nodes and relationships
 * reached and of the sources cited (the nodes themselves are read whole).
 */
export async function findNodesByIdsAhead(
  db: Db,
  ids: readonly string[],
  tree: readonly RelationTree[],
  panel: PanelAhead = NO_PANEL,
  projection?: Projection,
): Promise<NodesAhead> {
  if (ids.length === 0) return { nodes: [], relations: [] };
  const grouped = idsByLabel(ids);
  const labels = labelsWithIds(grouped);
  const rows = await db.read<RawAhead>(
    textOf(['ahead', labels, tree, !!panel.page, panel.counts, panel.cited, projection?.key], () =>
      nodesAheadQuery(labels, tree, panel, projection),
    ),
    {
      ids: grouped,
      page: panel.page && { types: panel.page.types, first: panel.page.first, after: null },
    },
  );
  const cited = new Map<string, NodeRow>();
  for (const row of rows)
    for (const raw of row.cited ?? []) {
      const source = Array.isArray(raw)
        ? { id: raw[0], label: 'Source' as const, props: propsFrom(raw[1], nodeKeys(projection)) }
        : toNodeRow(raw);
      cited.set(source.id, source);
    }
  return {
    ...toNodesAhead(rows, tree, projection),
    panels: rows.flatMap((row) =>
      row.node
        ? [
            {
              id: row.id,
              page: panel.page ? toPageRows(row.page ?? [], projection) : null,
              counts: panel.counts ? toRelationCounts(row.counts ?? []) : null,
            },
          ]
        : [],
    ),
    cited: [...cited.values()],
  };
}

/** Every node of a small label, by name, with the relations `tree` asks of them, in one round trip. */
export async function findNodesByLabelAhead(
  db: Db,
  label: 'Theme' | 'Public',
  tree: readonly RelationTree[],
  projection?: Projection,
): Promise<NodesAhead> {
  const rows = await db.read<RawAhead>(
    textOf(['label', label, tree, projection?.key], () => findByLabelAhead(label, tree, projection)),
  );
  const ahead = toNodesAhead(rows, tree, projection);
  // By name, as findNodesByLabel gives them.
  ahead.nodes.sort(byName);
  return ahead;
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
// The page of node `n` that `page` asks ({types, first, after}), as the list `relations`
// of `RawPageRelation` lists, with the ids of the sources they cite as `sources`.
// `after`: false for a first page (a read ahead asks no other), whose text then leaves the
// position test out rather than send it to hold for every relation.
const pageOfN = (projection: Projection | undefined, after: boolean) => /* cypher */ `CALL (n, page) {
    CALL (n, page) {
      MATCH (n)-[r]->(m) WHERE (page.types IS NULL OR type(r) IN page.types) AND ${visible('m')}
      RETURN r, m, 'OUT' AS direction
      UNION ALL
      MATCH (n)<-[r]-(m) WHERE (page.types IS NULL OR type(r) IN page.types) AND ${visible('m')}
      RETURN r, m, 'IN' AS direction
    }
    WITH r, m, direction, type(r) AS type, coalesce(m.name, '') AS name
    ${
      after
        ? `WHERE page.after IS NULL
       OR type > page.after[0]
       OR (type = page.after[0] AND (direction > page.after[1]
         OR (direction = page.after[1] AND (name > page.after[2]
           OR (name = page.after[2] AND m.id > page.after[3])))))`
        : ''
    }
    WITH page, r, m, direction, type, name ORDER BY type, direction, name, m.id
    WITH page, collect([type, direction, r, m]) AS ordered
    WITH ordered[0..page.first] AS kept
    UNWIND kept AS item
    WITH item[0] AS type, item[1] AS direction, item[2] AS r, item[3] AS m
    RETURN collect([type, direction, ${relationTuple('r', 'm', projection)}]) AS relations,
      reduce(ids = [], cited IN collect(coalesce(r.sources, [])) | ids + cited) AS sources
  }`;

const findRelationPages = (labels: readonly NodeLabel[], projection?: Projection) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  UNWIND $pagesById[n.id] AS page
  ${pageOfN(projection, true)}
  RETURN page.index AS index, relations`;

type RawPageRelation = [type: string, direction: 'OUT' | 'IN', ...RawRelation];

const toPageRows = (relations: readonly RawPageRelation[], projection?: Projection) =>
  relations.map(([type, direction, ...relation]) => toRelationRow(type, direction, relation, projection));

/**
 * Pages of relations of several nodes in one round trip: the batch behind the relation page
 * loader; `projection`, what to read of the relationships and the nodes at their other end.
 */
export async function findRelationPagesBatch(
  db: Db,
  keys: readonly RelationPageKey[],
  projection?: Projection,
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
  const ids = idsByLabel([...pagesById.keys()]);
  // Every label: later pages are read by id of any kind, in one text (a first page comes read ahead).
  const labels = NODE_LABELS;
  const rows = await db.read<{ index: number; relations: RawPageRelation[] }>(
    textOf(['pages', labels, projection?.key], () => findRelationPages(labels, projection)),
    {
      ids,
      // fromEntries defines own properties, so an id such as "__proto__:x" stays a plain key.
      pagesById: Object.fromEntries(pagesById),
    },
  );
  const pages: RelationRow[][] = keys.map(() => []);
  for (const row of rows) pages[row.index] = toPageRows(row.relations, projection);
  return pages;
}
