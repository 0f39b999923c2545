import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../driver.js';
import type { SeedGraph } from '../model.js';
import { findTerritoryIds, findVocabularyNames } from '../queries/data-import.js';
import { foldText } from '../text.js';
import { readMapping, readXlsxRecords, SpreadsheetReader, type SpreadsheetMapping } from './spreadsheet.js';
import { removeStaging } from '../queries/import.js';
import {
  computeImport,
  writeImport,
  type ComputedImport,
  type ImportDiff,
  type ImportIdentity,
} from './apply-import.js';
import { DataInclusionReader, detectDataInclusionKind, type DataInclusionKind } from './data-inclusion.js';
import { emptyPlan, type ImportPlan, type ImportProblem } from './plan.js';
import {
  FileFormatError,
  guessFormat,
  hashedTextChunks,
  readCsv,
  readJsonArray,
  sha256OfFile,
  type SourceRecord,
  type TabularFormat,
} from './read-records.js';
import { resolvePlan, type AcceptMatches } from './resolve.js';
import { loadDataInclusionVocabulary } from './vocabulary.js';

export interface RunImportOptions {
  files: string[];
  dryRun: boolean;
  acceptMatches: AcceptMatches;
  /** A spreadsheet mapping (YAML): the files are spreadsheets, not data·inclusion exports. */
  mapping?: string;
  sourceTitle?: string;
  author: { id: string; email: string };
  /** ISO date the import happens on (tests pin it). */
  date?: string;
  onProgress?: (line: ProgressEvent) => void;
  /** Awaited with what would be written, before a dry run answers or the write starts (the page's authorisation). */
  checkWrite?: (graph: SeedGraph) => Promise<void> | void;
  /** Test hook of the staged loader: awaited before each staged batch. */
  beforeStagedBatch?: (staged: number) => Promise<void> | void;
}

export interface ProgressEvent {
  phase: 'read' | 'resolve' | 'compare' | 'write' | 'done';
  read: number;
  validated: number;
  written: number;
  total?: number;
  step?: string;
}

export interface RunImportResult {
  problems: ImportProblem[];
  diff?: ImportDiff;
  identity?: ImportIdentity;
  written: boolean;
  changeUid?: string;
  files: { name: string; kind: string; format: string; rows: number }[];
}

/** A file's records, in the format its extension (or first character) says. */
async function* recordsOf(
  file: string,
  chunks: AsyncIterable<string>,
  format: TabularFormat,
): AsyncGenerator<SourceRecord> {
  yield* format === 'json' ? readJsonArray(chunks) : readCsv(chunks);
}

