import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import type { Db } from '../graph/driver.js';
import { migrationsApplied } from '../graph/migrate.js';
import { PROJECT_ROOT } from '../graph/local/paths.js';
import { createAtlasYoga } from './yoga.js';

const CLIENT_DIST = path.join(PROJECT_ROOT, 'dist', 'client');

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
 * The HTTP surface: /graphql (API and GraphiQL), /health (process up),
 * /ready (Neo4j reachable, migrations applied), and the built page for the rest.
 */
export function createAppServer(db: Db) {
  const yoga = createAtlasYoga(db);
  // Single-page app: unknown paths fall back to index.html so links to views work.
  const serveClient = sirv(CLIENT_DIST, { single: true, etag: true, gzip: true });

  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/graphql') return yoga(req, res);
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      const state = await readiness(db);
      return sendJson(res, state.ready ? 200 : 503, state);
    }
    serveClient(req, res, () => sendJson(res, 404, { error: 'not found' }));
  });
}
