import { DISPOSITIF_STATUSES } from '../../../graph/model.js';
import type { DispositifStatus, Resolvers } from '../resolvers-types.generated.js';
import { linkFields, links, nodeFields, other, stringListProp, stringProp } from '../shared.js';

const STATUSES = new Set<string>(DISPOSITIF_STATUSES);

export const dispositifResolvers: Resolvers = {
  Dispositif: {
    ...nodeFields,
    aliases: (row) => stringListProp(row, 'aliases'),
    type: (row) => stringProp(row, 'type'),
    status: (row) => {
      const status = stringProp(row, 'status');
      return status && STATUSES.has(status) ? (status as DispositifStatus) : null;
    },
    startDate: (row) => stringProp(row, 'startDate'),
    endDate: (row) => stringProp(row, 'endDate'),
    description: (row) => stringProp(row, 'description'),
    carriers: links('CARRIES', 'IN'),
    partners: links('PARTNERS_IN', 'IN'),
    funders: links('FUNDS', 'IN'),
    prescribers: links('PRESCRIBES', 'IN'),
    territories: links('DEPLOYED_IN', 'OUT'),
    publics: links('TARGETS', 'OUT'),
    themes: links('ADDRESSES', 'OUT'),
    instanceOf: links('INSTANCE_OF', 'OUT'),
    instances: links('INSTANCE_OF', 'IN'),
    succeeds: links('SUCCEEDS', 'OUT'),
    succeededBy: links('SUCCEEDS', 'IN'),
  },
  PublicLink: { ...linkFields, public: other },
  ThemeLink: { ...linkFields, theme: other },
};
