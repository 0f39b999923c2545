/**
 * Reads the curated YAML files of seeds/data/, keeping each entry's position so
 * that every later error can name its file, line and field. Entries that fail
 * their schema are reported and left out; the rest are read on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import type { DatasetError } from './dataset-error.js';
import {
  ArticleFileSchema,
  ArticleSourceSchema,
  BassinSchema,
  DispositifSchema,
  FactSchema,
  OrganisationSchema,
  OutsidePlaceSchema,
  PersonSchema,
  PublicItemSchema,
  ReferentialSchema,
  ThemeItemSchema,
  VocabularyFileSchema,
  slugId,
  type ArticleSource,
  type Bassin,
  type Dispositif,
  type Fact,
  type Organisation,
  type OutsidePlace,
  type Person,
  type PublicItem,
  type Referential,
  type ThemeItem,
} from './schema.js';

export type FieldPath = readonly (string | number)[];

/** A parsed file and what is needed to locate a field in it. */
export interface DatasetFile {
  /** As displayed in errors: the data directory joined with the file's relative path. */
  path: string;
  /** For files whose root is a list, the name given to that list in field paths (`organisations[3]`). */
  rootName: string | undefined;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** A value read from a file, with where it was read. */
export interface Located<T> {
  value: T;
  file: DatasetFile;
  path: FieldPath;
}

export interface VocabularyEntries<T> {
  file: DatasetFile;
  source: Located<string> | undefined;
  items: Located<T>[];
}

export interface ArticleEntries {
  file: DatasetFile;
  /** Undefined when the article's source block is invalid (its facts are still checked). */
  source: Located<ArticleSource> | undefined;
  mentions: Located<string>[];
  facts: Located<Fact>[];
}

export interface Dataset {
  themes: VocabularyEntries<ThemeItem> | undefined;
  publics: VocabularyEntries<PublicItem> | undefined;
  referentials: Located<Referential>[];
  organisations: Located<Organisation>[];
  dispositifs: Located<Dispositif>[];
  persons: Located<Person>[];
  bassins: Located<Bassin>[];
  outsidePlaces: Located<OutsidePlace>[];
  articles: ArticleEntries[];
  /** Files skipped for YAML syntax errors: checks that need every file (sources of entities) are skipped too. */
  unreadableFiles: string[];
}

const LIST_FILES = ['referentials', 'organisations', 'dispositifs', 'persons', 'places'] as const;
const VOCABULARY_FILES = ['themes', 'publics'] as const;
const ARTICLE_FILE_NAME = /^\d{2,}-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/;

/** Formats a field path: `organisations[3].type`, `facts[2][1]`, `source.date`. */
export function formatFieldPath(rootName: string | undefined, path: FieldPath): string {
  let field = rootName ?? '';
  for (const segment of path) {
    field += typeof segment === 'number' ? `[${segment}]` : field === '' ? segment : `.${segment}`;
  }
  return field;
}

function findLine(file: DatasetFile, path: FieldPath): number {
  // Walk up to the deepest node that exists: a missing field is reported on its parent
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return file.lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

function findKeyLine(file: DatasetFile, mapPath: FieldPath, key: string): number {
  const map = mapPath.length === 0 ? file.doc.contents : file.doc.getIn(mapPath, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return file.lineCounter.linePos(pair.key.range[0]).line;
      }
    }
  }
  return findLine(file, mapPath);
}

/** Builds an error located at a field of a file. */
export function errorAt(file: DatasetFile, path: FieldPath, message: string): DatasetError {
  return {
    file: file.path,
    line: findLine(file, path),
    field: formatFieldPath(file.rootName, path),
    message,
  };
}

function fileError(path: string, message: string): DatasetError {
  return { file: path, line: 0, field: '', message };
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

function readAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function toFieldPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** Turns zod issues about `input` (read at `basePath` of `file`) into located errors. */
function reportIssues(
  file: DatasetFile,
  basePath: FieldPath,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): DatasetError[] {
  const errors: DatasetError[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...toFieldPath(issue.path)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          file: file.path,
          line: findKeyLine(file, path, key),
          field: formatFieldPath(file.rootName, [...path, key]),
          message: `unknown field "${key}"`,
        });
      }
      continue;
    }
    const value = readAt(input, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message =
        value === undefined
          ? 'missing required field'
          : `expected ${issue.expected}, got ${describeValue(value)}`;
    } else if (
      value !== undefined &&
      !message.includes(typeof value === 'string' ? value : describeValue(value))
    ) {
      message += ` (got ${describeValue(value)})`;
    }
    errors.push(errorAt(file, path, message));
  }
  return errors;
}

