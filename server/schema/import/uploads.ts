import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectDataInclusionKind } from '../../../graph/import/data-inclusion.js';
import { peekFirst } from '../../../graph/import/run-import.js';
import {
  COLUMN_KEYS,
  listReadyMappings,
  readMapping,
  readXlsxRecords,
  type SpreadsheetMapping,
} from '../../../graph/import/spreadsheet.js';
import { loadDataInclusionVocabulary } from '../../../graph/import/vocabulary.js';
import { badUserInput } from '../../errors.js';
import type { ImportEntity, ImportMappingInput } from '../resolvers-types.generated.js';

/** Files of one upload, at most. */
const MAX_FILES = 10;

/** What the page uploaded, saved to a folder of its own for the importer to read like the command does. */
export interface SavedUpload {
  dir: string;
  paths: string[];
  /** A ready mapping's name, or the path of the one built in the page; undefined: data·inclusion. */
  mapping?: string;
  /** The name a person knows a path by (the uploaded file's, `mapping` for the built mapping). */
  shown(path: string): string;
  remove(): Promise<void>;
}

/** The uploaded name, reduced to a plain file name (no folder, no control character). */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120);
  return cleaned === '' || cleaned.startsWith('.') ? `fichier${cleaned}` : cleaned;
}

const ENTITIES: Record<ImportEntity, SpreadsheetMapping['entity']> = {
  DISPOSITIF: 'dispositif',
  ORGANISATION: 'organisation',
};

/** A mapping built in the page: a ready one with other columns, or one from scratch. */
function builtMapping(input: ImportMappingInput): Record<string, unknown> | undefined {
  if (!input.columns) return undefined;
  const columns: Record<string, string> = {};
  for (const [i, { field, column }] of input.columns.entries()) {
    if (!(COLUMN_KEYS as readonly string[]).includes(field)) {
      throw badUserInput(`mapping.columns[${i}].field`, `${field} is none of ${COLUMN_KEYS.join(', ')}.`);
    }
    if (column.trim() !== '') columns[field] = column;
  }
  const base = input.ready ? readMapping(input.ready).mapping : undefined;
  const entity = input.entity ? ENTITIES[input.entity] : base?.entity;
  if (!entity) throw badUserInput('mapping.entity', 'A mapping built in the page says what a row is.');
  return {
    name: base?.name ?? 'colonnes-choisies',
    entity,
    ...((input.type ?? base?.type) ? { type: input.type ?? base?.type } : {}),
    ...(base?.sheet !== undefined ? { sheet: base.sheet } : {}),
    columns,
  };
}

/** Saves the uploaded files (and a mapping built in the page) where the importer reads them. */
export async function saveUpload(
  files: readonly File[],
  mapping: ImportMappingInput | null | undefined,
): Promise<SavedUpload> {
  if (files.length === 0) throw badUserInput('files', 'Choose at least one file.');
  if (files.length > MAX_FILES) throw badUserInput('files', `At most ${MAX_FILES} files at once.`);
  const names = files.map((file) => safeName(file.name));
  if (new Set(names).size !== names.length) throw badUserInput('files', 'Two files have the same name.');
  if (mapping?.ready && !mapping.columns && !listReadyMappings().includes(mapping.ready)) {
    throw badUserInput('mapping.ready', `No ready mapping is called ${mapping.ready}.`);
  }
  const built = mapping ? builtMapping(mapping) : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'atlas-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const paths = names.map((name) => join(dir, name));
    for (const [i, file] of files.entries())
      await writeFile(paths[i]!, Buffer.from(await file.arrayBuffer()));
    let mappingRef = mapping?.ready ?? undefined;
    if (built) {
      // JSON is YAML: the importer reads it like a mapping file of the command.
      mappingRef = join(dir, '.mapping.yaml');
      await writeFile(mappingRef, JSON.stringify(built));
    }
    const shown = (path: string) =>
      path === mappingRef && built
        ? 'mapping'
        : path.startsWith(`${dir}/`)
          ? path.slice(dir.length + 1)
          : path;
    return { dir, paths, mapping: mappingRef, shown, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

export interface DescribedFile {
  path: string;
  format: string | null;
  /** `structures` or `services` for a data·inclusion export, null otherwise. */
  dataInclusion: string | null;
  columns: string[];
}

/** Each file's format and columns, and whether they are those of a data·inclusion export. */
export async function describeFiles(paths: readonly string[]): Promise<DescribedFile[]> {
  const vocabulary = loadDataInclusionVocabulary();
  const described: DescribedFile[] = [];
  for (const path of paths) {
    try {
      if (path.toLowerCase().endsWith('.xlsx')) {
        const [first] = await readXlsxRecords(path);
        described.push({
          path,
          format: 'xlsx',
          dataInclusion: null,
          columns: Object.keys(first?.values ?? {}),
        });
        continue;
      }
      const { format, first } = await peekFirst(path);
      const columns = Object.keys(first?.values ?? {});
      const kind = columns.length > 0 ? detectDataInclusionKind(columns, vocabulary) : undefined;
      described.push({ path, format: format ?? null, dataInclusion: kind ?? null, columns });
    } catch {
      // The importer reports what is wrong with the file, located; here it only has no columns.
      described.push({ path, format: null, dataInclusion: null, columns: [] });
    }
  }
  return described;
}

/** The ready mappings, as the page offers them. */
export function readyMappings(): {
  name: string;
  entity: ImportEntity;
  type: string | null;
  columns: { field: string; column: string }[];
}[] {
  return listReadyMappings().flatMap((name) => {
    const { mapping } = readMapping(name);
    if (!mapping) return [];
    return [
      {
        name,
        entity: mapping.entity === 'dispositif' ? ('DISPOSITIF' as const) : ('ORGANISATION' as const),
        type: mapping.type ?? null,
        columns: Object.entries(mapping.columns).flatMap(([field, column]) =>
          column ? [{ field, column }] : [],
        ),
      },
    ];
  });
}
