import { randomUUID } from 'node:crypto';
import type { Db, TxRunner } from '../driver.js';
import {
  labelOfId,
  type NodeLabel,
  type PropertyValue,
  type RelationshipType,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from '../model.js';
import { insertChange } from '../queries/changes.js';
import {
  findNodeProps,
  findOutgoingLinks,
  findScopedNodes,
  sourceExists,
  type StoredLinkRow,
} from '../queries/data-import.js';
import {
  finalStepSize,
  findTransactionMemoryLimit,
  loadSeedGraph,
  type FinalStepSize,
  type ImportProgress,
} from '../queries/import.js';
import { NO_LINK_PROPS, type ImportPlan, type PlannedLink } from './plan.js';
import type { CandidateMatch, Resolution } from './resolve.js';

export type DiffStatus = 'new' | 'changed' | 'unchanged' | 'vanished';
export type DiffCounts = Record<DiffStatus, number>;

export interface ImportDiff {
  sourceId: string;
  nodes: Record<string, DiffCounts>;
  links: Record<string, DiffCounts>;
  candidates: CandidateMatch[];
  /** Exact merges into nodes the import did not create (curated twins…). */
  merged: { plannedId: string; existingId: string }[];
  /** True when nothing would be written. */
  empty: boolean;
  /**
   * What the write's final transaction would write over the existing graph, and the most one transaction may hold
   * here (bytes; undefined: no limit known): a write over it is refused before it stages.
   */
  finalStep?: FinalStepSize & { limit?: number };
}

/** Who ran an import and what it is called: the Source of kind `user-import`. */
export interface ImportIdentity {
  sourceId: string;
  title: string;
  publisher: string | null;
  files: { name: string; sha256: string; rows: number; format: string }[];
  rows: number;
  author: { id: string; email: string };
  /** ISO date of the import (vanished facts end on it). */
  date: string;
}

/** Links whose every source is an import: the ones a newer import may find vanished. */
const IMPORT_SOURCE_PREFIX = 'src:import-';

/** The links an import writes from each label: what it compares and may find vanished. */
const MANAGED_LINKS: Partial<Record<NodeLabel, RelationshipType[]>> = {
  Organisation: ['LOCATED_IN', 'MEMBER_OF'],
  Dispositif: ['ADDRESSES', 'TARGETS', 'DEPLOYED_IN'],
};

// Properties the database derives or the editing engine keeps: never compared.
const DERIVED = new Set(['id', 'searchText', 'version']);
// On nodes the import did not create, these curated values always stand.
const CURATED_KEEPS = new Set(['name', 'type', 'status']);

const zeroCounts = (): DiffCounts => ({ new: 0, changed: 0, unchanged: 0, vanished: 0 });

function canonical(props: Record<string, unknown>): string {
  return JSON.stringify(
    Object.entries(props)
      .filter(([key, value]) => value !== null && value !== undefined && !DERIVED.has(key))
      .map(([key, value]) => [key, Array.isArray(value) ? [...value] : value])
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
  );
}

const withoutNulls = (props: Record<string, PropertyValue>): Record<string, PropertyValue> =>
  Object.fromEntries(
    Object.entries(props).filter(
      ([key, value]) => value !== null && value !== undefined && !DERIVED.has(key),
    ),
  );

/** A planned link's properties as written: the shared empty object when it has none. */
const propsOfLink = (props: Readonly<Record<string, PropertyValue>>): Record<string, PropertyValue> =>
  Object.keys(props).length === 0 ? (NO_LINK_PROPS as Record<string, PropertyValue>) : withoutNulls(props);

/** What is written back over an edited node: its version moves, so that a stale edit gets CONFLICT. */
const nextVersion = (existing: Record<string, PropertyValue>) => ({
  version: Number(existing.version ?? 0) + 1,
});

const union = (a: readonly string[] | null | undefined, b: readonly string[]): string[] => [
  ...new Set([...(a ?? []), ...b]),
];

const linkKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

function labelOf(id: string): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw new Error(`no label for id ${id}`);
  return label;
}

/** The node state a journal entry and a revert read (server/schema/editing/states.ts). */
interface GraphStateJson {
  nodes: Record<string, { label: NodeLabel; props: Record<string, PropertyValue> } | null>;
  links: Record<
    string,
    { type: RelationshipType; from: string; to: string; props: Record<string, PropertyValue> } | null
  >;
}

/** Above this many touched facts the journal keeps a summary only (its before/after would not fit one record). */
const JOURNAL_STATE_LIMIT = 5_000;

export interface ComputedImport {
  diff: ImportDiff;
  graph: SeedGraph;
  before: GraphStateJson;
  after: GraphStateJson;
  /** More touched facts than the journal keeps: before and after are empty. */
  overflow: boolean;
}

