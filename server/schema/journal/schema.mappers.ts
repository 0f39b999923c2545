import type { ChangeRow } from '../../../graph/queries/changes.js';

export type ChangeMapper = ChangeRow;
export interface ChangePageMapper {
  changes: ChangeRow[];
  endCursor: string | null;
}
