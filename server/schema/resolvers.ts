import { JSONResolver } from 'graphql-scalars';
import { DateScalar } from './base/date-scalar.js';
import type { Resolvers } from './resolvers-types.generated.js';
import { analysisResolvers } from './analysis/resolvers.js';
import { baseResolvers } from './base/resolvers.js';
import { coverageResolvers } from './coverage-gaps/resolvers.js';
import { dispositifResolvers } from './dispositif/resolvers.js';
import { graphResolvers } from './graph/resolvers.js';
import { organisationResolvers } from './organisation/resolvers.js';
import { personResolvers } from './person/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { sourceResolvers } from './source/resolvers.js';
import { territoryResolvers } from './territory/resolvers.js';
import { vocabularyResolvers } from './vocabulary/resolvers.js';

const domains: Resolvers[] = [
  baseResolvers,
  searchResolvers,
  organisationResolvers,
  dispositifResolvers,
  territoryResolvers,
  personResolvers,
  vocabularyResolvers,
  sourceResolvers,
  graphResolvers,
  coverageResolvers,
  analysisResolvers,
];

/** Each domain owns its types; only Query is shared, so it is the one map merged. */
export const resolvers: Resolvers = Object.assign({ Date: DateScalar, JSON: JSONResolver }, ...domains, {
  Query: Object.assign({}, ...domains.map((domain) => domain.Query ?? {})),
});
