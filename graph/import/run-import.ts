import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../driver.js';
import { findTerritoryIds } from '../queries/data-import.js';
import { removeStaging } from '../queries/import.js';
import { computeImport, writeImport, type ImportDiff, type ImportIdentity } from './apply-import.js';
import { DataInclusionReader, detectDataInclusionKind, type DataInclusionKind } from './data-inclusion.js';
import { emptyPlan, type ImportPlan, type ImportProblem } from './plan.js';
import {
  FileFormatError,
  guessFormat,
  hashedTextChunks,
  readCsv,
  readJsonArray,
  type SourceRecord,
  type TabularFormat,
} from './read-records.js';
import { resolvePlan } from './resolve.js';
import { loadDataInclusionVocabulary } from './vocabulary.js';

export interface RunImportOptions {
  files: string[];
  dryRun: boolean;
  acceptMatches: boolean;
  /** A spreadsheet mapping (YAML): the files are spreadsheets, not data·inclusion exports. */
  mapping?: string;
  sourceTitle?: string;
  author: { id: string; email: string };
  /** ISO date the import happens on (tests pin it). */
  date?: string;
  onProgress?: (line: ProgressEvent) => void;
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

async function peekFirst(file: string): Promise<{ format: TabularFormat | undefined; first?: SourceRecord }> {
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

  report('resolve');
  const resolution = await resolvePlan(db, plan, options.acceptMatches);
  for (const pending of reader.pendingStructures) {
    if (!resolution.byIdentifier.has(pending.identifier)) problems.push(pending.problem);
  }
  if (problems.length > 0) return { problems: sortProblems(problems), written: false, files };

  const identity = identityOf(plan, options);
  report('compare');
  const computed = await computeImport(db, plan, resolution, identity);
  if (options.dryRun || computed.diff.empty) {
    report('done');
    return { problems: [], diff: computed.diff, identity, written: false, files };
  }
  const total = computed.graph.nodes.length + computed.graph.relationships.length;
  const { changeUid } = await writeImport(db, computed, identity, {
    onProgress: ({ done, step }) => {
      progress.written = done;
      report('write', { total, step });
    },
    beforeStagedBatch: options.beforeStagedBatch,
  });
  report('done');
  return { problems: [], diff: computed.diff, identity, written: true, changeUid, files };
}

function identityOf(plan: ImportPlan, options: RunImportOptions): ImportIdentity {
  const hashes = plan.files.map((file) => file.sha256).sort();
  const fingerprint = createHash('sha256').update(hashes.join('\n')).digest('hex').slice(0, 16);
  const names = plan.files.map((file) => file.name).join(', ');
  return {
    sourceId: `src:import-${fingerprint}`,
    title: options.sourceTitle ?? `Import data·inclusion (${names})`,
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
