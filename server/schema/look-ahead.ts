import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type GraphQLFieldMap,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../graph/model.js';
import type { PanelAhead, RelationSpec, RelationTree } from '../../graph/queries/relations.js';

/**
 * A field resolved by one relation type and direction: its items are links
 * (OrganisationLink…, whose node field is marked `markOther`) or the nodes themselves.
 */
interface RelationField {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
  items: 'links' | 'nodes';
}

// Resolver functions, as written, say which relation they read; the schema holds
// bound copies, so fields are looked up by their coordinates (`Type.field`).
const relationResolvers = new WeakMap<object, RelationField>();
const otherResolvers = new WeakSet<object>();
const relationFields = new Map<string, RelationField>();
const otherFields = new Set<string>();

/** Marks a resolver as reading one relation, so that the field above it can read it ahead. */
export function markRelation<F extends object>(resolve: F, field: RelationField): F {
  relationResolvers.set(resolve, field);
  return resolve;
}

/** Marks a link type's resolver returning the node at the other end. */
export function markOther<F extends object>(resolve: F): F {
  otherResolvers.add(resolve);
  return resolve;
}

/** Records which fields of the resolver map read a relation or return a link's node. */
export function indexRelationFields(resolvers: object) {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (typeof fields !== 'object' || fields === null) continue;
    for (const [fieldName, resolve] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof resolve !== 'function') continue;
      const relation = relationResolvers.get(resolve);
      if (relation) relationFields.set(`${typeName}.${fieldName}`, relation);
      if (otherResolvers.has(resolve)) otherFields.add(`${typeName}.${fieldName}`);
    }
  }
}

type Fields = GraphQLFieldMap<unknown, unknown>;

const isNodeType = (type: GraphQLNamedType | null | undefined) =>
  !!type &&
  (type.name === 'Node' || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')));

/** A node's `sources` (every node type shares its resolver, server/schema/shared.ts): its citations. */
const CITATIONS: RelationField = { type: 'MENTIONED_IN', direction: 'OUT', items: 'nodes' };

/** The relation a field at `coordinate` (`Type.field`) reads, if any. */
function relationAt(info: GraphQLResolveInfo, coordinate: string): RelationField | undefined {
  const marked = relationFields.get(coordinate);
  if (marked) return marked;
  const [typeName, fieldName] = coordinate.split('.');
  return fieldName === 'sources' && isNodeType(info.schema.getType(typeName!)) ? CITATIONS : undefined;
}

function fieldsOf(type: GraphQLNamedType | null | undefined): Fields | null {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : null;
}

/** Walks a selection set of `type`, fragments included, calling `visit` on each field with its definition. */
function eachField(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType | null | undefined,
  selectionSet: SelectionSetNode | undefined,
  visit: (node: FieldNode, definition: Fields[string], coordinate: string) => void,
) {
  if (!selectionSet) return;
  const fields = fieldsOf(type);
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      const definition = fields?.[selection.name.value];
      if (definition && type) visit(selection, definition, `${type.name}.${selection.name.value}`);
    } else if (selection.kind === 'InlineFragment') {
      const condition = selection.typeCondition
        ? info.schema.getType(selection.typeCondition.name.value)
        : type;
      eachField(info, condition, selection.selectionSet, visit);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) {
        eachField(info, info.schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, visit);
      }
    }
  }
}

/** The relations a selection of nodes of `type` asks for through marked fields. */
function relationsSelected(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType | null | undefined,
  selectionSet: SelectionSetNode | undefined,
  into: Map<string, RelationSpec>,
) {
  eachField(info, type, selectionSet, (_node, _definition, coordinate) => {
    const relation = relationAt(info, coordinate);
    if (relation) {
      into.set(`${relation.type}|${relation.direction}`, {
        type: relation.type,
        direction: relation.direction,
      });
    }
  });
}

/** What a selection of a relation field's items asks next: relations of the nodes it reaches. */
function nestedSelected(
  info: GraphQLResolveInfo,
  itemType: GraphQLNamedType | null | undefined,
  items: 'links' | 'nodes',
  selectionSet: SelectionSetNode | undefined,
  into: Map<string, RelationSpec>,
) {
  if (items === 'nodes') relationsSelected(info, itemType, selectionSet, into);
  else {
    eachField(info, itemType, selectionSet, (node, definition, coordinate) => {
      if (otherFields.has(coordinate)) {
        relationsSelected(info, getNamedType(definition.type), node.selectionSet, into);
      }
    });
  }
}

/**
 * What a field of a document asks ahead, computed once per field of the document. Keyed by its
 * node of the parsed document, which yoga keeps across requests (`info.fieldNodes` is a new list
 * in every execution: keyed by it, every request recomputed it), and by the type it returns
 * (a fragment's field may be reached under several types). A field merged from several
 * selections is keyed by its list, within one request.
 */
