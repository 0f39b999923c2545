import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import compression from 'compression';
import sirv from 'sirv';
import type { Db } from '../graph/driver.js';
import { migrationsApplied } from '../graph/migrate.js';
import { QUERY_LIMITS } from './armor.js';
import { createLocalAccounts, localAccountsOptionsFromEnv } from './auth/local-accounts.js';
import { AUTH_PATHS, createAuthRoutes } from './auth/routes.js';
import { BodyTooLargeError, discardBody, readBodyWithin } from './body-limit.js';
import { GRAPHIQL_ASSETS_PATH, GRAPHIQL_BOOT_PATH, GRAPHIQL_BOOT_SCRIPT, GRAPHIQL_DIST } from './graphiql.js';
import { applySecurityHeaders } from './http-security.js';
import { createUploadLimit } from './schema/import/limits.js';
import { allowedOriginsFromEnv, createAtlasYoga, type AtlasYogaOptions } from './yoga.js';

/**
 * GraphQL answers above this size go out gzip-compressed to clients that accept it
 * (France's coverage map: 4.2 MB as JSON, ~0.8 MB on the wire). Below it, compressing
 * costs more time than the bytes it saves.
 */
export const COMPRESS_ABOVE_BYTES = 64 * 1024;

/**
 * zlib's fastest level, as nginx's default: national partnershipNetwork's 7.7 MB answer
 * is compressed in 27 ms at level 1 against 90 ms at zlib's default 6, for 19 % more
 * bytes (1,068 against 898 KB); the CPU is the app's, shared by every request.
 */
const COMPRESSION_LEVEL = zlibConstants.Z_BEST_SPEED;

/** The built page (`vite build`), beside the server's folder. */
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

export interface AppOptions extends AtlasYogaOptions {
  /** Folder of the built page. */
  clientDir?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readiness(db: Db): Promise<{ ready: boolean; reason?: string }> {
  try {
    await db.verifyConnectivity();
    return (await migrationsApplied(db))
      ? { ready: true }
      : { ready: false, reason: 'migrations not applied' };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
}

/**
 * The HTTP surface: /graphql (API and GraphiQL, with its assets served here),
 * /health (process up), /ready (Neo4j reachable, migrations applied), and the
 * built page for the rest. Every response carries the security headers.
 */
export function createAppServer(db: Db, options: AppOptions = {}) {
  const authenticator = options.authenticator ?? createLocalAccounts(db, localAccountsOptionsFromEnv());
  const allowedOrigins = options.allowedOrigins ?? allowedOriginsFromEnv();
  const yoga = createAtlasYoga(db, { ...options, authenticator, allowedOrigins });
  const serveAuth = createAuthRoutes(authenticator, { allowedOrigins });
  const uploadLimit = createUploadLimit(authenticator, QUERY_LIMITS.bodyBytes);
  // Single-page app: unknown paths fall back to index.html so links to views work.
  const serveClient = sirv(options.clientDir ?? DEFAULT_CLIENT_DIR, { single: true, etag: true, gzip: true });
  const serveGraphiQL = sirv(GRAPHIQL_DIST, { etag: true, maxAge: 86_400 });
  const compress = compression({ threshold: COMPRESS_ABOVE_BYTES, level: COMPRESSION_LEVEL }) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => void;

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'POST') {
      try {
        // Buffered here under a limit, so yoga never reads (nor parses) a huge body.
        (req as IncomingMessage & { body?: Buffer }).body = await readBodyWithin(
          req,
          QUERY_LIMITS.bodyBytes,
          (head) => uploadLimit(req.headers, head),
        );
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        await discardBody(req);
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          errors: [{ message: error.message, extensions: { code: 'QUERY_TOO_COMPLEX' } }],
        });
      }
    }
    await new Promise<void>((patched) => compress(req, res, patched));
    return yoga(req, res);
  }

  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    await applySecurityHeaders(req, res);
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/graphql') return serveGraphQL(req, res);
    if ((AUTH_PATHS as readonly string[]).includes(pathname)) return serveAuth(req, res, pathname);
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      const state = await readiness(db);
      return sendJson(res, state.ready ? 200 : 503, state);
    }
    if (pathname === GRAPHIQL_BOOT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(GRAPHIQL_BOOT_SCRIPT);
    }
    if (pathname.startsWith(`${GRAPHIQL_ASSETS_PATH}/`)) {
      req.url = req.url!.slice(GRAPHIQL_ASSETS_PATH.length);
      return serveGraphiQL(req, res, () => sendJson(res, 404, { error: 'not found' }));
    }
    serveClient(req, res, () => sendJson(res, 404, { error: 'not found' }));
  });
}
