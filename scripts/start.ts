/**
 * `npm start`: a local Neo4j unless NEO4J_URI is set, migrations, the seed data
 * when the database is empty, then the app on http://localhost:4000.
 */
import { createDb, dbConfigFromEnv, type DbConfig } from '../graph/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local/instance.js';
import { MissingToolError } from '../graph/local/provision.js';
import { applyMigrations } from '../graph/migrate.js';
import { listen } from '../server/main.js';
import { loadDatasetIfEmpty } from '../seeds/load.js';

const PORT = Number(process.env.PORT ?? 4000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let localNeo4j: LocalNeo4j | undefined;
let config: DbConfig | undefined = dbConfigFromEnv();
try {
  if (!config) {
    localNeo4j = await startLocalNeo4j({
      name: 'dev',
      boltPort: Number(process.env.NEO4J_LOCAL_PORT ?? 7687),
    });
    config = localNeo4j.config;
  } else {
    console.log(`Using the Neo4j at ${config.uri}`);
  }
} catch (error) {
  console.error(error instanceof MissingToolError ? error.message : error);
  process.exit(1);
}

const db = createDb(config);
try {
  await applyMigrations(db);
  await loadDatasetIfEmpty(db, console.log);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await db.close();
  await localNeo4j?.stop();
  process.exit(1);
}

const server = await listen(db, PORT).catch(async (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE' ? `Port ${PORT} is already in use: stop what runs there or set PORT.` : error,
  );
  await db.close();
  await localNeo4j?.stop();
  process.exit(1);
});
console.log(`Atlas des acteurs ready in ${elapsed()}: http://localhost:${PORT}  (GraphQL: /graphql)`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
  await localNeo4j?.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
