import type { DbConfig } from '../../graph/driver.js';

/** Values the global setup hands to every test file through `inject`. */
declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: DbConfig;
    appUrl: string;
  }
}
