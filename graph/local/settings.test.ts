import { describe, expect, it } from 'vitest';
import { localBoltPort } from './settings.js';

describe('local Neo4j settings', () => {
  it('takes NEO4J_LOCAL_PORT, 7687 otherwise', () => {
    expect(localBoltPort({})).toBe(7687);
    expect(localBoltPort({ NEO4J_LOCAL_PORT: '7701' })).toBe(7701);
  });

  it('refuses a value that is not a port, naming the setting', () => {
    expect(() => localBoltPort({ NEO4J_LOCAL_PORT: 'abc' })).toThrow(/NEO4J_LOCAL_PORT/);
    expect(() => localBoltPort({ NEO4J_LOCAL_PORT: '70000' })).toThrow(/NEO4J_LOCAL_PORT/);
  });
});
