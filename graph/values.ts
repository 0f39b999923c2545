import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns (Integer, temporal types, nodes) into plain
 * TypeScript values, so that nothing above graph/ sees driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans first: most values are, and the driver's type tests cost.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return plainList(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (neo4j.isNode(value as never)) return toPlain((value as { properties: unknown }).properties);
  const plain: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) plain[key] = toPlain(field);
  return plain;
}

/**
 * The list itself when every item is already plain (strings, numbers, plain lists): a nested
 * read brings thousands of lists, and copying each made a tenth of a request's garbage.
 */
function plainList(list: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i];
    const plain = toPlain(item);
    if (!copy && plain !== item) copy = list.slice(0, i);
    copy?.push(plain);
  }
  return copy ?? list;
}

/** Properties stored as Neo4j `Date`, so that "as of" comparisons happen in Cypher. */
export const DATE_PROPERTIES = new Set(['startDate', 'endDate', 'date']);

/** Converts ISO `YYYY-MM-DD` strings of date properties into Neo4j dates before a write. */
export function toNeo4jProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    out[key] = DATE_PROPERTIES.has(key) && typeof value === 'string' ? toNeo4jDate(value) : value;
  }
  return out;
}

export function toNeo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * JavaScript numbers travel as floats; Cypher wants integers for LIMIT, SKIP and
 * counts, so whole numbers are sent as Neo4j integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}
