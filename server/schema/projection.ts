import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { NODE_LABELS } from '../../graph/model.js';
import type { Projection } from '../../graph/queries/relations.js';
import { FIELD_READS } from './field-reads.js';

/** Types whose parents are node or relationship rows: their fields must say what they read. */
const readsRows = (type: GraphQLObjectType) =>
  type.getInterfaces().some((i) => i.name === 'Node' || i.name === 'Link');

interface Needs {
  node: Set<string>;
  relation: Set<string>;
  /** The node properties by the label they are read of (`'*'`: of any). */
  byLabel: Map<string, Set<string>>;
  /** A field of a row type without an entry: read everything rather than guess. */
  all: boolean;
}

function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

function addReads(needs: Needs, type: GraphQLObjectType, field: string) {
  const entries = FIELD_READS[type.name];
  const reads = entries?.[field];
  if (!reads) {
    if (readsRows(type)) needs.all = true;
    return;
  }
  const isLink = type.getInterfaces().some((i) => i.name === 'Link');
  const of = (label: string) => {
    let set = needs.byLabel.get(label);
    if (!set) needs.byLabel.set(label, (set = new Set()));
    return set;
  };
  for (const read of reads) {
    if (typeof read === 'string') {
      if (isLink) needs.relation.add(read);
      else {
        needs.node.add(read);
        of(type.name).add(read);
      }
    } else {
      needs.node.add(read.property);
      of(read.of).add(read.property);
    }
  }
}

function walk(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  selectionSet: SelectionSetNode | undefined,
  needs: Needs,
  seen: Set<string>,
) {
  if (!selectionSet) return;
  const types = concreteTypes(info.schema, type);
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      for (const concrete of types) addReads(needs, concrete, name);
      const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (definition) walk(info, getNamedType(definition.type), selection.selectionSet, needs, seen);
    } else if (selection.kind === 'InlineFragment') {
      const condition = selection.typeCondition
        ? info.schema.getType(selection.typeCondition.name.value)
        : type;
      if (condition) walk(info, condition, selection.selectionSet, needs, seen);
    } else {
      const fragment = info.fragments[selection.name.value];
      // A fragment spread again on the same type adds nothing new.
      const visit = `${selection.name.value}|${type.name}`;
      if (!fragment || seen.has(visit)) continue;
      seen.add(visit);
      const condition = info.schema.getType(fragment.typeCondition.name.value);
      if (condition) walk(info, condition, fragment.selectionSet, needs, seen);
    }
  }
}

const cache = new WeakMap<OperationDefinitionNode, Projection>();

/**
 * The stored properties a request reads of the nodes and relationships its relation
 * fields reach: what the fields selected anywhere in the operation read (FIELD_READS).
 * One projection per request, so that every read of a request, ahead or not, brings the
 * same properties and a cached list always holds what a later field asks.
 */
export function projectionOf(info: GraphQLResolveInfo): Projection {
  const known = cache.get(info.operation);
  if (known) return known;
  const needs: Needs = { node: new Set(), relation: new Set(), byLabel: new Map(), all: false };
  const root = info.schema.getRootType(info.operation.operation);
  if (root) walk(info, root, info.operation.selectionSet, needs, new Set());
  const node = needs.all ? null : [...needs.node].sort();
  const relation = needs.all ? null : [...needs.relation].sort();
  const star = needs.byLabel.get('*') ?? new Set<string>();
  const nodeByLabel = needs.all
    ? null
    : Object.fromEntries(
        NODE_LABELS.map((label) => [
          label,
          [...new Set([...(needs.byLabel.get(label) ?? []), ...star])].sort(),
        ]),
      );
  const projection: Projection = {
    node,
    relation,
    nodeByLabel,
    key: JSON.stringify([node, relation, nodeByLabel]),
  };
  cache.set(info.operation, projection);
  return projection;
}