/** Parses `input` with `schema`, returning a located value or pushing located errors. */
function parseEntry<T>(
  schema: z.ZodType<T>,
  input: unknown,
  file: DatasetFile,
  path: FieldPath,
  errors: DatasetError[],
): Located<T> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, file, path };
  errors.push(...reportIssues(file, path, input, result.error.issues));
  return undefined;
}

interface ReadContext {
  dataDir: string;
  errors: DatasetError[];
  unreadableFiles: string[];
}

/** Parses one YAML file; YAML syntax errors are reported and the file skipped. */
function readYamlFile(
  context: ReadContext,
  relativePath: string,
  rootName: string | undefined,
): { file: DatasetFile; data: unknown } | undefined {
  const { errors, unreadableFiles } = context;
  const path = join(context.dataDir, relativePath);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      // Drop the " at line L, column C" tail: the line is already in the error's position
      const message = (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
      errors.push({ file: path, line, field: '', message: `YAML: ${message}` });
    }
    unreadableFiles.push(path);
    return undefined;
  }
  // No field of the format is numeric: keep numbers as written, so `code: 01234` or `startDate: 2019` stay text
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && typeof node.source === 'string') node.value = node.source;
    },
  });
  return { file: { path, rootName, doc, lineCounter }, data: doc.toJS() };
}

function readListFile<T>(
  context: ReadContext,
  name: string,
  parseItem: (item: unknown, file: DatasetFile, path: FieldPath) => Located<T> | undefined,
): Located<T>[] {
  const relativePath = `${name}.yaml`;
  if (!existsSync(join(context.dataDir, relativePath))) return [];
  const read = readYamlFile(context, relativePath, name);
  const { errors } = context;
  if (read === undefined || read.data === null) return [];
  if (!Array.isArray(read.data)) {
    errors.push(
      errorAt(
        read.file,
        [],
        `expected a list of entries at the top of the file, got ${describeValue(read.data)}`,
      ),
    );
    return [];
  }
  const entries: Located<T>[] = [];
  read.data.forEach((item, index) => {
    const entry = parseItem(item, read.file, [index]);
    if (entry !== undefined) entries.push(entry);
  });
  return entries;
}

function readVocabularyFile<T>(
  context: ReadContext,
  name: (typeof VOCABULARY_FILES)[number],
  itemSchema: z.ZodType<T>,
): VocabularyEntries<T> | undefined {
  const relativePath = join('vocabularies', `${name}.yaml`);
  if (!existsSync(join(context.dataDir, relativePath))) return undefined;
  const read = readYamlFile(context, relativePath, undefined);
  const { errors } = context;
  if (read === undefined) return undefined;
  const shape = parseEntry(VocabularyFileSchema, read.data, read.file, [], errors);
  const raw = read.data as { source?: unknown; items?: unknown } | null;
  const source =
    shape !== undefined || slugId('src').safeParse(raw?.source).success
      ? { value: String(raw?.source), file: read.file, path: ['source'] }
      : undefined;
  const items: Located<T>[] = [];
  if (Array.isArray(raw?.items)) {
    raw.items.forEach((item, index) => {
      const entry = parseEntry(itemSchema, item, read.file, ['items', index], errors);
      if (entry !== undefined) items.push(entry);
    });
  }
  return { file: read.file, source, items };
}

function parsePlace(
  item: unknown,
  file: DatasetFile,
  path: FieldPath,
  errors: DatasetError[],
  bassins: Located<Bassin>[],
  outsidePlaces: Located<OutsidePlace>[],
): void {
  const id = readAt(item, ['id']);
  // The id says which kind of place this is: a bassin of the region or a place outside it
  if (typeof id === 'string' && id.startsWith('bassin:')) {
    const entry = parseEntry(BassinSchema, item, file, path, errors);
    if (entry === undefined) return;
    if ((entry.value.epci ?? []).length === 0 && (entry.value.communes ?? []).length === 0) {
      errors.push(errorAt(file, path, 'a bassin needs at least one of "epci" or "communes"'));
      return;
    }
    bassins.push(entry);
  } else {
    const entry = parseEntry(OutsidePlaceSchema, item, file, path, errors);
    if (entry !== undefined) outsidePlaces.push(entry);
  }
}

function parseFact(
  item: unknown,
  file: DatasetFile,
  path: FieldPath,
  errors: DatasetError[],
): Located<Fact> | undefined {
  if (!Array.isArray(item) || item.length < 4 || item.length > 5) {
    const got = Array.isArray(item) ? `a list of ${item.length}` : describeValue(item);
    errors.push(errorAt(file, path, `a fact is a list [from, TYPE, to, evidence, props?], got ${got}`));
    return undefined;
  }
  const entry = parseEntry(FactSchema, item, file, path, errors);
  if (entry === undefined) return undefined;
  // Evidence is one line: folded or wrapped YAML text is joined back
  entry.value[3] = entry.value[3].replace(/\s+/g, ' ').trim();
  return entry;
}

