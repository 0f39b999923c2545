import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toNeo4jParams, toNeo4jProps, toPlain } from './values.js';

describe('driver value conversion', () => {
  it('turns Neo4j integers and dates into plain values', () => {
    expect(toPlain({ n: neo4j.int(42), d: new neo4j.types.Date(2019, 9, 1), list: [neo4j.int(1)] })).toEqual({
      n: 42,
      d: '2019-09-01',
      list: [1],
    });
  });

  it('sends whole numbers as integers, leaving fractions alone', () => {
    const params = toNeo4jParams({ limit: 5, ratio: 0.5, nested: { first: 3 } }) as Record<string, unknown>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.ratio).toBe(0.5);
    expect(neo4j.isInt((params.nested as Record<string, unknown>).first)).toBe(true);
  });

  it('stores date properties as Neo4j dates and rejects malformed ones', () => {
    const props = toNeo4jProps({ startDate: '2015-01-01', name: '2015-01-01' });
    expect(neo4j.isDate(props.startDate)).toBe(true);
    expect(props.name).toBe('2015-01-01');
    expect(() => toNeo4jProps({ endDate: '2015' })).toThrow(/ISO date/);
  });
});