/** A file's format and first record, read from its first chunk (what tells one export from another). */
export async function peekFirst(
  file: string,
): Promise<{ format: TabularFormat | undefined; first?: SourceRecord }> {
  const { chunks } = hashedTextChunks(file);
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await iterator.next();
  const text = head.done ? '' : head.value;
  const format = guessFormat(file, text.trimStart()[0]);
  if (!format) return { format };
  async function* replay(): AsyncGenerator<string> {
    if (!head.done) yield text;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const records = recordsOf(file, replay(), format);
  try {
    const first = await records.next();
    return { format, first: first.done ? undefined : first.value };
  } finally {
    await records.return(undefined);
    await iterator.return?.(undefined);
  }
}

/**
 * Reads, validates, resolves and compares the files of one import; writes it
 * (atomically) unless `dryRun` or any problem was found. Nothing is written
 * when a single record of a single file is wrong.
 */
export async function runImport(db: Db, options: RunImportOptions): Promise<RunImportResult> {
  const vocabulary = loadDataInclusionVocabulary();
  // What an interrupted load left staged goes first, whether or not this import writes.
  if (!options.dryRun) await removeStaging(db);
  if (options.mapping !== undefined) return runSpreadsheetImport(db, options, options.mapping);
  const problems: ImportProblem[] = [];
  const progress = { read: 0, validated: 0, written: 0 };
  const report = (phase: ProgressEvent['phase'], extra: Partial<ProgressEvent> = {}) =>
    options.onProgress?.({ phase, ...progress, ...extra });
  const plan: ImportPlan = emptyPlan('data-inclusion');
  const files: RunImportResult['files'] = [];

  // Which file is which, by its columns; structures are read before the services that name them.
  const detected: { file: string; kind: DataInclusionKind; format: TabularFormat }[] = [];
  for (const file of options.files) {
    try {
      const { format, first } = await peekFirst(file);
      if (!format) {
        problems.push({ file, line: 0, field: '', message: 'neither JSON nor CSV (.json, .csv)' });
        continue;
      }
      if (!first) {
        problems.push({
          file,
          line: 0,
          field: '',
          message: 'no record: cannot tell structures from services',
        });
        continue;
      }
      const kind = detectDataInclusionKind(Object.keys(first.values), vocabulary);
      if (!kind) {
        problems.push({
          file,
          line: first.line,
          field: '',
          message: `not a data·inclusion export: its columns fit neither structures (${vocabulary.structure.required.join(', ')}) nor services (${vocabulary.service.required.join(', ')})`,
        });
        continue;
      }
      detected.push({ file, kind, format });
    } catch (error) {
      if (!(error instanceof FileFormatError)) throw error;
      problems.push({ file, line: error.line, field: '', message: error.message });
    }
  }
  detected.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'structures' ? -1 : 1));

  const territoryIds = await findTerritoryIds(db);
  const reader = new DataInclusionReader(plan, { vocabulary, territoryIds });
  for (const { file, kind, format } of detected) {
    const { chunks, sha256 } = hashedTextChunks(file);
    let rows = 0;
    try {
      for await (const record of recordsOf(file, chunks, format)) {
        rows++;
        progress.read++;
        if (reader.add(kind, file, record, format === 'csv')) progress.validated++;
        if (progress.read % 5_000 === 0) report('read');
      }
    } catch (error) {
      if (!(error instanceof FileFormatError)) throw error;
      problems.push({ file, line: error.line, field: '', message: error.message });
    }
    plan.files.push({
      name: basename(file),
      sha256: sha256(),
      rows,
      format: `data-inclusion ${kind} (${format})`,
    });
    files.push({ name: file, kind: `data·inclusion ${kind}`, format, rows });
  }
  report('read');
  problems.push(...reader.problems);

  return finishImport(db, options, plan, files, problems, reader.pendingStructures, report, progress);
}

type Report = (phase: ProgressEvent['phase'], extra?: Partial<ProgressEvent>) => void;

/** Resolution, comparison and the write: the same for every kind of input. */
async function finishImport(
  db: Db,
  options: RunImportOptions,
  plan: ImportPlan,
  files: RunImportResult['files'],
  problems: ImportProblem[],
  pendingStructures: { identifier: string; problem: ImportProblem }[],
  report: Report,
  progress = { read: 0, validated: 0, written: 0 },
): Promise<RunImportResult> {
  const identity = identityOf(plan, options);
  const computed = await resolveAndCompute(db, options, plan, identity, problems, pendingStructures, report);
  if (!computed) return { problems: sortProblems(problems), written: false, files };
  await options.checkWrite?.(computed.graph);
  if (options.dryRun || computed.diff.empty) {
    report('done');
    return { problems: [], diff: computed.diff, identity, written: false, files };
  }
  const total = computed.graph.nodes.length + computed.graph.relationships.length;
  const { changeUid } = await writeImport(db, computed, identity, {
    onProgress: ({ done, step }) => {
      progress.written = done;
      report('write', { total, step, written: done });
    },
    beforeStagedBatch: options.beforeStagedBatch,
  });
  report('done');
  return { problems: [], diff: computed.diff, identity, written: true, changeUid, files };
}

/**
 * Resolves the plan and compares it with the graph; undefined when a problem was found. The
 * plan's nodes and links are released once compared: the write holds only what it writes
 * (the compare is done with them; the resolution goes with this frame).
 */
async function resolveAndCompute(
  db: Db,
  options: RunImportOptions,
  plan: ImportPlan,
  identity: ImportIdentity,
  problems: ImportProblem[],
  pendingStructures: { identifier: string; problem: ImportProblem }[],
  report: Report,
): Promise<ComputedImport | undefined> {
  report('resolve');
  const resolution = await resolvePlan(db, plan, options.acceptMatches);
  for (const pending of pendingStructures) {
    if (!resolution.byIdentifier.has(pending.identifier)) problems.push(pending.problem);
  }
  if (problems.length > 0) return undefined;
  report('compare');
  const computed = await computeImport(db, plan, resolution, identity);
  plan.nodes.clear();
  return computed;
}

