import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ApiError, readResponse } from '../../api/graphql-client';

/** The variables with each File replaced by null, and the files by their variable path (`variables.files.0`). */
export function splitFiles(variables: Record<string, unknown>): {
  variables: Record<string, unknown>;
  files: [string, File][];
} {
  const files: [string, File][] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (value instanceof File) {
      files.push([path, value]);
      return null;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}.${i}`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, `${path}.${key}`)]),
      );
    }
    return value;
  };
  return { variables: walk(variables, 'variables') as Record<string, unknown>, files };
}

/**
 * Runs one typed operation that carries files, as a GraphQL multipart request
 * (`operations`, `map`, then the files), with the CSRF header a form-like POST needs.
 */
export async function requestWithFiles<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<{ data: TResult }> {
  const split = splitFiles(variables);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: split.variables }));
  form.append('map', JSON.stringify(Object.fromEntries(split.files.map(([path], i) => [String(i), [path]]))));
  split.files.forEach(([, file], i) => form.append(String(i), file, file.name));
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'x-atlas-csrf': '1', accept: 'application/graphql-response+json, application/json' },
      body: form,
    });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : 'Network error.');
  }
  return readResponse<TResult>(response);
}
