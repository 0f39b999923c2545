import { editingResolvers } from './resolvers.js';

/** The editing mutations: each runs in `runEdit`, whose first query checks the credential again. */
export const EDIT_FIELDS: ReadonlySet<string> = new Set(Object.keys(editingResolvers.Mutation ?? {}));
