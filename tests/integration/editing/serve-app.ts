/**
 * The app alone, as a child process for the kill -9 test: serves the database of
 * NEO4J_URI on PORT and says "listening" once bound.
 */
import { createDb, dbConfigFromEnv } from '../../../graph/driver.js';
import { listen } from '../../../server/main.js';

const config = dbConfigFromEnv();
if (!config) throw new Error('NEO4J_URI is required');
await listen(createDb(config), Number(process.env.PORT), '127.0.0.1');
console.log('listening');
