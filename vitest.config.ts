import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS and ESM builds; Vite would pick the ESM one for our
// code while graphql-yoga loads the CommonJS one, and `instanceof GraphQLError`
// would then fail across the two copies. Pin everything to the one Node loads.
const GRAPHQL_ENTRY = createRequire(import.meta.url).resolve('graphql');

/**
 * Three projects: unit tests beside the code (parallel), integration tests
 * against a test Neo4j of their own (serial), browser tests over the real app.
 * Their shared global setup starts that Neo4j, loads the dataset and serves the app.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: GRAPHQL_ENTRY },
      // Deep imports (graphql/language/parser) would otherwise resolve to the .mjs files.
      { find: /^graphql\/(.+?)(\.m?js)?$/, replacement: `${path.dirname(GRAPHQL_ENTRY)}/$1.js` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{server,graph,seeds,client,codegen}/**/*.test.{ts,tsx}', 'tests/contracts/**/*.test.ts'],
          // Some build the whole grid or spawn a process: room for a loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          globalSetup: ['tests/helpers/global-setup.ts'],
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['tests/helpers/global-setup.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
