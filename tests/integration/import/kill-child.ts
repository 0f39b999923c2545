/**
 * Runs an import that stops half-way through its staged batches and waits
 * there, saying so on stdout, for the kill -9 test to kill it; with
 * ATLAS_RESUME_ON_STDIN set, a line on stdin lets it go on to its end.
 */
import { createDb, dbConfigFromEnv } from '../../../graph/driver.js';
import { runImport } from '../../../graph/import/run-import.js';

const config = dbConfigFromEnv();
if (!config) throw new Error('NEO4J_URI is required');
const db = createDb(config);
const resume = () =>
  process.env.ATLAS_RESUME_ON_STDIN
    ? new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
    : new Promise<void>(() => {});
try {
  await runImport(db, {
    files: process.argv.slice(2),
    dryRun: false,
    acceptMatches: false,
    author: { id: 'os:kill-test', email: 'kill-test' },
    beforeStagedBatch: async (staged) => {
      if (staged !== 2) return;
      process.stdout.write('staged\n');
      await resume();
    },
  });
} finally {
  await db.close();
}
