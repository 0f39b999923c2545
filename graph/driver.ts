import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { createAvailabilityGate } from './availability.js';
import { GraphError, translateDriverError } from './errors.js';
import { toNeo4jParams, toPlain } from './values.js';

export interface DbConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Per-transaction timeout for reads, in ms. */
  readTimeoutMs?: number;
}

/**
 * The life of the request a query serves: its queries stop when `signal` aborts
 * (the client went away, or the request's deadline passed) and never run past `deadline`.
 */
export interface QueryScope {
  signal: AbortSignal;
  /** Epoch milliseconds. */
  deadline: number;
}

/** The one gateway to Neo4j: every query above graph/ goes through `read` or `write`. */
export interface Db {
  read<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  write<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Several writes in one transaction: all or nothing. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T>;
  /**
   * One READ transaction over the driver's own transaction, for the one caller that
   * needs raw records and plans (the analyst console, graph/queries/cypher-console.ts).
   * `timeoutMs` is chosen by the server; the scope's deadline still bounds it.
   */
  readRaw<T>(work: (tx: ManagedTransaction) => Promise<T>, options: { timeoutMs: number }): Promise<T>;
  /** The same database, with every query bound to a request's scope. */
  scoped(scope: QueryScope): Db;
  /** The unscoped database every scoped view shares: the key of per-database caches. */
  readonly base: Db;
  verifyConnectivity(): Promise<void>;
  close(): Promise<void>;
  readonly config: DbConfig;
}

export interface TxRunner {
  run<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

/**
 * Fail fast when Neo4j is down instead of retrying for the driver's default 30 s;
 * check pooled connections idle for a second before reuse, so that a restarted
 * server is noticed at once rather than through a stalled query.
 */
const DRIVER_OPTIONS = {
  connectionAcquisitionTimeout: 2_000,
  connectionTimeout: 1_500,
  connectionLivenessCheckTimeout: 1_000,
  maxTransactionRetryTime: 500,
  disableLosslessIntegers: false,
  userAgent: 'atlas-des-acteurs',
} as const;

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig | undefined {
  if (!env.NEO4J_URI) return undefined;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
  };
}

/** Metadata key that tags a transaction with the query scope it serves, so it can be terminated. */
const SCOPE_TAG = 'atlasQuery';

// Ends, on the server, the transactions of an abandoned request (Community has
// no per-user privileges: TERMINATE works on this user's own transactions).
const TERMINATE_TAGGED = /* cypher */ `
  SHOW TRANSACTIONS YIELD transactionId AS txId, metaData
  WHERE metaData.${SCOPE_TAG} = $tag
  TERMINATE TRANSACTIONS txId
  YIELD transactionId, message
  RETURN transactionId, message`;

/** Why a scope ended, as the error its queries fail with. */
function scopeEnded(scope: QueryScope): GraphError {
  const reason = scope.signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError' || Date.now() >= scope.deadline
    ? new GraphError('TIMEOUT', 'The request took too long.')
    : new GraphError('CANCELLED', 'The request was abandoned by its client.');
}

