import type { Db } from '../driver.js';
import type { UserRow } from './users.js';

const PROJECT_USER = `{uid: u.uid, email: u.email, role: u.role, departements: coalesce(u.departements, []),
  disabled: coalesce(u.disabled, false), failedLogins: coalesce(u.failedLogins, 0),
  lockedUntil: coalesce(u.lockedUntil, 0), createdAt: toString(u.createdAt)}`;

const CREATE_SESSION = /* cypher */ `
  MATCH (u:User {uid: $uid})
  CREATE (s:Session {tokenHash: $tokenHash, expiresAt: $expiresAt, createdAt: datetime()})-[:OF_USER]->(u)
  WITH u
  // Expired sessions of this user go as a new one starts.
  OPTIONAL MATCH (old:Session)-[:OF_USER]->(u) WHERE old.expiresAt < $now
  DETACH DELETE old`;

/** Stores a session by the hash of its token. */
export async function createSession(
  db: Db,
  p: { uid: string; tokenHash: string; expiresAt: number; now: number },
): Promise<void> {
  await db.write(CREATE_SESSION, p);
}

/** What a request's credential is, for a query to find its user again: a session's or a token's hash. */
export interface CredentialCheck {
  kind: 'session' | 'token';
  tokenHash: string;
}

/**
 * The one rule of a live credential, binding `u` to its user (null when none): a session
 * that has not expired, or a token that has not been revoked, of an account not disabled.
 * Reads `$credential` ({kind, tokenHash, now}).
 */
const LIVE_CREDENTIAL_USER = /* cypher */ `
    OPTIONAL MATCH (s:Session {tokenHash: $credential.tokenHash})-[:OF_USER]->(su:User)
    WHERE $credential.kind = 'session' AND s.expiresAt > $credential.now
    OPTIONAL MATCH (t:AccessToken {tokenHash: $credential.tokenHash})-[:OF_USER]->(tu:User)
    WHERE $credential.kind = 'token'
    WITH coalesce(su, tu) AS u
    WITH CASE WHEN NOT coalesce(u.disabled, false) THEN u END AS u`;

/**
 * A subquery binding `credentialUser` to the user of `$credential` (null when it is no longer
 * live), for a transaction to check the credential again in its own first query.
 */
export const liveCredentialUser = /* cypher */ `CALL () {
    ${LIVE_CREDENTIAL_USER}
    RETURN CASE WHEN u IS NULL THEN null ELSE ${PROJECT_USER} END AS credentialUser
  }`;

const FIND_CREDENTIAL_USER = /* cypher */ `
  ${LIVE_CREDENTIAL_USER}
  WITH u WHERE u IS NOT NULL
  RETURN ${PROJECT_USER} AS user`;

/** The account behind a live credential, if any. */
async function findCredentialUser(
  db: Db,
  credential: CredentialCheck & { now: number },
): Promise<UserRow | undefined> {
  const [row] = await db.read<{ user: UserRow }>(FIND_CREDENTIAL_USER, { credential });
  return row?.user;
}

/** The account behind a live session, if any (expired sessions and disabled accounts: none). */
export function findSessionUser(db: Db, p: { tokenHash: string; now: number }): Promise<UserRow | undefined> {
  return findCredentialUser(db, { kind: 'session', ...p });
}

const DELETE_SESSION = /* cypher */ `
  MATCH (s:Session {tokenHash: $tokenHash})
  DETACH DELETE s`;

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.write(DELETE_SESSION, { tokenHash });
}

export interface AccessTokenRow {
  uid: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const CREATE_ACCESS_TOKEN = /* cypher */ `
  MATCH (u:User {uid: $userUid})
  CREATE (t:AccessToken {uid: $uid, name: $name, tokenHash: $tokenHash, createdAt: datetime()})-[:OF_USER]->(u)
  RETURN {uid: t.uid, name: t.name, createdAt: toString(t.createdAt), lastUsedAt: null} AS token`;

export async function createAccessToken(
  db: Db,
  p: { userUid: string; uid: string; name: string; tokenHash: string },
): Promise<AccessTokenRow | undefined> {
  const [row] = await db.write<{ token: AccessTokenRow }>(CREATE_ACCESS_TOKEN, p);
  return row?.token;
}

/** The account behind an access token, if any (revoked tokens and disabled accounts: none). */
export function findAccessTokenUser(db: Db, tokenHash: string): Promise<UserRow | undefined> {
  return findCredentialUser(db, { kind: 'token', tokenHash, now: Date.now() });
}

const LIST_ACCESS_TOKENS = /* cypher */ `
  MATCH (t:AccessToken)-[:OF_USER]->(:User {uid: $userUid})
  RETURN {uid: t.uid, name: t.name, createdAt: toString(t.createdAt), lastUsedAt: null} AS token
  ORDER BY t.createdAt DESC`;

export async function listAccessTokens(db: Db, userUid: string): Promise<AccessTokenRow[]> {
  return (await db.read<{ token: AccessTokenRow }>(LIST_ACCESS_TOKENS, { userUid })).map((r) => r.token);
}

const REVOKE_ACCESS_TOKEN = /* cypher */ `
  MATCH (t:AccessToken {uid: $uid})-[:OF_USER]->(:User {uid: $userUid})
  DETACH DELETE t
  RETURN count(*) AS revoked`;

/** Deletes one of the user's tokens; false when the user holds no such token. */
export async function revokeAccessToken(db: Db, p: { uid: string; userUid: string }): Promise<boolean> {
  const [row] = await db.write<{ revoked: number }>(REVOKE_ACCESS_TOKEN, p);
  return (row?.revoked ?? 0) > 0;
}
