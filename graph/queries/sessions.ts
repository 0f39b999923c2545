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

const FIND_SESSION_USER = /* cypher */ `
  MATCH (s:Session {tokenHash: $tokenHash})-[:OF_USER]->(u:User)
  WHERE s.expiresAt > $now AND NOT coalesce(u.disabled, false)
  RETURN ${PROJECT_USER} AS user`;

/** The account behind a live session, if any (expired sessions and disabled accounts: none). */
export async function findSessionUser(
  db: Db,
  p: { tokenHash: string; now: number },
): Promise<UserRow | undefined> {
  const [row] = await db.read<{ user: UserRow }>(FIND_SESSION_USER, p);
  return row?.user;
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

const FIND_TOKEN_USER = /* cypher */ `
  MATCH (t:AccessToken {tokenHash: $tokenHash})-[:OF_USER]->(u:User)
  WHERE NOT coalesce(u.disabled, false)
  RETURN ${PROJECT_USER} AS user`;

export async function findAccessTokenUser(db: Db, tokenHash: string): Promise<UserRow | undefined> {
  const [row] = await db.read<{ user: UserRow }>(FIND_TOKEN_USER, { tokenHash });
  return row?.user;
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
