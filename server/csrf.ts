import type { Plugin } from 'graphql-yoga';
import { forbidden } from './errors.js';

/** The header the page sends with every POST; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-atlas-csrf';

// Content types a browser sends cross-site without a CORS preflight.
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A POST a cross-site form could send (no preflight) must carry CSRF_HEADER.
 * GET stays open for queries (yoga runs mutations on POST only): unlike yoga's
 * CSRF plugin, which also requires the header on GET, links and curl keep working.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').toLowerCase();
      const formLike = type === '' || FORM_CONTENT_TYPES.some((form) => type.startsWith(form));
      if (formLike && !request.headers.has(CSRF_HEADER)) {
        throw forbidden(`A POST without a JSON body must carry the ${CSRF_HEADER} header.`, 403);
      }
    },
  };
}
