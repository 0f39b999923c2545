import { foldText } from '../../../graph/text.js';
import { badUserInput } from '../../errors.js';

const SLUG = '[a-z0-9]+(?:--?[a-z0-9]+)*';

/** Trimmed one-line text; undefined stays undefined, null stays null (a patch clears the field). */
export function cleanText<T extends string | null | undefined>(
  value: T,
  argument: string,
  max = 300,
): T extends string ? string : T {
  if (value === undefined || value === null) return value as never;
  const text = value.trim();
  if (!text) throw badUserInput(argument, `${argument} must not be empty.`);
  if (text.length > max) throw badUserInput(argument, `${argument} must hold at most ${max} characters.`);
  if (/[\r\n]/.test(text) && max <= 300) throw badUserInput(argument, `${argument} must be one line.`);
  return text as never;
}

export function requiredText(value: string | null | undefined, argument: string, max = 300): string {
  if (value === undefined || value === null) throw badUserInput(argument, `${argument} is required.`);
  return cleanText(value, argument, max);
}

export function cleanAliases(value: readonly string[] | null | undefined, argument: string) {
  if (value === undefined || value === null) return value;
  return [...new Set(value.map((alias, i) => cleanText(alias, `${argument}[${i}]`, 200)))];
}

export function cleanUrl(value: string | null | undefined, argument: string) {
  if (value === undefined || value === null) return value;
  const url = value.trim();
  if (!/^https?:\/\/\S+$/.test(url) || url.length > 500) {
    throw badUserInput(argument, `${argument} must be an http(s) URL.`);
  }
  return url;
}

/** A dispositif type: one kebab-case word, as in the seeds (programme, action, plateforme…). */
export function cleanDispositifType(value: string | null | undefined, argument: string) {
  if (value === undefined || value === null) return value;
  const type = value.trim();
  if (!new RegExp(`^${SLUG}$`).test(type)) {
    throw badUserInput(argument, `${argument} must be one kebab-case word (programme, action, plateforme…).`);
  }
  return type;
}

/** A readable id `prefix:slug`: given (checked), or made from the name. */
export function newNodeId(
  prefix: 'org' | 'dis' | 'per',
  id: string | null | undefined,
  name: string,
): string {
  if (id !== undefined && id !== null) {
    if (!new RegExp(`^${prefix}:${SLUG}$`).test(id)) {
      throw badUserInput(
        'input.id',
        `input.id must read "${prefix}:<slug>" (lower-case letters, digits, hyphens).`,
      );
    }
    return id;
  }
  const slug = foldText(name).replace(/ +/g, '-').slice(0, 60).replace(/-+$/, '');
  return `${prefix}:${slug || 'sans-nom'}`;
}

export function checkPeriod(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  argument: string,
) {
  if (startDate && endDate && startDate > endDate) {
    throw badUserInput(argument, `${argument}: the end date comes before the start date.`);
  }
}
