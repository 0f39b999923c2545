/**
 * Honest gaps: what the coverage answers rest on (the sources loaded, the actors
 * recorded per territory) and what could be extended into a gap.
 */
import { request } from '../../api/graphql-client';
import type { Loadable } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import {
  NEAREST_DISPOSITIFS_QUERY,
  RECORDED_ACTORS_QUERY,
  SOURCE_TALLIES_QUERY,
} from './honest-gaps-queries.js';
import { toApiFilter, type CoverageFilter, type CoverageScope } from './types.js';

export interface SourceTally {
  kind: string;
  publisher: string | null;
  count: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface RecordedCount {
  organisations: number;
  dispositifs: number;
}

export type NearbyRing = 'SAME_EPCI' | 'SAME_DEPARTEMENT' | 'ADJACENT_DEPARTEMENT';

export interface NearbyDispositif {
  id: string;
  name: string;
  ring: NearbyRing;
  deployedIn: { id: string; name: string }[];
  carriers: { id: string; name: string }[];
  funders: { id: string; name: string }[];
}

export const RING_TEXT: Record<NearbyRing, string> = {
  SAME_EPCI: 'dans le même EPCI',
  SAME_DEPARTEMENT: 'dans le même département',
  ADJACENT_DEPARTEMENT: 'dans un département voisin',
};

const KIND_WORDS: Record<string, [one: string, many: string]> = {
  article: ['article', 'articles'],
  referential: ['référentiel', 'référentiels'],
  'user-import': ['import', 'imports'],
  'user-edit': ['saisie', 'saisies'],
};

/** « 1 département », « 2 départements »: the count and the word that agrees with it. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('fr-FR')} ${count === 1 ? one : many}`;
}

const yearsOf = (tally: SourceTally) => {
  const first = tally.firstDate?.slice(0, 4);
  const last = tally.lastDate?.slice(0, 4);
  if (!first || !last) return null;
  return first === last ? first : `${first}–${last}`;
};

/** « 17 articles de 2019 (Cap Métiers Nouvelle-Aquitaine), 1 référentiel… »: read from the Source nodes. */
export function describeSources(tallies: readonly SourceTally[]): string {
  if (tallies.length === 0) return 'aucune source chargée';
  return tallies
    .map((tally) => {
      const [one, many] = KIND_WORDS[tally.kind] ?? ['source', 'sources'];
      const years = yearsOf(tally);
      return [
        plural(tally.count, one, many),
        years ? `de ${years}` : null,
        tally.publisher ? `(${tally.publisher})` : null,
      ]
        .filter(Boolean)
        .join(' ');
    })
    .join(', ');
}

// Read once per page and scope: the same answer serves the summary, the table and the details.
const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

export function useSourceTallies(): Loadable<SourceTally[]> {
  return useLoad(
    () => cached('sources', async () => (await request(SOURCE_TALLIES_QUERY, {})).data.sourceTallies),
    [],
  );
}

export function useRecordedActors(scope: CoverageScope | null): Loadable<Map<string, RecordedCount>> {
  return useLoad(
    scope
      ? () =>
          cached(`actors|${scope.level}|${scope.within}`, async () => {
            const { recordedActors } = (await request(RECORDED_ACTORS_QUERY, scope)).data;
            return new Map(
              recordedActors.territories.map((id, at) => [
                id,
                {
                  organisations: recordedActors.organisations[at] ?? 0,
                  dispositifs: recordedActors.dispositifs[at] ?? 0,
                },
              ]),
            );
          })
      : null,
    [scope?.level, scope?.within],
  );
}

export function useNearestDispositifs(
  territory: string | null,
  filter: CoverageFilter,
): Loadable<NearbyDispositif[]> {
  const apiFilter = toApiFilter(filter);
  return useLoad(
    territory
      ? async (signal) => {
          const { data } = await request(
            NEAREST_DISPOSITIFS_QUERY,
            { territory, filter: apiFilter, first: 10 },
            { signal },
          );
          return data.nearestDispositifs.map((hit) => ({
            id: hit.dispositif.id,
            name: hit.dispositif.name,
            ring: hit.ring,
            deployedIn: hit.deployedIn,
            carriers: hit.dispositif.carriers.map((link) => link.organisation),
            funders: hit.dispositif.funders.map((link) => link.organisation),
          }));
        }
      : null,
    [territory, JSON.stringify(apiFilter)],
  );
}
