import { randomUUID } from 'node:crypto';
import type { TxRunner } from '../../../graph/driver.js';
import {
  labelOfId,
  type NodeLabel,
  type PropertyValue,
  type RelationshipType,
} from '../../../graph/model.js';
import type { ChangeKind, ChangeRow } from '../../../graph/queries/changes.js';
import {
  applyEditWrites,
  loadEditState,
  MissingLinkEndError,
  readLinksOfNode,
  readLinkState,
  readNodeState,
  type EditLoad,
  type EditWrites,
  type LoadedEditState,
  type LinkState,
  type NodeState,
} from '../../../graph/queries/edits.js';
import type { NodeRow } from '../../../graph/queries/rows.js';
import type { Viewer } from '../../auth/viewer.js';
import { badUserInput, conflict } from '../../errors.js';
import { linkKey, touchedFields, touchedNodeIds, type GraphState } from './states.js';

export interface LinkRef {
  type: RelationshipType;
  from: string;
  to: string;
}

function labelOrFail(id: string, argument: string): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw badUserInput(argument, `"${id}" is not a node id (org:…, dis:…, dep:33…).`);
  return label;
}

const withLabels = (link: LinkRef) => ({
  ...link,
  fromLabel: labelOrFail(link.from, 'from'),
  toLabel: labelOrFail(link.to, 'to'),
});

/**
 * One mutation's view of the graph, inside its transaction: `open` takes the graph
 * version's lock and reads what the mutation declared it needs in one query; reads
 * it did not declare fall back to a query each. Writes are kept, not sent: `commit`
 * applies them all with the :Change record in one more query. `before` holds the
 * state of each node and link as the mutation first wrote it, `after` the last.
 */
export class ChangeRecorder {
  readonly before: GraphState = { nodes: {}, links: {} };
  readonly after: GraphState = { nodes: {}, links: {} };
  /** The id the change record will have. */
  readonly uid = `chg:${randomUUID()}`;
  /** The graph version this change makes; set by `open`. */
  seq = 0;
  private readonly nodes = new Map<string, NodeState | null>();
  private readonly links = new Map<string, LinkState | null>();
  private readonly around = new Map<string, LinkState[]>();
  private readonly versions = new Map<string, number>();
  private newSource: EditWrites['source'];
  /** Of the nodes `open` loaded, those within the editor's départements (null: not asked). */
  private inScope: Set<string> | null = null;
  private readonly loadedAtOpen = new Set<string>();

  constructor(readonly tx: TxRunner) {}

  /**
   * Locks the graph version and loads `load` (the ends of its links included); answers
   * the user of `load.credential` when it is still live (null: no longer; undefined: not asked).
   */
  async open(load: EditLoad): Promise<LoadedEditState['credentialUser']> {
    const ids = [...new Set([...load.ids, ...load.links.flatMap((l) => [l.from, l.to]), ...load.linksOf])];
    const links = load.links.map(({ type, from, to }) => ({ type, from, to }));
    const loaded = await loadEditState(this.tx, {
      ids,
      links,
      linksOf: load.linksOf,
      departements: load.departements,
      credential: load.credential,
    });
    this.seq = loaded.seq;
    this.inScope = loaded.inScope && new Set(loaded.inScope);
    for (const id of ids) if (labelOfId(id)) this.nodes.set(id, null);
    for (const id of ids) this.loadedAtOpen.add(id);
    for (const node of loaded.nodes) {
      this.nodes.set(node.id, node.state);
      this.versions.set(node.id, node.version);
    }
    for (const ref of load.links) this.links.set(linkKey(ref), null);
    for (const link of loaded.links) this.links.set(linkKey(link), link);
    for (const id of load.linksOf) {
      this.around.set(
        id,
        loaded.around.filter((link) => link.from === id || link.to === id),
      );
    }
    return loaded.credentialUser;
  }

  /**
   * Whether `open` found the node within the editor's départements: undefined when it was
   * not asked (an unlimited editor) or the node was not loaded then.
   */
  withinScope(id: string): boolean | undefined {
    if (!this.inScope || !this.loadedAtOpen.has(id)) return undefined;
    return this.inScope.has(id);
  }

  /** A node's current state (as this mutation left it so far), or null. */
  async node(id: string): Promise<NodeState | null> {
    if (this.nodes.has(id)) return this.nodes.get(id) ?? null;
    const label = labelOfId(id);
    const found = label ? await readNodeState(this.tx, label, id) : undefined;
    if (found) this.versions.set(id, found.version);
    this.nodes.set(id, found?.state ?? null);
    return found?.state ?? null;
  }

  /** The version the node had when this mutation read it (0 for a node never edited). */
  async versionOf(id: string): Promise<number | undefined> {
    return (await this.node(id)) ? (this.versions.get(id) ?? 0) : undefined;
  }

