import neo4j, { Neo4jError, type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../model.js';
import {
  checkPlan,
  isReservedParameterName,
  type PlanNode,
  type PlanVerdict,
} from '../analysis/plan-guard.js';
import { toNeo4jParams, toPlain } from '../values.js';
import { findGraphVersion } from './graph-version.js';
import { edgeId, toEdgeRow, toNodeRow, type EdgeRow, type GraphSliceRow, type NodeRow } from './rows.js';

/**
 * The analyst console: any read-only Cypher, in layers each tested on its own —
 * a READ-mode transaction (Neo4j refuses writes), the EXPLAIN plan checked
 * against an allow-list of read operators (graph/analysis/plan-guard.ts), a
 * transaction timeout chosen here (a client value would override the server's),
 * `db.memory.transaction.max` on the instance, and caps on rows and bytes.
 */

/** Server-chosen transaction timeout: never a client value. */
export const CONSOLE_TIMEOUT_MS = 5_000;
export const MAX_CONSOLE_ROWS = 5_000;
/** What the rows may weigh as JSON before the answer is cut short. */
export const MAX_CONSOLE_BYTES = 2_000_000;

export type ConsoleErrorKind = 'FORBIDDEN' | 'SYNTAX' | 'INVALID' | 'TOO_LARGE';

/** A query the console will not run or could not finish, for the resolver to word. */
export class CypherConsoleError extends Error {
  constructor(
    readonly kind: ConsoleErrorKind,
    message: string,
    readonly detail: { reason?: string; line?: number; column?: number } = {},
  ) {
    super(message);
    this.name = 'CypherConsoleError';
  }
}

export interface NodeRef {
  id: string;
  kind: string | null;
  name: string | null;
}

export interface RelationshipRef {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface CypherResultRow {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: GraphSliceRow;
  truncated: boolean;
  elapsedMs: number;
}

const isDomainLabel = (label: string | undefined): label is NodeLabel =>
  (NODE_LABELS as readonly string[]).includes(label ?? '');

// Endpoints of relationships whose nodes the rows do not hold, so that edges can be drawn.
const NODES_BY_ELEMENT_ID = /* cypher */ `
  MATCH (n) WHERE elementId(n) IN $elementIds
  RETURN n`;

/**
 * Turns driver values into plain JSON, collecting the nodes and relationships met.
 * A node or relationship met again (a 2-hop pattern repeats its start on every row)
 * gets the same ref object: rows are built, weighed and serialised with less garbage.
 */
class RowConverter {
  readonly nodes = new Map<string, Node>();
  readonly relationships = new Map<string, Relationship>();
  private readonly nodeRefs = new Map<string, NodeRef>();
  private readonly relationshipRefs = new Map<string, RelationshipRef>();
  // JSON lengths of the refs, which rows repeat: a row is weighed without serialising it.
  private readonly refBytes = new WeakMap<object, number>();

  convert(value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (neo4j.isNode(value as never)) return this.nodeRef(value as Node);
    if (neo4j.isRelationship(value as never)) return this.relationshipRef(value as Relationship);
    if (neo4j.isPath(value as never)) {
      const path = value as { start: Node; segments: { relationship: Relationship; end: Node }[] };
      return {
        nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) => this.nodeRef(node)),
        relationships: path.segments.map((segment) => this.relationshipRef(segment.relationship)),
      };
    }
    if (neo4j.isPoint(value as never)) {
      const point = value as { srid: unknown; x: number; y: number; z?: number };
      return {
        srid: toPlain(point.srid),
        x: point.x,
        y: point.y,
        ...(point.z === undefined ? {} : { z: point.z }),
      };
    }
    if (neo4j.isDuration(value as never)) return String(value);
    if (Array.isArray(value)) return value.map((item) => this.convert(item));
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.convert(item)]));
    }
    return toPlain(value);
  }

  private nodeRef(node: Node): NodeRef {
    const known = this.nodeRefs.get(node.elementId);
    if (known) return known;
    this.nodes.set(node.elementId, node);
    const label = node.labels[0];
    const id = node.properties.id;
    const name = node.properties.name;
    const ref = {
      id: typeof id === 'string' ? id : node.elementId,
      kind: isDomainLabel(label) ? label.toUpperCase() : null,
      name: typeof name === 'string' ? name : null,
    };
    this.nodeRefs.set(node.elementId, ref);
    this.refBytes.set(ref, JSON.stringify(ref).length);
    return ref;
  }

  private relationshipRef(rel: Relationship): RelationshipRef {
    const known = this.relationshipRefs.get(rel.elementId);
    if (known) return known;
    this.relationships.set(rel.elementId, rel);
    // Ends are element ids until `resolveEnds` knows the nodes' own ids.
    const ref = {
      id: rel.elementId,
      type: rel.type,
      source: rel.startNodeElementId,
      target: rel.endNodeElementId,
    };
    this.relationshipRefs.set(rel.elementId, ref);
    this.refBytes.set(ref, JSON.stringify(ref).length);
    return ref;
  }

  /** What a converted row weighs as JSON (relationship ends still as element ids). */
  rowBytes(row: Record<string, unknown>): number {
    let bytes = 1;
    for (const key in row) {
      const value = row[key];
      const known = value !== null && typeof value === 'object' ? this.refBytes.get(value) : undefined;
      // The key, its colon, the value, and the comma or brace after it.
      bytes += JSON.stringify(key).length + 2 + (known ?? JSON.stringify(value).length);
    }
    return bytes;
  }

  missingEnds(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const end of [rel.startNodeElementId, rel.endNodeElementId])
        if (!this.nodes.has(end)) missing.add(end);
    }
    return [...missing];
  }

  /** Once every end is known: relationship refs get the domain ids of their ends. */
  resolveEnds(ends: readonly Node[]) {
    const endNodes = new Map(this.nodes);
    for (const node of ends) endNodes.set(node.elementId, node);
    const idOf = (elementId: string) => {
      const id = endNodes.get(elementId)?.properties.id;
      return typeof id === 'string' ? id : elementId;
    };
    for (const [elementId, ref] of this.relationshipRefs) {
      const rel = this.relationships.get(elementId)!;
      ref.source = idOf(rel.startNodeElementId);
      ref.target = idOf(rel.endNodeElementId);
      ref.id = edgeId(ref.source, ref.type, ref.target);
    }
    return this.slice(endNodes);
  }

  private slice(endNodes: ReadonlyMap<string, Node>): GraphSliceRow {
    const nodes = new Map<string, NodeRow>();
    for (const node of endNodes.values()) {
      const label = node.labels[0];
      const id = node.properties.id;
      if (!isDomainLabel(label) || typeof id !== 'string') continue;
      nodes.set(id, toNodeRow({ id, label, props: toPlain(node.properties) as Record<string, unknown> }));
    }
    const edges = new Map<string, EdgeRow>();
    for (const rel of this.relationships.values()) {
      const source = endNodes.get(rel.startNodeElementId)?.properties.id;
      const target = endNodes.get(rel.endNodeElementId)?.properties.id;
      if (
        typeof source !== 'string' ||
        typeof target !== 'string' ||
        !nodes.has(source) ||
        !nodes.has(target)
      )
        continue;
      const edge = toEdgeRow({
        source,
        target,
        type: rel.type,
        props: toPlain(rel.properties) as Record<string, unknown>,
      });
      edges.set(edge.id, edge);
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
  }
}

