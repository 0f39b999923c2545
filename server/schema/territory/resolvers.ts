import type { GraphQLResolveInfo } from 'graphql';
import { TERRITORY_LEVELS } from '../../../graph/model.js';
import { nodesOf, otherOf, type NodeOf } from '../node-mappers.js';
import type { Resolvers, TerritoryLevel } from '../resolvers-types.generated.js';
import { linkFields, links, nodeFields, relatedNodes } from '../shared.js';
import type { GraphQLContext } from '../../context.js';
import type { RelationSpec } from '../../../graph/queries/relations.js';
import { markRelation, relationsAhead } from '../look-ahead.js';
import { projectionOf } from '../projection.js';

// Nearest container first: a commune's EPCI before its département.
const PARENT_PREFERENCE: TerritoryLevel[] = ['EPCI', 'DEPARTEMENT', 'REGION', 'PAYS'];

const LEVELS = new Set<string>(TERRITORY_LEVELS);
const levelOf = ({ props: { level } }: NodeOf<'Territory'>) =>
  level && LEVELS.has(level) ? (level as TerritoryLevel) : null;

const partOf = async (
  row: NodeOf<'Territory'>,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  direction: 'OUT' | 'IN',
  then?: readonly RelationSpec[],
) => nodesOf(await relatedNodes(ctx, row, 'PART_OF', direction, projectionOf(info), then), 'Territory');

export const territoryResolvers: Resolvers = {
  Territory: {
    ...nodeFields,
    code: (row) => row.props.code ?? null,
    level: (row) => {
      const level = levelOf(row);
      if (!level) throw new Error(`Territory "${row.id}" has no known level.`);
      return level;
    },
    population: (row) => row.props.population ?? null,
    outsideRegion: (row) => row.props.outsideRegion === true,
    basis: (row) => row.props.basis ?? null,
    parents: markRelation(
      (row: NodeOf<'Territory'>, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
        partOf(row, ctx, info, 'OUT', relationsAhead(info, 'nodes')),
      { type: 'PART_OF', direction: 'OUT', items: 'nodes' },
    ),
    parent: async (row, _args, ctx, info) => {
      const parents = await partOf(row, ctx, info, 'OUT');
      for (const level of PARENT_PREFERENCE) {
        const parent = parents.find((candidate) => levelOf(candidate) === level);
        if (parent) return parent;
      }
      return null;
    },
    children: markRelation(
      async (
        row: NodeOf<'Territory'>,
        { level }: { level?: TerritoryLevel | null },
        ctx: GraphQLContext,
        info: GraphQLResolveInfo,
      ) => {
        const children = await partOf(row, ctx, info, 'IN', relationsAhead(info, 'nodes'));
        return level ? children.filter((child) => levelOf(child) === level) : children;
      },
      { type: 'PART_OF', direction: 'IN', items: 'nodes' },
    ),
    dispositifs: links('DEPLOYED_IN', 'IN'),
    organisations: links('LOCATED_IN', 'IN'),
    governedBy: links('GOVERNS', 'IN'),
  },
  TerritoryLink: { ...linkFields, territory: otherOf('Territory') },
};
