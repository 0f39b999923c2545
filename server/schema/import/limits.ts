import type { IncomingHttpHeaders } from 'node:http';
import type { Authenticator } from '../../auth/authenticator.js';
import { credentialsOf } from '../../auth/credentials.js';
import { canEdit } from '../../auth/viewer.js';
import { CSRF_HEADER } from '../../csrf.js';
import { selectsOnlyMutations } from '../../root-fields.js';

/** The mutations that take uploaded files: the only ones a larger body or a longer deadline is for. */
export const IMPORT_FIELDS: ReadonlySet<string> = new Set(['previewImport', 'confirmImport']);

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

/** How long an import request may run, in ms: ATLAS_IMPORT_TIMEOUT_MS, 10 min by default. */
export const importTimeoutFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  positive(env, 'ATLAS_IMPORT_TIMEOUT_MS', 600_000);

/** The largest upload, in bytes: ATLAS_IMPORT_MAX_BYTES, 32 MB by default (national exports go through `npm run import`). */
export const importBodyLimitFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  positive(env, 'ATLAS_IMPORT_MAX_BYTES', 32 * 1024 * 1024);

/** True when the operation `query` selects (by `operationName`) has import fields only at its root. */
export const isImportOperation = (query: unknown, operationName?: unknown): boolean =>
  selectsOnlyMutations(query, operationName, IMPORT_FIELDS);

/** The `operations` part of a multipart GraphQL request (it comes first), from the body's head. */
function operationsPart(
  contentType: string,
  head: Buffer,
): { query?: unknown; operationName?: unknown } | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return null;
  const text = head.toString('utf8');
  const start = text.search(/name="operations"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/);
  if (start < 0) return null;
  const bodyStart = text.indexOf('\r\n\r\n', start) + 4;
  const end = text.indexOf(`\r\n--${boundary}`, bodyStart);
  if (end < 0) return null;
  try {
    const parsed = JSON.parse(text.slice(bodyStart, end)) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The body limit of a request whose head is already past the usual one: the
 * import limit for a multipart import mutation sent by an editor or an admin
 * (with the CSRF header), the usual one for anything or anyone else.
 */
export function createUploadLimit(authenticator: Authenticator, usual: number, env = process.env) {
  const largest = importBodyLimitFromEnv(env);
  return async (headers: IncomingHttpHeaders, head: Buffer): Promise<number> => {
    const contentType = String(headers['content-type'] ?? '');
    if (!contentType.toLowerCase().startsWith('multipart/form-data') || !headers[CSRF_HEADER]) return usual;
    const operations = operationsPart(contentType, head);
    if (!operations || !isImportOperation(operations.query, operations.operationName)) return usual;
    const get = (name: string) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    };
    const viewer = await authenticator.authenticate(credentialsOf({ get }));
    return canEdit(viewer) ? Math.max(usual, largest) : usual;
  };
}
