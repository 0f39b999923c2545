import type { Server } from 'node:http';
import type { Db } from '../graph/driver.js';
import { prepareCoverageGrid } from '../graph/queries/coverage.js';
import { createAppServer } from './app.js';

/**
 * What a server reads before it listens (`npm start`, the bench's app process): the coverage
 * grid, which only a load changes, so that no request waits for it.
 */
export async function prepareServer(db: Db, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const { territories } = await prepareCoverageGrid(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Coverage grid read: ${territories.size} territories in ${seconds} s`);
}

/** Starts listening; resolves once the port is bound. */
export function listen(db: Db, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createAppServer(db);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
