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
import type {
  DispositifInput,
  DispositifPatch,
  OrganisationInput,
  OrganisationPatch,
  PersonInput,
  PersonPatch,
  Resolvers,
} from '../resolvers-types.generated.js';
import { requireEditor, runEdit, type ChangeInputArg, type EditTools } from './edit.js';
import { conflictingFields, linkKey, type GraphState } from './states.js';
import {
  checkPeriod,
  cleanAliases,
  cleanDispositifType,
  cleanText,
  cleanUrl,
  newNodeId,
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

/** The links a new node is created with: its seat, deployments or employer. */
interface Anchor {
  type: RelationshipType;
  targets: string[];
  argument: string;
  props?: Record<string, PropertyValue>;
}

/** Links a new node to its anchors, each checked and cited. */
async function linkAnchors(tools: EditTools, from: string, anchor: Anchor) {
  const allowed = RELATIONSHIP_ENDPOINTS[anchor.type].to;
  for (const target of anchor.targets) await requireNode(tools, target, allowed, anchor.argument);
  if (tools.limited && anchor.targets.length === 0) {
    throw badUserInput(
      anchor.argument,
      `${anchor.argument} is required for an editor limited to some départements.`,
    );
  }
  await tools.assertInScope(anchor.targets, anchor.argument);
  for (const target of anchor.targets) {
    await tools.rec.setLink({ type: anchor.type, from, to: target }, tools.withSource(anchor.props ?? {}));
  }
}

type Argument = 'input' | 'patch';

/**
 * How one editable kind is created and updated: one mechanism for the six
 * create/update mutations, which differ only by these.
 */
interface NodeSpec<I extends { id?: string | null }, P> {
  label: 'Organisation' | 'Dispositif' | 'Person';
  prefix: 'org' | 'dis' | 'per';
  /** The cleaned fields of an input or a patch: absent stays absent, null clears (a patch). */
  fields(values: I | P, argument: Argument): Props;
  /** What a patch cannot clear. */
  required: string[];
  /** Checks on the node's whole new state. */
  check?(props: Record<string, PropertyValue>, argument: Argument): void;
  anchor(input: I, props: Record<string, PropertyValue>): Anchor;
}

const ORGANISATION: NodeSpec<OrganisationInput, OrganisationPatch> = {
  label: 'Organisation',
  prefix: 'org',
  fields: (v, a) => ({
    name: cleanText(v.name, `${a}.name`, 200),
    acronym: cleanText(v.acronym, `${a}.acronym`, 50),
    aliases: cleanAliases(v.aliases, `${a}.aliases`),
    type: v.type,
    description: cleanText(v.description, `${a}.description`, 2000),
    website: cleanUrl(v.website, `${a}.website`),
  }),
  required: ['name', 'type'],
  anchor: (input) => ({
    type: 'LOCATED_IN',
    targets: input.territory ? [input.territory] : [],
    argument: 'input.territory',
  }),
};

const DISPOSITIF: NodeSpec<DispositifInput, DispositifPatch> = {
  label: 'Dispositif',
  prefix: 'dis',
  fields: (v, a) => ({
    name: cleanText(v.name, `${a}.name`, 200),
    aliases: cleanAliases(v.aliases, `${a}.aliases`),
    type: cleanDispositifType(v.type, `${a}.type`),
    status: v.status,
    startDate: v.startDate,
    endDate: v.endDate,
    description: cleanText(v.description, `${a}.description`, 2000),
  }),
  required: ['name', 'type', 'status'],
  check: (props, a) =>
    checkPeriod(props.startDate as string | undefined, props.endDate as string | undefined, `${a}.endDate`),
  anchor: (input) => ({
    type: 'DEPLOYED_IN',
    targets: [...new Set(input.territories ?? [])],
    argument: 'input.territories',
  }),
};

const PERSON: NodeSpec<PersonInput, PersonPatch> = {
  label: 'Person',
  prefix: 'per',
  fields: (v, a) => ({
    name: cleanText(v.name, `${a}.name`, 200),
    role: cleanText(v.role, `${a}.role`, 200),
  }),
  required: ['name'],
  anchor: (input, props) => ({
    type: 'WORKS_AT',
    targets: input.organisation ? [input.organisation] : [],
    argument: 'input.organisation',
    props: defined({ role: props.role }),
  }),
};

function createNodeEdit<I extends { id?: string | null; name: string }, P>(
  ctx: GraphQLContext,
  spec: NodeSpec<I, P>,
  input: I,
  change: ChangeInputArg,
) {
  const viewer = requireEditor(ctx);
  const props = defined(spec.fields(input, 'input'));
  if (props.name === undefined || props.name === null)
    throw badUserInput('input.name', 'input.name is required.');
  spec.check?.(props, 'input');
  const anchor = spec.anchor(input, props);
  const candidate = newNodeId(spec.prefix, input.id, String(props.name));
  return runEdit(ctx, {
    operation: `create${spec.label}`,
    kind: 'CREATE',
    change,
    viewer,
    needs: { ids: [candidate, ...anchor.targets] },
    async work(tools) {
      const allowed = RELATIONSHIP_ENDPOINTS[anchor.type].to;
      for (const target of anchor.targets) await requireNode(tools, target, allowed, anchor.argument);
      const id = await freeId(tools, candidate, Boolean(input.id));
      await tools.rec.setNode(id, { label: spec.label, props });
      await tools.cite(id);
      await linkAnchors(tools, id, anchor);
      return id;
    },
  });
}

function updateNodeEdit<I extends { id?: string | null }, P extends Props>(
  ctx: GraphQLContext,
  spec: NodeSpec<I, P>,
  args: { id: string; version: number; patch: P; change: ChangeInputArg },
) {
  const viewer = requireEditor(ctx);
  const { id, version, patch } = args;
  return runEdit(ctx, {
    operation: `update${spec.label}`,
    kind: 'UPDATE',
    change: args.change,
    viewer,
    needs: { ids: [id], cites: [id] },
    async work(tools) {
      noNull(patch, spec.required);
      const fields = defined(spec.fields(patch, 'patch'));
      const state = await requireNode(tools, id, [spec.label], 'id');
      const next = applyPatch(state.props, fields);
      spec.check?.(next, 'patch');
      await requireVersion(tools, id, version);
      await tools.assertInScope([id], 'id');
      await tools.rec.setNode(id, { label: spec.label, props: next });
      await tools.cite(id);
      return id;
    },
  });
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
  const before = JSON.parse(original.before) as GraphState;
  const after = JSON.parse(original.after) as GraphState;
  // Only what the change wrote: what it merely read may have changed since, and is not its to undo.
  const nodes = Object.entries(before.nodes).filter(([nodeId]) => Object.hasOwn(after.nodes, nodeId));
  const links = Object.entries(before.links).filter(([key]) => Object.hasOwn(after.links, key));
  const refs = links.map(([key]) => {
    const [type, from, to] = key.split('|') as [RelationshipType, string, string];
    return { type, from, to };
  });
  return runEdit(ctx, {
    operation: 'revertChange',
    kind: 'REVERT',
    viewer,
    revertOf: original.uid,
    change: { source: { id: original.sourceId }, reason: reason ?? `Annule ${original.uid}` },
    needs: {
      ids: original.nodeIds,
      links: refs,
      linksOf: nodes.filter(([, state]) => !state).map(([nodeId]) => nodeId),
    },
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
      // Nodes that come back first, then their links, then what must go (with its links).
      for (const [nodeId, state] of nodes) if (state) await tools.rec.setNode(nodeId, state as NodeState);
      for (const [i, [key, link]] of links.entries()) {
        const ref = refs[i]!;
        if (link && (!(await tools.rec.node(ref.from)) || !(await tools.rec.node(ref.to)))) {
          throw conflict(`${key} cannot be restored: one of its ends is gone.`);
        }
        await tools.rec.setLink(ref, link?.props ?? null);
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
    createOrganisation: (_parent, { input, change }, ctx) => createNodeEdit(ctx, ORGANISATION, input, change),
    updateOrganisation: (_parent, args, ctx) => updateNodeEdit(ctx, ORGANISATION, args),
    createDispositif: (_parent, { input, change }, ctx) => createNodeEdit(ctx, DISPOSITIF, input, change),
    updateDispositif: (_parent, args, ctx) => updateNodeEdit(ctx, DISPOSITIF, args),
    createPerson: (_parent, { input, change }, ctx) => createNodeEdit(ctx, PERSON, input, change),
    updatePerson: (_parent, args, ctx) => updateNodeEdit(ctx, PERSON, args),

    addRelationship: (_parent, { input, change }, ctx) =>
      runEdit(ctx, {
        operation: 'addRelationship',
        kind: 'LINK',
        change,
        needs: { ids: [input.from, input.to], links: [input] },
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
        needs: { links: [ref] },
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
        needs: { ids: [id], linksOf: [id] },
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
        needs: { ids: [keep, merge], linksOf: [keep, merge], cites: [keep] },
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
