import { JSONResolver } from 'graphql-scalars';
import { DateScalar } from './base/date-scalar.js';
import type { Resolvers } from './resolvers-types.generated.js';
import { analysisResolvers } from './analysis/resolvers.js';
import { baseResolvers } from './base/resolvers.js';
import { coverageResolvers } from './coverage-gaps/resolvers.js';
import { honestGapsResolvers } from './coverage-gaps/honest-gaps-resolvers.js';
import { dependencyResolvers } from './dependencies/resolvers.js';
import { dispositifResolvers } from './dispositif/resolvers.js';
import { editingResolvers } from './editing/resolvers.js';
import { graphResolvers } from './graph/resolvers.js';
import { importResolvers } from './import/resolvers.js';
import { journalResolvers } from './journal/resolvers.js';
import { organisationResolvers } from './organisation/resolvers.js';
import { personResolvers } from './person/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { sourceResolvers } from './source/resolvers.js';
import { territoryResolvers } from './territory/resolvers.js';
import { vocabularyResolvers } from './vocabulary/resolvers.js';
import { indexRelationFields } from './look-ahead.js';

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
  honestGapsResolvers,
  dependencyResolvers,
  editingResolvers,
  journalResolvers,
  analysisResolvers,
  importResolvers,
];

/**
 * Each domain owns its types; a type another domain extends (Query, or editing's
 * `version` on Organisation…) has its field maps merged.
 */
const merged: Record<string, Record<string, unknown>> = {};
for (const domain of domains) {
  for (const [type, fields] of Object.entries(domain)) merged[type] = { ...merged[type], ...fields };
}
export const resolvers: Resolvers = { Date: DateScalar, JSON: JSONResolver, ...merged };

// Relation fields read what the query asks next of their nodes (look-ahead.ts).
indexRelationFields(resolvers);
