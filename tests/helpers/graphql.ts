import { inject } from 'vitest';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createDb, type Db, type DbConfig } from '../../graph/driver.js';
import { createAtlasYoga } from '../../server/yoga.js';
import './test-env.js';

export interface TestApi {
  db: Db;
  /** The yoga app itself, for requests `execute` does not shape (raw bodies, headers). */
  yoga: ReturnType<typeof createAtlasYoga>;
  execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables> | string,
    variables?: TVariables,
  ): Promise<ExecutionResult<TResult>>;
  close(): Promise<void>;
}

/** The real schema over the run's test Neo4j, exercised through `yoga.fetch`. */
export function createTestApi(config: DbConfig = inject('neo4j')): TestApi {
  const db = createDb(config);
  const yoga = createAtlasYoga(db);
  return {
    db,
    yoga,
    async execute(document, variables) {
      const response = await yoga.fetch('http://atlas.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return response.json() as never;
    },
    close: () => db.close(),
  };
}

/** The `extensions.code` of the first error, for assertions that do not depend on wording. */
export const firstErrorCode = (result: ExecutionResult<unknown>) => result.errors?.[0]?.extensions?.code;
