import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** The server's closed set of error codes (DOMAIN.md §6; server/errors.ts `ErrorCode`). */
export const SERVER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  'TIMEOUT',
  'CONFLICT',
] as const;

/** A server code, or what can go wrong before it answers (or when its error is masked). */
export type ApiErrorCode =
  (typeof SERVER_ERROR_CODES)[number] | 'INTERNAL_SERVER_ERROR' | 'NETWORK' | 'ABORTED';

const isServerCode = (code: unknown): code is ApiErrorCode =>
  typeof code === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(code);

/** A failed request: the UI reads `code`, never the message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The code of the first error of a GraphQL response; masked or unknown errors become INTERNAL_SERVER_ERROR. */
export function toApiError(errors: NonNullable<GraphQLResponse<unknown>['errors']>): ApiError {
  const [first] = errors;
  const raw = first?.extensions?.code;
  const code = isServerCode(raw) ? raw : 'INTERNAL_SERVER_ERROR';
  return new ApiError(code, first?.message ?? 'Unexpected error.', first?.extensions ?? {});
}

const printed = new WeakMap<object, string>();
function queryText(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Defaults to `/graphql` on the page's origin. */
  endpoint?: string;
  fetch?: typeof fetch;
}

/** Runs one typed operation against /graphql: `{ data }`, or throws an `ApiError`. */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<{ data: TResult }> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: queryText(document as TypedDocumentNode<unknown, unknown>), variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError')
      throw new ApiError('ABORTED', 'Request aborted.');
    throw new ApiError('NETWORK', error instanceof Error ? error.message : 'Network error.');
  }
  return readResponse<TResult>(response);
}

/** A GraphQL answer's `{ data }`, or the `ApiError` its errors (or its HTTP failure) say. */
export async function readResponse<TResult>(response: Response): Promise<{ data: TResult }> {
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(
      response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK',
      `HTTP ${response.status}`,
    );
  }
  if (body.errors?.length) throw toApiError(body.errors);
  if (body.data === undefined || body.data === null)
    throw new ApiError('INTERNAL_SERVER_ERROR', 'Empty response.');
  return { data: body.data };
}

/** French wording for each code, shown in notices. */
export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  BAD_USER_INPUT: 'La demande est invalide.',
  NOT_FOUND: 'Élément introuvable.',
  UNAUTHENTICATED: 'Connexion requise.',
  FORBIDDEN: 'Accès refusé.',
  QUERY_TOO_COMPLEX: 'La demande est trop lourde ; réduisez-la.',
  DATABASE_UNAVAILABLE: 'La base de données est indisponible ; réessayez dans un instant.',
  TIMEOUT: 'La demande a pris trop de temps.',
  CONFLICT: 'Quelqu’un a modifié cet élément entre-temps : rechargez-le avant de réessayer.',
  INTERNAL_SERVER_ERROR: 'Erreur inattendue du serveur.',
  NETWORK: 'Le serveur est injoignable.',
  ABORTED: 'Demande annulée.',
};

export const errorCodeOf = (error: unknown): ApiErrorCode =>
  error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
