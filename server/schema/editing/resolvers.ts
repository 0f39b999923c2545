import {
  labelOfId,
  RELATIONSHIP_ENDPOINTS,
  type NodeLabel,
  type PropertyValue,
  type RelationshipType,
} from '../../../graph/model.js';
import { findChangeById, findLaterChanges, markChangeReverted } from '../../../graph/queries/changes.js';
import type { NodeState } from '../../../graph/queries/edits.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput, conflict, forbidden, notFound } from '../../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { requireEditor, runEdit, type EditTools } from './edit.js';
import { conflictingFields, linkKey, type GraphState } from './states.js';
import {
  checkPeriod,
  cleanAliases,
  cleanDispositifType,
  cleanText,
  cleanUrl,
  newNodeId,
  requiredText,
} from './validate.js';

/** The labels editors create, update, delete and merge; territories and vocabularies are referentials. */
const EDITABLE_LABELS: readonly NodeLabel[] = ['Organisation', 'Dispositif', 'Person'];

type Props = Record<string, PropertyValue | undefined>;

/** Drops absent fields; keeps nulls (they clear the property). */
const defined = (props: Props) =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as Record<
    string,
    PropertyValue
  >;

function applyPatch(current: Record<string, PropertyValue>, patch: Record<string, PropertyValue>) {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

async function requireNode(tools: EditTools, id: string, labels: readonly NodeLabel[], argument: string) {
  const label = labelOfId(id);
  if (!label || !labels.includes(label)) {
    throw badUserInput(argument, `${argument} must be the id of a ${labels.join(' or ')}.`);
  }
  const state = await tools.rec.node(id);
  if (!state) throw notFound(id);
  return state;
}

async function requireVersion(tools: EditTools, id: string, version: number) {
  const current = await tools.rec.versionOf(id);
  if (current !== version) {
    throw conflict(`${id} changed since version ${version} (now ${current}): reload it and edit again.`, {
      currentVersion: current,
    });
  }
}

/** A new node under a free id (a made-up one gets a suffix; a given one taken → CONFLICT). */
async function freeId(tools: EditTools, id: string, given: boolean): Promise<string> {
  if (!(await tools.rec.node(id))) return id;
  if (given) throw conflict(`${id} already exists.`);
  for (let n = 2; n < 50; n += 1) if (!(await tools.rec.node(`${id}-${n}`))) return `${id}-${n}`;
  throw conflict(`${id} already exists.`);
}

async function createNode(
  tools: EditTools,
  p: {
    label: NodeLabel;
    prefix: 'org' | 'dis' | 'per';
    id?: string | null;
    props: Record<string, PropertyValue>;
  },
) {
  const id = await freeId(tools, newNodeId(p.prefix, p.id, String(p.props.name)), Boolean(p.id));
  await tools.rec.setNode(id, { label: p.label, props: p.props });
  await tools.cite(id);
  return id;
}

async function updateNode(
  tools: EditTools,
  p: { id: string; version: number; label: NodeLabel; patch: Record<string, PropertyValue> },
) {
  const state = await requireNode(tools, p.id, [p.label], 'id');
  await requireVersion(tools, p.id, p.version);
  await tools.assertInScope([p.id], 'id');
  await tools.rec.setNode(p.id, { label: p.label, props: applyPatch(state.props, p.patch) });
  await tools.cite(p.id);
  return p.id;
}

/** Links a new node to its anchors (seat, deployments, employer), each checked and cited. */
async function anchor(
  tools: EditTools,
  from: string,
  type: RelationshipType,
  targets: string[],
  argument: string,
  props: Record<string, PropertyValue> = {},
) {
  const allowed = RELATIONSHIP_ENDPOINTS[type].to;
  for (const target of targets) await requireNode(tools, target, allowed, argument);
  if (tools.limited && targets.length === 0) {
    throw badUserInput(argument, `${argument} is required for an editor limited to some départements.`);
  }
  await tools.assertInScope(targets, argument);
  for (const target of targets) await tools.rec.setLink({ type, from, to: target }, tools.withSource(props));
}

function noNull(patch: Props, fields: string[]) {
  for (const field of fields) {
    if (patch[field] === null) throw badUserInput(`patch.${field}`, `patch.${field} cannot be cleared.`);
  }
}

async function revertChange(ctx: GraphQLContext, id: string, reason: string | null | undefined) {
  const viewer = requireEditor(ctx);
  const original = await findChangeById(ctx.db, id);
  if (!original) throw notFound(id);
  if (viewer.role !== 'admin' && original.authorId !== viewer.id) {
    throw forbidden('Only an admin may revert another person’s change.');
  }
  return runEdit(ctx, {
    operation: 'revertChange',
    kind: 'REVERT',
    viewer,
    revertOf: original.uid,
    change: { source: { id: original.sourceId }, reason: reason ?? `Annule ${original.uid}` },
    async work(tools) {
      // Read again under the graph version's lock: nothing can slip in between.
      const current = await findChangeById(tools.rec.tx, id);
      if (current?.revertedBy) throw conflict(`${id} was already reverted by ${current.revertedBy}.`);
      const later = await findLaterChanges(tools.rec.tx, { seq: original.seq, nodeIds: original.nodeIds });
      const clashes = later.flatMap((change) =>
        conflictingFields(original.fields, change.fields).map((field) => `${field} (${change.uid})`),
      );
      if (clashes.length > 0) {
        throw conflict(`Later changes touched the same data: ${clashes.slice(0, 10).join(', ')}.`, {
          fields: clashes.slice(0, 50),
        });
      }
      const before = JSON.parse(original.before) as GraphState;
      const after = JSON.parse(original.after) as GraphState;
      // Only what the change wrote: what it merely read may have changed since, and is not its to undo.
      const nodes = Object.entries(before.nodes).filter(([nodeId]) => Object.hasOwn(after.nodes, nodeId));
      const links = Object.entries(before.links).filter(([key]) => Object.hasOwn(after.links, key));
      // Nodes that come back first, then their links, then what must go (with its links).
      for (const [nodeId, state] of nodes) if (state) await tools.rec.setNode(nodeId, state as NodeState);
      for (const [key, link] of links) {
        const [type, from, to] = key.split('|') as [RelationshipType, string, string];
        if (!(await tools.rec.setLink({ type, from, to }, link?.props ?? null))) {
          throw conflict(`${key} cannot be restored: one of its ends is gone.`);
        }
      }
      for (const [nodeId, state] of nodes) if (!state) await tools.rec.setNode(nodeId, null);
      await markChangeReverted(tools.rec.tx, { uid: original.uid, revertedBy: tools.rec.uid });
      const shown = original.nodeIds.find((nodeId) => EDITABLE_LABELS.includes(labelOfId(nodeId)!));
      return shown ?? null;
    },
  });
}

export const editingResolvers: Resolvers = {
  Organisation: { version: (row) => Number((row.props as { version?: number }).version ?? 0) },
  Dispositif: { version: (row) => Number((row.props as { version?: number }).version ?? 0) },
  Person: { version: (row) => Number((row.props as { version?: number }).version ?? 0) },
  EditResult: {
    change: (result) => result.change,
    node: (result) => result.node,
  },
  Mutation: {
    createOrganisation: (_parent, { input, change }, ctx) =>
      runEdit(ctx, {
        operation: 'createOrganisation',
        kind: 'CREATE',
        change,
        async work(tools) {
          const props = defined({
            name: requiredText(input.name, 'input.name', 200),
            acronym: cleanText(input.acronym, 'input.acronym', 50),
            aliases: cleanAliases(input.aliases, 'input.aliases'),
            type: input.type,
            description: cleanText(input.description, 'input.description', 2000),
            website: cleanUrl(input.website, 'input.website'),
          });
          const territories = input.territory ? [input.territory] : [];
          for (const t of territories) await requireNode(tools, t, ['Territory'], 'input.territory');
          const id = await createNode(tools, { label: 'Organisation', prefix: 'org', id: input.id, props });
          await anchor(tools, id, 'LOCATED_IN', territories, 'input.territory');
          return id;
        },
      }),

    updateOrganisation: (_parent, { id, version, patch, change }, ctx) =>
      runEdit(ctx, {
        operation: 'updateOrganisation',
        kind: 'UPDATE',
        change,
        work(tools) {
          noNull(patch, ['name', 'type']);
          return updateNode(tools, {
            id,
            version,
            label: 'Organisation',
            patch: defined({
              name: cleanText(patch.name, 'patch.name', 200),
              acronym: cleanText(patch.acronym, 'patch.acronym', 50),
              aliases: cleanAliases(patch.aliases, 'patch.aliases'),
              type: patch.type,
              description: cleanText(patch.description, 'patch.description', 2000),
              website: cleanUrl(patch.website, 'patch.website'),
            }),
          });
        },
      }),

    createDispositif: (_parent, { input, change }, ctx) =>
      runEdit(ctx, {
        operation: 'createDispositif',
        kind: 'CREATE',
        change,
        async work(tools) {
          checkPeriod(input.startDate, input.endDate, 'input.endDate');
          const props = defined({
            name: requiredText(input.name, 'input.name', 200),
            aliases: cleanAliases(input.aliases, 'input.aliases'),
            type: cleanDispositifType(input.type, 'input.type'),
            status: input.status,
            startDate: input.startDate,
            endDate: input.endDate,
            description: cleanText(input.description, 'input.description', 2000),
          });
          const territories = [...new Set(input.territories ?? [])];
          for (const t of territories) await requireNode(tools, t, ['Territory'], 'input.territories');
          const id = await createNode(tools, { label: 'Dispositif', prefix: 'dis', id: input.id, props });
          await anchor(tools, id, 'DEPLOYED_IN', territories, 'input.territories');
          return id;
        },
      }),

    updateDispositif: (_parent, { id, version, patch, change }, ctx) =>
      runEdit(ctx, {
        operation: 'updateDispositif',
        kind: 'UPDATE',
        change,
        async work(tools) {
          noNull(patch, ['name', 'type', 'status']);
          const current = await requireNode(tools, id, ['Dispositif'], 'id');
          const startDate = patch.startDate === undefined ? current.props.startDate : patch.startDate;
          const endDate = patch.endDate === undefined ? current.props.endDate : patch.endDate;
          checkPeriod(startDate as string | null, endDate as string | null, 'patch.endDate');
          return updateNode(tools, {
            id,
            version,
            label: 'Dispositif',
            patch: defined({
              name: cleanText(patch.name, 'patch.name', 200),
              aliases: cleanAliases(patch.aliases, 'patch.aliases'),
              type: cleanDispositifType(patch.type, 'patch.type'),
              status: patch.status,
              startDate: patch.startDate,
              endDate: patch.endDate,
              description: cleanText(patch.description, 'patch.description', 2000),
            }),
          });
        },
      }),

    createPerson: (_parent, { input, change }, ctx) =>
      runEdit(ctx, {
        operation: 'createPerson',
        kind: 'CREATE',
        change,
        async work(tools) {
          const role = cleanText(input.role, 'input.role', 200);
          const props = defined({ name: requiredText(input.name, 'input.name', 200), role });
          const employers = input.organisation ? [input.organisation] : [];
          for (const o of employers) await requireNode(tools, o, ['Organisation'], 'input.organisation');
          const id = await createNode(tools, { label: 'Person', prefix: 'per', id: input.id, props });
          await anchor(tools, id, 'WORKS_AT', employers, 'input.organisation', defined({ role }));
          return id;
        },
      }),

    updatePerson: (_parent, { id, version, patch, change }, ctx) =>
      runEdit(ctx, {
        operation: 'updatePerson',
        kind: 'UPDATE',
        change,
        work(tools) {
          noNull(patch, ['name']);
          return updateNode(tools, {
            id,
            version,
            label: 'Person',
            patch: defined({
              name: cleanText(patch.name, 'patch.name', 200),
              role: cleanText(patch.role, 'patch.role', 200),
            }),
          });
        },
      }),

    addRelationship: (_parent, { input, change }, ctx) =>
      runEdit(ctx, {
        operation: 'addRelationship',
        kind: 'LINK',
        change,
        async work(tools) {
          const { type, from, to } = input;
          const endpoints = RELATIONSHIP_ENDPOINTS[type];
          await requireNode(tools, from, endpoints.from, 'input.from');
          await requireNode(tools, to, endpoints.to, 'input.to');
          if (from === to) throw badUserInput('input.to', 'A node cannot be linked to itself.');
          // The subject must be the editor's; a territory it is placed in too.
          await tools.assertInScope(labelOfId(to) === 'Territory' ? [from, to] : [from], 'input');
          const ref = { type, from, to };
          const existing = await tools.rec.link(ref);
          const props = defined({
            evidence: cleanText(input.evidence, 'input.evidence', 300),
            role: cleanText(input.role, 'input.role', 200),
            amount: cleanText(input.amount, 'input.amount', 200),
            period: cleanText(input.period, 'input.period', 200),
          });
          await tools.rec.setLink(ref, tools.withSource(props, existing?.props));
          return EDITABLE_LABELS.includes(labelOfId(from)!) ? from : null;
        },
      }),

    removeRelationship: (_parent, { ref, change }, ctx) =>
      runEdit(ctx, {
        operation: 'removeRelationship',
        kind: 'UNLINK',
        change,
        async work(tools) {
          const labels = { from: labelOfId(ref.from), to: labelOfId(ref.to) };
          if (!labels.from) throw badUserInput('ref.from', 'ref.from is not a node id.');
          if (!labels.to) throw badUserInput('ref.to', 'ref.to is not a node id.');
          if (!(await tools.rec.link(ref))) throw badUserInput('ref', `No relationship ${linkKey(ref)}.`);
          await tools.assertInScope([ref.from], 'ref.from');
          await tools.rec.setLink(ref, null);
          return EDITABLE_LABELS.includes(labels.from) ? ref.from : null;
        },
      }),

    deleteNode: (_parent, { id, version, change }, ctx) =>
      runEdit(ctx, {
        operation: 'deleteNode',
        kind: 'DELETE',
        change,
        async work(tools) {
          await requireNode(tools, id, EDITABLE_LABELS, 'id');
          await requireVersion(tools, id, version);
          await tools.assertInScope([id], 'id');
          await tools.rec.setNode(id, null);
          return null;
        },
      }),

    mergeNodes: (_parent, { keep, merge, change }, ctx) =>
      runEdit(ctx, {
        operation: 'mergeNodes',
        kind: 'MERGE',
        change,
        async work(tools) {
          if (keep === merge) throw badUserInput('merge', 'A node cannot be merged with itself.');
          const kept = await requireNode(tools, keep, EDITABLE_LABELS, 'keep');
          const gone = await requireNode(tools, merge, [kept.label], 'merge');
          await tools.assertInScope([keep, merge], 'merge');
          for (const link of await tools.rec.linksOf(gone.label, merge)) {
            const moved = {
              type: link.type,
              from: link.from === merge ? keep : link.from,
              to: link.to === merge ? keep : link.to,
            };
            if (moved.from === moved.to) continue;
            const existing = await tools.rec.link(moved);
            const cited = [
              ...new Set([
                ...((existing?.props.sources as string[] | undefined) ?? []),
                ...((link.props.sources as string[] | undefined) ?? []),
              ]),
            ];
            await tools.rec.setLink(moved, { ...link.props, ...existing?.props, sources: cited });
          }
          const keptName = String(kept.props.name);
          const aliases = [
            ...new Set([
              ...((kept.props.aliases as string[] | undefined) ?? []),
              String(gone.props.name),
              ...((gone.props.aliases as string[] | undefined) ?? []),
            ]),
          ].filter((alias) => alias !== keptName);
          // The kept node's own values win; the merged one fills what it lacks.
          await tools.rec.setNode(keep, {
            label: kept.label,
            props: { ...gone.props, ...kept.props, aliases },
          });
          await tools.rec.setNode(merge, null);
          await tools.cite(keep);
          return keep;
        },
      }),

    revertChange: (_parent, { id, reason }, ctx) => revertChange(ctx, id, reason),
  },
};
