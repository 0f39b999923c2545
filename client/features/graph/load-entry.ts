import { request } from '../../api/graphql-client';
import { NEIGHBOURHOOD_QUERY, PARTNERSHIP_NETWORK_QUERY, SHORTEST_PATH_QUERY } from './queries';
import { chunk, edgesAmong, funderSlice, mergeSlices, toSlice } from './slices';
import type { Entry, Slice } from './types';

/** Nodes a neighbourhood may bring: the API caps at 1000; more would not be readable anyway. */
export const NEIGHBOURHOOD_LIMIT = 300;
const IDS_PER_REQUEST = 50;

/** Relationship types around what a funder funds (DOMAIN.md §3). */
const AROUND_FUNDED = ['CARRIES', 'PARTNERS_IN', 'FUNDS', 'PRESCRIBES', 'DEPLOYED_IN', 'ADDRESSES'];

async function neighbourhood(
  variables: { ids: string[]; depth?: number; relations?: string[] | null; limit?: number },
  signal?: AbortSignal,
): Promise<Slice> {
  const { data } = await request(NEIGHBOURHOOD_QUERY, variables, { signal });
  return toSlice(data.neighbourhood);
}

/** Neighbourhoods of many ids, a few at a time so that no request hits the API's caps. */
export async function neighbourhoodOfMany(
  ids: readonly string[],
  relations: string[] | null,
  signal?: AbortSignal,
): Promise<Slice> {
  const slices: Slice[] = [];
  for (const part of chunk(ids, IDS_PER_REQUEST)) {
    slices.push(await neighbourhood({ ids: part, depth: 1, relations, limit: 1000 }, signal));
  }
  return mergeSlices(slices);
}

/** Fetches the slice an entry stands for; `onScreen` is what the canvas holds (for the links entry). */
export async function loadEntry(
  entry: Entry,
  onScreen: readonly string[],
  signal?: AbortSignal,
): Promise<Slice> {
  switch (entry.type) {
    case 'node': {
      if (entry.relations !== null && entry.relations.length === 0) {
        // The node alone: a limit of one keeps its neighbours (and their edges) out.
        const slice = await neighbourhood({ ids: [entry.id], depth: 1, limit: 1 }, signal);
        return { nodes: slice.nodes.filter((node) => node.id === entry.id), edges: [], truncated: false };
      }
      return neighbourhood(
        { ids: [entry.id], depth: 1, relations: entry.relations, limit: NEIGHBOURHOOD_LIMIT },
        signal,
      );
    }
    case 'links': {
      if (onScreen.length === 0) return { nodes: [], edges: [], truncated: false };
      const slice = await neighbourhoodOfMany(onScreen, null, signal);
      return edgesAmong(slice, new Set(onScreen));
    }
    case 'path': {
      const { data } = await request(
        SHORTEST_PATH_QUERY,
        { from: entry.from, to: entry.to, maxLength: 8 },
        { signal },
      );
      return toSlice(data.shortestPath);
    }
    case 'partners': {
      const { data } = await request(
        PARTNERSHIP_NETWORK_QUERY,
        { territory: entry.territory, theme: entry.theme, public: entry.public, activeOn: entry.activeOn },
        { signal },
      );
      return toSlice(data.partnershipNetwork);
    }
    case 'funder': {
      const funding = await neighbourhood(
        { ids: [entry.id], depth: 1, relations: ['FUNDS'], limit: 1000 },
        signal,
      );
      const funded = funding.edges.filter((edge) => edge.type === 'FUNDS' && edge.source === entry.id);
      const around = funded.length
        ? await neighbourhoodOfMany(
            funded.map((edge) => edge.target),
            AROUND_FUNDED,
            signal,
          )
        : { nodes: [], edges: [], truncated: false };
      return funderSlice(entry.id, funding, around);
    }
  }
}