/** Neo4j's message ends with "(line 3, column 8 (offset: 20))". */
function positionOf(error: Neo4jError): { line?: number; column?: number } {
  const match = /\(line (\d+), column (\d+)/.exec(error.message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

/** Driver failures the analyst caused, as console errors; the rest (timeouts, outages) pass on. */
function consoleFailure(error: unknown, explainLines: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  const firstLine = error.message.split('\n')[0] ?? error.message;
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    const { line, column } = positionOf(error);
    const analystLine = line === undefined ? undefined : line - explainLines;
    // The message names the line as Neo4j saw it, after the EXPLAIN line: say the analyst's.
    const message = firstLine.replace(
      /\(line \d+, column (\d+) \(offset: \d+\)\)/,
      `(line ${analystLine}, column $1)`,
    );
    return new CypherConsoleError('SYNTAX', message, { line: analystLine, column });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new CypherConsoleError('FORBIDDEN', 'The console only reads.', { reason: 'write' });
  }
  if (code.includes('MemoryPoolOutOfMemoryError') || code.includes('MemoryLimitExceeded')) {
    return new CypherConsoleError('TOO_LARGE', 'The query needed more memory than a console query may use.');
  }
  if (code.includes('TransactionTimedOut')) return error;
  if (code.startsWith('Neo.ClientError.')) return new CypherConsoleError('INVALID', firstLine);
  return error;
}

// The query is put on a line of its own after EXPLAIN, so Neo4j's columns are the analyst's.
const EXPLAIN_PREFIX = 'EXPLAIN\n';

/**
 * Plan verdicts by query text and parameter names: the operators of a plan follow
 * from its text, so a query asked again skips the EXPLAIN round trip. Bounded; the
 * oldest verdict goes first. The READ-mode transaction still stands behind it.
 */
const MAX_VERDICTS = 1_000;
const verdicts = new Map<string, PlanVerdict>();

const verdictKey = (query: string, params: Record<string, unknown>) =>
  `${Object.keys(params).sort().join(',')}\u0000${query}`;

function rememberVerdict(key: string, verdict: PlanVerdict) {
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(key, verdict);
}

async function explainAndCheck(tx: ManagedTransaction, query: string, params: Record<string, unknown>) {
  const reserved = Object.keys(params).find(isReservedParameterName);
  if (reserved)
    throw new CypherConsoleError('FORBIDDEN', `The parameter name $${reserved} is reserved by Neo4j.`, {
      reason: 'reserved parameter name',
    });
  const key = verdictKey(query, params);
  let verdict = verdicts.get(key);
  if (!verdict) {
    let plan: PlanNode | undefined;
    try {
      const result = await tx.run(EXPLAIN_PREFIX + query, params);
      plan = (result.summary.plan || undefined) as PlanNode | undefined;
    } catch (error) {
      throw consoleFailure(error, 1);
    }
    verdict = plan ? checkPlan(plan) : { allowed: false, reason: 'no plan' };
    rememberVerdict(key, verdict);
  }
  if (!verdict.allowed) {
    const message =
      verdict.reason === 'no plan'
        ? 'The query has no plan to check.'
        : `The console does not run ${verdict.reason}.`;
    throw new CypherConsoleError('FORBIDDEN', message, { reason: verdict.reason });
  }
}

/** Runs an analyst's query read-only and bounded; `limit` caps the rows (≤ MAX_CONSOLE_ROWS). */
export async function runConsoleQuery(
  db: Db,
  params: { query: string; params: Record<string, unknown>; limit: number; maxBytes?: number },
): Promise<CypherResultRow> {
  const started = performance.now();
  const limit = Math.max(1, Math.min(Math.trunc(params.limit), MAX_CONSOLE_ROWS));
  const maxBytes = params.maxBytes ?? MAX_CONSOLE_BYTES;
  const values = toNeo4jParams(params.params) as Record<string, unknown>;
  // The answer is complete once its rows are read: it goes out without waiting for the
  // COMMIT's round trip (a read transaction has nothing to commit; a failure after this
  // point changes nothing the rows say). A failure before it is the transaction's.
  let answer!: (row: CypherResultRow) => void;
  const answered = new Promise<CypherResultRow>((resolve) => (answer = resolve));
  const transaction = db.readRaw(
    async (tx) => {
      await explainAndCheck(tx, params.query, values);
      const converter = new RowConverter();
      const rows: Record<string, unknown>[] = [];
      let columns: string[] = [];
      // As the rows' JSON array: its bracket, then each row and the comma or bracket after it.
      let bytes = 1;
      let truncated = false;
      try {
        const result = tx.run(params.query, values);
        columns = [...(await result.keys())];
        for await (const record of result) {
          if (rows.length >= limit || bytes > maxBytes) {
            truncated = true;
            break;
          }
          const row = Object.fromEntries(columns.map((key) => [key, converter.convert(record.get(key))]));
          bytes += converter.rowBytes(row) + 1;
          if (bytes > maxBytes) {
            truncated = true;
            break;
          }
          rows.push(row);
        }
      } catch (error) {
        throw consoleFailure(error, 0);
      }
      const missing = converter.missingEnds();
      const ends = missing.length
        ? (await tx.run(NODES_BY_ELEMENT_ID, { elementIds: missing })).records.map((r) => r.get('n') as Node)
        : [];
      const graph = converter.resolveEnds(ends);
      const row = { columns, rows, graph, truncated, elapsedMs: Math.round(performance.now() - started) };
      answer(row);
      return row;
    },
    { timeoutMs: CONSOLE_TIMEOUT_MS },
  );
  return Promise.race([answered, transaction]);
}

/** What the editor completes: the domain's labels and types, and the property keys each carries. */
export interface ConsoleSchemaRow {
  labels: { name: string; properties: string[] }[];
  relationshipTypes: { name: string; properties: string[] }[];
}

// Keys of a sample of each label and type of the closed lists, written out (static labels
// and types use their scans: a dynamic `:$(label)` read every node on this Neo4j).
const sampleKeys = (pattern: string, name: string, element: string) =>
  `MATCH ${pattern} WITH ${element} LIMIT 200 UNWIND keys(${element}) AS key
     RETURN ${JSON.stringify(name)} AS name, collect(DISTINCT key) AS properties`;
const CONSOLE_SCHEMA = /* cypher */ `
  CALL () {
    ${NODE_LABELS.map((label) => sampleKeys(`(n:${label})`, label, 'n')).join('\n    UNION ALL\n    ')}
  }
  WITH collect({name: name, properties: properties}) AS labels
  CALL () {
    ${RELATIONSHIP_TYPES.map((type) => sampleKeys(`()-[r:${type}]->()`, type, 'r')).join('\n    UNION ALL\n    ')}
  }
  RETURN labels, collect({name: name, properties: properties}) AS relationshipTypes`;

async function readConsoleSchema(db: Db): Promise<ConsoleSchemaRow> {
  const [row] = await db.read<{
    labels: ConsoleSchemaRow['labels'];
    relationshipTypes: ConsoleSchemaRow['relationshipTypes'];
  }>(CONSOLE_SCHEMA);
  const sorted = (entries: ConsoleSchemaRow['labels']) =>
    entries.map((entry) => ({ name: entry.name, properties: [...entry.properties].sort() }));
  return {
    labels: sorted(row?.labels ?? []),
    relationshipTypes: sorted(row?.relationshipTypes ?? []),
  };
}

// The schema scan reads up to 200 elements of every label and type, and only an edit or
// a load (which bump the version) changes it.
const schemas = createGraphVersionCache<Promise<ConsoleSchemaRow>>({ maxEntries: 1 });

/** The editor's schema, cached until the graph version moves. */
export async function findConsoleSchema(scopedDb: Db): Promise<ConsoleSchemaRow> {
  const version = await findGraphVersion(scopedDb);
  return schemas.get(scopedDb.base, version, 'schema', () => readConsoleSchema(scopedDb));
}
