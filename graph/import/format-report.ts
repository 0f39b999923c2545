import type { DiffCounts, DiffStatus, ImportDiff } from './apply-import.js';
import { megabytes } from '../queries/import.js';
import type { ProgressEvent } from './run-import.js';

const STATUSES: DiffStatus[] = ['new', 'changed', 'unchanged', 'vanished'];

function table(title: string, rows: Record<string, DiffCounts>): string[] {
  const names = Object.keys(rows).sort();
  if (names.length === 0) return [`${title}: none`];
  const width = Math.max(...names.map((name) => name.length), 12);
  const lines = [
    `${title}:`,
    `  ${''.padEnd(width)} ${STATUSES.map((status) => status.padStart(9)).join(' ')}`,
  ];
  for (const name of names) {
    const counts = rows[name]!;
    lines.push(
      `  ${name.padEnd(width)} ${STATUSES.map((status) => String(counts[status]).padStart(9)).join(' ')}`,
    );
  }
  return lines;
}

/** The final transaction's size, and whether this database lets one transaction hold it. */
function finalStepLine(step: NonNullable<ImportDiff['finalStep']>): string {
  const line = `final step: ${step.nodes} existing nodes and ${step.links} links between existing nodes written, at least ${megabytes(step.bytes)} in one transaction`;
  if (step.limit === undefined) return line;
  return step.bytes > step.limit
    ? `${line}, over the ${megabytes(step.limit)} this database allows: the import would be refused`
    : `${line} (this database allows ${megabytes(step.limit)})`;
}

/** The diff as the command prints it: nodes and links by kind, the final step, then the candidate matches. */
export function formatDiff(diff: ImportDiff): string[] {
  const lines = [`source ${diff.sourceId}`, ...table('nodes', diff.nodes), ...table('links', diff.links)];
  if (diff.finalStep) lines.push(finalStepLine(diff.finalStep));
  if (diff.merged.length > 0) {
    lines.push(`merged into nodes the import did not create: ${diff.merged.length}`);
    for (const merge of diff.merged.slice(0, 50)) lines.push(`  ${merge.plannedId} = ${merge.existingId}`);
  }
  if (diff.candidates.length === 0) lines.push('candidate matches: none');
  else {
    lines.push(`candidate matches: ${diff.candidates.length}`);
    for (const candidate of diff.candidates) {
      lines.push(
        `  ${candidate.accepted ? 'merged' : 'kept apart'}: ${candidate.origin} « ${candidate.plannedName} » ~ ${candidate.existingId} « ${candidate.existingName} » (${candidate.reason})`,
      );
    }
    if (diff.candidates.some((candidate) => !candidate.accepted)) {
      lines.push('  (--accept-matches merges them)');
    }
  }
  return lines;
}

/** One progress line for stderr: rows read, validated, written, and the rate. */
export function formatProgress(event: ProgressEvent, seconds: number): string {
  const rate = (count: number) => `${Math.round(count / Math.max(seconds, 0.001))}/s`;
  const written = event.total ? ` · written ${event.written}/${event.total} (${event.step ?? ''})` : '';
  return `[${seconds.toFixed(1)} s] ${event.phase}: read ${event.read} (${rate(event.read)}) · validated ${event.validated}${written}`;
}
