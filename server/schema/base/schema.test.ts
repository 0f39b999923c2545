import { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../graph/model.js';
import { schema } from '../../yoga.js';

/** The SDL repeats graph/model.ts's closed lists for clients: they must not drift apart. */
describe('schema enums', () => {
  const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

  it('lists exactly the stored relationship types', () => {
    expect(values('RelationshipType')).toEqual([...RELATIONSHIP_TYPES]);
  });

  it('has one node kind per label', () => {
    expect(values('NodeKind')).toHaveLength(NODE_LABELS.length);
  });
});