/**
 * Starts a statement without the caller's stack: the driver captures it for every result
 * (to graft it onto an error it may throw), and with source maps on (tsx) formatting it took
 * a quarter of the CPU of a `RETURN 1` read (986 → 756 µs). Its errors are translated anyway
 * (graph/errors.ts), each with a stack of its own.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function assertScopeOpen(scope: QueryScope | undefined) {
  if (scope && (scope.signal.aborted || Date.now() >= scope.deadline)) throw scopeEnded(scope);
}

export function createDb(config: DbConfig): Db {
  const driver: Driver = neo4j.driver(
    config.uri,
    neo4j.auth.basic(config.user, config.password),
    DRIVER_OPTIONS,
  );
  // One bookmark manager for every session of the process: on a cluster (neo4j://) a read
  // routed to a follower waits for the writes this process made (causal consistency).
  const bookmarkManager = neo4j.bookmarkManager();
  const sessionConfig = (mode: 'READ' | 'WRITE') => ({
    database: config.database,
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    bookmarkManager,
  });
  const readTimeout = config.readTimeoutMs ?? 10_000;

  async function terminateTagged(tag: string) {
    const session = driver.session(sessionConfig('WRITE'));
    try {
      await session.run(TERMINATE_TAGGED, { tag });
    } catch {
      // Best effort: the transaction timeout ends it anyway.
    } finally {
      await session.close();
    }
  }

  type TxConfig = { timeout?: number; metadata?: Record<string, string> };
  const readConfig = (txConfig: TxConfig): TxConfig => ({
    ...txConfig,
    timeout: Math.min(readTimeout, txConfig.timeout ?? Infinity),
  });

  async function runSession<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    txConfig: TxConfig,
  ): Promise<T> {
    const session = driver.session(sessionConfig(mode));
    try {
      return mode === 'READ'
        ? await session.executeRead(work, readConfig(txConfig))
        : await session.executeWrite(work, txConfig);
    } catch (error) {
      throw failed(error);
    } finally {
      await session.close();
    }
  }

  function failed(error: unknown): unknown {
    const translated = translateDriverError(error);
    if (translated instanceof GraphError && translated.code === 'DATABASE_UNAVAILABLE') {
      availability.markUnavailable();
    }
    return translated;
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL in one round
   * trip, where a managed transaction adds BEGIN and a COMMIT that waits for its
   * own answer. A read has nothing to commit; retried like a managed one.
   */
  async function runAutoCommitRead(
    cypher: string,
    params: Record<string, unknown>,
    txConfig: TxConfig,
  ): Promise<QueryResult> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const session = driver.session(sessionConfig('READ'));
      try {
        return await withoutCallerStack(() => session.run(cypher, params, readConfig(txConfig)));
      } catch (error) {
        const retry =
          neo4j.isRetryableError(error) && Date.now() - started < DRIVER_OPTIONS.maxTransactionRetryTime;
        if (!retry) throw failed(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }

  const availability = createAvailabilityGate(() =>
    runSession('READ', (tx) => tx.run('RETURN 1'), { timeout: 1_000 }),
  );

  /**
   * Runs a transaction (`start` with its configuration) bound to `scope`: it cannot
   * outlive the deadline (its timeout is what remains), and when the scope aborts the
   * caller is answered at once while the transaction is terminated on the server.
   * Waits first, when the database was found down, for it to be up again.
   */
  async function withSession<T>(
    start: (txConfig: TxConfig) => Promise<T>,
    scope?: QueryScope,
    timeoutMs = Infinity,
  ): Promise<T> {
    const whenAvailable = async (txConfig: TxConfig) => {
      await availability.check();
      return start(txConfig);
    };
    if (!scope) return whenAvailable(Number.isFinite(timeoutMs) ? { timeout: timeoutMs } : {});
    assertScopeOpen(scope);
    const tag = randomUUID();
    const running = whenAvailable({
      timeout: Math.max(1, Math.min(timeoutMs, scope.deadline - Date.now())),
      metadata: { [SCOPE_TAG]: tag },
    });
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        reject(scopeEnded(scope));
        void terminateTagged(tag);
      };
      scope.signal.addEventListener('abort', onAbort, { once: true });
    });
    // Whichever settles second is nobody's business any more.
    running.catch(() => {});
    aborted.catch(() => {});
    try {
      return await Promise.race([running, aborted]);
    } catch (error) {
      throw scope.signal.aborted || Date.now() >= scope.deadline ? scopeEnded(scope) : error;
    } finally {
      scope.signal.removeEventListener('abort', onAbort);
    }
  }

  /** A managed transaction that checks, once it has its connection, that its scope is still open. */
  const managed =
    <T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>, scope?: QueryScope) =>
    (txConfig: TxConfig) =>
      runSession(
        mode,
        (tx) => {
          assertScopeOpen(scope);
          return work(tx);
        },
        txConfig,
      );

  const runIn =
    (tx: ManagedTransaction) =>
    async <T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> =>
      toRows<T>(
        await withoutCallerStack(() => tx.run(cypher, toNeo4jParams(params) as Record<string, unknown>)),
      );

  const bind = (scope?: QueryScope): Db => ({
    config,
    get base() {
      return root;
    },
    read: (cypher, params = {}) =>
      withSession(
        async (txConfig) =>
          toRows(await runAutoCommitRead(cypher, toNeo4jParams(params) as Record<string, unknown>, txConfig)),
        scope,
      ),
    write: (cypher, params) =>
      withSession(
        managed('WRITE', (tx) => runIn(tx)(cypher, params), scope),
        scope,
      ),
    writeTransaction: (work) =>
      withSession(
        managed('WRITE', (tx) => work({ run: runIn(tx) }), scope),
        scope,
      ),
    readRaw: (work, { timeoutMs }) => withSession(managed('READ', work, scope), scope, timeoutMs),
    scoped: (next) => bind(next),
    // Bolt answers a few seconds before a (re)starting database takes transactions:
    // ready means the database itself answers.
    async verifyConnectivity() {
      await runSession('READ', (tx) => tx.run('RETURN 1'), { timeout: 2_000 });
    },
    close: () => driver.close(),
  });
  const root = bind();
  return root;
}

// By index rather than record.toObject(), whose generator allocated more per record than the row.
function toRows<T extends RecordShape>(result: QueryResult): T[] {
  return result.records.map((record) => {
    const row: Record<string, unknown> = {};
    const { keys } = record;
    for (let index = 0; index < keys.length; index += 1)
      row[keys[index] as string] = toPlain(record.get(index));
    return row as T;
  });
}
