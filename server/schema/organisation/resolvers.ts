import { findFunders } from '../../../graph/queries/nodes.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { nodeOf, nodesOf, otherOf } from '../node-mappers.js';
import { projectionOf } from '../projection.js';
import { linkFields, links, nodeFields, other, related } from '../shared.js';

export const organisationResolvers: Resolvers = {
  Query: {
    funders: async (_parent, _args, ctx) => nodesOf(await findFunders(ctx.db), 'Organisation'),
  },
  Organisation: {
    ...nodeFields,
    acronym: (row) => row.props.acronym ?? null,
    aliases: (row) => row.props.aliases ?? [],
    type: (row) => row.props.type ?? null,
    description: (row) => row.props.description ?? null,
    website: (row) => row.props.website ?? null,
    territory: async (row, _args, ctx, info) => {
      const [seat] = await related(ctx, row, 'LOCATED_IN', 'OUT', projectionOf(info));
      return seat ? nodeOf(seat.other, 'Territory') : null;
    },
    governs: links('GOVERNS', 'OUT'),
    carries: links('CARRIES', 'OUT'),
    partnersIn: links('PARTNERS_IN', 'OUT'),
    funds: links('FUNDS', 'OUT'),
    fundedBy: links('FUNDS', 'IN'),
    prescribes: links('PRESCRIBES', 'OUT'),
    memberOf: links('MEMBER_OF', 'OUT'),
    members: links('MEMBER_OF', 'IN'),
    partners: (row, _args, ctx) => ctx.loaders.partners.load(row.id),
    people: links('WORKS_AT', 'IN'),
  },
  Partnership: {
    organisation: (partnership) => nodeOf(partnership.organisation, 'Organisation'),
    dispositifs: (partnership) => nodesOf(partnership.dispositifs, 'Dispositif'),
    direct: (partnership) => partnership.direct,
    weight: (partnership) => partnership.weight,
  },
  OrganisationLink: { ...linkFields, organisation: otherOf('Organisation') },
  DispositifLink: { ...linkFields, dispositif: otherOf('Dispositif') },
  FundingLink: { ...linkFields, target: other },
};
