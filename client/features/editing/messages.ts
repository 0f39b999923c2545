import { ApiError, ERROR_MESSAGES, errorCodeOf } from '../../api/graphql-client';

/** What to tell an editor whose change was refused. */
export function editErrorMessage(error: unknown): string {
  const code = errorCodeOf(error);
  if (error instanceof ApiError && error.extensions.code === 'CONFLICT') {
    return 'Conflit : la fiche a changé entre-temps (ou un changement plus récent touche les mêmes champs). Rechargez-la.';
  }
  if (code === 'BAD_USER_INPUT' && error instanceof ApiError) {
    return `Champ invalide (${String(error.extensions.argument ?? '?')}) : ${error.message}`;
  }
  if (code === 'FORBIDDEN') return 'Vous ne pouvez pas modifier cet élément (rôle ou départements).';
  return ERROR_MESSAGES[code];
}
