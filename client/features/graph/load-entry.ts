import { request } from '../../api/graphql-client';
import { isTerritoryLevel, RELATION_TYPES, type TerritoryLevel } from '../../vocabulary';
import { FOLD_ABOVE } from './compose';
import {
  EDGES_AMONG_QUERY,
  NEIGHBOURHOOD_QUERY,
  NODES_QUERY,
  PARTNERSHIP_NETWORK_QUERY,
  TERRITORY_CHILDREN_QUERY,
  TERRITORY_CONTAINMENT_QUERY,
} from './queries';
import { FUNDED_PARTNERSHIP_NETWORK_QUERY } from '../partners/queries';
import { chunk, funderSlice, mergeSlices, toSlice, toSliceEdge, toSliceNode } from './slices';
import { loadPathEntry } from '../path/load-paths';
import type { Entry, Slice } from './types';

/** Nodes a neighbourhood may bring: the API caps at 1000; more would not be readable anyway. */
export const NEIGHBOURHOOD_LIMIT = 300;
/** Ids the API takes at once in `nodes` and `edgesAmong`. */
export const MAX_IDS_PER_REQUEST = 2000;

/** Relationship types around what a funder funds (DOMAIN.md §3). */
const AROUND_FUNDED = ['CARRIES', 'PARTNERS_IN', 'FUNDS', 'PRESCRIBES', 'DEPLOYED_IN', 'ADDRESSES'];

const EMPTY_SLICE: Slice = { nodes: [], edges: [], truncated: false };

async function neighbourhood(
  variables: { ids: string[]; depth?: number; relations?: string[] | null; limit?: number },
  signal?: AbortSignal,
): Promise<Slice> {
  const { data } = await request(NEIGHBOURHOOD_QUERY, variables, { signal });
  return toSlice(data.neighbourhood);
}

/** The ids of the territories of one level inside a territory. */
async function childrenOf(id: string, level: TerritoryLevel, signal?: AbortSignal): Promise<string[]> {
  const { data } = await request(TERRITORY_CHILDREN_QUERY, { id, level }, { signal });
  return data.node && 'children' in data.node ? data.node.children.map((child) => child.id) : [];
}

/**
 * Territories inside or around one territory, with their PART_OF links to it
 * (and only those), as one slice; truncated past what one request takes.
 */
async function containmentSlice(
  territory: string,
  others: readonly string[],
  signal?: AbortSignal,
): Promise<Slice> {
  const ids = [territory, ...others];
  const parts = await Promise.all(
    chunk(ids, MAX_IDS_PER_REQUEST).map(async (part): Promise<Slice> => {
      const { data: found } = await request(NODES_QUERY, { ids: part }, { signal });
      return { nodes: found.nodes.map(toSliceNode), edges: [], truncated: false };
    }),
  );
  const { data: among } = await request(
    EDGES_AMONG_QUERY,
    { ids: ids.slice(0, MAX_IDS_PER_REQUEST) },
    { signal },
  );
  const edges = among.edgesAmong
    .map(toSliceEdge)
    .filter((edge) => edge.type === 'PART_OF' && (edge.target === territory || edge.source === territory));
  return { ...mergeSlices(parts), edges, truncated: ids.length > MAX_IDS_PER_REQUEST };
}

/**
 * A territory's neighbourhood cut at the limit holds only some of its
 * communes, which fold anyway: the fold is named with the true count of each
 * level, the links other than containment are asked apart, and its parents
 * and the levels too small to fold are filled in where the cap left them out.
 */
