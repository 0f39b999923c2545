import { useEffect, useState } from 'react';
import { errorCodeOf, request, type ApiErrorCode } from '../../api/graphql-client';
import type { StatsQuery } from '../../gql/graphql';
import { STATS_QUERY, VOCABULARY_QUERY } from './queries';
import type { Vocabulary } from './types';

export type Loadable<T> =
  { type: 'loading' } | { type: 'ready'; value: T } | { type: 'error'; code: ApiErrorCode };

/** Themes and publics, fetched once per page. */
export function useVocabulary(): Loadable<Vocabulary> {
  const [state, setState] = useState<Loadable<Vocabulary>>({ type: 'loading' });
  useEffect(() => {
    let live = true;
    request(VOCABULARY_QUERY, {}).then(
      ({ data }) => {
        const themes = data.themes.map((theme) => ({
          id: theme.id,
          name: theme.name,
          parent: theme.parent?.id ?? null,
        }));
        const publics = data.publics.map((item) => ({ id: item.id, name: item.name }));
        const value: Vocabulary = {
          themes,
          publics,
          themeParents: new Map(themes.map((theme) => [theme.id, theme.parent])),
          names: new Map([...themes, ...publics].map((item) => [item.id, item.name])),
        };
        if (live) setState({ type: 'ready', value });
      },
      (error: unknown) => live && setState({ type: 'error', code: errorCodeOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export type GraphStats = StatsQuery['stats'];

export function useStats(): Loadable<GraphStats> {
  const [state, setState] = useState<Loadable<GraphStats>>({ type: 'loading' });
  useEffect(() => {
    let live = true;
    request(STATS_QUERY, {}).then(
      ({ data }) => live && setState({ type: 'ready', value: data.stats }),
      (error: unknown) => live && setState({ type: 'error', code: errorCodeOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
