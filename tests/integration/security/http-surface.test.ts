import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { COMPRESS_ABOVE_BYTES, createAppServer } from '../../../server/app.js';
import { CSRF_HEADER } from '../../../server/csrf.js';
import { listen } from '../../../server/main.js';
import { codeOf, postGraphQL, requestApp } from '../../helpers/http.js';

const STATS = { query: '{ stats { totalNodes } }' };
const appUrl = inject('appUrl');

describe('CORS: same origin unless allowed', () => {
  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1'])(
    'a foreign Origin %s gets no CORS headers, hence no credentials',
    async (origin) => {
      const answer = await postGraphQL(STATS, { origin });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await fetch(`${appUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  describe('with an allow-list', () => {
    const db = createDb(inject('neo4j'));
    const server = createAppServer(db, { allowedOrigins: ['https://partenaire.example'] });
    let base = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    });

    it('echoes an allowed origin with credentials, and only that one', async () => {
      const ask = (origin: string) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify(STATS),
        });
      const allowed = await ask('https://partenaire.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partenaire.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await ask('https://autre.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('CSRF: only a preflighted request may post', () => {
  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
    'a cross-site form POST (%s) is FORBIDDEN',
    async (type) => {
      const answer = await requestApp('/graphql', {
        method: 'POST',
        headers: { 'content-type': type, origin: 'http://evil.example' },
        body: type.startsWith('application/x-www')
          ? new URLSearchParams({ query: STATS.query }).toString()
          : JSON.stringify(STATS),
      });
      expect(answer.status).toBe(403);
      expect(codeOf(answer)).toBe('FORBIDDEN');
    },
  );

  it('the same request with the CSRF header (which a form cannot set) is read', async () => {
    const answer = await requestApp('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [CSRF_HEADER]: '1' },
      body: new URLSearchParams({ query: STATS.query }).toString(),
    });
    expect(answer.body?.errors).toBeUndefined();
  });

  it('GET runs queries, never mutations', async () => {
    const query = await requestApp(`/graphql?${new URLSearchParams(STATS)}`, {
      headers: { accept: 'application/json' },
    });
    expect(query.body?.data).toBeTruthy();
    const mutation = await requestApp(
      `/graphql?${new URLSearchParams({ query: 'mutation { __typename }' })}`,
      { headers: { accept: 'application/json' } },
    );
    expect(mutation.body?.data ?? null).toBeNull();
    expect(mutation.status).toBeGreaterThanOrEqual(400);
  });
});

describe('security headers', () => {
  it.each([
    ['/', 'text/html'],
    ['/graphql', 'text/html'],
    ['/graphql', 'application/json'],
    ['/health', 'application/json'],
  ])('%s (%s) carries them', async (path, accept) => {
    const response = await fetch(
      `${appUrl}${path}${accept === 'application/json' && path === '/graphql' ? `?${new URLSearchParams(STATS)}` : ''}`,
      {
        headers: { accept },
      },
    );
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('GraphiQL is served from the app itself, with no inline script', async () => {
    const html = await (await fetch(`${appUrl}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const asset of [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!)) {
      expect((await fetch(`${appUrl}${asset}`)).status, asset).toBe(200);
    }
  });
});

describe('binding', () => {
  it('listens on the loopback interface unless told otherwise', async () => {
    const db = createDb(inject('neo4j'));
    const server = await listen(db, 0);
    try {
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    }
  });
});

describe('compression: large answers only', () => {
  const COVERAGE = {
    query: '{ coverageMap(level: COMMUNE, within: "reg:75") { territories names statuses populations } }',
  };
  // Raw HTTP, so that what goes over the wire is seen (fetch would decompress it).
  const post = (document: unknown, acceptEncoding: string) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const request = httpRequest(
        `${appUrl}/graphql`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(document));
    });

  it('gzips an answer above the threshold, to clients that accept it, with the same content', async () => {
    const plain = await post(COVERAGE, 'identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
    const zipped = await post(COVERAGE, 'gzip, deflate');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(
      JSON.parse(plain.body.toString('utf8')),
    );
    // At zlib's fastest level: about what level 1 makes of the same bytes, more than level 6.
    const fastest = gzipSync(plain.body, { level: 1 }).length;
    expect(Math.abs(zipped.body.length - fastest) / fastest).toBeLessThan(0.02);
    expect(zipped.body.length).toBeGreaterThan(gzipSync(plain.body, { level: 6 }).length);
  });

  it('sends a small answer as it is', async () => {
    const small = await post(STATS, 'gzip');
    expect(small.encoding).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).data.stats.totalNodes).toBeGreaterThan(0);
  });
});
