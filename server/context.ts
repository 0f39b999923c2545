import type { Db } from '../graph/driver.js';
import type { CredentialCheck } from '../graph/queries/sessions.js';
import type { Viewer } from './auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  /** The database, bound to this request: its queries end with it. */
  db: Db;
  loaders: Loaders;
  /** Aborts when the client goes away or the request's deadline passes. */
  signal: AbortSignal;
  /** Drops the request's timer and its listener on the client's signal once the request is answered. */
  release: () => void;
  /** Per-request memo: work two fields of one operation share (see schema/request-memo.ts). */
  memo: Map<string, Promise<unknown>>;
  /** Who sends the request (null: anonymous), whatever authenticated them. */
  viewer: Viewer | null;
  /**
   * Set when `viewer` was recalled, not read (an editing mutation): its transaction must
   * find the credential live again (server/schema/editing/edit.ts), and `forget` it if not.
   */
  recalled?: { check: CredentialCheck; forget: () => void };
}

/** How long a request may run, in ms: ATLAS_REQUEST_TIMEOUT_MS, 10 s by default. */
export function requestTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ATLAS_REQUEST_TIMEOUT_MS ?? 10_000);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `ATLAS_REQUEST_TIMEOUT_MS must be a positive number, not "${env.ATLAS_REQUEST_TIMEOUT_MS}".`,
    );
  }
  return value;
}

/**
 * A fresh context per request: loaders cache only within one request, queries
 * stop with it. One AbortController per request, fed by the client's signal and
 * a timer, rather than `AbortSignal.any`: on Node 20 a composite signal with
 * listeners is never collected (nodejs/node#54614), which grew the app's memory
 * with every request under load.
 */
export function createContext(
  db: Db,
  request: { signal?: AbortSignal } | undefined,
  timeoutMs: number,
  viewer: Viewer | null = null,
  recalled?: GraphQLContext['recalled'],
): GraphQLContext {
  const deadline = Date.now() + timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The request took too long.', 'TimeoutError')),
    timeoutMs,
  );
  timer.unref();
  const client = request?.signal;
  const onClientGone = () => controller.abort(client?.reason);
  if (client?.aborted) onClientGone();
  else client?.addEventListener('abort', onClientGone, { once: true });
  const release = () => {
    clearTimeout(timer);
    client?.removeEventListener('abort', onClientGone);
  };
  const { signal } = controller;
  const scoped = db.scoped({ signal, deadline });
  return { db: scoped, loaders: createLoaders(scoped), signal, release, memo: new Map(), viewer, recalled };
}
