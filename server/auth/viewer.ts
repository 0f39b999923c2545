import type { UserRole, UserRow } from '../../graph/queries/users.js';

export type { UserRole };

/** Who sends a request, as resolvers see it: the same whatever authenticated them. */
export interface Viewer {
  id: string;
  email: string;
  role: UserRole;
  /** Département ids an editor may edit in; empty: everywhere. */
  departements: readonly string[];
}

/** Reading the graph is everyone's; editing is editors' and admins'. */
export const canEdit = (viewer: Viewer | null): boolean =>
  viewer !== null && (viewer.role === 'editor' || viewer.role === 'admin');

/** The départements a viewer's edits must stay within; undefined: no limit. */
export function editingScope(viewer: Viewer): readonly string[] | undefined {
  return viewer.role === 'admin' || viewer.departements.length === 0 ? undefined : viewer.departements;
}

/** The viewer an account row stands for. */
export const viewerOf = (user: UserRow): Viewer => ({
  id: user.uid,
  email: user.email,
  role: user.role,
  departements: user.departements,
});