type NodeStateJson = GraphStateJson['nodes'][string];
type LinkStateJson = GraphStateJson['links'][string];

/** The before and after a journal entry keeps, up to JOURNAL_STATE_LIMIT facts (then nothing, to spare memory). */
class Journal {
  private before: GraphStateJson = { nodes: {}, links: {} };
  private after: GraphStateJson = { nodes: {}, links: {} };
  private count = 0;
  private overflow = false;

  private counted(): boolean {
    if (this.overflow) return false;
    if (++this.count <= JOURNAL_STATE_LIMIT) return true;
    this.overflow = true;
    this.before = { nodes: {}, links: {} };
    this.after = { nodes: {}, links: {} };
    return false;
  }

  node(id: string, was: NodeStateJson, is: NodeStateJson): void {
    if (!this.counted()) return;
    this.before.nodes[id] = was;
    this.after.nodes[id] = is;
  }

  link(key: string, was: LinkStateJson, is: LinkStateJson): void {
    if (!this.counted()) return;
    this.before.links[key] = was;
    this.after.links[key] = is;
  }

  states(): { before: GraphStateJson; after: GraphStateJson; overflow: boolean } {
    return { before: this.before, after: this.after, overflow: this.overflow };
  }
}

/**
 * Compares a resolved plan with the graph: what is new, changed, unchanged or
 * vanished, and the graph to write for it (full property sets, so that the
 * staged loader's `SET n = props` keeps curated values and adds imported ones).
 * The plan's links are released once read (`plan.links` is left empty).
 */
