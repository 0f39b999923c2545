import { describe, expect, it } from 'vitest';
import { onlyAmong, rootMutationFields } from './root-fields.js';

describe('rootMutationFields', () => {
  it('names the root fields of the mutation the request selects', () => {
    expect(
      rootMutationFields('mutation { a: updateOrganisation { x } addRelationship { y } }', null),
    ).toEqual(['updateOrganisation', 'addRelationship']);
    const two = 'query Q { stats { x } } mutation M { deleteNode { y } }';
    expect(rootMutationFields(two, 'M')).toEqual(['deleteNode']);
    expect(rootMutationFields(two, 'Q')).toBeNull();
    expect(rootMutationFields(two, null)).toBeNull();
  });

  it('answers null for reads, even a document that does not parse (it is not parsed)', () => {
    expect(rootMutationFields('{ stats { nodes { kind } } }', null)).toBeNull();
    expect(rootMutationFields('{ broken(', null)).toBeNull();
    expect(rootMutationFields('query { mutationLog: stats { x } }', null)).toBeNull();
    expect(rootMutationFields(undefined, null)).toBeNull();
  });

  it('lists no field for a root selected through a fragment', () => {
    const roots = rootMutationFields('mutation { ...F } fragment F on Mutation { deleteNode { y } }', null);
    expect(roots).toEqual([]);
    expect(onlyAmong(roots, new Set(['deleteNode']))).toBe(false);
  });
});

describe('onlyAmong', () => {
  it('holds when every root field is in the set', () => {
    const fields = new Set(['a', 'b']);
    expect(onlyAmong(['a', 'b'], fields)).toBe(true);
    expect(onlyAmong(['a', 'c'], fields)).toBe(false);
    expect(onlyAmong(null, fields)).toBe(false);
  });
});
