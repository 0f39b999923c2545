import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { translateDriverError } from './errors.js';
import { toNeo4jParams, toPlain } from './values.js';

export interface DbConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Per-transaction timeout for reads, in ms. */
  readTimeoutMs?: number;
}

/** The one gateway to Neo4j: every query above graph/ goes through `read` or `write`. */
export interface Db {
  read<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  write<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Several writes in one transaction: all or nothing. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T>;
  verifyConnectivity(): Promise<void>;
  close(): Promise<void>;
  readonly config: DbConfig;
}

export interface TxRunner {
  run<T extends RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** Fail fast when Neo4j is down instead of retrying for the driver's default 30 s. */
const DRIVER_OPTIONS = {
  connectionAcquisitionTimeout: 2_000,
  connectionTimeout: 1_500,
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

export function createDb(config: DbConfig): Db {
  const driver: Driver = neo4j.driver(
    config.uri,
    neo4j.auth.basic(config.user, config.password),
    DRIVER_OPTIONS,
  );
  const sessionConfig = (mode: 'READ' | 'WRITE') => ({
    database: config.database,
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });
  const readTimeout = config.readTimeoutMs ?? 10_000;

  async function withSession<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>) {
    const session = driver.session(sessionConfig(mode));
    try {
      return mode === 'READ'
        ? await session.executeRead(work, { timeout: readTimeout })
        : await session.executeWrite(work);
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  const runIn =
    (tx: ManagedTransaction) =>
    async <T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> =>
      toRows<T>(await tx.run(cypher, toNeo4jParams(params) as Record<string, unknown>));

  return {
    config,
    read: (cypher, params) => withSession('READ', (tx) => runIn(tx)(cypher, params)),
    write: (cypher, params) => withSession('WRITE', (tx) => runIn(tx)(cypher, params)),
    writeTransaction: (work) => withSession('WRITE', (tx) => work({ run: runIn(tx) })),
    async verifyConnectivity() {
      try {
        await driver.getServerInfo({ database: config.database });
      } catch (error) {
        throw translateDriverError(error);
      }
    },
    close: () => driver.close(),
  };
}

function toRows<T extends RecordShape>(result: QueryResult): T[] {
  return result.records.map((record) => toPlain(record.toObject()) as T);
}
