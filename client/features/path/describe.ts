import { relationLabel } from '../../vocabulary';
import type { Slice } from '../graph/types';

export interface PathStep {
  from: { id: string; label: string };
  /** The relationship as it reads walking the path: « porte », « financé par »… */
  relation: string;
  to: { id: string; label: string };
}

/** The steps of a shortest path, each relationship read in the walking direction. */
export function pathSteps(slice: Slice): PathStep[] {
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < slice.nodes.length; i += 1) {
    const from = slice.nodes[i]!;
    const to = slice.nodes[i + 1]!;
    const edge =
      slice.edges[i] ??
      slice.edges.find(
        (candidate) =>
          (candidate.source === from.id && candidate.target === to.id) ||
          (candidate.source === to.id && candidate.target === from.id),
      );
    const forward = !edge || edge.source === from.id;
    steps.push({
      from: { id: from.id, label: from.label },
      relation: edge ? relationLabel(edge.type, forward ? 'OUT' : 'IN') : 'lié à',
      to: { id: to.id, label: to.label },
    });
  }
  return steps;
}

/** The path as one French sentence-like chain: « A — porte → B — déployé à → C ». */
export function describePath(slice: Slice): string {
  const steps = pathSteps(slice);
  if (!steps.length) return slice.nodes[0]?.label ?? '';
  return [steps[0]!.from.label, ...steps.map((step) => `— ${step.relation} → ${step.to.label}`)].join(' ');
}
