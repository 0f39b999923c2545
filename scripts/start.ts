/**
 * `npm start`: a local Neo4j unless NEO4J_URI is set, migrations, the seed data
 * when the database is empty, the coverage grid read, then the app on http://localhost:4000.
 */
import { createDb, type DbConfig } from '../graph/driver.js';
import type { LocalNeo4j } from '../graph/local/instance.js';
import { openDatabaseTarget } from '../graph/local/settings.js';
import { MissingToolError } from '../graph/local/provision.js';
import { applyMigrations } from '../graph/migrate.js';
import { removeStaging } from '../graph/queries/import.js';
import { keepCoveragePrepared, listen, prepareServer } from '../server/main.js';
import { loadDatasetIfEmpty } from '../seeds/load.js';

const PORT = Number(process.env.PORT ?? 4000);
// Loopback unless asked: HOST=0.0.0.0 opens the app to the network.
const HOST = process.env.HOST || '127.0.0.1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let localNeo4j: LocalNeo4j | undefined;
let config: DbConfig;
try {
  const target = await openDatabaseTarget();
  ({ config, local: localNeo4j } = target);
  if (!localNeo4j) console.log(`Using the Neo4j at ${config.uri}`);
} catch (error) {
  console.error(error instanceof MissingToolError ? error.message : error);
  process.exit(1);
}

const db = createDb(config);
try {
  await applyMigrations(db);
  // What a load killed before its end left (one another process runs now is kept).
  const left = await removeStaging(db);
  if (left.deletedLoads + left.finishedLoads > 0)
    console.log(
      `Cleaned up after ${left.deletedLoads + left.finishedLoads} interrupted load(s): ${left.deletedNodes} hidden node(s) removed.`,
    );
  await loadDatasetIfEmpty(db, console.log);
  await prepareServer(db, console.log);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await db.close();
  await localNeo4j?.stop();
  process.exit(1);
}

const server = await listen(db, PORT, HOST).catch(async (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${PORT} is already in use on ${HOST}: stop what runs there or set PORT.`
      : error,
  );
  await db.close();
  await localNeo4j?.stop();
  process.exit(1);
});
const stopPreparing = keepCoveragePrepared(db);
console.log(`Atlas des acteurs ready in ${elapsed()}: http://localhost:${PORT}  (GraphQL: /graphql)`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  stopPreparing();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
  await localNeo4j?.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
