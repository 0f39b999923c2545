import { findNodesInScope } from './territory-scope.js';

/**
 * Which of the territory `ids` an import places nodes in lie within `departements`:
 * the editing rule itself (territory-scope.ts), so that an editor may import exactly
 * where they may edit.
 */
export const findTerritoriesInScope = findNodesInScope;