  /** A new source of kind `user-edit`, written with the change; it exists from now on for this mutation. */
  createSource(source: NonNullable<EditWrites['source']>): void {
    this.newSource = source;
  }

  async setNode(id: string, state: NodeState | null): Promise<void> {
    const current = await this.node(id);
    if (!Object.hasOwn(this.before.nodes, id)) this.before.nodes[id] = current;
    if (!state && current) {
      // Its links go with it: record them first, so that they come back with it.
      for (const link of await this.linksOf(current.label, id)) await this.setLink(link, null);
    }
    this.nodes.set(id, state);
    this.after.nodes[id] = state;
  }

  async link(ref: LinkRef): Promise<LinkState | null> {
    const key = linkKey(ref);
    if (this.links.has(key)) return this.links.get(key) ?? null;
    // A link to a node this mutation creates, or to its new source, cannot exist yet.
    const isNew = (id: string) =>
      (this.nodes.has(id) && this.nodes.get(id) === null) ||
      (Object.hasOwn(this.before.nodes, id) && this.before.nodes[id] === null) ||
      this.newSource?.id === id;
    const aroundEnd = this.around.get(ref.from) ?? this.around.get(ref.to);
    let state: LinkState | null = null;
    if (aroundEnd) {
      state = aroundEnd.find((link) => linkKey(link) === key) ?? null;
    } else if (!isNew(ref.from) && !isNew(ref.to)) {
      const props = await readLinkState(this.tx, withLabels(ref));
      state = props ? { type: ref.type, from: ref.from, to: ref.to, props } : null;
    }
    this.links.set(key, state);
    return state;
  }

  /** Writes or removes a link (CONFLICT at commit if one of its ends does not exist). */
  async setLink(ref: LinkRef, props: Record<string, PropertyValue> | null): Promise<void> {
    const key = linkKey(ref);
    const current = await this.link(ref);
    if (!Object.hasOwn(this.before.links, key)) this.before.links[key] = current;
    const state = props === null ? null : { type: ref.type, from: ref.from, to: ref.to, props };
    this.links.set(key, state);
    this.after.links[key] = state;
  }

  /** Links of a node as they stood before this mutation. */
  async linksOf(label: NodeLabel, id: string): Promise<LinkState[]> {
    const known = this.around.get(id);
    if (known) return known;
    const links = await readLinksOfNode(this.tx, label, id);
    this.around.set(id, links);
    return links;
  }

  /** The node as resolvers take it, with the version its write gives it; null when it is gone. */
  async rowOf(id: string): Promise<NodeRow | null> {
    const state = await this.node(id);
    if (!state) return null;
    const version = (this.versions.get(id) ?? 0) + (Object.hasOwn(this.after.nodes, id) ? 1 : 0);
    return { id, label: state.label, props: { ...state.props, version } };
  }

  /** Sends every write of the mutation and its change record, in one query. */
  async commit(p: {
    viewer: Viewer;
    operation: string;
    kind: ChangeKind;
    reason: string | null;
    sourceId: string;
    revertOf?: string;
  }): Promise<ChangeRow> {
    // Only what actually changed: a link rewritten as it was is no change.
    const change: ChangeRow = {
      uid: this.uid,
      seq: this.seq,
      at: new Date().toISOString(),
      authorId: p.viewer.id,
      authorEmail: p.viewer.email,
      operation: p.operation,
      kind: p.kind,
      nodeIds: touchedNodeIds(this.before, this.after),
      fields: touchedFields(this.before, this.after),
      reason: p.reason,
      sourceId: p.sourceId,
      before: JSON.stringify(this.before),
      after: JSON.stringify(this.after),
      revertOf: p.revertOf ?? null,
      revertedBy: null,
    };
    const writes: EditWrites = {
      source: this.newSource,
      nodes: [],
      links: [],
      removedLinks: [],
      removedNodes: [],
      change: { ...change },
    };
    for (const [id, state] of Object.entries(this.after.nodes)) {
      if (state) writes.nodes.push({ id, state });
      else if (this.before.nodes[id]) writes.removedNodes.push({ id, label: this.before.nodes[id].label });
    }
    for (const [key, state] of Object.entries(this.after.links)) {
      const [type, from, to] = key.split('|') as [RelationshipType, string, string];
      if (state) writes.links.push({ ...state, ...withLabels(state) });
      else if (this.before.links[key]) writes.removedLinks.push(withLabels({ type, from, to }));
    }
    try {
      await applyEditWrites(this.tx, writes);
    } catch (error) {
      if (error instanceof MissingLinkEndError) throw conflict(error.message);
      throw error;
    }
    return change;
  }
}
