import { describe, expect, it } from 'vitest';
import { readMigrations } from './migrate.js';

describe('readMigrations', () => {
  it('reads the numbered files in order, one statement per semicolon, comments dropped', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    expect(migrations[0]?.id).toMatch(/^0001-/);
    for (const migration of migrations) {
      expect(migration.statements.length).toBeGreaterThan(0);
      for (const statement of migration.statements) {
        expect(statement).not.toMatch(/^\/\//m);
        // Safe to rerun: every schema statement is guarded (a DROP by IF EXISTS).
        expect(statement).toMatch(/^DROP /.test(statement) ? /IF EXISTS/ : /IF NOT EXISTS/);
      }
    }
  });
});
