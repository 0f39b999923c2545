import { randomUUID } from 'node:crypto';
import type { TxRunner } from '../../../graph/driver.js';
import {
  labelOfId,
  type NodeLabel,
  type PropertyValue,
  type RelationshipType,
} from '../../../graph/model.js';
import { insertChange, type ChangeKind, type ChangeRow } from '../../../graph/queries/changes.js';
import {
  deleteLinkState,
  deleteNodeById,
  lockAndReadNode,
  readLinkState,
  readLinksOfNode,
  writeLinkState,
  writeNodeState,
  type LinkState,
  type NodeState,
} from '../../../graph/queries/edits.js';
import { bumpGraphVersion } from '../../../graph/queries/graph-version.js';
import type { NodeRow } from '../../../graph/queries/rows.js';
import type { Viewer } from '../../auth/viewer.js';
import { badUserInput } from '../../errors.js';
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
 * Reads and writes the graph inside one mutation's transaction, keeping the state
 * each touched node and link had before its first write and has after the last:
 * the change record, and what a revert restores.
 */
export class ChangeRecorder {
  readonly before: GraphState = { nodes: {}, links: {} };
  readonly after: GraphState = { nodes: {}, links: {} };
  private readonly versions = new Map<string, number>();
  /** The id the change record will have. */
  readonly uid = `chg:${randomUUID()}`;

  constructor(readonly tx: TxRunner) {}

  /** A node's current state (locked for the rest of the transaction), or null. */
  async node(id: string): Promise<NodeState | null> {
    if (Object.hasOwn(this.after.nodes, id)) return this.after.nodes[id] ?? null;
    if (Object.hasOwn(this.before.nodes, id)) return this.before.nodes[id] ?? null;
    const label = labelOfId(id);
    const found = label ? await lockAndReadNode(this.tx, label, id) : undefined;
    if (found) this.versions.set(id, found.version);
    this.before.nodes[id] = found?.state ?? null;
    return found?.state ?? null;
  }

  /** The version the node had when this transaction locked it (0 for a node never edited). */
  async versionOf(id: string): Promise<number | undefined> {
    return (await this.node(id)) ? (this.versions.get(id) ?? 0) : undefined;
  }

  async setNode(id: string, state: NodeState | null): Promise<void> {
    const current = await this.node(id);
    if (state) {
      this.versions.set(id, await writeNodeState(this.tx, id, state));
    } else if (current) {
      // Its links go with it: record them first, so that they come back with it.
      for (const link of await readLinksOfNode(this.tx, current.label, id)) await this.setLink(link, null);
      await deleteNodeById(this.tx, current.label, id);
    }
    this.after.nodes[id] = state;
  }

  async link(ref: LinkRef): Promise<LinkState | null> {
    const key = linkKey(ref);
    if (Object.hasOwn(this.after.links, key)) return this.after.links[key] ?? null;
    if (Object.hasOwn(this.before.links, key)) return this.before.links[key] ?? null;
    const props = await readLinkState(this.tx, withLabels(ref));
    const state = props ? { type: ref.type, from: ref.from, to: ref.to, props } : null;
    this.before.links[key] = state;
    return state;
  }

  /** Writes or removes a link; false when one of its ends does not exist. */
  async setLink(ref: LinkRef, props: Record<string, PropertyValue> | null): Promise<boolean> {
    await this.link(ref);
    const key = linkKey(ref);
    if (props === null) {
      await deleteLinkState(this.tx, withLabels(ref));
      this.after.links[key] = null;
      return true;
    }
    const state: LinkState = { type: ref.type, from: ref.from, to: ref.to, props };
    if (!(await writeLinkState(this.tx, { ...state, ...withLabels(ref) }))) return false;
    this.after.links[key] = state;
    return true;
  }

  /** Links of a node as they stand now (before any write of this transaction to them). */
  linksOf(label: NodeLabel, id: string): Promise<LinkState[]> {
    return readLinksOfNode(this.tx, label, id);
  }

  /** The node as resolvers take it, with its new version; null when it is gone. */
  async rowOf(id: string): Promise<NodeRow | null> {
    const state = await this.node(id);
    if (!state) return null;
    return { id, label: state.label, props: { ...state.props, version: this.versions.get(id) ?? 0 } };
  }

  /** Writes the change record and moves the graph version (caches see the edit). */
  async record(p: {
    seq: number;
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
      seq: p.seq,
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
    await insertChange(this.tx, change);
    return change;
  }
}

/** Takes the graph version's lock first, so that mutations run one after another in `seq` order. */
export const startChange = (tx: TxRunner): Promise<number> => bumpGraphVersion(tx);
