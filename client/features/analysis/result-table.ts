import { csvField } from '../../export/csv';

/** A cell as text: node and relationship refs by name or type, lists joined, maps as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    const ref = value as { name?: unknown; id?: unknown; type?: unknown; source?: unknown; target?: unknown };
    if (typeof ref.id === 'string' && 'kind' in ref) return typeof ref.name === 'string' ? ref.name : ref.id;
    if (typeof ref.type === 'string' && typeof ref.source === 'string')
      return `${ref.source} ${ref.type} ${String(ref.target)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Rows ordered by one column: numbers as numbers, the rest as French text. */
export function sortRows(
  rows: readonly Record<string, unknown>[],
  column: string | null,
  descending: boolean,
): Record<string, unknown>[] {
  if (!column) return [...rows];
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [a[column], b[column]];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return cellText(x).localeCompare(cellText(y), 'fr');
  });
  return descending ? sorted.reverse() : sorted;
}

export function toResultCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(cellText(row[column]))).join(','));
  return lines.join('\n') + '\n';
}
