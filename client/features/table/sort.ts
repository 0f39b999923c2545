export type TableColumn = 'name' | 'kind' | NumericColumn | 'detail' | 'id';
/** Columns of numbers: sorted as numbers, largest first when first clicked (a missing value last). */
export type NumericColumn = 'degree' | 'weightedDegree' | 'betweenness' | 'pageRank' | 'community';
const NUMERIC: readonly TableColumn[] = ['degree', 'weightedDegree', 'betweenness', 'pageRank', 'community'];
const isNumeric = (column: TableColumn): column is NumericColumn => NUMERIC.includes(column);
export type SortDirection = 'ascending' | 'descending';

export interface TableRow {
  id: string;
  name: string;
  kind: string;
  degree: number;
  weightedDegree: number;
  betweenness: number | null;
  pageRank: number;
  community: number;
  detail: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Rows sorted by a column; ties broken by name so the order is stable. */
export function sortRows(
  rows: readonly TableRow[],
  column: TableColumn,
  direction: SortDirection,
): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = isNumeric(column)
      ? (a[column] ?? -1) - (b[column] ?? -1)
      : collator.compare(String(a[column]), String(b[column]));
    return primary * sign || collator.compare(a.name, b.name);
  });
}

/** Clicking a column: same column flips the direction, another one starts ascending (descending for numbers). */
export function nextSort(
  current: { column: TableColumn; direction: SortDirection },
  column: TableColumn,
): { column: TableColumn; direction: SortDirection } {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: isNumeric(column) && column !== 'community' ? 'descending' : 'ascending' };
}
