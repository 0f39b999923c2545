import type { NodeKind, TerritoryLevel } from '../../vocabulary';

/** A value a parameter field proposes: the id it sets and the name shown. */
export interface Suggestion {
  id: string;
  name: string;
}

const LEVEL_PREFIXES: Record<TerritoryLevel, string> = {
  PAYS: 'pays:',
  REGION: 'reg:',
  DEPARTEMENT: 'dep:',
  EPCI: 'epci:',
  COMMUNE: 'com:',
  BASSIN: 'bassin:',
};

/** Whether a territory id is of one of `levels` (every level when none is named). */
export function isOfLevels(id: string, levels: readonly TerritoryLevel[]): boolean {
  return levels.length === 0 || levels.some((level) => id.startsWith(LEVEL_PREFIXES[level]));
}

/** The kinds a NODE or TERRITORY parameter searches. */
export function searchKinds(type: string, kinds: readonly NodeKind[]): NodeKind[] | null {
  if (type === 'TERRITORY') return ['TERRITORY'];
  if (type === 'NODE') return kinds.length ? [...kinds] : null;
  return null;
}

/** Typed text worth a search: two letters or more, and not already an id. */
export const wantsSearch = (text: string) => text.trim().length >= 2 && !/^[a-z]+:\S+$/.test(text.trim());

/** Vocabulary entries whose name or id holds the typed text (accent- and case-insensitive). */
export function matchVocabulary(entries: readonly Suggestion[], text: string, max = 12): Suggestion[] {
  const fold = (value: string) =>
    value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const wanted = fold(text.trim());
  return entries.filter((entry) => fold(`${entry.name} ${entry.id}`).includes(wanted)).slice(0, max);
}
