import { randomBytes } from 'node:crypto';
import { labelOfId, type PropertyValue } from '../../../graph/model.js';
import type { ChangeKind } from '../../../graph/queries/changes.js';
import { findNodesInScope } from '../../../graph/queries/territory-scope.js';
import type { UserRow } from '../../../graph/queries/users.js';
import { canEdit, editingScope, viewerOf, type Viewer } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput, forbidden, unauthenticated } from '../../errors.js';
import type { EditResultMapper } from './schema.mappers.js';
import { ChangeRecorder, type LinkRef } from './recorder.js';
import { cleanText, cleanUrl } from './validate.js';

export interface ChangeInputArg {
  source: { id?: string | null; title?: string | null; url?: string | null };
  reason?: string | null;
}

/** The editor behind a mutation: anonymous → UNAUTHENTICATED, a reader → FORBIDDEN. */
export function requireEditor(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw unauthenticated('Log in with an editor account to edit.');
  if (!canEdit(ctx.viewer)) throw forbidden('Your account may read, not edit.');
  return ctx.viewer;
}

export interface EditTools {
  rec: ChangeRecorder;
  viewer: Viewer;
  /** The source every fact of this change cites. */
  sourceId: string;
  /** FORBIDDEN unless every id is within the editor's départements. */
  assertInScope(ids: readonly string[], argument: string): Promise<void>;
  /** True when the editor is limited to some départements. */
  limited: boolean;
  /** Cites the change's source on a node (MENTIONED_IN), unless it already does. */
  cite(id: string): Promise<void>;
  /** A link's properties with the change's source added to those it already cites. */
  withSource(
    props: Record<string, PropertyValue>,
    existing?: Record<string, PropertyValue> | null,
  ): Record<string, PropertyValue>;
}

/**
 * A viewer recalled without reading must be what the transaction finds: a credential no
 * longer live (logged out, expired, revoked, account disabled) is refused, and so is an
 * account whose role or départements changed since (its next request reads them again).
 */
function assertStillViewer(viewer: Viewer, user: UserRow | null | undefined, forget: () => void): void {
  const now = user && viewerOf(user);
  const same =
    now &&
    now.id === viewer.id &&
    now.email === viewer.email &&
    now.role === viewer.role &&
    now.departements.join(',') === viewer.departements.join(',');
  if (same) return;
  forget();
  if (!now) throw unauthenticated('Your session has ended: log in again.');
  throw forbidden('Your account changed since your last request: send it again.');
}

/** The source a change cites: an existing one (checked once loaded), or a new `user-edit` one. */
function sourceOf(
  input: ChangeInputArg['source'],
  viewer: Viewer,
): { id: string; created?: { id: string; title: string; url: string | null; author: string } } {
  if (input.id) return { id: input.id };
  const url = cleanUrl(input.url, 'change.source.url') ?? null;
  const title = cleanText(input.title, 'change.source.title', 300) ?? url ?? 'connaissance de terrain';
  const id = `src:edit-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  return { id, created: { id, title, url, author: viewer.email } };
}

/** What a mutation reads before deciding; nodes it will cite get their citation loaded too. */
export interface EditNeeds {
  ids?: readonly string[];
  links?: readonly LinkRef[];
  linksOf?: readonly string[];
  cites?: readonly string[];
}

/**
 * Runs one mutation in one transaction, in two queries for a typical one: the first
 * takes the graph version's lock (mutations apply in `seq` order) and reads what
 * `needs` declares; `work` then decides in memory (reads it did not declare cost a
 * query each); the second writes all of it with the source it cites and its
 * :Change record. Any error thrown by `work` rolls everything back.
 */
export async function runEdit(
  ctx: GraphQLContext,
  p: {
    operation: string;
    kind: ChangeKind;
    change: ChangeInputArg;
    viewer?: Viewer;
    revertOf?: string;
    needs?: EditNeeds;
    work: (tools: EditTools) => Promise<string | null>;
  },
): Promise<EditResultMapper> {
  const viewer = p.viewer ?? requireEditor(ctx);
  const reason = cleanText(p.change.reason, 'change.reason', 1000) ?? null;
  const scope = editingScope(viewer);
  const source = sourceOf(p.change.source, viewer);
  const sourceId = source.id;
  const needs = p.needs ?? {};
  return ctx.db.writeTransaction(async (tx) => {
    const rec = new ChangeRecorder(tx);
    const cites = (needs.cites ?? []).map((id) => ({
      type: 'MENTIONED_IN' as const,
      from: id,
      to: sourceId,
    }));
    const recalled = ctx.recalled;
    const credentialUser = await rec.open({
      ids: [...(needs.ids ?? []), ...(source.created ? [] : [sourceId])],
      links: source.created ? (needs.links ?? []) : [...(needs.links ?? []), ...cites],
      linksOf: needs.linksOf ?? [],
      departements: scope ?? null,
      credential: recalled ? { ...recalled.check, now: Date.now() } : null,
    });
    if (recalled) assertStillViewer(viewer, credentialUser, recalled.forget);
    if (source.created) rec.createSource(source.created);
    else if (!(await rec.node(sourceId)) || labelOfId(sourceId) !== 'Source') {
      throw badUserInput('change.source.id', `No source has the id "${sourceId}".`);
    }
    const tools: EditTools = {
      rec,
      viewer,
      sourceId,
      limited: scope !== undefined,
      async assertInScope(ids, argument) {
        if (!scope || ids.length === 0) return;
        // What `open` loaded it already placed; a node it did not load costs a query.
        const unknown = ids.filter((id) => rec.withinScope(id) === undefined);
        const found =
          unknown.length > 0 ? await findNodesInScope(tx, { ids: unknown, departements: scope }) : null;
        const outside = ids.filter((id) => !(rec.withinScope(id) ?? found?.has(id)));
        if (outside.length > 0) {
          throw forbidden(
            `${argument}: ${outside.join(', ')} lies outside your départements (${scope.join(', ')}).`,
          );
        }
      },
      async cite(id) {
        const ref: LinkRef = { type: 'MENTIONED_IN', from: id, to: sourceId };
        if (!(await rec.link(ref))) await rec.setLink(ref, { sources: [sourceId] });
      },
      withSource(props, existing) {
        const cited = Array.isArray(existing?.sources) ? (existing.sources as string[]) : [];
        return { ...existing, ...props, sources: [...new Set([...cited, sourceId])] };
      },
    };
    const nodeId = await p.work(tools);
    const change = await rec.commit({
      viewer,
      operation: p.operation,
      kind: p.kind,
      reason,
      sourceId,
      revertOf: p.revertOf,
    });
    return { change, node: nodeId ? await rec.rowOf(nodeId) : null };
  });
}
