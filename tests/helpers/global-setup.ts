import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { createDb, dbConfigFromEnv, type Db, type DbConfig } from '../../graph/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/local/instance.js';
import { applyMigrations } from '../../graph/migrate.js';
import { listen } from '../../server/main.js';
import { loadDataset } from '../../seeds/load.js';
import { findFreePort } from '../../graph/local/free-port.js';
import './test-env.js';

interface TestServices {
  config: DbConfig;
  appUrl: string;
  users: number;
  stop(): Promise<void>;
}

// The integration and e2e projects each run this setup, in the same process:
// the first starts the services, later ones reuse them, the last one stops them.
const registry = globalThis as typeof globalThis & { __atlasTestServices?: Promise<TestServices> };

/**
 * One test Neo4j for the run, in its own folder and on a free port, started empty; with
 * the real dataset loaded, and the real app served over it for browser tests.
 * TEST_NEO4J_URI points the tests at another (disposable!) Neo4j instead.
 */
async function startServices(): Promise<TestServices> {
  const external = dbConfigFromEnv({
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_USER: process.env.TEST_NEO4J_USER,
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
  });
  let neo4j: LocalNeo4j | undefined;
  if (!external) {
    neo4j = await startLocalNeo4j({
      name: 'test',
      boltPort: await findFreePort(),
      fresh: true,
      log: () => {},
    });
  }
  const config = external ?? neo4j!.config;
  const db: Db = createDb(config);
  await applyMigrations(db);
  await loadDataset(db, () => {});
  const appPort = await findFreePort();
  const server: Server = await listen(db, appPort, '127.0.0.1');
  return {
    config,
    appUrl: `http://127.0.0.1:${appPort}`,
    users: 0,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await neo4j?.stop();
    },
  };
}

export async function setup(project: TestProject) {
  registry.__atlasTestServices ??= startServices();
  const services = await registry.__atlasTestServices;
  services.users += 1;
  project.provide('neo4j', services.config);
  project.provide('appUrl', services.appUrl);
  return async () => {
    services.users -= 1;
    if (services.users === 0) {
      registry.__atlasTestServices = undefined;
      await services.stop();
    }
  };
}
