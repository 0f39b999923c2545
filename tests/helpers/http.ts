import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import './test-env.js';

const execFileAsync = promisify(execFile);

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

/** One request to the real app over HTTP (the global setup serves it), body read as JSON when it is. */
export async function requestApp(path: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(`${inject('appUrl')}${path}`, init);
  const text = await response.text();
  let body: HttpAnswer['body'] = null;
  try {
    body = JSON.parse(text) as HttpAnswer['body'];
  } catch {
    // Not JSON (the page, GraphiQL): callers that need the text use fetch directly.
  }
  return { status: response.status, headers: response.headers, body };
}

export const postGraphQL = (document: unknown, headers: Record<string, string> = {}) =>
  requestApp('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof document === 'string' ? document : JSON.stringify(document),
  });

export const codeOf = (answer: HttpAnswer) => answer.body?.errors?.[0]?.extensions?.code;

/**
 * Runs `work` while /health is asked every 20 ms, and returns the slowest answer
 * seen: a request that blocks the event loop shows up here.
 */
export async function slowestHealthDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; slowestMs: number }> {
  let slowestMs = 0;
  let running = true;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${inject('appUrl')}/health`);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await work();
    return { result, slowestMs };
  } finally {
    running = false;
    await probe;
  }
}

/**
 * The slowest /health over `ms` with nothing else going on: what this machine's
 * own scheduling adds, so that a budget can be read as "on top of that".
 */
export async function slowestHealthAtRest(ms = 1_000): Promise<number> {
  const { slowestMs } = await slowestHealthDuring(() => new Promise((resolve) => setTimeout(resolve, ms)));
  return slowestMs;
}

/**
 * POSTs a large body from a process of its own, so that building and sending it
 * does not stall this one's event loop (which probes /health meanwhile).
 */
export async function postFromChild(body: string): Promise<HttpAnswer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-attack-'));
  const file = path.join(dir, 'body.json');
  writeFileSync(file, body);
  const script = `
    const body = require('node:fs').readFileSync(process.argv[1]);
    fetch(process.argv[2], { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() })));`;
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['-e', script, file, `${inject('appUrl')}/graphql`],
      {
        maxBuffer: 1024 * 1024,
      },
    );
    const { status, text } = JSON.parse(stdout) as { status: number; text: string };
    return { status, headers: new Headers(), body: JSON.parse(text) as HttpAnswer['body'] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
