import { getNamedType, isInterfaceType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ASSUMED_LIST_SIZES, costOfOperation, MAX_QUERY_COST } from './query-cost.js';
import { schema } from './yoga.js';

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