export async function computeImport(
  db: Db,
  plan: ImportPlan,
  resolution: Resolution,
  identity: ImportIdentity,
): Promise<ComputedImport> {
  const diff: ImportDiff = {
    sourceId: identity.sourceId,
    nodes: {},
    links: {},
    candidates: resolution.candidates,
    merged: [],
    empty: true,
  };
  const count = (into: Record<string, DiffCounts>, key: string, status: DiffStatus) => {
    (into[key] ??= zeroCounts())[status]++;
  };
  const graph: SeedGraph = { nodes: [], relationships: [] };
  const journal = new Journal();
  const src = identity.sourceId;
  const owned = (id: string) => Object.values(plan.ownedIdPrefixes).some((prefix) => id.startsWith(prefix));
  const written = new Set<string>();
  const created = new Set<string>();

  // Nodes: one read per label of what the resolved ids hold now.
  const resolvedIds = new Map<NodeLabel, Set<string>>();
  for (const node of plan.nodes.values()) {
    const id = resolution.idOf.get(node.id) ?? node.id;
    const ids = resolvedIds.get(node.label) ?? new Set<string>();
    ids.add(id);
    resolvedIds.set(node.label, ids);
  }
  const stored = new Map<string, Record<string, PropertyValue>>();
  for (const [label, ids] of resolvedIds) {
    for (const [id, props] of await findNodeProps(db, label, [...ids])) stored.set(id, props);
  }
  for (const node of plan.nodes.values()) {
    const id = resolution.idOf.get(node.id) ?? node.id;
    const existing = stored.get(id);
    if (id !== node.id && !owned(id)) diff.merged.push({ plannedId: node.id, existingId: id });
    if (!existing) {
      const props = withoutNulls({
        ...node.props,
        ...(node.identifiers.length ? { identifiers: node.identifiers } : {}),
      });
      graph.nodes.push({ label: node.label, id, props });
      journal.node(id, null, { label: node.label, props });
      written.add(id);
      created.add(id);
      count(diff.nodes, node.label, 'new');
      continue;
    }
    const desired: Record<string, PropertyValue> = { ...existing };
    // A vocabulary node (theme, public, network) only gains the identifiers that find it again.
    for (const [key, value] of node.mode === 'vocabulary' ? [] : Object.entries(node.props)) {
      if (owned(id)) desired[key] = value;
      else if (!CURATED_KEEPS.has(key) && (desired[key] === null || desired[key] === undefined))
        desired[key] = value;
    }
    if (node.identifiers.length > 0)
      desired.identifiers = union(existing.identifiers as string[] | null, node.identifiers);
    const props = withoutNulls(desired);
    if (canonical(props) === canonical(existing)) {
      count(diff.nodes, node.label, 'unchanged');
      continue;
    }
    graph.nodes.push({ label: node.label, id, props: { ...props, ...nextVersion(existing) } });
    journal.node(id, { label: node.label, props: withoutNulls(existing) }, { label: node.label, props });
    written.add(id);
    count(diff.nodes, node.label, 'changed');
  }

  // Vanished: nodes an earlier import of the same scope created and this one no longer has.
  const present = new Set([...plan.nodes.values()].map((node) => resolution.idOf.get(node.id) ?? node.id));
  for (const labelAndScope of plan.scopes) {
    const [label, scope] = labelAndScope.split('|') as [NodeLabel, string];
    const idPrefix = plan.ownedIdPrefixes[label];
    if (idPrefix) {
      for (const row of await findScopedNodes(db, label, { idPrefix, scope })) {
        if (present.has(row.id) || row.props.endedOn) continue;
        const props = withoutNulls({
          ...row.props,
          endedOn: identity.date,
          ...(label === 'Dispositif' ? { status: 'ended', endDate: identity.date } : {}),
        });
        graph.nodes.push({ label, id: row.id, props: { ...props, ...nextVersion(row.props) } });
        journal.node(row.id, { label, props: withoutNulls(row.props) }, { label, props });
        written.add(row.id);
        count(diff.nodes, label, 'vanished');
      }
    }
  }

  // Links: planned ones against those stored from the same nodes.
  const planned = new Map<string, PlannedLink>();
  for (const link of plan.links) {
    const from = link.from.startsWith('@')
      ? (resolution.idOf.get(link.from) ?? resolution.byIdentifier.get(link.from.slice(1)))
      : (resolution.idOf.get(link.from) ?? link.from);
    const to = resolution.idOf.get(link.to) ?? link.to;
    if (!from) throw new Error(`unresolved link end ${link.from}`);
    // Most links keep their ends (new nodes): the planned link itself, not a copy.
    planned.set(
      linkKey(link.type, from, to),
      from === link.from && to === link.to ? link : { ...link, from, to },
    );
  }
  // The plan's list is read: what it alone held can go while the graph to write is built.
  plan.links = [];
  const storedLinks = new Map<string, StoredLinkRow>();
  const fromIds = new Map<string, Set<string>>();
  for (const link of planned.values()) {
    const key = `${labelOf(link.from)}>${link.type}`;
    const ids = fromIds.get(key) ?? new Set<string>();
    ids.add(link.from);
    fromIds.set(key, ids);
  }
  // Every managed type from every present entity, so that a link dropped from the source is seen.
  for (const id of present) {
    const label = labelOf(id);
    for (const type of MANAGED_LINKS[label] ?? []) {
      const key = `${label}>${type}`;
      const ids = fromIds.get(key) ?? new Set<string>();
      ids.add(id);
      fromIds.set(key, ids);
    }
  }
  for (const [key, ids] of fromIds) {
    const [label, type] = key.split('>') as [NodeLabel, RelationshipType];
    const existingIds = [...ids].filter((id) => stored.has(id));
    for (const row of await findOutgoingLinks(db, label, type, existingIds)) {
      storedLinks.set(linkKey(row.type, row.from, row.to), row);
    }
  }
  const pushLink = (
    type: RelationshipType,
    from: string,
    to: string,
    props: Record<string, PropertyValue>,
    sources: string[],
    was: StoredLinkRow | undefined,
  ) => {
    graph.relationships.push({ type, from, to, sources, props });
    const key = linkKey(type, from, to);
    journal.link(key, was ? { type, from, to, props: withoutNulls(was.props) } : null, {
      type,
      from,
      to,
      props: { ...props, sources },
    });
  };
  // One list of sources for every link the import brings (read-only, as NO_LINK_PROPS).
  const onlyThisImport: string[] = Object.freeze([src]) as string[];
  for (const [key, link] of planned) {
    const was = storedLinks.get(key);
    if (!was) {
      pushLink(link.type, link.from, link.to, propsOfLink(link.props), onlyThisImport, undefined);
      count(diff.links, link.type, 'new');
      continue;
    }
    const sameProps = Object.entries(link.props).every(
      ([prop, value]) => JSON.stringify(was.props[prop] ?? null) === JSON.stringify(value ?? null),
    );
    if (sameProps && !was.props.endedOn) {
      count(diff.links, link.type, 'unchanged');
      continue;
    }
    const { sources, endedOn: _ended, ...rest } = was.props;
    void _ended;
    const props = withoutNulls({ ...rest, ...link.props });
    pushLink(link.type, link.from, link.to, props, union(sources as string[] | null, [src]), was);
    count(diff.links, link.type, 'changed');
  }
  for (const [key, was] of storedLinks) {
    if (planned.has(key) || was.props.endedOn) continue;
    const sources = (was.props.sources as string[] | null) ?? [];
    if (sources.length === 0 || !sources.every((source) => source.startsWith(IMPORT_SOURCE_PREFIX))) continue;
    const { sources: _sources, ...rest } = was.props;
    void _sources;
    pushLink(was.type, was.from, was.to, withoutNulls({ ...rest, endedOn: identity.date }), sources, was);
    count(diff.links, was.type, 'vanished');
  }

  diff.empty = graph.nodes.length === 0 && graph.relationships.length === 0;
  if (diff.empty) return { diff, graph, ...journal.states() };

  // Provenance: the Source, and every node written names it.
  if (!(await sourceExists(db, src))) {
    const props = sourceProps(identity);
    graph.nodes.push({ label: 'Source', id: src, props });
    journal.node(src, null, { label: 'Source', props });
    created.add(src);
  }
  for (const id of written) {
    graph.relationships.push({
      type: 'MENTIONED_IN',
      from: id,
      to: src,
      sources: onlyThisImport,
      props: NO_LINK_PROPS,
    });
    journal.link(linkKey('MENTIONED_IN', id, src), null, {
      type: 'MENTIONED_IN',
      from: id,
      to: src,
      props: { sources: [src] },
    });
  }
  // The final step writes what touches only nodes the import did not create.
  const linksOverExisting = graph.relationships.filter(
    (rel) => !created.has(rel.from) && !created.has(rel.to),
  ).length;
  diff.finalStep = {
    ...finalStepSize(graph.nodes.length - created.size, linksOverExisting),
    limit: await findTransactionMemoryLimit(db),
  };
  return { diff, graph, ...journal.states() };
}

