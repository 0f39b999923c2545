import { startLocalNeo4j } from './instance.js';
import { localBoltPort } from './settings.js';
import { MissingToolError } from './provision.js';

/** `npm run neo4j:start`: runs the development Neo4j in the foreground until Ctrl-C. */
try {
  const neo4j = await startLocalNeo4j({ name: 'dev', boltPort: localBoltPort() });
  console.log(`NEO4J_URI=${neo4j.config.uri} NEO4J_USER=neo4j NEO4J_PASSWORD=${neo4j.config.password}`);
  const shutdown = async () => {
    await neo4j.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof MissingToolError ? error.message : error);
  process.exit(1);
}
