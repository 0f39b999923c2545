import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ORGANISATION_TYPES, type PropertyValue } from '../model.js';
import { foldText } from '../text.js';
import { territoryIdOfCode } from './data-inclusion.js';
import { addPlannedNode, slugOf, type ImportPlan, type ImportProblem } from './plan.js';
import type { SourceRecord } from './read-records.js';

/**
 * Spreadsheets (CSV or XLSX) with a YAML mapping that says which column holds
 * what: each row becomes a dispositif (with its carrier, funder, territories,
 * themes, publics and dates) or an organisation (with its SIRET and commune).
 */
export const COLUMN_KEYS = [
  'name',
  'id',
  'description',
  'type',
  'siret',
  'commune',
  'carrier',
  'carrier_siret',
  'funder',
  'amount',
  'territory',
  'theme',
  'public',
  'start',
  'end',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

const mappingSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
    entity: z.enum(['dispositif', 'organisation']),
    type: z.string().optional(),
    sheet: z.union([z.number().int().positive(), z.string()]).optional(),
    columns: z
      .object(
        Object.fromEntries(COLUMN_KEYS.map((key) => [key, z.string().min(1).optional()])) as Record<
          ColumnKey,
          z.ZodOptional<z.ZodString>
        >,
      )
      .strict(),
  })
  .strict();
export type SpreadsheetMapping = z.infer<typeof mappingSchema>;

const READY_MAPPINGS = new URL('./mappings/', import.meta.url);

/** The names of the ready mappings (graph/import/mappings/*.yaml). */
export function listReadyMappings(): string[] {
  return readdirSync(READY_MAPPINGS)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** A mapping file, or the name of a ready one (`actions-financees`). */
export function readMapping(file: string): { mapping?: SpreadsheetMapping; problems: ImportProblem[] } {
  const ready = new URL(`${file}.yaml`, READY_MAPPINGS);
  const path = existsSync(file) ? file : /^[a-z0-9-]+$/.test(file) && existsSync(ready) ? ready : undefined;
  if (!path) return { problems: [{ file, line: 0, field: '', message: 'no such mapping file' }] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    return { problems: [{ file, line: 0, field: '', message: `not YAML: ${(error as Error).message}` }] };
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        line: 0,
        field: issue.path.join('.'),
        message: issue.message,
      })),
    };
  }
  if (!parsed.data.columns.name) {
    return { problems: [{ file, line: 0, field: 'columns.name', message: 'the name column is required' }] };
  }
  return { mapping: parsed.data, problems: [] };
}

/** Rows of an XLSX sheet as records keyed by the header row (line = spreadsheet row). */
export async function readXlsxRecords(file: string, sheet?: number | string): Promise<SourceRecord[]> {
  const { readSheet } = await import('read-excel-file/node');
  const rows = await readSheet(file, sheet ?? 1);
  const [header = [], ...body] = rows;
  const titles = header.map((cell) => String(cell ?? '').trim());
  return body
    .map((row, i) => ({
      index: i,
      line: i + 2,
      values: Object.fromEntries(titles.map((title, j) => [title, row[j] ?? null])),
    }))
    .filter((record) => Object.values(record.values).some((value) => value !== null && value !== ''));
}

export interface SpreadsheetContext {
  territoryIds: ReadonlySet<string>;
  /** Theme ids of the graph and the vocabulary, and their folded names → id. */
  themes: Map<string, string>;
  publics: Map<string, string>;
}

const splitList = (value: string) =>
  value
    .split(/[;,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** `2026-03-01`, `01/03/2026` or a spreadsheet date → ISO; undefined when it is none of them. */
export function isoDateOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (french) return `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`;
  return undefined;
}

/** An amount as written in French or English (`12 500,50 €`, `12500.5`). */
export function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const text = String(value)
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace(',', '.');
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : undefined;
}

