/**
 * One server of the A/B bench in a process of its own, so that each has its
 * own event loop and its resident memory can be read: `atlas` (the app) or
 * `peer` (@neo4j/graphql). Reads NEO4J_URI/USER/PASSWORD and PORT; prints
 * `ready` once it listens.
 */
import { createDb, dbConfigFromEnv } from '../../graph/driver.js';
import { keepCoveragePrepared, listen, prepareServer } from '../../server/main.js';

const config = dbConfigFromEnv();
if (!config) throw new Error('NEO4J_URI is required');
const port = Number(process.env.PORT);
const which = process.argv[2];
if (which === 'atlas') {
  // As `npm start` does: what the server reads before it listens, and keeps prepared.
  const db = createDb(config);
  await prepareServer(db, () => {});
  await listen(db, port, '127.0.0.1');
  keepCoveragePrepared(db);
} else if (which === 'peer') {
  // Imported here only: @neo4j/graphql loaded into the Atlas process would count in its memory.
  const { startPeerServer } = await import('./peer-server.js');
  await startPeerServer(config, port);
} else {
  throw new Error('usage: serve.ts atlas|peer');
}
console.log('ready');
// A normal exit on SIGTERM, so that a --cpu-prof profile gets written.
process.once('SIGTERM', () => process.exit(0));
