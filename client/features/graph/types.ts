import type { Loadable } from '../../api/loadable';
import type { NodeKind, RelationType, TerritoryLevel } from '../../vocabulary';

/** A node as the API sends it in a graph slice; `props` holds every stored property. */
export interface SliceNode {
  id: string;
  kind: NodeKind;
  label: string;
  props: Record<string, unknown>;
}

export interface SliceEdge {
  id: string;
  source: string;
  target: string;
  /** A relationship type, or PARTNERS for the partnership projection. */
  type: string;
  sources: string[];
  props: Record<string, unknown>;
}

export interface Slice {
  nodes: SliceNode[];
  edges: SliceEdge[];
  truncated: boolean;
  /** A territory's neighbourhood cut short: how many territories of each level it really holds. */
  childCounts?: Partial<Record<TerritoryLevel, number>>;
}

/**
 * What the user asked to see. The canvas is the union of the entries' slices,
 * so collapsing or going back in history only drops an entry.
 */
export type Entry =
  /** A node and its neighbours (`relations` null: every type; empty: the node alone). */
  | { type: 'node'; id: string; relations: RelationType[] | null }
  /** The edges among the nodes on screen. */
  | { type: 'links' }
  /**
   * The `rank`-th of the `count` shortest paths (0: the shortest) crossing only nodes of `kinds`
   * (absent: the default, no generic hubs) but those of them the filters `hidden`;
   * features/path/path-entry.ts.
   */
  | {
      type: 'path';
      from: string;
      to: string;
      kinds?: NodeKind[] | null;
      hidden?: NodeKind[];
      count?: number;
      rank?: number;
    }
  | {
      type: 'partners';
      territory: string | null;
      theme: string | null;
      public: string | null;
      activeOn: string | null;
      /** Around what this organisation funds. */
      funder?: string | null;
    }
  | { type: 'funder'; id: string }
  /** Every territory of one level inside a territory: what opening its fold brings (compose.ts). */
  | { type: 'children'; id: string; level: TerritoryLevel };

export type SliceState = Loadable<Slice>;

export interface GraphState {
  entries: Entry[];
  /** Slice of each entry, by entry key. */
  slices: Record<string, SliceState>;
  /** Nodes the user removed: kept off the canvas whatever brings them. */
  removed: string[];
  /** Nodes whose position is locked. */
  pinned: string[];
}

/** The canvas content: every node and edge the entries bring, before filters. */
export interface ComposedGraph {
  nodes: Map<string, SliceNode>;
  edges: Map<string, SliceEdge>;
  /** Entry keys that brought each node. */
  broughtBy: Map<string, string[]>;
  truncated: boolean;
  loading: boolean;
}
