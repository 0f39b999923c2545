import { describe, expect, it } from 'vitest';
import { createGraphVersionCache } from './version-cache.js';

describe('graph version cache', () => {
  it('computes a key once per version, and again once the version moves', () => {
    const cache = createGraphVersionCache<number>({ maxEntries: 4 });
    const scope = {};
    let computed = 0;
    const compute = () => (computed += 1);
    expect(cache.get(scope, 1, 'a', compute)).toBe(1);
    expect(cache.get(scope, 1, 'a', compute)).toBe(1);
    expect(cache.get(scope, 2, 'a', compute)).toBe(2);
    expect(computed).toBe(2);
  });

  it('serves a request that read an older version what the newer one computed', () => {
    const cache = createGraphVersionCache<string>({ maxEntries: 4 });
    const scope = {};
    cache.get(scope, 5, 'a', () => 'at 5');
    expect(cache.get(scope, 4, 'a', () => 'at 4')).toBe('at 5');
  });

  it('keeps scopes apart', () => {
    const cache = createGraphVersionCache<string>({ maxEntries: 4 });
    cache.get({}, 1, 'a', () => 'first');
    expect(cache.get({}, 1, 'a', () => 'second')).toBe('second');
  });

  it('evicts the least recently used key past its bound', () => {
    const cache = createGraphVersionCache<string>({ maxEntries: 2 });
    const scope = {};
    cache.get(scope, 1, 'a', () => 'a1');
    cache.get(scope, 1, 'b', () => 'b1');
    cache.get(scope, 1, 'a', () => 'a2'); // a is now the most recent
    cache.get(scope, 1, 'c', () => 'c1'); // evicts b
    expect(cache.get(scope, 1, 'a', () => 'a3')).toBe('a1');
    expect(cache.get(scope, 1, 'b', () => 'b2')).toBe('b2');
  });

  it('forgets a promise that fails, and keeps one that succeeds', async () => {
    const cache = createGraphVersionCache<Promise<string>>({ maxEntries: 4 });
    const scope = {};
    const failing = cache.get(scope, 1, 'a', () => Promise.reject(new Error('down')));
    await expect(failing).rejects.toThrow('down');
    const retried = cache.get(scope, 1, 'a', () => Promise.resolve('up'));
    expect(await retried).toBe('up');
    expect(cache.get(scope, 1, 'a', () => Promise.resolve('again'))).toBe(retried);
  });
});
