import type { Resolvers } from '../resolvers-types.generated.js';
import { linkFields, links, nodeFields, other, stringProp } from '../shared.js';

export const personResolvers: Resolvers = {
  Person: {
    ...nodeFields,
    role: (row) => stringProp(row, 'role'),
    organisations: links('WORKS_AT', 'OUT'),
  },
  PersonLink: { ...linkFields, person: other },
};
