import type { Server } from 'node:http';
import type { Db } from '../graph/driver.js';
import { createAppServer } from './app.js';

/** Starts listening; resolves once the port is bound. */
export function listen(db: Db, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createAppServer(db);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
