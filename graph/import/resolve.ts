import type { Db } from '../driver.js';
import { findResolvableNodes, type ResolvableNodeRow } from '../queries/data-import.js';
import { foldText } from '../text.js';
import type { ImportPlan, PlannedNode } from './plan.js';

/** An existing node an imported one may be: merged only when accepted. */
export interface CandidateMatch {
  plannedId: string;
  plannedName: string;
  origin: string;
  existingId: string;
  existingName: string;
  reason: 'same name in the same commune' | 'name is an alias' | 'same name (no commune to compare)';
  accepted: boolean;
}

export interface Resolution {
  /** Planned id → the id it is written under (itself, or the node it merges with). */
  idOf: Map<string, string>;
  /** Planned ids that meet an existing node by an exact identifier. */
  exact: Map<string, string>;
  candidates: CandidateMatch[];
  /** Identifier → id of the graph's node holding it (services whose structure was imported earlier). */
  byIdentifier: Map<string, string>;
}

function push(map: Map<string, ResolvableNodeRow[]>, key: string, row: ResolvableNodeRow): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

interface ResolvableIndex {
  ids: Map<string, ResolvableNodeRow>;
  byIdentifier: Map<string, string>;
  byName: Map<string, ResolvableNodeRow[]>;
  byAlias: Map<string, ResolvableNodeRow[]>;
}

function indexRows(rows: readonly ResolvableNodeRow[], index: ResolvableIndex): void {
  for (const row of rows) {
    index.ids.set(row.id, row);
    for (const identifier of row.identifiers ?? []) index.byIdentifier.set(identifier, row.id);
    if (row.siret) index.byIdentifier.set(`siret:${row.siret}`, row.id);
    push(index.byName, foldText(row.name ?? ''), row);
    for (const alias of [...(row.aliases ?? []), ...(row.acronym ? [row.acronym] : [])]) {
      push(index.byAlias, foldText(alias), row);
    }
  }
}

function findCandidate(
  node: PlannedNode,
  index: ResolvableIndex,
): { row: ResolvableNodeRow; reason: CandidateMatch['reason'] } | undefined {
  for (const name of node.names) {
    if (name === '') continue;
    const sameCommune = (index.byName.get(name) ?? []).find(
      (row) => node.commune !== null && row.communes.includes(node.commune),
    );
    if (sameCommune) return { row: sameCommune, reason: 'same name in the same commune' };
    const alias = (index.byAlias.get(name) ?? [])[0];
    if (alias) return { row: alias, reason: 'name is an alias' };
    // A network is one of a kind, and a spreadsheet's operator has no seat to compare: the name alone says it.
    const named =
      node.mode === 'vocabulary' || node.commune === null ? (index.byName.get(name) ?? [])[0] : undefined;
    if (named)
      return {
        row: named,
        reason: node.mode === 'vocabulary' ? 'name is an alias' : 'same name (no commune to compare)',
      };
  }
  return undefined;
}

/** Which candidates merge: all of them (`--accept-matches`), none, or those a person accepted one by one (the page). */
export type AcceptMatches = boolean | ((match: { plannedId: string; existingId: string }) => boolean);

/**
 * Entity resolution before writing: an exact identifier (data·inclusion id,
 * SIRET) or the same id merges; an accent-folded name equal to an existing
 * organisation's in the same commune, or to one of its aliases, is a candidate,
 * merged only when `acceptMatches` accepts it.
 */
export async function resolvePlan(
  db: Db,
  plan: ImportPlan,
  acceptMatches: AcceptMatches,
): Promise<Resolution> {
  const index: ResolvableIndex = {
    ids: new Map(),
    byIdentifier: new Map(),
    byName: new Map(),
    byAlias: new Map(),
  };
  indexRows(await findResolvableNodes(db, 'Organisation'), index);
  const dispositifs: ResolvableIndex = {
    ids: new Map(),
    byIdentifier: new Map(),
    byName: new Map(),
    byAlias: new Map(),
  };
  indexRows(await findResolvableNodes(db, 'Dispositif'), dispositifs);

  const idOf = new Map<string, string>();
  const exact = new Map<string, string>();
  const candidates: CandidateMatch[] = [];
  // Two imported nodes must not both take the same existing node.
  const taken = new Set<string>();
  for (const node of plan.nodes.values()) {
    if (node.label !== 'Organisation' && node.label !== 'Dispositif') {
      idOf.set(node.id, node.id);
      continue;
    }
    const own = node.label === 'Organisation' ? index : dispositifs;
    if (own.ids.has(node.id)) {
      idOf.set(node.id, node.id);
      taken.add(node.id);
      continue;
    }
    const byIdentifier = node.identifiers.map((identifier) => own.byIdentifier.get(identifier)).find(Boolean);
    if (byIdentifier && !taken.has(byIdentifier)) {
      idOf.set(node.id, byIdentifier);
      exact.set(node.id, byIdentifier);
      taken.add(byIdentifier);
      continue;
    }
    const candidate = node.label === 'Organisation' ? findCandidate(node, index) : undefined;
    if (candidate && !taken.has(candidate.row.id)) {
      const accepted =
        typeof acceptMatches === 'boolean'
          ? acceptMatches
          : acceptMatches({ plannedId: node.id, existingId: candidate.row.id });
      candidates.push({
        plannedId: node.id,
        plannedName: String(node.props.name ?? ''),
        origin: node.origin,
        existingId: candidate.row.id,
        existingName: candidate.row.name,
        reason: candidate.reason,
        accepted,
      });
      if (accepted) {
        idOf.set(node.id, candidate.row.id);
        taken.add(candidate.row.id);
        continue;
      }
    }
    idOf.set(node.id, node.id);
  }
  const byIdentifier = new Map([...index.byIdentifier, ...dispositifs.byIdentifier]);
  return { idOf, exact, candidates, byIdentifier };
}
