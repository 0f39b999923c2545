import { describe, expect, it } from 'vitest';
import { deleteLocalQuery, LOCAL_QUERIES_KEY, readLocalQueries, saveLocalQuery } from './local-queries';

function memoryStore(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('queries kept in the browser', () => {
  it('saves, replaces by id, lists last changed first and deletes', () => {
    const store = memoryStore();
    const [first] = saveLocalQuery(
      store,
      { title: 'A', description: '', cypher: 'RETURN 1', params: '{}' },
      new Date('2026-01-01T10:00:00Z'),
    );
    saveLocalQuery(
      store,
      { title: 'B', description: 'b', cypher: 'RETURN 2', params: '{}' },
      new Date('2026-01-02T10:00:00Z'),
    );
    expect(readLocalQueries(store).map((query) => query.title)).toEqual(['B', 'A']);
    saveLocalQuery(store, { ...first!, title: 'A2' }, new Date('2026-01-03T10:00:00Z'));
    expect(readLocalQueries(store).map((query) => query.title)).toEqual(['A2', 'B']);
    expect(deleteLocalQuery(store, first!.id).map((query) => query.title)).toEqual(['B']);
  });

  it('survives damaged storage', () => {
    expect(readLocalQueries(memoryStore({ [LOCAL_QUERIES_KEY]: '{not json' }))).toEqual([]);
    expect(readLocalQueries(memoryStore({ [LOCAL_QUERIES_KEY]: '[{"id": 3}, "x"]' }))).toEqual([]);
  });
});
