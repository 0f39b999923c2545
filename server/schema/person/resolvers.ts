import type { Resolvers } from '../resolvers-types.generated.js';
import { otherOf } from '../node-mappers.js';
import { linkFields, links, nodeFields } from '../shared.js';

export const personResolvers: Resolvers = {
  Person: {
    ...nodeFields,
    role: (row) => row.props.role ?? null,
    organisations: links('WORKS_AT', 'OUT'),
  },
  PersonLink: { ...linkFields, person: otherOf('Person') },
};
