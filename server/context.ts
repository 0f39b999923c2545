import type { Db } from '../graph/driver.js';
import type { Viewer } from './auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  /** The database, bound to this request: its queries end with it. */
  db: Db;
  loaders: Loaders;
  /** Aborts when the client goes away or the request's deadline passes. */
  signal: AbortSignal;
  /** Per-request memo: work two fields of one operation share (see schema/request-memo.ts). */
  memo: Map<string, Promise<unknown>>;
  /** Who sends the request (null: anonymous), whatever authenticated them. */
  viewer: Viewer | null;
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

/** A fresh context per request: loaders cache only within one request, queries stop with it. */
export function createContext(
  db: Db,
  request: { signal?: AbortSignal } | undefined,
  timeoutMs: number,
  viewer: Viewer | null = null,
): GraphQLContext {
  const deadline = Date.now() + timeoutMs;
  const signals = [AbortSignal.timeout(timeoutMs), ...(request?.signal ? [request.signal] : [])];
  const signal = AbortSignal.any(signals);
  const scoped = db.scoped({ signal, deadline });
  return { db: scoped, loaders: createLoaders(scoped), signal, memo: new Map(), viewer };
}
