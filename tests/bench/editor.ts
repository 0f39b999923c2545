import { randomUUID } from 'node:crypto';
import type { Db } from '../../graph/driver.js';
import { createUser, type UserRole } from '../../graph/queries/users.js';
import { hashPassword, hashToken } from '../../server/auth/secrets.js';
import { CSRF_HEADER } from '../../server/csrf.js';
import { queryGraphQL } from './graphql-client.js';

/** What the benches' edits cite, as a user's field knowledge. */
const CHANGE = { source: { title: 'connaissance de terrain' }, reason: 'bench' };

export interface BenchEditor {
  uid: string;
  email: string;
  /** The hash of its session token, as the sessions store it. */
  tokenHash: string;
  /** One GraphQL request as the page sends it (session cookie, CSRF header), `change` given; throws on errors. */
  mutate<T>(query: string, variables: Record<string, unknown>): Promise<T>;
}

/** A new account, logged in through /auth/login of the app at `appUrl`. */
export async function createBenchEditor(
  db: Db,
  appUrl: string,
  role: UserRole = 'editor',
): Promise<BenchEditor> {
  const email = `bench-${randomUUID().slice(0, 8)}@bench.atlas`;
  const password = `pw-${randomUUID()}`;
  const uid = randomUUID();
  await createUser(db, { uid, email, passwordHash: await hashPassword(password), role, departements: [] });
  const login = await fetch(`${appUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    uid,
    email,
    tokenHash: hashToken(cookie.slice(cookie.indexOf('=') + 1)),
    async mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      const { data } = await queryGraphQL<T>(
        appUrl,
        query,
        { change: CHANGE, ...variables },
        { [CSRF_HEADER]: '1', cookie },
      );
      return data;
    },
  };
}
