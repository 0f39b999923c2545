import type { NodeRow } from '../../../graph/queries/rows.js';
import type { Resolvers, TerritoryLevel } from '../resolvers-types.generated.js';
import { linkFields, links, nodeFields, numberProp, other, relatedNodes, stringProp } from '../shared.js';

// Nearest container first: a commune's EPCI before its département.
const PARENT_PREFERENCE: TerritoryLevel[] = ['EPCI', 'DEPARTEMENT', 'REGION'];

const levelOf = (row: NodeRow) => stringProp(row, 'level') as TerritoryLevel;

export const territoryResolvers: Resolvers = {
  Territory: {
    ...nodeFields,
    code: (row) => stringProp(row, 'code'),
    level: levelOf,
    population: (row) => numberProp(row, 'population'),
    outsideRegion: (row) => row.props.outsideRegion === true,
    basis: (row) => stringProp(row, 'basis'),
    parents: (row, _args, ctx) => relatedNodes(ctx, row, 'PART_OF', 'OUT'),
    parent: async (row, _args, ctx) => {
      const parents = await relatedNodes(ctx, row, 'PART_OF', 'OUT');
      for (const level of PARENT_PREFERENCE) {
        const parent = parents.find((candidate) => levelOf(candidate) === level);
        if (parent) return parent;
      }
      return null;
    },
    children: async (row, { level }, ctx) => {
      const children = await relatedNodes(ctx, row, 'PART_OF', 'IN');
      return level ? children.filter((child) => levelOf(child) === level) : children;
    },
    dispositifs: links('DEPLOYED_IN', 'IN'),
    organisations: links('LOCATED_IN', 'IN'),
    governedBy: links('GOVERNS', 'IN'),
  },
  TerritoryLink: { ...linkFields, territory: other },
};
