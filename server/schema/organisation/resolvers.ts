import { findFunders } from '../../../graph/queries/nodes.js';
import { findPartners } from '../../../graph/queries/partners.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { linkFields, links, nodeFields, other, related, stringListProp, stringProp } from '../shared.js';

export const organisationResolvers: Resolvers = {
  Query: {
    funders: (_parent, _args, ctx) => findFunders(ctx.db),
  },
  Organisation: {
    ...nodeFields,
    acronym: (row) => stringProp(row, 'acronym'),
    aliases: (row) => stringListProp(row, 'aliases'),
    type: (row) => stringProp(row, 'type'),
    description: (row) => stringProp(row, 'description'),
    website: (row) => stringProp(row, 'website'),
    territory: async (row, _args, ctx) => (await related(ctx, row, 'LOCATED_IN', 'OUT'))[0]?.other ?? null,
    governs: links('GOVERNS', 'OUT'),
    carries: links('CARRIES', 'OUT'),
    partnersIn: links('PARTNERS_IN', 'OUT'),
    funds: links('FUNDS', 'OUT'),
    fundedBy: links('FUNDS', 'IN'),
    prescribes: links('PRESCRIBES', 'OUT'),
    memberOf: links('MEMBER_OF', 'OUT'),
    members: links('MEMBER_OF', 'IN'),
    partners: (row, _args, ctx) => findPartners(ctx.db, row.id),
    people: links('WORKS_AT', 'IN'),
  },
  Partnership: {
    organisation: (partnership) => partnership.organisation,
    dispositifs: (partnership) => partnership.dispositifs,
    direct: (partnership) => partnership.direct,
    weight: (partnership) => partnership.weight,
  },
  OrganisationLink: { ...linkFields, organisation: other },
  DispositifLink: { ...linkFields, dispositif: other },
  FundingLink: { ...linkFields, target: other },
};
