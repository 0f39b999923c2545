import { inject } from 'vitest';
import './test-env.js';

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
