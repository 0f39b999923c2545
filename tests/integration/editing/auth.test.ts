import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { countChanges } from '../../../graph/queries/changes.js';
import { findSessionUser } from '../../../graph/queries/sessions.js';
import { createUser } from '../../../graph/queries/users.js';
import { createLocalAccounts } from '../../../server/auth/local-accounts.js';
import { hashPassword, hashToken } from '../../../server/auth/secrets.js';
import { createAtlasYoga } from '../../../server/yoga.js';
import { authPost, codeOf, createAccount, FIELD_KNOWLEDGE, gql } from './accounts.js';

const appUrl = inject('appUrl');
const db = createDb(inject('neo4j'));
afterAll(() => db.close());

const UPDATE_ORG = `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
  updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`;

const me = (cookie?: string, headers: Record<string, string> = {}) =>
  authPost(appUrl, '/auth/me', {}, { ...(cookie ? { cookie } : {}), ...headers });

describe('sessions', () => {
  it('logs in with an httpOnly, SameSite=Strict cookie with an expiry, and logs out', async () => {
    const email = `login-${randomUUID().slice(0, 8)}@test.atlas`;
    const password = 'un mot de passe assez long';
    await createUser(db, {
      uid: randomUUID(),
      email,
      passwordHash: await hashPassword(password),
      role: 'editor',
      departements: [],
    });
    const login = await authPost(appUrl, '/auth/login', { email: email.toUpperCase(), password });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^atlas_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    const cookie = setCookie.split(';')[0]!;
    expect(((await (await me(cookie)).json()) as { viewer: { email: string } }).viewer.email).toBe(email);

    // What the database holds is the hash of the secret, never the secret.
    const token = decodeURIComponent(cookie.split('=')[1]!);
    expect(await findSessionUser(db, { tokenHash: token, now: Date.now() })).toBeUndefined();
    expect((await findSessionUser(db, { tokenHash: hashToken(token), now: Date.now() }))?.email).toBe(email);

    const logout = await authPost(appUrl, '/auth/logout', {}, { cookie });
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(((await (await me(cookie)).json()) as { viewer: unknown }).viewer).toBeNull();
  });

  it('answers a wrong password with UNAUTHENTICATED, slows repeated failures, then locks the account', async () => {
    const account = await createAccount(db, 'editor');
    const wrong = () => authPost(appUrl, '/auth/login', { email: account.email, password: 'pas le bon' });
    const first = await wrong();
    expect(first.status).toBe(401);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    await wrong();
    await wrong();
    const started = performance.now();
    expect((await wrong()).status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    const locked = await wrong();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Locked: even the right password is refused for a while.
    const right = await authPost(appUrl, '/auth/login', { email: account.email, password: account.password });
    expect(right.status).toBe(429);
    // The session opened before the lock still works.
    expect(((await (await me(account.cookie)).json()) as { viewer: unknown }).viewer).not.toBeNull();
  });

  it('refuses a login without the CSRF header, as a form, or from a foreign Origin', async () => {
    const account = await createAccount(db, 'reader');
    const body = JSON.stringify({ email: account.email, password: account.password });
    const noHeader = await fetch(`${appUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(noHeader.status).toBe(403);
    const form = await fetch(`${appUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-atlas-csrf': '1' },
      body: `email=${account.email}&password=${account.password}`,
    });
    expect(form.status).toBe(403);
    const foreign = await authPost(
      appUrl,
      '/auth/login',
      { email: account.email, password: account.password },
      { origin: 'http://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
  });
});

describe('personal access tokens', () => {
  it('are created from a session, authenticate as Bearer, and stop working once revoked', async () => {
    const editor = await createAccount(db, 'editor');
    const created = await authPost(
      appUrl,
      '/auth/tokens',
      { name: 'script QGIS' },
      { cookie: editor.cookie },
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { id: string; token: string } };
    expect(token.token).toMatch(/^atlas_pat_/);
    const bearer = { authorization: `Bearer ${token.token}` };
    const asToken = await me(undefined, bearer);
    expect(((await asToken.json()) as { viewer: { email: string } }).viewer.email).toBe(editor.email);
    const listed = await authPost(appUrl, '/auth/tokens', {}, { cookie: editor.cookie });
    expect(JSON.stringify(await listed.json())).not.toContain(token.token);

    const revoked = await authPost(
      appUrl,
      '/auth/tokens/revoke',
      { id: token.id },
      { cookie: editor.cookie },
    );
    expect(revoked.status).toBe(200);
    const after = await gql(
      UPDATE_ORG,
      { id: 'org:wejob', version: 0, patch: {}, change: FIELD_KNOWLEDGE },
      null,
      {
        headers: bearer,
      },
    );
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF and CORS on the write path', () => {
  it('a cross-site form POST carrying the session cannot run a mutation', async () => {
    const editor = await createAccount(db, 'editor');
    const before = await countChanges(db);
    const query = `mutation { deleteNode(id: "org:wejob", version: 0, change: { source: { title: "x" } }) { change { id } } }`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type, cookie: editor.cookie, origin: 'http://evil.example' },
        body: type === 'text/plain' ? JSON.stringify({ query }) : `query=${encodeURIComponent(query)}`,
      });
      expect(answer.status).toBe(403);
    }
    expect(await countChanges(db)).toBe(before);
  });

  it('a GET cannot run a mutation, even with the session', async () => {
    const editor = await createAccount(db, 'editor');
    const before = await countChanges(db);
    const query = `mutation { deleteNode(id: "org:wejob", version: 0, change: { source: { title: "x" } }) { change { id } } }`;
    const answer = await fetch(`${appUrl}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { cookie: editor.cookie, 'x-atlas-csrf': '1', accept: 'application/json' },
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await countChanges(db)).toBe(before);
  });

  it('a foreign Origin gets no CORS credentials, on /graphql nor on /auth', async () => {
    const editor = await createAccount(db, 'editor');
    const answer = await gql(`{ stats { totalNodes } }`, {}, editor, {
      headers: { origin: 'http://evil.example' },
    });
    expect(answer.status).toBe(200);
    const raw = await fetch(`${appUrl}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-atlas-csrf',
      },
    });
    expect(raw.headers.get('access-control-allow-credentials')).toBeNull();
    expect(raw.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('anonymous reading', () => {
  it('is on by default, and a setting turns it off (UNAUTHENTICATED; an account still reads)', async () => {
    expect(codeOf(await gql(`{ stats { totalNodes } }`))).toBeUndefined();
    const reader = await createAccount(db, 'reader');
    const yoga = createAtlasYoga(db, { anonymousRead: false, authenticator: createLocalAccounts(db) });
    const ask = async (headers: Record<string, string>) =>
      (await (
        await yoga.fetch('http://atlas.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ stats { totalNodes } }' }),
        })
      ).json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    expect((await ask({})).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await ask({ cookie: reader.cookie })).errors).toBeUndefined();
  });
});
