import type { GraphQLResolveInfo } from 'graphql';
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../graph/model.js';
import type { RelationSpec } from '../../graph/queries/relations.js';
import type { NodeRow, RelationRow } from '../../graph/queries/rows.js';
import type { GraphQLContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { markOther, markRelation, relationsAhead } from './look-ahead.js';
import { nodesOf } from './node-mappers.js';
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

/** Relations of a node; `then`: those to read at once from the nodes reached (see look-ahead.ts). */
export function related(
  ctx: GraphQLContext,
  row: NodeRow,
  type: RelationshipType,
  direction: 'OUT' | 'IN',
  then?: readonly RelationSpec[],
): Promise<RelationRow[]> {
  return ctx.loaders.relations.load({ id: row.id, type, direction, then });
}

export async function relatedNodes(
  ctx: GraphQLContext,
  row: NodeRow,
  type: RelationshipType,
  direction: 'OUT' | 'IN',
  then?: readonly RelationSpec[],
): Promise<NodeRow[]> {
  return (await related(ctx, row, type, direction, then)).map((rel) => rel.other);
}

/** Nodes for the ids that exist; a failed lookup (database down) fails the field, never reads as "absent". */
export async function loadNodes(ctx: GraphQLContext, ids: readonly string[]): Promise<NodeRow[]> {
  const rows = await ctx.loaders.node.loadMany(ids);
  const failure = rows.find((row) => row instanceof Error);
  if (failure) throw failure;
  return rows.filter((row): row is NodeRow => row !== null && !(row instanceof Error));
}

/** Fields every node type shares (the Node interface). */
export const nodeFields = {
  id: (row: NodeRow) => row.id,
  kind: (row: NodeRow) => kindOf(row),
  name: (row: NodeRow) => stringProp(row, 'name') ?? row.id,
  sources: async (row: NodeRow, _args: unknown, ctx: GraphQLContext) =>
    nodesOf(await relatedNodes(ctx, row, 'MENTIONED_IN', 'OUT'), 'Source'),
  relations: async (row: NodeRow, args: { types?: readonly string[] | null }, ctx: GraphQLContext) => {
    const types = parseRelationshipTypes(args.types, 'types') ?? RELATIONSHIP_TYPES;
    const lists = await Promise.all(
      types.flatMap((type) => [related(ctx, row, type, 'OUT'), related(ctx, row, type, 'IN')]),
    );
    return lists.flat();
  },
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
      related(ctx, row, type, direction, relationsAhead(info, 'links')),
    { type, direction, items: 'links' },
  );

export const other = markOther((rel: RelationRow) => rel.other);
