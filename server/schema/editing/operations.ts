import { selectsOnlyMutations } from '../../root-fields.js';
import { editingResolvers } from './resolvers.js';

/** The editing mutations: each runs in `runEdit`, whose first query checks the credential again. */
export const EDIT_FIELDS: ReadonlySet<string> = new Set(Object.keys(editingResolvers.Mutation ?? {}));

/** True when the operation `query` selects (by `operationName`) has editing mutations only at its root. */
export const isEditOperation = (query: unknown, operationName?: unknown): boolean =>
  selectsOnlyMutations(query, operationName, EDIT_FIELDS);
