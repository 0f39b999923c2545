import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DbConfig } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';

export interface ChildServer {
  url: string;
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

/** Starts tests/bench/serve.ts in a child process (`env` on top of ours, `nodeArgs` for node) and waits for it to listen. */
export async function startChildServer(
  which: 'atlas' | 'peer',
  config: DbConfig,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', TSX_LOADER, new URL('./serve.ts', import.meta.url).pathname, which],
    {
      env: {
        // What `npm start` runs with (graphql-js skips its development-only checks).
        NODE_ENV: 'production',
        ...process.env,
        NEO4J_URI: config.uri,
        NEO4J_USER: config.user,
        NEO4J_PASSWORD: config.password,
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${which} server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