async function withChildCounts(
  id: string,
  slice: Slice,
  relations: string[] | null,
  signal?: AbortSignal,
): Promise<Slice> {
  if (!slice.truncated || slice.nodes.find((node) => node.id === id)?.kind !== 'TERRITORY') return slice;
  if (relations !== null && !relations.includes('PART_OF')) return slice;
  const otherRelations = (relations ?? RELATION_TYPES).filter((type) => type !== 'PART_OF');
  const [{ data }, others] = await Promise.all([
    request(TERRITORY_CONTAINMENT_QUERY, { id }, { signal }),
    otherRelations.length
      ? neighbourhood({ ids: [id], depth: 1, relations: otherRelations, limit: NEIGHBOURHOOD_LIMIT }, signal)
      : Promise.resolve(EMPTY_SLICE),
  ]);
  const containment = data.node && 'children' in data.node ? data.node : { parents: [], children: [] };
  const perLevel = new Map<TerritoryLevel, string[]>();
  for (const child of containment.children) {
    if (!isTerritoryLevel(child.level)) continue;
    const ids = perLevel.get(child.level) ?? [];
    ids.push(child.id);
    perLevel.set(child.level, ids);
  }
  const folded = [...perLevel].filter(([, children]) => children.length > FOLD_ABOVE);
  const merged = mergeSlices([slice, others]);
  const drawn = new Set(merged.nodes.map((node) => node.id));
  const unfolded = [...perLevel]
    .filter(([, children]) => children.length <= FOLD_ABOVE)
    .flatMap(([, ids]) => ids);
  const missing = [...containment.parents.map((parent) => parent.id), ...unfolded].filter(
    (other) => !drawn.has(other),
  );
  const filled = missing.length ? await containmentSlice(id, missing, signal) : EMPTY_SLICE;
  return {
    ...mergeSlices([merged, filled]),
    truncated: others.truncated || filled.truncated,
    childCounts: Object.fromEntries(folded.map(([level, children]) => [level, children.length])),
  };
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
        const { data } = await request(NODES_QUERY, { ids: [entry.id] }, { signal });
        return { nodes: data.nodes.map(toSliceNode), edges: [], truncated: false };
      }
      const slice = await neighbourhood(
        { ids: [entry.id], depth: 1, relations: entry.relations, limit: NEIGHBOURHOOD_LIMIT },
        signal,
      );
      return withChildCounts(entry.id, slice, entry.relations, signal);
    }
    case 'links': {
      if (onScreen.length === 0) return EMPTY_SLICE;
      // Links join two nodes of one request: past the API's cap, some are left out (and said so).
      const ids = onScreen.slice(0, MAX_IDS_PER_REQUEST);
      const { data } = await request(EDGES_AMONG_QUERY, { ids }, { signal });
      return {
        nodes: [],
        edges: data.edgesAmong.map(toSliceEdge),
        truncated: onScreen.length > ids.length,
      };
    }
    case 'path':
      return loadPathEntry(entry);
    case 'partners': {
      if (entry.funder) {
        const one = (id: string | null) => (id ? [id] : null);
        const filter = {
          territory: entry.territory,
          themes: one(entry.theme),
          publics: one(entry.public),
          activeOn: entry.activeOn,
          funders: [entry.funder],
        };
        return toSlice(
          (await request(FUNDED_PARTNERSHIP_NETWORK_QUERY, { filter }, { signal })).data.partnershipNetwork,
        );
      }
      const { data } = await request(
        PARTNERSHIP_NETWORK_QUERY,
        { territory: entry.territory, theme: entry.theme, public: entry.public, activeOn: entry.activeOn },
        { signal },
      );
      return toSlice(data.partnershipNetwork);
    }
    case 'children': {
      const children = await childrenOf(entry.id, entry.level, signal);
      return containmentSlice(entry.id, children, signal);
    }
    case 'funder': {
      const funding = await neighbourhood(
        { ids: [entry.id], depth: 1, relations: ['FUNDS'], limit: 1000 },
        signal,
      );
      const funded = funding.edges
        .filter((edge) => edge.type === 'FUNDS' && edge.source === entry.id)
        .map((edge) => edge.target);
      const around = funded.length
        ? await neighbourhood({ ids: funded, depth: 1, relations: AROUND_FUNDED, limit: 1000 }, signal)
        : EMPTY_SLICE;
      return funderSlice(entry.id, funding, around);
    }
  }
}
