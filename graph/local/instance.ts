import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import path from 'node:path';
import { createDb, type DbConfig } from '../driver.js';
import { instanceHome } from './paths.js';
import { assertToolsPresent, provisionNeo4jDistribution } from './provision.js';

export interface LocalNeo4jOptions {
  /** Folder name under `.neo4j/instances/`: each instance has its own data. */
  name: string;
  boltPort: number;
  heapMb?: number;
  pageCacheMb?: number;
  /** What one transaction may hold, in MB (192 by default). */
  transactionMaxMb?: number;
  /** Start from an empty database (test instances). */
  fresh?: boolean;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  config: DbConfig;
  home: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  /** Starts the same instance again after `stop()` (used to test recovery). */
  restart(): Promise<void>;
  /** The server's process id while this process runs it. */
  readonly pid: number | undefined;
}

const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

function writeConfig(
  home: string,
  options: Required<Pick<LocalNeo4jOptions, 'boltPort' | 'pageCacheMb' | 'transactionMaxMb'>>,
) {
  const dir = (name: string) => path.join(home, name);
  for (const name of ['conf', 'data', 'logs', 'plugins', 'run', 'import'])
    mkdirSync(dir(name), { recursive: true });
  // Strict validation: an unknown key aborts start-up, so only keys known to Neo4j 5.26.
  const conf = [
    `server.directories.data=${dir('data')}`,
    `server.directories.logs=${dir('logs')}`,
    `server.directories.plugins=${dir('plugins')}`,
    `server.directories.run=${dir('run')}`,
    `server.directories.import=${dir('import')}`,
    'server.default_listen_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.pagecache.size=${options.pageCacheMb}m`,
    'db.transaction.timeout=60s',
    // Bounds what one transaction may hold (the analyst console's collect/range bombs):
    // the query fails with MemoryPoolOutOfMemoryError instead of exhausting the heap.
    `db.memory.transaction.max=${options.transactionMaxMb}m`,
    'dbms.usage_report.enabled=false',
  ];
  writeFileSync(dir('conf/neo4j.conf'), conf.join('\n') + '\n');
}

/** The password is chosen once per instance and kept beside its data. */
function ensurePassword(home: string, libDir: string): string {
  const file = path.join(home, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(12).toString('hex');
  const result = spawnSync(
    'java',
    ['-cp', `${libDir}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') }, encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`Could not set the Neo4j password: ${result.stderr || result.stdout}`);
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/** The server's own credential store is as private as the password file beside it. */
function restrictAuthFiles(home: string) {
  const authFile = path.join(home, 'data', 'dbms', 'auth.ini');
  if (existsSync(authFile)) chmodSync(authFile, 0o600);
}

async function waitUntilReady(config: DbConfig, child: ChildProcess, logFile: string, timeoutMs = 120_000) {
  const db = createDb(config);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`Neo4j exited with code ${child.exitCode} during start-up; see ${logFile}`);
      }
      try {
        await db.verifyConnectivity();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`Neo4j did not become ready in time; see ${logFile}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await db.close();
  }
}

async function isAnswering(config: DbConfig): Promise<boolean> {
  const db = createDb(config);
  try {
    await db.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await db.close();
  }
}

/** Provisions (first time only), configures and starts a project-local Neo4j, then waits until Bolt answers. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? console.log;
  assertToolsPresent(['java']);
  const libDir = provisionNeo4jDistribution(log);
  const home = instanceHome(options.name);
  if (options.fresh) rmSync(home, { recursive: true, force: true });
  writeConfig(home, {
    boltPort: options.boltPort,
    pageCacheMb: options.pageCacheMb ?? 128,
    transactionMaxMb: options.transactionMaxMb ?? 192,
  });
  const password = ensurePassword(home, libDir);
  restrictAuthFiles(home);
  const config: DbConfig = { uri: `bolt://127.0.0.1:${options.boltPort}`, user: 'neo4j', password };
  const heap = `${options.heapMb ?? 512}m`;
  const logFile = path.join(home, 'logs', 'console.log');
  let child: ChildProcess | undefined;

  async function launch() {
    const out = createWriteStream(logFile, { flags: 'a' });
    const proc = spawn(
      'java',
      [
        `-Xms${heap}`,
        `-Xmx${heap}`,
        ...JVM_FLAGS,
        '-cp',
        `${path.join(home, 'plugins')}/*:${libDir}/*`,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${home}`,
        `--config-dir=${path.join(home, 'conf')}`,
        '--console-mode',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout?.pipe(out);
    proc.stderr?.pipe(out);
    child = proc;
    const started = Date.now();
    await waitUntilReady(config, proc, logFile);
    log(`Neo4j "${options.name}" ready on ${config.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  async function stop() {
    const proc = child;
    child = undefined;
    // A child that already ended (exit code, or killed by a signal) has fired `exit` already.
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const killTimer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killTimer);
  }

  // A server already answering on this instance's port with its password (another
  // terminal's `npm start`) is reused rather than fought over: its data folder is locked.
  if (!options.fresh && (await isAnswering(config))) {
    log(`Neo4j "${options.name}" already running on ${config.uri}: reusing it`);
    return { config, home, stop: async () => {}, restart: async () => {}, pid: undefined };
  }
  await launch();
  return {
    config,
    home,
    stop,
    restart: launch,
    get pid() {
      return child?.pid;
    },
  };
}
