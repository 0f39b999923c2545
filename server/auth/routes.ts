import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError } from '../../graph/errors.js';
import { BodyTooLargeError, readBodyWithin } from '../body-limit.js';
import { CSRF_HEADER } from '../csrf.js';
import type { ErrorCode } from '../errors.js';
import type { Authenticator } from './authenticator.js';
import { credentialsOf, sessionCookie } from './credentials.js';
import { canEdit } from './viewer.js';

export const AUTH_PATHS = [
  '/auth/me',
  '/auth/login',
  '/auth/logout',
  '/auth/tokens',
  '/auth/tokens/revoke',
] as const;

const MAX_AUTH_BODY = 4_096;

export interface AuthRoutesOptions {
  allowedOrigins: readonly string[];
  /** Mark the cookie Secure (ATLAS_SECURE_COOKIE=true, behind TLS). */
  secureCookie?: boolean;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string, headers = {}) =>
  send(res, status, { error: { code, message } }, headers);

function headersOf(req: IncomingMessage) {
  return { get: (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null };
}

/**
 * A cross-site page can neither send this request (JSON and a custom header need a
 * preflight, which same-origin CORS refuses) nor, with an Origin that is not ours, be answered.
 */
function sameOriginJsonPost(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  if (req.method !== 'POST') return false;
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return false;
  if (!req.headers[CSRF_HEADER]) return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host || allowedOrigins.includes(origin);
  } catch {
    return false;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse((await readBodyWithin(req, MAX_AUTH_BODY)).toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Log in and out, and manage personal access tokens: small JSON POST routes beside
 * /graphql, so that the session cookie is set by the server only. Nothing here logs.
 */
export function createAuthRoutes(auth: Authenticator, options: AuthRoutesOptions) {
  const secure = options.secureCookie ?? process.env.ATLAS_SECURE_COOKIE === 'true';
  async function route(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (!sameOriginJsonPost(req, options.allowedOrigins)) {
      return refuse(res, 403, 'FORBIDDEN', `Send a same-origin JSON POST with the ${CSRF_HEADER} header.`);
    }
    const body = await readJson(req);
    if (!body) return refuse(res, 400, 'BAD_USER_INPUT', 'The body must be a small JSON object.');
    const credentials = credentialsOf(headersOf(req));

    if (pathname === '/auth/login') {
      const { email, password } = body;
      if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
        return refuse(res, 400, 'BAD_USER_INPUT', 'Give an email and a password.');
      }
      const result = await auth.login(email, password);
      if (!result.ok) {
        return result.reason === 'locked'
          ? refuse(res, 429, 'FORBIDDEN', 'Too many failed logins: try again later.', {
              'retry-after': String(Math.ceil((result.retryAfterMs ?? 60_000) / 1000)),
            })
          : refuse(res, 401, 'UNAUTHENTICATED', 'Wrong email or password.');
      }
      return send(
        res,
        200,
        { viewer: result.viewer },
        {
          'set-cookie': sessionCookie(result.session, auth.sessionTtlMs, secure),
        },
      );
    }

    if (pathname === '/auth/logout') {
      if (credentials.session) await auth.logout(credentials.session);
      return send(res, 200, { viewer: null }, { 'set-cookie': sessionCookie('', 0, secure) });
    }

    if (pathname === '/auth/me') {
      const viewer = await auth.authenticate(credentials);
      return send(res, 200, { viewer: viewer && { ...viewer, canEdit: canEdit(viewer) } });
    }

    // Tokens are managed from a session (the page), not with another token.
    const viewer = credentials.session ? await auth.authenticate({ session: credentials.session }) : null;
    if (!viewer) return refuse(res, 401, 'UNAUTHENTICATED', 'Log in first.');
    if (pathname === '/auth/tokens') {
      if (body.name === undefined) return send(res, 200, { tokens: await auth.listAccessTokens(viewer) });
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (!name || name.length > 100)
        return refuse(res, 400, 'BAD_USER_INPUT', 'Name the token (100 characters at most).');
      // The only time the token is shown: only its hash is kept.
      return send(res, 201, { token: await auth.createAccessToken(viewer, name) });
    }
    if (typeof body.id !== 'string')
      return refuse(res, 400, 'BAD_USER_INPUT', 'Give the id of the token to revoke.');
    return (await auth.revokeAccessToken(viewer, body.id))
      ? send(res, 200, { revoked: body.id })
      : refuse(res, 404, 'NOT_FOUND', 'You hold no such token.');
  }

  return async function serveAuth(req: IncomingMessage, res: ServerResponse, pathname: string) {
    try {
      await route(req, res, pathname);
    } catch (error) {
      // Never the error's text: it could hold what the request carried.
      if (res.headersSent) return res.end();
      return error instanceof GraphError && error.code === 'DATABASE_UNAVAILABLE'
        ? refuse(res, 503, 'DATABASE_UNAVAILABLE', 'The graph database is unavailable; try again shortly.')
        : refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
  };
}