function sourceProps(identity: ImportIdentity): Record<string, PropertyValue> {
  return {
    name: identity.title,
    title: identity.title,
    kind: 'user-import',
    date: identity.date,
    publisher: identity.publisher,
    files: identity.files.map((file) => file.name),
    sha256: identity.files.map((file) => file.sha256),
    formats: identity.files.map((file) => file.format),
    rowCount: identity.rows,
    importedBy: identity.author.email,
    importedAt: new Date().toISOString(),
  };
}

export interface WriteOptions {
  onProgress?: (progress: ImportProgress) => void;
  beforeStagedBatch?: (staged: number) => Promise<void> | void;
}

/**
 * Writes a computed import atomically through the staged loader: new nodes and their
 * links are written hidden from readers, then revealed in one transaction with every
 * write to existing nodes, the graph version bump and the import's `:Change`.
 */
export async function writeImport(
  db: Db,
  computed: ComputedImport,
  identity: ImportIdentity,
  options: WriteOptions = {},
): Promise<{ changeUid: string }> {
  const uid = `chg:${randomUUID()}`;
  const small = !computed.overflow;
  const summary = summarise(computed.diff);
  await loadSeedGraph(db, computed.graph, {
    ...options,
    inFinalTransaction: async (tx: TxRunner, version: number) => {
      await insertChange(tx, {
        uid,
        seq: version,
        at: new Date().toISOString(),
        authorId: identity.author.id,
        authorEmail: identity.author.email,
        operation: 'import',
        kind: 'CREATE',
        nodeIds: small ? touchedIds(computed) : [identity.sourceId],
        fields: small ? touchedFields(computed) : [identity.sourceId],
        reason: `${identity.title}: ${summary}${small ? '' : ' (too large for the journal to keep its before and after)'}`,
        sourceId: identity.sourceId,
        before: JSON.stringify(small ? computed.before : { nodes: {}, links: {} }),
        after: JSON.stringify(small ? computed.after : { nodes: {}, links: {} }),
        revertOf: null,
        revertedBy: null,
      });
    },
  });
  return { changeUid: uid };
}

/** As the journal names them (server/schema/editing/states.ts): `id`, `id.prop`, `TYPE|from|to`. */
function touchedFields(computed: ComputedImport): string[] {
  const fields = new Set<string>();
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const [id, is] of Object.entries(computed.after.nodes)) {
    const was = computed.before.nodes[id] ?? null;
    if ((was === null) !== (is === null)) fields.add(id);
    for (const prop of new Set([...Object.keys(was?.props ?? {}), ...Object.keys(is?.props ?? {})])) {
      if (!same(was?.props[prop], is?.props[prop])) fields.add(`${id}.${prop}`);
    }
  }
  for (const key of Object.keys(computed.after.links)) fields.add(key);
  return [...fields].sort();
}

function touchedIds(computed: ComputedImport): string[] {
  const ids = new Set<string>(Object.keys(computed.after.nodes));
  for (const link of Object.values(computed.after.links)) if (link) ids.add(link.from).add(link.to);
  return [...ids].sort();
}

/** `12 new, 3 changed, 40 unchanged, 1 vanished` over nodes and links. */
export function summarise(diff: ImportDiff): string {
  const total = zeroCounts();
  for (const counts of [...Object.values(diff.nodes), ...Object.values(diff.links)]) {
    for (const status of Object.keys(total) as DiffStatus[]) total[status] += counts[status];
  }
  return `${total.new} new, ${total.changed} changed, ${total.unchanged} unchanged, ${total.vanished} vanished`;
}

export type { SeedNode, SeedRelationship };
