import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import { ApiError, request } from './graphql-client.js';

const DOC = parse('query Q($id: ID!) { node(id: $id) { id } }') as TypedDocumentNode<
  { node: { id: string } | null },
  { id: string }
>;

const respond = (body: unknown, status = 200): typeof fetch =>
  (async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as never;

describe('request', () => {
  it('returns data', async () => {
    const result = await request(
      DOC,
      { id: 'org:x' },
      { fetch: respond({ data: { node: { id: 'org:x' } } }) },
    );
    expect(result.data.node?.id).toBe('org:x');
  });

  it('throws the code from extensions', async () => {
    const fetchError = respond({
      data: null,
      errors: [{ message: 'Nothing', extensions: { code: 'NOT_FOUND' } }],
    });
    await expect(request(DOC, { id: 'x' }, { fetch: fetchError })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('masks unknown codes', async () => {
    const fetchError = respond({ errors: [{ message: 'Unexpected error.' }] });
    const error = await request(DOC, { id: 'x' }, { fetch: fetchError }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reports network failures', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as never;
    await expect(request(DOC, { id: 'x' }, { fetch: failing })).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('passes the signal to fetch, and an aborted request fails as ABORTED', async () => {
    let seen: AbortSignal | null | undefined;
    // Like the browser's fetch: rejects with an AbortError once its signal is aborted.
    const slow = ((_url: string, init: RequestInit) => {
      seen = init.signal;
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
      );
    }) as never;
    const controller = new AbortController();
    const pending = request(DOC, { id: 'x' }, { fetch: slow, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toBe(controller.signal);
  });
});
