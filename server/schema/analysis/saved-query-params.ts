import type { NodeLabel } from '../../../graph/model.js';
import { labelOfId } from '../../../graph/model.js';
import type { SavedQuery, SavedQueryParameter } from '../../../graph/queries/saved-queries.js';
import { badUserInput } from '../../errors.js';

/** A node a parameter names, to be checked against the graph (existence, territory level). */
export interface NodeCheck {
  parameter: SavedQueryParameter;
  id: string;
}

const LABEL_OF_TYPE: Partial<Record<SavedQueryParameter['type'], NodeLabel>> = {
  TERRITORY: 'Territory',
  THEME: 'Theme',
  PUBLIC: 'Public',
};

const argument = (parameter: SavedQueryParameter) => `params.${parameter.name}`;
const MAX_TEXT = 200;

function isIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** One value against its parameter's type; returns it as the query takes it. */
function checkValue(parameter: SavedQueryParameter, value: unknown, checks: NodeCheck[]): unknown {
  const fail = (message: string) => badUserInput(argument(parameter), `${parameter.name}: ${message}`);
  switch (parameter.type) {
    case 'NODE':
    case 'TERRITORY':
    case 'THEME':
    case 'PUBLIC': {
      if (typeof value !== 'string') throw fail('expected a node id.');
      const label = labelOfId(value);
      const allowed = parameter.type === 'NODE' ? parameter.kinds : [LABEL_OF_TYPE[parameter.type]!];
      if (!label || !allowed.includes(label)) throw fail(`expected the id of a ${allowed.join(' or ')}.`);
      checks.push({ parameter, id: value });
      return value;
    }
    case 'TEXT':
      if (typeof value !== 'string' || !value.trim()) throw fail('expected a text.');
      if (value.length > MAX_TEXT) throw fail(`at most ${MAX_TEXT} characters.`);
      return value;
    case 'NUMBER':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('expected a number.');
      if (parameter.integer && !Number.isInteger(value)) throw fail('expected a whole number.');
      if (value < parameter.min || value > parameter.max)
        throw fail(`expected a number between ${parameter.min} and ${parameter.max}.`);
      return value;
    case 'DATE':
      if (typeof value !== 'string' || !isIsoDate(value)) throw fail('expected a date, YYYY-MM-DD.');
      return value;
    case 'ENUM':
      if (typeof value !== 'string' || !parameter.values.includes(value))
        throw fail(`expected one of ${parameter.values.join(', ')}.`);
      return value;
  }
}

/**
 * A saved query's parameters from what the client sent: unknown names refused,
 * defaults filled in, required ones present, each value of its type. The nodes
 * named still need checking against the graph (`checks`).
 */
export function parseSavedQueryParams(
  query: SavedQuery,
  given: unknown,
): { values: Record<string, unknown>; checks: NodeCheck[] } {
  if (given !== null && given !== undefined && (typeof given !== 'object' || Array.isArray(given)))
    throw badUserInput('params', 'params must be a JSON object of named parameters.');
  const sent = (given ?? {}) as Record<string, unknown>;
  const known = new Set(query.parameters.map((parameter) => parameter.name));
  const unknown = Object.keys(sent).find((name) => !known.has(name));
  if (unknown) throw badUserInput(`params.${unknown}`, `"${query.id}" has no parameter "${unknown}".`);
  const values: Record<string, unknown> = {};
  const checks: NodeCheck[] = [];
  for (const parameter of query.parameters) {
    const value = sent[parameter.name] ?? parameter.default ?? null;
    if (value === null) {
      if (parameter.required) throw badUserInput(argument(parameter), `${parameter.name} is required.`);
      values[parameter.name] = null;
      continue;
    }
    values[parameter.name] = checkValue(parameter, value, checks);
  }
  return { values, checks };
}

/** The graph's side of the checks: the node exists, and a territory is of an allowed level. */
export function assertNodeCheck(check: NodeCheck, found: { props: Record<string, unknown> } | null) {
  const { parameter, id } = check;
  if (!found) throw badUserInput(argument(parameter), `${parameter.name}: nothing has the id "${id}".`);
  if (parameter.type === 'TERRITORY' && !parameter.levels.includes(found.props.level as never)) {
    throw badUserInput(
      argument(parameter),
      `${parameter.name}: expected a territory of level ${parameter.levels.join(' or ')}.`,
    );
  }
}
