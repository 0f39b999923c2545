import { DISPOSITIF_STATUSES } from '../../../graph/model.js';
import type { DispositifStatus, Resolvers } from '../resolvers-types.generated.js';
import { otherOf } from '../node-mappers.js';
import { linkFields, links, nodeFields } from '../shared.js';

const STATUSES = new Set<string>(DISPOSITIF_STATUSES);

export const dispositifResolvers: Resolvers = {
  Dispositif: {
    ...nodeFields,
    aliases: (row) => row.props.aliases ?? [],
    type: (row) => row.props.type ?? null,
    status: ({ props: { status } }) => (status && STATUSES.has(status) ? (status as DispositifStatus) : null),
    startDate: (row) => row.props.startDate ?? null,
    endDate: (row) => row.props.endDate ?? null,
    description: (row) => row.props.description ?? null,
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
  PublicLink: { ...linkFields, public: otherOf('Public') },
  ThemeLink: { ...linkFields, theme: otherOf('Theme') },
};
