import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Db } from '../../../graph/driver.js';
import { createUser, type UserRole } from '../../../graph/queries/users.js';
import { hashPassword } from '../../../server/auth/secrets.js';
import { CSRF_HEADER } from '../../../server/csrf.js';
import '../../helpers/test-env.js';

export interface Account {
  email: string;
  password: string;
  /** The session cookie (`atlas_session=…`). */
  cookie: string;
}

/** A fresh account (unique e-mail per call), logged in through the real /auth/login. */
export async function createAccount(
  db: Db,
  role: UserRole,
  departements: string[] = [],
  baseUrl = inject('appUrl'),
): Promise<Account> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.atlas`;
  const password = `pw-${randomUUID()}`;
  await createUser(db, {
    uid: randomUUID(),
    email,
    passwordHash: await hashPassword(password),
    role,
    departements,
  });
  const response = await authPost(baseUrl, '/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { email, password, cookie };
}

export function authPost(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers },
    body: JSON.stringify(body),
  });
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL request over HTTP, as the page sends it (JSON, CSRF header, session cookie). */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  account?: { cookie: string } | null,
  options: { baseUrl?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${options.baseUrl ?? inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      ...(account ? { cookie: account.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

export const codeOf = (answer: GraphQLAnswer<unknown>) => answer.errors?.[0]?.extensions?.code;

/** A change input citing « connaissance de terrain ». */
export const FIELD_KNOWLEDGE = { source: { title: 'connaissance de terrain' }, reason: 'test' };
