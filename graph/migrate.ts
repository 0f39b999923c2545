import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './driver.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  id: string;
  statements: string[];
}

/** Reads `migrations/NNNN-name.cypher`, in order; statements end with `;`. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}-.+\.cypher$/.test(file))
    .sort()
    .map((file) => ({
      id: file.replace(/\.cypher$/, ''),
      statements: readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean),
    }));
}

const RECORD_MIGRATION = /* cypher */ `
  MERGE (m:_Migration {id: $id})
  ON CREATE SET m.appliedAt = datetime()`;

const LIST_APPLIED = /* cypher */ `MATCH (m:_Migration) RETURN m.id AS id`;

/** Applies every migration (each is safe to rerun) and records it; returns the ids applied. */
export async function applyMigrations(db: Db, migrations = readMigrations()): Promise<string[]> {
  for (const migration of migrations) {
    // Schema statements cannot share a transaction with data writes: one each.
    for (const statement of migration.statements) await db.write(statement);
    await db.write(RECORD_MIGRATION, { id: migration.id });
  }
  await db.write('CALL db.awaitIndexes(60)');
  return migrations.map((m) => m.id);
}

/** True when every migration in the folder is recorded as applied (for /ready). */
export async function migrationsApplied(db: Db, migrations = readMigrations()): Promise<boolean> {
  const applied = new Set((await db.read<{ id: string }>(LIST_APPLIED)).map((row) => row.id));
  return migrations.every((m) => applied.has(m.id));
}
