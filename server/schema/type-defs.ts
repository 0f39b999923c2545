import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The SDL files of every domain, the same set codegen reads. */
export const typeDefs: string[] = readdirSync(SCHEMA_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
