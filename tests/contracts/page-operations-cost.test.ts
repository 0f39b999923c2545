import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../client/gql/graphql.js';
import { costOfOperation, MAX_QUERY_COST } from '../../server/query-cost.js';
import { schema } from '../../server/yoga.js';

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

/** The cost limit must let the page work: every document it (and the tests) sends passes. */
describe('the page within the query cost limit', () => {
  it('lets every operation of the page and the tests through, at its largest', () => {
    expect(pageOperations.length).toBeGreaterThan(10);
    for (const [name, document] of pageOperations) {
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
      const cost = costOfOperation({ schema, document, variables: sampleVariables(operation) });
      expect(cost, name).toBeLessThanOrEqual(MAX_QUERY_COST);
    }
  });
});
