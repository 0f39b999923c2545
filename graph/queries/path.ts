import type { Db } from '../driver.js';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../model.js';
import {
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  projectEdge,
  projectNode,
  toEdgeRow,
  toNodeRow,
  type GraphSliceRow,
} from './rows.js';
import { visible } from './fragments.js';

// Provenance links would make every pair of actors two hops apart through an article.
const DEFAULT_EXCLUDED = ['MENTIONED_IN'];

/**
 * Generic hubs a path does not cross unless asked: "WeJOB → « Employeurs » →
 * Lab'ENO" says nothing about how two actors are connected. The région
 * territory (level REGION) is one too: everything is in it.
 */
export const HUB_LABELS: readonly NodeLabel[] = ['Public', 'Theme', 'Source'];

export interface PathSearch {
  from: string;
  to: string;
  types?: readonly RelationshipType[];
  maxLength: number;
  /** Labels the path may cross (its ends are free). */
  crossable: readonly NodeLabel[];
  /** Whether the région territory may be crossed. */
  crossRegion: boolean;
}

/** The labels a path may cross from the kinds asked for and those excluded; hubs by default. */
export function crossableLabels(
  kinds: readonly NodeLabel[] | null | undefined,
  excludeKinds: readonly NodeLabel[] | null | undefined,
): { crossable: NodeLabel[]; crossRegion: boolean } {
  if (!kinds?.length && !excludeKinds) {
    return { crossable: NODE_LABELS.filter((label) => !HUB_LABELS.includes(label)), crossRegion: false };
  }
  const allowed = kinds?.length ? kinds : NODE_LABELS;
  const crossable = allowed.filter((label) => !excludeKinds?.includes(label));
  return { crossable, crossRegion: crossable.includes('Territory') };
}

// `SHORTEST k` takes its count and bounds as literals: validated integers, put in by code.
// The ends are read in the same round trip, so that a missing one is told from no path.
const SHORTEST_PATHS = (
  k: number,
  maxLength: number,
  ends: { from: readonly NodeLabel[]; to: readonly NodeLabel[] },
) => /* cypher */ `
  OPTIONAL CALL () {
    ${matchNodesById('a', 'from', ends.from)}
    RETURN a
  }
  OPTIONAL CALL () {
    ${matchNodesById('b', 'to', ends.to)}
    RETURN b
  }
  RETURN [end IN [a, b] WHERE end IS NOT NULL | end.id] AS ends, COLLECT {
    MATCH p = SHORTEST ${k} (a)(()-[r]-(x) WHERE
        CASE WHEN $types IS NULL THEN NOT type(r) IN $excluded ELSE type(r) IN $types END
        AND ${visible('x')} AND (x = b OR (labels(x)[0] IN $crossable AND ($crossRegion OR NOT (x:Territory AND x.level = 'REGION'))))
      ){1,${maxLength}}(b)
    WITH p ORDER BY length(p)
    RETURN {nodes: [n IN nodes(p) | ${projectNode('n')}], edges: [r IN relationships(p) | ${projectEdge('r')}]}
  } AS paths`;

const clamp = (value: number, max: number) => Math.max(1, Math.min(Math.trunc(value), max));

/** Paths between two ends, and which of the ends exist. */
export interface PathsFound {
  /** The ids of `from` and `to` that name a node (a missing end has no path). */
  ends: string[];
  paths: GraphSliceRow[];
}

/** The k shortest paths, shortest first, nodes in order from `from` to `to`; empty when none. */
export async function findShortestPaths(db: Db, params: PathSearch & { k: number }): Promise<PathsFound> {
  const from = idsByLabel([params.from]);
  const to = idsByLabel([params.to]);
  const [row] = await db.read<{
    ends: string[];
    paths: { nodes: Parameters<typeof toNodeRow>[0][]; edges: Parameters<typeof toEdgeRow>[0][] }[];
  }>(
    SHORTEST_PATHS(clamp(params.k, 10), clamp(params.maxLength, 10), {
      from: labelsWithIds(from),
      to: labelsWithIds(to),
    }),
    {
      from,
      to,
      types: params.types?.length ? params.types : null,
      excluded: DEFAULT_EXCLUDED,
      crossable: params.crossable,
      crossRegion: params.crossRegion,
    },
  );
  return {
    ends: row?.ends ?? [],
    paths: (row?.paths ?? []).map((path) => ({
      nodes: path.nodes.map(toNodeRow),
      edges: path.edges.map(toEdgeRow),
      truncated: false,
    })),
  };
}

/** One shortest path (empty when none within `maxLength`), and which ends exist. */
export async function findShortestPath(
  db: Db,
  params: PathSearch,
): Promise<{ ends: string[]; path: GraphSliceRow }> {
  const { ends, paths } = await findShortestPaths(db, { ...params, k: 1 });
  return { ends, path: paths[0] ?? { nodes: [], edges: [], truncated: false } };
}
