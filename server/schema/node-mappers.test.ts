import { describe, expect, it } from 'vitest';
import { nodeOf } from './node-mappers.js';

const wejob = { id: 'org:wejob', label: 'Organisation' as const, props: { name: 'WeJOB', acronym: null } };

describe('nodeOf', () => {
  it('types the properties of the kind: a misspelt one does not compile', () => {
    const row = nodeOf(wejob, 'Organisation');
    expect(row.props.acronym).toBeNull();
    // @ts-expect-error -- an Organisation has no `acronyme` (typecheck fails if props were a bag again)
    expect(row.props.acronyme).toBeUndefined();
  });

  it('refuses a row of another label', () => {
    expect(() => nodeOf(wejob, 'Dispositif')).toThrow(/Expected a Dispositif/);
  });
});