async function vocabularyIndex(db: Db, label: 'Theme' | 'Public'): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const { id, name } of await findVocabularyNames(db, label)) {
    index.set(id, id);
    index.set(id.slice(id.indexOf(':') + 1), id);
    index.set(foldText(name), id);
  }
  return index;
}

/** A CSV or XLSX read through its mapping. */
async function runSpreadsheetImport(
  db: Db,
  options: RunImportOptions,
  mappingFile: string,
): Promise<RunImportResult> {
  const progress = { read: 0, validated: 0, written: 0 };
  const report: Report = (phase, extra = {}) => options.onProgress?.({ phase, ...progress, ...extra });
  const { mapping, problems } = readMapping(mappingFile);
  if (!mapping) return { problems, written: false, files: [] };
  const plan = emptyPlan(mapping.name);
  const context = {
    territoryIds: await findTerritoryIds(db),
    themes: await vocabularyIndex(db, 'Theme'),
    publics: await vocabularyIndex(db, 'Public'),
  };
  const reader = new SpreadsheetReader(
    plan,
    mapping,
    context,
    options.date ?? new Date().toISOString().slice(0, 10),
  );
  const files: RunImportResult['files'] = [];
  for (const file of options.files) {
    const rows = await readSpreadsheet(file, mapping, problems);
    if (!rows) continue;
    const missing = rows.records[0] ? reader.missingColumns(Object.keys(rows.records[0].values)) : [];
    if (missing.length > 0) {
      problems.push({
        file,
        line: 1,
        field: '',
        message: `columns named by the mapping are missing: ${missing.join(', ')}`,
      });
      continue;
    }
    for (const record of rows.records) {
      progress.read++;
      if (reader.add(file, record)) progress.validated++;
    }
    plan.files.push({
      name: basename(file),
      sha256: rows.sha256,
      rows: rows.records.length,
      format: `${mapping.name} (${rows.format})`,
    });
    files.push({
      name: file,
      kind: `spreadsheet (${mapping.name})`,
      format: rows.format,
      rows: rows.records.length,
    });
  }
  problems.push(...reader.problems);
  report('read');
  return finishImport(db, options, plan, files, problems, [], report, progress);
}

async function readSpreadsheet(
  file: string,
  mapping: SpreadsheetMapping,
  problems: ImportProblem[],
): Promise<{ records: SourceRecord[]; sha256: string; format: string } | undefined> {
  try {
    if (file.toLowerCase().endsWith('.xlsx')) {
      const records = await readXlsxRecords(file, mapping.sheet);
      return { records, sha256: await sha256OfFile(file), format: 'xlsx' };
    }
    const { chunks, sha256 } = hashedTextChunks(file);
    const records: SourceRecord[] = [];
    for await (const record of readCsv(chunks)) records.push(record);
    return { records, sha256: sha256(), format: 'csv' };
  } catch (error) {
    if (error instanceof FileFormatError)
      problems.push({ file, line: error.line, field: '', message: error.message });
    else
      problems.push({
        file,
        line: 0,
        field: '',
        message: `not a readable spreadsheet: ${(error as Error).message}`,
      });
    return undefined;
  }
}

/** The Source an import of files with these SHA-256 is recorded under, whatever their order. */
export function importSourceId(sha256s: readonly string[]): string {
  const fingerprint = createHash('sha256')
    .update([...sha256s].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  return `src:import-${fingerprint}`;
}

function identityOf(plan: ImportPlan, options: RunImportOptions): ImportIdentity {
  const names = plan.files.map((file) => file.name).join(', ');
  return {
    sourceId: importSourceId(plan.files.map((file) => file.sha256)),
    title:
      options.sourceTitle ??
      `Import ${plan.kind === 'data-inclusion' ? 'data·inclusion' : plan.kind} (${names})`,
    publisher: plan.kind === 'data-inclusion' ? 'data·inclusion (GIP de l’inclusion)' : null,
    files: plan.files,
    rows: plan.files.reduce((sum, file) => sum + file.rows, 0),
    author: options.author,
    date: options.date ?? new Date().toISOString().slice(0, 10),
  };
}

export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
