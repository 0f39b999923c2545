import { request } from '../../api/graphql-client';
import type { Loadable } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { FUNDER_NAMES_QUERY } from './queries.js';

export interface FunderName {
  id: string;
  name: string;
}

/** Funders by name, for the funder filters. */
export function useFunderNames(): Loadable<FunderName[]> {
  return useLoad(async (signal) => {
    const { data } = await request(FUNDER_NAMES_QUERY, {}, { signal });
    return [...data.funders].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, []);
}
