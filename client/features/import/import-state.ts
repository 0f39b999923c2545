import type { ImportEntity, ImportMappingInput, ImportReportFieldsFragment } from '../../gql/graphql';
import { foldText } from '../../text';

export type ImportReportView = ImportReportFieldsFragment;
export type Candidate = ImportReportView['candidates'][number];
export type Decision = 'merge' | 'apart';

/** The key of a candidate match: an imported node and the existing one it may be. */
export const candidateKey = (candidate: Pick<Candidate, 'plannedId' | 'existingId'>) =>
  `${candidate.plannedId}=${candidate.existingId}`;

/** The matches a person accepted, as the API takes them (a candidate without a decision stays apart). */
export function acceptedMatches(
  candidates: readonly Candidate[],
  decisions: Readonly<Record<string, Decision>>,
): { plannedId: string; existingId: string }[] {
  return candidates
    .filter((candidate) => decisions[candidateKey(candidate)] === 'merge')
    .map(({ plannedId, existingId }) => ({ plannedId, existingId }));
}

/** The column chosen for each mapping field, from the page's form. */
export type ColumnChoice = Record<string, string>;

/** A ready mapping's own columns, as a choice the person may then edit. */
export function columnsOfMapping(report: ImportReportView, name: string): ColumnChoice {
  const mapping = report.mappings.find((candidate) => candidate.name === name);
  return Object.fromEntries((mapping?.columns ?? []).map(({ field, column }) => [field, column]));
}

/** The choices of a mapping built from scratch, beside the ready ones: what one row is. */
export const NEW_MAPPINGS: { value: string; entity: ImportEntity; label: string }[] = [
  {
    value: 'new:ORGANISATION',
    entity: 'ORGANISATION',
    label: 'Nouvelle correspondance : une ligne = un acteur',
  },
  {
    value: 'new:DISPOSITIF',
    entity: 'DISPOSITIF',
    label: 'Nouvelle correspondance : une ligne = un dispositif',
  },
];

const newEntity = (choice: string) => NEW_MAPPINGS.find((option) => option.value === choice)?.entity;

/**
 * A first guess for a mapping built from scratch: each field gets the column named like it
 * (its key or its French label, accents and case aside, e.g. « Nom », « siret », « Thématique »).
 */
export function guessColumns(fields: readonly string[], columns: readonly string[]): ColumnChoice {
  const byName = new Map(columns.map((column) => [foldText(column), column]));
  const guess: ColumnChoice = {};
  for (const field of fields) {
    const names = [field, FIELD_LABELS[field] ?? field, (FIELD_LABELS[field] ?? field).split(' (')[0]!];
    const column = names.map((name) => byName.get(foldText(name))).find(Boolean);
    if (column) guess[field] = column;
  }
  return guess;
}

/**
 * The mapping a spreadsheet starts with: the first ready one whose columns the files all
 * have, else one built from scratch (a row is an actor) with its columns guessed.
 */
export function firstMapping(report: ImportReportView): { ready: string; columns: ColumnChoice } {
  const present = new Set(report.files.flatMap((file) => file.columns));
  const fitting = report.mappings.find((mapping) =>
    mapping.columns.every(({ column }) => present.has(column)),
  );
  if (fitting) return { ready: fitting.name, columns: columnsOfMapping(report, fitting.name) };
  return { ready: NEW_MAPPINGS[0]!.value, columns: guessColumns(report.mappingFields, [...present]) };
}

/**
 * The mapping the API takes: a ready one as it is, or edited (its name and entity
 * kept, the chosen columns instead of its own), or one built from scratch (what a
 * row is, and the chosen columns).
 */
export function mappingInput(
  report: ImportReportView,
  ready: string,
  columns: ColumnChoice,
): ImportMappingInput {
  const entity = newEntity(ready);
  if (entity) {
    return {
      entity,
      columns: Object.entries(withoutEmpty(columns)).map(([field, column]) => ({ field, column })),
    };
  }
  const same =
    JSON.stringify(withoutEmpty(columnsOfMapping(report, ready))) === JSON.stringify(withoutEmpty(columns));
  if (same) return { ready };
  return {
    ready,
    columns: Object.entries(withoutEmpty(columns)).map(([field, column]) => ({ field, column })),
  };
}

function withoutEmpty(columns: ColumnChoice): ColumnChoice {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([, column]) => column !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** What the progress bar shows: a share once the total of facts to write is known, else none. */
export function progressShare(
  progress: { written: number; total: number | null } | null,
): number | undefined {
  if (!progress?.total) return undefined;
  return Math.min(1, progress.written / progress.total);
}

/** French labels of the mapping fields (graph/import/spreadsheet.ts COLUMN_KEYS). */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  id: 'Identifiant',
  description: 'Description',
  type: 'Type',
  siret: 'SIRET',
  commune: 'Commune (code INSEE)',
  carrier: 'Porteur (opérateur)',
  carrier_siret: 'SIRET du porteur',
  funder: 'Financeur',
  amount: 'Montant',
  territory: 'Territoire',
  theme: 'Thématique',
  public: 'Public',
  start: 'Début',
  end: 'Fin',
};