export class SpreadsheetReader {
  readonly problems: ImportProblem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly mapping: SpreadsheetMapping,
    private readonly context: SpreadsheetContext,
    private readonly today: string,
  ) {
    plan.ownedIdPrefixes = { Organisation: 'org:tab-', Dispositif: `dis:tab-` };
    if (mapping.entity === 'dispositif') plan.scopes.add(`Dispositif|tableur:${mapping.name}:`);
    else plan.scopes.add(`Organisation|tableur:${mapping.name}:`);
  }

  /** The columns the mapping names that the file lacks (checked on its first row). */
  missingColumns(columns: readonly string[]): string[] {
    const has = new Set(columns);
    return Object.values(this.mapping.columns).filter((title): title is string => !!title && !has.has(title));
  }

  add(file: string, record: SourceRecord): boolean {
    const before = this.problems.length;
    const cell = (key: ColumnKey): string | null => {
      const title = this.mapping.columns[key];
      const value = title ? record.values[title] : null;
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      const text = String(value).trim();
      return text === '' ? null : text;
    };
    const fail = (key: ColumnKey, message: string) =>
      this.problems.push({ file, line: record.line, field: this.mapping.columns[key] ?? key, message });
    const name = cell('name');
    if (!name) fail('name', 'required field missing');
    const territories = splitList(cell('territory') ?? '').map((code) => {
      const id = code.includes(':') ? code : territoryIdOfCode(code);
      if (!this.context.territoryIds.has(id))
        fail('territory', `territory code ${JSON.stringify(code)} is not in the grid`);
      return id;
    });
    const lookUp = (key: 'theme' | 'public', index: Map<string, string>) =>
      splitList(cell(key) ?? '').map((value) => {
        const id = index.get(value) ?? index.get(foldText(value));
        if (!id)
          fail(
            key,
            `${JSON.stringify(value)} is not in the vocabulary of ${key === 'theme' ? 'themes' : 'publics'}`,
          );
        return id;
      });
    const themes = lookUp('theme', this.context.themes);
    const publics = lookUp('public', this.context.publics);
    const amount = cell('amount');
    const parsedAmount = amount === null ? undefined : amountOf(amount);
    if (amount !== null && parsedAmount === undefined)
      fail('amount', `${JSON.stringify(amount)} is not an amount`);
    const dates = (['start', 'end'] as const).map((key) => {
      const value = this.mapping.columns[key] ? record.values[this.mapping.columns[key]!] : null;
      if (value === null || value === undefined || value === '') return null;
      const iso = isoDateOf(value);
      if (!iso) fail(key, `${JSON.stringify(value)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      return iso ?? null;
    });
    const siret = cell(this.mapping.entity === 'organisation' ? 'siret' : 'carrier_siret');
    if (siret !== null && !/^\d{14}$/.test(siret.replace(/\s/g, '')))
      fail(
        this.mapping.entity === 'organisation' ? 'siret' : 'carrier_siret',
        `${JSON.stringify(siret)} is not a SIRET (14 digits)`,
      );
    // A row that is an actor may say its type: one of the closed list (DOMAIN.md §4), else AUTRE.
    const typeCell =
      this.mapping.entity === 'organisation' ? (cell('type') ?? this.mapping.type ?? null) : null;
    const orgType = typeCell && ORGANISATION_TYPES.find((type) => type === typeCell.toUpperCase());
    if (typeCell && !orgType)
      fail(
        'type',
        `${JSON.stringify(typeCell)} is none of the organisation types (${ORGANISATION_TYPES.join(', ')})`,
      );
    const communeCode = cell('commune');
    const commune = communeCode ? territoryIdOfCode(communeCode) : null;
    if (commune && !this.context.territoryIds.has(commune))
      fail('commune', `territory code ${JSON.stringify(communeCode)} is not in the grid`);
    if (this.problems.length > before || !name) return false;

    const key = slugOf(cell('id') ?? `${name} ${cell('carrier') ?? ''}`);
    const identifier = `tableur:${this.mapping.name}:${key}`;
    if (this.seen.has(identifier)) {
      fail('id', `the same row key "${key}" appears twice`);
      return false;
    }
    this.seen.add(identifier);
    const origin = `${basename(file)} line ${record.line}`;
    const organisation = (orgName: string, orgSiret: string | null, orgCommune: string | null): string => {
      const id = `org:tab-${slugOf(orgName)}`;
      addPlannedNode(this.plan, {
        label: 'Organisation',
        id,
        mode: 'entity',
        props: { name: orgName, type: 'AUTRE', siret: orgSiret },
        identifiers: [`tableur:org:${slugOf(orgName)}`, ...(orgSiret ? [`siret:${orgSiret}`] : [])],
        names: [foldText(orgName)],
        commune: orgCommune,
        origin,
      });
      return id;
    };

    if (this.mapping.entity === 'organisation') {
      const id = organisation(name, siret?.replace(/\s/g, '') ?? null, commune);
      const node = this.plan.nodes.get(id)!;
      node.identifiers.push(identifier);
      if (orgType) node.props.type = orgType;
      if (cell('description')) node.props.description = cell('description');
      if (commune) this.plan.links.push({ type: 'LOCATED_IN', from: id, to: commune, props: {} });
      return true;
    }
    const [startDate, endDate] = dates as [string | null, string | null];
    const status =
      endDate && endDate < this.today ? 'ended' : startDate && startDate > this.today ? 'planned' : 'active';
    const id = `dis:tab-${this.mapping.name}-${key}`;
    const props: Record<string, PropertyValue> = {
      name,
      type: cell('type') ?? this.mapping.type ?? 'action',
      status,
      description: cell('description'),
      startDate,
      endDate,
    };
    addPlannedNode(this.plan, {
      label: 'Dispositif',
      id,
      mode: 'entity',
      props,
      identifiers: [identifier],
      names: [],
      commune: null,
      origin,
    });
    const carrier = cell('carrier');
    if (carrier) {
      this.plan.links.push({
        type: 'CARRIES',
        from: organisation(carrier, siret?.replace(/\s/g, '') ?? null, null),
        to: id,
        props: {},
      });
    }
    const funder = cell('funder');
    if (funder) {
      const props: Record<string, PropertyValue> = parsedAmount !== undefined ? { amount: parsedAmount } : {};
      this.plan.links.push({ type: 'FUNDS', from: organisation(funder, null, null), to: id, props });
    }
    for (const territory of new Set(territories))
      this.plan.links.push({ type: 'DEPLOYED_IN', from: id, to: territory, props: {} });
    for (const theme of new Set(themes))
      if (theme) this.plan.links.push({ type: 'ADDRESSES', from: id, to: theme, props: {} });
    for (const value of new Set(publics))
      if (value) this.plan.links.push({ type: 'TARGETS', from: id, to: value, props: {} });
    return true;
  }
}
