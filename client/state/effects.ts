/**
 * Effects that follow the state: fetch what the entries, filters and colouring
 * need, and keep the URL in step. Components only dispatch.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import { errorCodeOf } from '../api/graphql-client';
import { loadFacets } from '../features/facets/load-facets';
import { FACETED_KINDS } from '../features/facets/types';
import { loadTerritoryScope } from '../features/filters/load-scope';
import { dispositifCriteriaKey, loadMatchingDispositifs } from '../features/filters/matching';
import { composeGraph } from '../features/graph/compose';
import { entryKey } from '../features/graph/entries';
import { loadEntry } from '../features/graph/load-entry';
import { entriesToLoad } from '../features/graph/transitions';
import { decodeView, encodeView, isNewHistoryStep } from '../features/url/url-state';
import { urlViewOf } from './defaults';
import type { Action, AtlasState } from './types';

/**
 * Fetches the slice of every entry that has none; the links entry waits for the
 * others. A fetch whose entry is gone (replaced path, new view, collapsed node)
 * is aborted, and its slice forgotten.
 */
export function useSliceLoader(state: AtlasState, dispatch: Dispatch<Action>) {
  // Fetches under way by key: an effect that runs twice (strict mode) must not fetch twice.
  const inFlight = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const wanted = new Set(state.graph.entries.map(entryKey));
    for (const [key, controller] of inFlight.current) {
      if (wanted.has(key)) continue;
      controller.abort();
      inFlight.current.delete(key);
      dispatch({ type: 'sliceAborted', key });
    }
    const pending = entriesToLoad(state.graph).filter((entry) => !inFlight.current.has(entryKey(entry)));
    if (!pending.length) return;
    const othersLoading = state.graph.entries.some((entry) => {
      const status = state.graph.slices[entryKey(entry)]?.type;
      return entry.type !== 'links' && (status === undefined || status === 'loading');
    });
    for (const entry of pending) {
      if (entry.type === 'links' && othersLoading) continue;
      const key = entryKey(entry);
      const controller = new AbortController();
      inFlight.current.set(key, controller);
      dispatch({ type: 'sliceLoading', key });
      const onScreen =
        entry.type === 'links'
          ? [
              ...composeGraph({
                ...state.graph,
                entries: state.graph.entries.filter((e) => e.type !== 'links'),
              }).nodes.keys(),
            ]
          : [];
      loadEntry(entry, onScreen, controller.signal)
        .then(
          (slice) => {
            if (controller.signal.aborted) return;
            dispatch({ type: 'sliceLoaded', key, slice });
            if (slice.truncated) {
              dispatch({
                type: 'notify',
                level: 'info',
                message:
                  entry.type === 'links'
                    ? 'Trop de nœuds affichés : les liens de certains ne sont pas montrés.'
                    : 'Résultat tronqué : tous les voisins ne sont pas affichés.',
              });
            }
            if (entry.type === 'path' && slice.nodes.length === 0) {
              dispatch({
                type: 'notify',
                level: 'info',
                message: 'Aucun chemin trouvé entre ces deux nœuds (8 liens au plus).',
              });
            }
          },
          (error: unknown) => {
            if (!controller.signal.aborted) dispatch({ type: 'sliceFailed', key, code: errorCodeOf(error) });
          },
        )
        .finally(() => {
          if (inFlight.current.get(key) === controller) inFlight.current.delete(key);
        });
    }
  }, [state.graph, dispatch]);
}

/**
 * Whether the view needs facets: places for the territory filter and grouping,
 * themes for colouring (the theme and public filters ask the server instead).
 */
export function needsFacets(state: AtlasState): boolean {
  const { filters, colorBy, grouping } = state.view;
  return filters.territory !== null || colorBy === 'theme' || grouping === 'territory';
}

export function useFacetLoader(state: AtlasState, dispatch: Dispatch<Action>) {
  useEffect(() => {
    if (!needsFacets(state)) return;
    const pending = new Set(state.facetsPending);
    const ids = [...composeGraph(state.graph).nodes.values()]
      .filter((node) => FACETED_KINDS.has(node.kind) && !state.facets[node.id] && !pending.has(node.id))
      .map((node) => node.id);
    if (!ids.length) return;
    dispatch({ type: 'facetsLoading', ids });
    loadFacets(ids).then(
      (facets) => dispatch({ type: 'facetsLoaded', ids, facets }),
      () => dispatch({ type: 'facetsFailed', ids }),
    );
  }, [state, dispatch]);
}

export function useScopeLoader(state: AtlasState, dispatch: Dispatch<Action>) {
  const territory = state.view.filters.territory;
  const known = territory ? state.scopes[territory] : undefined;
  useEffect(() => {
    if (!territory || known) return;
    dispatch({ type: 'scopeLoading', id: territory });
    loadTerritoryScope(territory).then(
      (scope) => dispatch({ type: 'scopeLoaded', id: territory, scope }),
      (error: unknown) => dispatch({ type: 'scopeFailed', id: territory, code: errorCodeOf(error) }),
    );
  }, [territory, known, dispatch]);
}

/**
 * Asks the server which dispositifs of the canvas pass the theme, public, status
 * and date criteria (its one rule: sub-themes, « tous publics », runs that day),
 * for the dispositifs it has not judged yet under the current criteria.
 */
export function useMatchingLoader(state: AtlasState, dispatch: Dispatch<Action>) {
  const { filters } = state.view;
  useEffect(() => {
    const key = dispositifCriteriaKey(filters);
    if (!key) return;
    const current = state.matching?.key === key ? state.matching : null;
    const pending = new Set(current?.pending ?? []);
    const ids = [...composeGraph(state.graph).nodes.values()]
      .filter((node) => node.kind === 'DISPOSITIF')
      .map((node) => node.id)
      .filter((id) => !(current && Object.hasOwn(current.verdicts, id)) && !pending.has(id));
    if (!ids.length) return;
    dispatch({ type: 'matchingLoading', key, ids });
    loadMatchingDispositifs(filters, ids).then(
      (matches) => dispatch({ type: 'matchingLoaded', key, ids, matches: [...matches] }),
      (error: unknown) => dispatch({ type: 'matchingFailed', key, ids, code: errorCodeOf(error) }),
    );
  }, [filters, state.graph, state.matching, dispatch]);
}

/** Writes the view into the URL (a history step per change of view) and restores it on back/forward. */
export function useUrlSync(state: AtlasState, dispatch: Dispatch<Action>) {
  const search = encodeView(urlViewOf(state));
  // The URL read at load or restored by back/forward is only normalised (invalid
  // values dropped), never pushed as a step of its own.
  const normaliseNext = useRef(true);
  useEffect(() => {
    const current = window.location.search;
    const normalise = normaliseNext.current;
    normaliseNext.current = false;
    if (current === search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (!normalise && isNewHistoryStep(current, search)) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [search]);

  useEffect(() => {
    const onPop = () => {
      normaliseNext.current = true;
      dispatch({ type: 'restore', view: decodeView(window.location.search) });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [dispatch]);
}