function perField<V>(
  info: GraphQLResolveInfo,
  byNode: WeakMap<object, Map<unknown, V>>,
  compute: () => V,
): V {
  const key: object = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : info.fieldNodes;
  let byType = byNode.get(key);
  if (!byType) byNode.set(key, (byType = new Map()));
  let value = byType.get(info.returnType);
  if (value === undefined) byType.set(info.returnType, (value = compute()));
  return value;
}

const cache = new WeakMap<object, Map<unknown, RelationSpec[]>>();
const treeCache = new WeakMap<object, Map<unknown, RelationTree[]>>();

/**
 * What the query asks of the nodes a top-level field returns (`node`, `themes`):
 * the relation fields selected on them, each with what it asks next, so that
 * the field reads its nodes and two levels below them in one round trip.
 * Fragments on other types add relations the node lacks: read, and empty.
 */
export function relationTreeAhead(info: GraphQLResolveInfo): RelationTree[] {
  return perField(info, treeCache, () => treeAhead(info));
}

function treeAhead(info: GraphQLResolveInfo): RelationTree[] {
  const trees = new Map<string, { spec: RelationSpec; then: Map<string, RelationSpec> }>();
  const rootType = getNamedType(info.returnType);
  for (const fieldNode of info.fieldNodes) {
    eachField(info, rootType, fieldNode.selectionSet, (node, definition, coordinate) => {
      const relation = relationAt(info, coordinate);
      if (!relation) return;
      const key = `${relation.type}|${relation.direction}`;
      let tree = trees.get(key);
      if (!tree) {
        tree = { spec: { type: relation.type, direction: relation.direction }, then: new Map() };
        trees.set(key, tree);
      }
      nestedSelected(info, getNamedType(definition.type), relation.items, node.selectionSet, tree.then);
    });
  }
  return [...trees.values()].map(({ spec, then }) => ({ ...spec, then: [...then.values()] }));
}

/**
 * What the query asks next of the nodes a relation field returns: the
 * relation fields selected on them (through the link's node field when the
 * items are links). Computed once per field of the document, whatever the
 * number of parents resolving it.
 */
export function relationsAhead(info: GraphQLResolveInfo, items: 'links' | 'nodes'): RelationSpec[] {
  return perField(info, cache, () => {
    const specs = new Map<string, RelationSpec>();
    const itemType = getNamedType(info.returnType);
    for (const fieldNode of info.fieldNodes)
      nestedSelected(info, itemType, items, fieldNode.selectionSet, specs);
    return [...specs.values()];
  });
}

const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPES);
/** The page sizes `relations(first)` accepts (server/schema/shared.ts checks them and says why not). */
const MAX_PAGE = 1000;

/**
 * What a query asks of a node besides its relation fields (the details panel):
 * `relations(types, first)` without `after` (its first page, and whether its links'
 * `sources` are selected) and `relationCounts`, so that `node(id)` reads them in the
 * same round trip. Arguments the field would refuse are not read ahead: the field
 * reads (and refuses) them itself. Null when nothing of the kind is asked.
 */
export function panelAhead(info: GraphQLResolveInfo): PanelAhead | null {
  let page: PanelAhead['page'] = null;
  let cited = false;
  let counts = false;
  let pages = 0;
  const rootType = getNamedType(info.returnType);
  for (const fieldNode of info.fieldNodes) {
    eachField(info, rootType, fieldNode.selectionSet, (node, definition, coordinate) => {
      const type = info.schema.getType(coordinate.slice(0, coordinate.indexOf('.')));
      if (!isNodeType(type)) return;
      if (node.name.value === 'relationCounts') counts = true;
      if (node.name.value !== 'relations') return;
      pages += 1;
      const args = getArgumentValues(definition, node, info.variableValues) as {
        types?: readonly string[] | null;
        first?: number | null;
        after?: string | null;
      };
      const types = args.types?.length ? args.types : null;
      if (
        args.after == null &&
        typeof args.first === 'number' &&
        args.first >= 0 &&
        args.first <= MAX_PAGE &&
        (types ?? []).every((t) => KNOWN_TYPES.has(t))
      ) {
        page = { types: types as RelationshipType[] | null, first: args.first };
        eachField(info, getNamedType(definition.type), node.selectionSet, (link) => {
          if (link.name.value === 'sources') cited = true;
        });
      }
    });
  }
  // Two pages asked differently (aliases): each field reads its own.
  if (pages > 1) page = null;
  return page || counts ? { page, counts, cited: cited && page !== null } : null;
}
