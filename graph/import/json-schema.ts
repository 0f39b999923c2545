/**
 * A validator for the part of JSON Schema (2020-12) that the data·inclusion v1
 * schema uses. It refuses, when the schema is read, any keyword it does not
 * implement: a newer schema cannot be half-checked without anyone noticing.
 */

export interface SchemaProblem {
  /** The field, as a path from the record (`thematiques[2]`); empty for the record itself. */
  field: string;
  message: string;
}

type Schema = Record<string, unknown>;

// Annotations carry no constraint.
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$defs']);
const CHECKED = new Set([
  'type',
  'anyOf',
  'enum',
  'const',
  '$ref',
  'pattern',
  'minLength',
  'maxLength',
  'format',
  'items',
  'minItems',
  'uniqueItems',
  'minimum',
  'properties',
  'required',
]);
const FORMATS = new Set(['date', 'uri', 'email']);

function assertSupported(schema: unknown, at: string): void {
  if (typeof schema !== 'object' || schema === null) throw new Error(`${at}: not a schema`);
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && key !== '$defs') continue;
    if (!CHECKED.has(key) && key !== '$defs') throw new Error(`${at}: unsupported keyword "${key}"`);
    if (key === 'format' && !FORMATS.has(String(value)))
      throw new Error(`${at}: unsupported format ${value}`);
    if (key === 'anyOf') (value as unknown[]).forEach((sub, i) => assertSupported(sub, `${at}.anyOf[${i}]`));
    if (key === 'items') assertSupported(value, `${at}.items`);
    if (key === 'properties' || key === '$defs') {
      for (const [name, sub] of Object.entries(value as Schema)) assertSupported(sub, `${at}.${key}.${name}`);
    }
  }
}

const isDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};
const isUri = (value: string) => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
};
const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  date: isDate,
  uri: isUri,
  email: isEmail,
};
const FORMAT_NAMES: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  uri: 'a URL',
  email: 'an e-mail address',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const matchesType = (expected: string, actual: string) =>
  expected === actual || (expected === 'number' && actual === 'integer');

const show = (value: unknown) => JSON.stringify(value);

/** A compiled object schema: `validate(record)` lists every problem of one record. */
export class ObjectSchema {
  private readonly root: Schema;
  private readonly patterns = new Map<string, RegExp>();
  readonly required: readonly string[];
  readonly properties: readonly string[];

  constructor(schema: unknown) {
    assertSupported(schema, 'schema');
    this.root = schema as Schema;
    this.required = (this.root.required as string[] | undefined) ?? [];
    this.properties = Object.keys((this.root.properties as Schema | undefined) ?? {});
  }

  /** The `enum` of a `$defs` entry (a vocabulary named by the schema). */
  enumOf(name: string): string[] {
    const def = (this.root.$defs as Record<string, Schema> | undefined)?.[name];
    if (!def || !Array.isArray(def.enum)) throw new Error(`schema has no enum $defs.${name}`);
    return def.enum as string[];
  }

  /** The schema of one property, for callers that read a nested constraint (`zone_eligibilite`). */
  propertySchema(name: string): unknown {
    return (this.root.properties as Schema)[name];
  }

  /** The JSON types a property accepts (`array`, `string`, `null`…): how a CSV cell is read. */
  propertyTypes(name: string): Set<string> {
    const types = new Set<string>();
    const visit = (raw: Schema) => {
      const schema = this.resolve(raw);
      if (typeof schema.type === 'string') types.add(schema.type);
      if (Array.isArray(schema.anyOf)) for (const branch of schema.anyOf as Schema[]) visit(branch);
    };
    const schema = (this.root.properties as Record<string, Schema>)[name];
    if (schema) visit(schema);
    return types;
  }

  validate(record: unknown): SchemaProblem[] {
    return this.check(this.root, record, '');
  }

  private resolve(schema: Schema): Schema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
    const target = name ? (this.root.$defs as Record<string, Schema> | undefined)?.[name] : undefined;
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    return target;
  }

  private regex(pattern: string): RegExp {
    let compiled = this.patterns.get(pattern);
    if (!compiled) {
      compiled = new RegExp(pattern, 'u');
      this.patterns.set(pattern, compiled);
    }
    return compiled;
  }

  private check(raw: Schema, value: unknown, field: string): SchemaProblem[] {
    const schema = this.resolve(raw);
    if (Array.isArray(schema.anyOf)) {
      const branches = schema.anyOf as Schema[];
      const results = branches.map((branch) => this.check(branch, value, field));
      if (results.some((problems) => problems.length === 0)) return [];
      // The most telling message: the one branch of the value's own type, else every form allowed.
      const sameType = branches.filter((branch) => {
        const type = this.resolve(branch).type;
        return typeof type === 'string' && matchesType(type, typeOf(value)) && typeOf(value) !== 'null';
      });
      if (sameType.length > 1) {
        const forms = sameType.map((branch) => {
          const resolved = this.resolve(branch);
          return 'const' in resolved ? show(resolved.const) : String(resolved.pattern ?? resolved.type);
        });
        return [{ field, message: `${show(value)} fits none of the allowed forms (${forms.join(', ')})` }];
      }
      return results[sameType.length === 1 ? branches.indexOf(sameType[0]!) : 0] ?? [];
    }
    const problems: SchemaProblem[] = [];
    const fail = (message: string) => problems.push({ field, message });
    const actual = typeOf(value);
    if (typeof schema.type === 'string' && !matchesType(schema.type, actual)) {
      fail(`expected ${schema.type}, got ${actual === 'null' ? 'nothing' : show(value)}`);
      return problems;
    }
    if ('const' in schema && value !== schema.const)
      fail(`must be ${show(schema.const)}, not ${show(value)}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      fail(
        `${show(value)} is not in the vocabulary ${String(schema.title ?? schema.description ?? '')}`.trim(),
      );
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (typeof schema.minLength === 'number' && length < schema.minLength)
        fail(`at least ${schema.minLength} characters, got ${length}`);
      if (typeof schema.maxLength === 'number' && length > schema.maxLength)
        fail(`at most ${schema.maxLength} characters, got ${length}`);
      if (typeof schema.pattern === 'string' && !this.regex(schema.pattern).test(value))
        fail(`${show(value)} does not match ${schema.pattern}`);
      const format = typeof schema.format === 'string' ? schema.format : undefined;
      if (format && !FORMAT_CHECKS[format]?.(value)) fail(`${show(value)} is not ${FORMAT_NAMES[format]}`);
    }
    if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum)
      fail(`must be at least ${schema.minimum}, got ${value}`);
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems)
        fail(`at least ${schema.minItems} item(s), got ${value.length}`);
      if (schema.uniqueItems === true && new Set(value.map(show)).size !== value.length)
        fail('items must be unique');
      if (schema.items) {
        value.forEach((item, i) =>
          problems.push(...this.check(schema.items as Schema, item, `${field}[${i}]`)),
        );
      }
    }
    if (actual === 'object' && schema.properties) {
      const object = value as Record<string, unknown>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        if (object[name] === undefined || object[name] === null) {
          problems.push({ field: join(field, name), message: 'required field missing' });
        }
      }
      for (const [name, sub] of Object.entries(schema.properties as Record<string, Schema>)) {
        const present = object[name];
        if (present === undefined) continue;
        if (present === null && ((schema.required as string[] | undefined) ?? []).includes(name)) continue;
        problems.push(...this.check(sub, present, join(field, name)));
      }
    }
    return problems;
  }
}

const join = (field: string, name: string) => (field === '' ? name : `${field}.${name}`);
