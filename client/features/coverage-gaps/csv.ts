import { foldText } from '../../text';
import { STATUS_TEXT, VIA_TEXT } from './labels.js';
import type { CellApplication, CoverageCell, CoverageResult } from './types.js';

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const COVERAGE_CSV_HEADER = [
  'territoire_id',
  'territoire',
  'code',
  'niveau',
  'departement_id',
  'statut',
  'statut_libelle',
  'population',
  'population_couverte',
  'nb_dispositifs',
  'dispositifs',
] as const;

function describeDispositifs(applications: readonly CellApplication[] | undefined): string {
  if (!applications) return '';
  return applications.map(({ dispositif, via }) => `${dispositif.name} (${VIA_TEXT[via]})`).join(' | ');
}

export interface CoverageCsvOptions {
  /** The rows the table shows, in its order (all cells, in the grid's order, when absent). */
  rows?: readonly CoverageCell[];
  /** What the rows are (scope, filter, rows kept): written as a first `#` line. */
  heading?: string;
}

/**
 * The coverage table as CSV (comma-separated, CRLF, UTF-8 with a byte-order mark
 * so that spreadsheet software reads accents right): one row per cell the table
 * shows, its dispositifs named with how each applies when `applications` has the
 * cell (left empty otherwise); the filter first, on a `#` line.
 */
export function toCoverageCsv(
  result: CoverageResult,
  applications: ReadonlyMap<string, readonly CellApplication[]> = new Map(),
  options: CoverageCsvOptions = {},
): string {
  const rows = (options.rows ?? result.cells).map((cell) => [
    cell.territory.id,
    cell.territory.name,
    cell.territory.code ?? '',
    cell.territory.level,
    cell.departement?.id ?? '',
    cell.status,
    STATUS_TEXT[cell.status],
    String(cell.population),
    String(cell.coveredPopulation),
    String(cell.dispositifCount),
    describeDispositifs(applications.get(cell.territory.id)),
  ]);
  // One line, unquoted: a reader that skips `#` lines skips it whole.
  const heading = options.heading ? [`# ${options.heading.replace(/[\r\n]+/g, ' ')}`] : [];
  return (
    '\uFEFF' +
    [...heading, ...[COVERAGE_CSV_HEADER, ...rows].map((row) => row.map(csvField).join(','))].join('\r\n') +
    '\r\n'
  );
}

/** `couverture-commune-reg-75-mobilite-2019-06-01.csv` */
export function coverageCsvFileName(parts: readonly (string | null | undefined)[]): string {
  const slug = parts
    .filter((part): part is string => Boolean(part))
    // Ids lose their prefix (`theme:mobilite` → `mobilite`); the rest folds like the search.
    .map((part) => foldText(part.replace(/^[a-z]+:/i, '')).replace(/ /g, '-'))
    .filter(Boolean)
    .join('-');
  return `couverture-${slug || 'territoires'}.csv`;
}
