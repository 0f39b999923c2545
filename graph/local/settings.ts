import { dbConfigFromEnv, type DbConfig } from '../driver.js';
import { startLocalNeo4j, type LocalNeo4j } from './instance.js';

/** The development instance's Bolt port: NEO4J_LOCAL_PORT, or Neo4j's usual 7687. */
export function localBoltPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.NEO4J_LOCAL_PORT ?? 7687);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`NEO4J_LOCAL_PORT must be a port number, not "${env.NEO4J_LOCAL_PORT}".`);
  }
  return port;
}

export interface DatabaseTarget {
  config: DbConfig;
  /** The local instance when this process started (or reused) one; absent for NEO4J_URI. */
  local?: LocalNeo4j;
}

/**
 * The database every command works on, chosen by the same settings as `npm start`:
 * NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) when set, else the project-local
 * "dev" instance on NEO4J_LOCAL_PORT, started if it is not already running.
 */
export async function openDatabaseTarget(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
): Promise<DatabaseTarget> {
  const external = dbConfigFromEnv(env);
  if (external) return { config: external };
  const local = await startLocalNeo4j({ name: 'dev', boltPort: localBoltPort(env), log });
  return { config: local.config, local };
}
