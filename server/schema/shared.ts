import type { GraphQLResolveInfo } from 'graphql';
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../graph/model.js';
import type { Projection, RelationPosition, RelationSpec } from '../../graph/queries/relations.js';
import type { NodeRow, RelationRow } from '../../graph/queries/rows.js';
import type { GraphQLContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { markOther, markRelation, relationsAhead } from './look-ahead.js';
import { nodesOf } from './node-mappers.js';
import { projectionOf } from './projection.js';
import type { NodeKind } from './resolvers-types.generated.js';

const KIND_BY_LABEL: Record<NodeLabel, NodeKind> = {
  Organisation: 'ORGANISATION',
  Dispositif: 'DISPOSITIF',
  Territory: 'TERRITORY',
  Person: 'PERSON',
  Theme: 'THEME',
  Public: 'PUBLIC',
  Source: 'SOURCE',
};
const LABEL_BY_KIND = Object.fromEntries(Object.entries(KIND_BY_LABEL).map(([l, k]) => [k, l])) as Record<
  NodeKind,
  NodeLabel
>;

export const kindOfLabel = (label: NodeLabel): NodeKind => KIND_BY_LABEL[label];
export const kindOf = (row: NodeRow): NodeKind => KIND_BY_LABEL[row.label];
export const labelOfKind = (kind: NodeKind): NodeLabel => LABEL_BY_KIND[kind];

export function stringProp(row: { props: Record<string, unknown> }, key: string): string | null {
  const value = row.props[key];
  return value === null || value === undefined ? null : String(value);
}

/** Relationship types named by a client, checked against the closed list. */
export function parseRelationshipTypes(
  types: readonly string[] | null | undefined,
  argument = 'relations',
): RelationshipType[] | undefined {
  if (!types || types.length === 0) return undefined;
  const known = new Set<string>(RELATIONSHIP_TYPES);
  const unknown = types.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    throw badUserInput(argument, `Unknown relationship type(s): ${unknown.join(', ')}.`);
  }
  return types as RelationshipType[];
}

/**
 * Relations of a node; `then`: those to read at once from the nodes reached (see look-ahead.ts);
 * `projection`: what the request reads of the rows reached (projection.ts; all without).
 */
export function related(
  ctx: GraphQLContext,
  row: NodeRow,
  type: RelationshipType,
  direction: 'OUT' | 'IN',
  projection?: Projection,
  then?: readonly RelationSpec[],
): RelationRow[] | Promise<RelationRow[]> {
  const key = { id: row.id, type, direction, then, projection };
  // Read already (ahead): answered at once, a promise less per parent.
  return ctx.loaders.readRelations(key) ?? ctx.loaders.relations.load(key);
}

export function relatedNodes(
  ctx: GraphQLContext,
  row: NodeRow,
  type: RelationshipType,
  direction: 'OUT' | 'IN',
  projection?: Projection,
  then?: readonly RelationSpec[],
): NodeRow[] | Promise<NodeRow[]> {
  const relations = related(ctx, row, type, direction, projection, then);
  const others = (list: RelationRow[]) => list.map((rel) => rel.other);
  return Array.isArray(relations) ? others(relations) : relations.then(others);
}

/** Nodes for the ids that exist; a failed lookup (database down) fails the field, never reads as "absent". */
export async function loadNodes(ctx: GraphQLContext, ids: readonly string[]): Promise<NodeRow[]> {
  const rows = await ctx.loaders.node.loadMany(ids);
  const failure = rows.find((row) => row instanceof Error);
  if (failure) throw failure;
  return rows.filter((row): row is NodeRow => row !== null && !(row instanceof Error));
}

const MAX_RELATION_PAGE = 1000;

/** A relation's cursor: its position in page order (type, direction, other end's name, its id). */
export function relationCursor(rel: RelationRow): string {
  const name = typeof rel.other.props.name === 'string' ? rel.other.props.name : '';
  return Buffer.from(JSON.stringify([rel.type, rel.direction, name, rel.other.id])).toString('base64url');
}

function parseRelationCursor(cursor: string): RelationPosition {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.length === 4 &&
      position.every((part) => typeof part === 'string') &&
      (position[1] === 'OUT' || position[1] === 'IN')
    )
      return position as unknown as RelationPosition;
  } catch {
    // Reported below, as any other cursor this server did not give.
  }
  throw badUserInput('after', 'after must be the cursor of a relation.');
}

/** Fields every node type shares (the Node interface). */
export const nodeFields = {
  id: (row: NodeRow) => row.id,
  kind: (row: NodeRow) => kindOf(row),
  name: (row: NodeRow) => stringProp(row, 'name') ?? row.id,
  sources: async (row: NodeRow, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
    nodesOf(await relatedNodes(ctx, row, 'MENTIONED_IN', 'OUT', projectionOf(info)), 'Source'),
  relations: async (
    row: NodeRow,
    args: { types?: readonly string[] | null; first?: number | null; after?: string | null },
    ctx: GraphQLContext,
    info: GraphQLResolveInfo,
  ) => {
    const projection = projectionOf(info);
    if (args.first !== undefined && args.first !== null) {
      if (args.first < 0 || args.first > MAX_RELATION_PAGE)
        throw badUserInput('first', `first must be between 0 and ${MAX_RELATION_PAGE}.`);
      return ctx.loaders.relationPages.load({
        id: row.id,
        types: parseRelationshipTypes(args.types, 'types') ?? null,
        first: args.first,
        after: args.after ? parseRelationCursor(args.after) : null,
        projection,
      });
    }
    if (args.after) throw badUserInput('after', 'after pages relations: give first too.');
    const types = parseRelationshipTypes(args.types, 'types') ?? RELATIONSHIP_TYPES;
    const lists = await Promise.all(
      types.flatMap((type) => [
        related(ctx, row, type, 'OUT', projection),
        related(ctx, row, type, 'IN', projection),
      ]),
    );
    return lists.flat();
  },
  relationCounts: (row: NodeRow, _args: unknown, ctx: GraphQLContext) => ctx.loaders.degrees.load(row.id),
};

/** Fields every link type shares: the relationship's properties and sources. */
export const linkFields = {
  role: (rel: RelationRow) => stringProp(rel, 'role'),
  amount: (rel: RelationRow) => stringProp(rel, 'amount'),
  period: (rel: RelationRow) => stringProp(rel, 'period'),
  evidence: (rel: RelationRow) => stringProp(rel, 'evidence'),
  sources: async (rel: RelationRow, _args: unknown, ctx: GraphQLContext) =>
    nodesOf(await loadNodes(ctx, rel.sources), 'Source'),
};

/** Resolvers for a link field: the relations of one type and direction, and what is asked of them next. */
export const links = (type: RelationshipType, direction: 'OUT' | 'IN') =>
  markRelation(
    (row: NodeRow, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
      related(ctx, row, type, direction, projectionOf(info), relationsAhead(info, 'links')),
    { type, direction, items: 'links' },
  );

export const other = markOther((rel: RelationRow) => rel.other);
