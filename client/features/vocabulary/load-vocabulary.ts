import { request } from '../../api/graphql-client';
import type { StatsQuery } from '../../gql/graphql';
import { STATS_QUERY, VOCABULARY_QUERY } from './queries';
import type { Vocabulary } from './types';

/** Themes and publics, with the lookups the page needs. */
export async function loadVocabulary(signal: AbortSignal): Promise<Vocabulary> {
  const { data } = await request(VOCABULARY_QUERY, {}, { signal });
  const themes = data.themes.map((theme) => ({
    id: theme.id,
    name: theme.name,
    parent: theme.parent?.id ?? null,
  }));
  const publics = data.publics.map((item) => ({ id: item.id, name: item.name }));
  return {
    themes,
    publics,
    themeParents: new Map(themes.map((theme) => [theme.id, theme.parent])),
    names: new Map([...themes, ...publics].map((item) => [item.id, item.name])),
  };
}

export type GraphStats = StatsQuery['stats'];

export async function loadStats(signal: AbortSignal): Promise<GraphStats> {
  const { data } = await request(STATS_QUERY, {}, { signal });
  return data.stats;
}
