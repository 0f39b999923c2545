import type { NodeLabel, PropertyValue, RelationshipType } from '../model.js';
import { foldText } from '../text.js';

/** One problem of an input file, located as `file:line field: message`. */
export interface ImportProblem {
  file: string;
  /** 1-based; 0 for the whole file. */
  line: number;
  /** JSON records are also named by their index and id. */
  record?: { index: number; id: string | null };
  field: string;
  message: string;
}

/** `services.json:12 #3 (svc-4) thematiques[0]: "x" is not in the vocabulary Thematique` */
export function formatProblem(problem: ImportProblem): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const record = problem.record
    ? ` #${problem.record.index}${problem.record.id !== null ? ` (${problem.record.id})` : ''}`
    : '';
  const field = problem.field === '' ? '' : ` ${problem.field}`;
  return `${place}${record}${field}: ${problem.message}`;
}

/**
 * What a node of the import would be. `entity` nodes (organisations,
 * dispositifs) are resolved against the graph and kept up to date from the
 * source; `vocabulary` nodes (themes, publics) are created when missing and
 * never rewritten.
 */
export interface PlannedNode {
  label: NodeLabel;
  /** The id the node gets if it is new. */
  id: string;
  mode: 'entity' | 'vocabulary';
  props: Record<string, PropertyValue>;
  /** Exact keys: an existing node holding one of them is the same node (`data-inclusion:dora:123`, `siret:…`). */
  identifiers: string[];
  /** Accent-folded names a candidate match compares with names and aliases. */
  names: string[];
  /** The commune of its seat (`com:33243`), for name matches in the same commune. */
  commune: string | null;
  /** Where it came from, for messages and candidate listings. */
  origin: string;
}

/**
 * The properties of a link that has none, one object for all of them (read-only): a national
 * export plans ~1,000,000 links, and an empty object each weighed ~50 MB.
 */
export const NO_LINK_PROPS: Readonly<Record<string, PropertyValue>> = Object.freeze({});

export interface PlannedLink {
  type: RelationshipType;
  /** Planned node ids (remapped to the graph's once resolved) or ids of existing nodes. */
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

/** A file read into the plan. */
export interface ImportedFile {
  name: string;
  sha256: string;
  rows: number;
  format: string;
}

export interface ImportPlan {
  /** `data-inclusion` or the mapping's name. */
  kind: string;
  nodes: Map<string, PlannedNode>;
  links: PlannedLink[];
  /**
   * What this import is the complete picture of, as `Label|identifier prefix`
   * (`Dispositif|data-inclusion:dora:`): a node of that label that an import
   * created, holding such an identifier and no longer in the plan, has vanished.
   */
  scopes: Set<string>;
  files: ImportedFile[];
  /** Id prefix of the nodes of each label this kind of import creates (`org:di-`): the ones it owns. */
  ownedIdPrefixes: Partial<Record<NodeLabel, string>>;
}

export function emptyPlan(kind: string): ImportPlan {
  return { kind, nodes: new Map(), links: [], scopes: new Set(), files: [], ownedIdPrefixes: {} };
}

/** Adds a node, or merges what a second mention adds (vocabulary nodes meet many times). */
export function addPlannedNode(plan: ImportPlan, node: PlannedNode): PlannedNode {
  const existing = plan.nodes.get(node.id);
  if (!existing) {
    plan.nodes.set(node.id, node);
    return node;
  }
  for (const identifier of node.identifiers)
    if (!existing.identifiers.includes(identifier)) existing.identifiers.push(identifier);
  return existing;
}

/** `Mission Locale — Libourne` → `mission-locale-libourne`: readable id parts. */
export function slugOf(text: string): string {
  return foldText(text).replace(/ +/g, '-').slice(0, 80) || 'x';
}
