export type TableColumn = 'name' | 'kind' | 'degree' | 'detail' | 'id';
export type SortDirection = 'ascending' | 'descending';

export interface TableRow {
  id: string;
  name: string;
  kind: string;
  degree: number;
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
    const primary =
      column === 'degree' ? a.degree - b.degree : collator.compare(String(a[column]), String(b[column]));
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
  return { column, direction: column === 'degree' ? 'descending' : 'ascending' };
}
