import type { Plugin } from 'graphql-yoga';
import { badRequest } from './errors.js';

// GET carries its JSON parameters in the query string; yoga parses them unchecked.
const JSON_PARAMETERS = ['variables', 'extensions'] as const;

/** A GET whose `variables` or `extensions` is not a JSON object gets BAD_USER_INPUT (400), not a 500. */
export function useGetParameterCheck(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of JSON_PARAMETERS) {
        const raw = url.searchParams.get(name);
        if (raw === null || raw === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          throw badRequest(name, `The ${name} parameter is not valid JSON.`);
        }
        if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
          throw badRequest(name, `The ${name} parameter must be a JSON object.`);
        }
      }
    },
  };
}
