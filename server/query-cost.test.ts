import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../client/gql/graphql.js';
import { ASSUMED_LIST_SIZES, costOfOperation, MAX_QUERY_COST } from './query-cost.js';
import { schema } from './yoga.js';

/** Ids a page may send at once (the canvas holds up to 2,000 nodes). */
const SAMPLE_LIST_LENGTH = 2000;

/** A value of the given input type, as large as the page could send. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return Array.from({ length: SAMPLE_LIST_LENGTH }, () => sampleValue(type.ofType));
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  return { Int: 20, Float: 1, Boolean: true, Date: '2019-06-01' }[type.name] ?? 'org:sample';
}

function sampleVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type) && !definition.defaultValue) {
      variables[definition.variable.name.value] = sampleValue(type);
    }
  }
  return variables;
}

const pageOperations = Object.entries(documents).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') &&
    (entry[1] as DocumentNode).definitions?.some((d) => d.kind === 'OperationDefinition'),
);

describe('query cost', () => {
  it('names only fields the schema has', () => {
    for (const key of ASSUMED_LIST_SIZES.keys()) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const types =
        typeName === '*'
          ? Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) || isInterfaceType(t))
          : [schema.getType(typeName)];
      const holders = types.filter(
        (t) => (isObjectType(t) || isInterfaceType(t)) && t.getFields()[fieldName] !== undefined,
      );
      expect(holders.length, key).toBeGreaterThan(0);
    }
  });

  it('lets every operation of the page and the tests through, at its largest', () => {
    expect(pageOperations.length).toBeGreaterThan(10);
    for (const [name, document] of pageOperations) {
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
      const cost = costOfOperation({ schema, document, variables: sampleVariables(operation) });
      expect(cost, name).toBeLessThanOrEqual(MAX_QUERY_COST);
    }
  });

  it('multiplies nested lists by their sizes', () => {
    const nested = parse(`{ node(id: "dep:33") { ... on Territory {
      children { id parents { id children { id parents { id } } } } } } }`);
    expect(costOfOperation({ schema, document: nested })).toBeGreaterThan(MAX_QUERY_COST * 10);
    const relations = parse(
      `{ node(id: "org:x") { relations { node { relations { node { relations { node { id } } } } } } } }`,
    );
    expect(costOfOperation({ schema, document: relations })).toBeGreaterThan(MAX_QUERY_COST);
  });

  it('counts a list asked by ids or bounded by first/limit at that size', () => {
    const cost = (query: string, variables?: Record<string, unknown>) =>
      costOfOperation({ schema, document: parse(query), variables });
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(3);
    expect(cost('{ search(text: "x", first: 7) { node { id } } }')).toBe(7 * 2);
    expect(getNamedType(schema.getQueryType()!.getFields().search!.type).name).toBe('SearchHit');
  });
});
