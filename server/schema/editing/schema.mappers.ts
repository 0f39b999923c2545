import type { ChangeRow } from '../../../graph/queries/changes.js';
import type { NodeRow } from '../../../graph/queries/rows.js';

export interface EditResultMapper {
  change: ChangeRow;
  node: NodeRow | null;
}
