import type { NodeLabel, NodePropsByLabel } from '../../graph/model.js';
import type { NodeRow, RelationRow } from '../../graph/queries/rows.js';
import { markOther } from './look-ahead.js';

/**
 * The resolver parent of one node kind: a row of that label whose properties
 * are that label's own, so that a misspelt property fails to compile.
 */
export interface NodeOf<L extends NodeLabel> {
  id: string;
  label: L;
  props: NodePropsByLabel[L];
}

/**
 * A row of graph/ taken as its kind. The label is checked; the properties are
 * those the seed validator guarantees for it.
 */
export function nodeOf<L extends NodeLabel>(row: NodeRow, label: L): NodeOf<L> {
  if (row.label !== label) throw new Error(`Expected a ${label}, got ${row.label} "${row.id}".`);
  return row as unknown as NodeOf<L>;
}

export const nodesOf = <L extends NodeLabel>(rows: readonly NodeRow[], label: L): NodeOf<L>[] =>
  rows.map((row) => nodeOf(row, label));

/** The node at the other end of a link, taken as its kind. */
export const otherOf = <L extends NodeLabel>(label: L) =>
  markOther((rel: RelationRow): NodeOf<L> => nodeOf(rel.other, label));