function readArticleFile(context: ReadContext, relativePath: string): ArticleEntries | undefined {
  const read = readYamlFile(context, relativePath, undefined);
  const { errors } = context;
  if (read === undefined) return undefined;
  const { file, data } = read;
  const shape = ArticleFileSchema.safeParse(data);
  if (!shape.success) errors.push(...reportIssues(file, [], data, shape.error.issues));
  const raw = (data ?? {}) as { source?: unknown; mentions?: unknown; facts?: unknown };
  if (raw.source === undefined) errors.push(errorAt(file, [], 'missing required field "source"'));
  const source =
    raw.source === undefined
      ? undefined
      : parseEntry(ArticleSourceSchema, raw.source, file, ['source'], errors);
  const mentions: Located<string>[] = [];
  if (Array.isArray(raw.mentions)) {
    raw.mentions.forEach((mention, index) => {
      if (typeof mention === 'string' && /^[a-z]+:\S+$/.test(mention)) {
        mentions.push({ value: mention, file, path: ['mentions', index] });
      } else {
        errors.push(
          errorAt(
            file,
            ['mentions', index],
            `expected a node id "prefix:slug", got ${describeValue(mention)}`,
          ),
        );
      }
    });
  }
  const facts: Located<Fact>[] = [];
  if (Array.isArray(raw.facts)) {
    raw.facts.forEach((fact, index) => {
      const entry = parseFact(fact, file, ['facts', index], errors);
      if (entry !== undefined) facts.push(entry);
    });
  }
  return { file, source, mentions, facts };
}

function listFiles(directory: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

/** Flags data files the reader would silently skip (a typo in a name loses a whole file). */
function checkUnexpectedFiles(dataDir: string, errors: DatasetError[]): void {
  const expected = new Set([
    ...LIST_FILES.map((name) => `${name}.yaml`),
    ...VOCABULARY_FILES.map((name) => `vocabularies/${name}.yaml`),
  ]);
  for (const path of listFiles(dataDir)) {
    const relativePath = relative(dataDir, path).split(sep).join('/');
    if (!/\.(ya?ml|json)$/.test(relativePath) || expected.has(relativePath)) continue;
    if (
      relativePath.startsWith('articles/') &&
      ARTICLE_FILE_NAME.test(relativePath.slice('articles/'.length))
    )
      continue;
    const hint = relativePath.startsWith('articles/')
      ? 'article files are named articles/NN-slug.yaml'
      : `expected ${[...expected].join(', ')} or articles/NN-slug.yaml`;
    errors.push(fileError(join(dataDir, relativePath), `unexpected file, not read (${hint})`));
  }
}

/** Reads every curated file under `dataDir`; missing files read as empty. */
export function readDataset(dataDir: string): { dataset: Dataset; errors: DatasetError[] } {
  const context: ReadContext = { dataDir, errors: [], unreadableFiles: [] };
  const { errors } = context;
  const dataset: Dataset = {
    themes: undefined,
    publics: undefined,
    referentials: [],
    organisations: [],
    dispositifs: [],
    persons: [],
    bassins: [],
    outsidePlaces: [],
    articles: [],
    unreadableFiles: context.unreadableFiles,
  };
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    errors.push(fileError(dataDir, 'no such data directory'));
    return { dataset, errors };
  }
  checkUnexpectedFiles(dataDir, errors);
  dataset.themes = readVocabularyFile(context, 'themes', ThemeItemSchema);
  dataset.publics = readVocabularyFile(context, 'publics', PublicItemSchema);
  const entryParser =
    <T>(schema: z.ZodType<T>) =>
    (item: unknown, file: DatasetFile, path: FieldPath) =>
      parseEntry(schema, item, file, path, errors);
  dataset.referentials = readListFile(context, 'referentials', entryParser(ReferentialSchema));
  dataset.organisations = readListFile(context, 'organisations', entryParser(OrganisationSchema));
  dataset.dispositifs = readListFile(context, 'dispositifs', entryParser(DispositifSchema));
  dataset.persons = readListFile(context, 'persons', entryParser(PersonSchema));
  readListFile<never>(context, 'places', (item, file, path) => {
    parsePlace(item, file, path, errors, dataset.bassins, dataset.outsidePlaces);
    return undefined;
  });
  const articlesDir = join(dataDir, 'articles');
  if (existsSync(articlesDir)) {
    for (const name of readdirSync(articlesDir).sort()) {
      if (!ARTICLE_FILE_NAME.test(name)) continue;
      const article = readArticleFile(context, join('articles', name));
      if (article !== undefined) dataset.articles.push(article);
    }
  }
  return { dataset, errors };
}
