import type { Db } from '../driver.js';

export const USER_ROLES = ['reader', 'editor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** An account as graph/ returns it. `passwordHash` leaves graph/ only towards the password check. */
export interface UserRow {
  uid: string;
  email: string;
  role: UserRole;
  /** Département ids an editor is limited to; empty: everywhere. */
  departements: string[];
  disabled: boolean;
  failedLogins: number;
  /** Epoch ms until which logins are refused; 0 when not locked. */
  lockedUntil: number;
  createdAt: string;
}

export interface UserWithSecret extends UserRow {
  passwordHash: string;
}

const PROJECT_USER = `{uid: u.uid, email: u.email, role: u.role, departements: coalesce(u.departements, []),
  disabled: coalesce(u.disabled, false), failedLogins: coalesce(u.failedLogins, 0),
  lockedUntil: coalesce(u.lockedUntil, 0), createdAt: toString(u.createdAt)}`;

const CREATE_USER = /* cypher */ `
  CREATE (u:User {uid: $uid, email: $email, passwordHash: $passwordHash, role: $role,
    departements: $departements, disabled: false, failedLogins: 0, lockedUntil: 0, createdAt: datetime()})
  RETURN ${PROJECT_USER} AS user`;

/** Creates an account; a taken e-mail fails with GraphError CONFLICT (uniqueness constraint). */
export async function createUser(
  db: Db,
  p: { uid: string; email: string; passwordHash: string; role: UserRole; departements: string[] },
): Promise<UserRow> {
  const [row] = await db.write<{ user: UserRow }>(CREATE_USER, p);
  return row!.user;
}

const FIND_USER_BY_EMAIL = /* cypher */ `
  MATCH (u:User {email: $email})
  RETURN ${PROJECT_USER} AS user, u.passwordHash AS passwordHash`;

export async function findUserByEmail(db: Db, email: string): Promise<UserWithSecret | undefined> {
  const [row] = await db.read<{ user: UserRow; passwordHash: string }>(FIND_USER_BY_EMAIL, { email });
  return row ? { ...row.user, passwordHash: row.passwordHash } : undefined;
}

const LIST_USERS = /* cypher */ `
  MATCH (u:User)
  RETURN ${PROJECT_USER} AS user
  ORDER BY u.email`;

export async function listUsers(db: Db): Promise<UserRow[]> {
  return (await db.read<{ user: UserRow }>(LIST_USERS)).map((row) => row.user);
}

const UPDATE_USER_ACCESS = /* cypher */ `
  MATCH (u:User {email: $email})
  SET u.role = coalesce($role, u.role),
      u.departements = coalesce($departements, u.departements),
      u.disabled = coalesce($disabled, u.disabled)
  RETURN ${PROJECT_USER} AS user`;

/** Changes an account's role, départements or disabled flag (null keeps the current value). */
export async function updateUserAccess(
  db: Db,
  p: { email: string; role?: UserRole | null; departements?: string[] | null; disabled?: boolean | null },
): Promise<UserRow | undefined> {
  const [row] = await db.write<{ user: UserRow }>(UPDATE_USER_ACCESS, {
    email: p.email,
    role: p.role ?? null,
    departements: p.departements ?? null,
    disabled: p.disabled ?? null,
  });
  return row?.user;
}

const SET_PASSWORD = /* cypher */ `
  MATCH (u:User {email: $email})
  SET u.passwordHash = $passwordHash, u.failedLogins = 0, u.lockedUntil = 0
  RETURN u.uid AS uid`;

export async function setUserPassword(db: Db, p: { email: string; passwordHash: string }): Promise<boolean> {
  return (await db.write(SET_PASSWORD, p)).length > 0;
}

// One statement, so that concurrent failures all count (the SET takes the node's lock).
const RECORD_FAILED_LOGIN = /* cypher */ `
  MATCH (u:User {uid: $uid})
  SET u.failedLogins = coalesce(u.failedLogins, 0) + 1
  SET u.lockedUntil = CASE WHEN u.failedLogins >= $lockAfter THEN $now + $lockMs ELSE coalesce(u.lockedUntil, 0) END
  RETURN u.failedLogins AS failedLogins, u.lockedUntil AS lockedUntil`;

/** Counts a failed login; from `lockAfter` failures on, the account is locked for `lockMs`. */
export async function recordFailedLogin(
  db: Db,
  p: { uid: string; now: number; lockAfter: number; lockMs: number },
): Promise<{ failedLogins: number; lockedUntil: number }> {
  const [row] = await db.write<{ failedLogins: number; lockedUntil: number }>(RECORD_FAILED_LOGIN, p);
  return row ?? { failedLogins: 0, lockedUntil: 0 };
}

const RESET_FAILED_LOGINS = /* cypher */ `
  MATCH (u:User {uid: $uid})
  SET u.failedLogins = 0, u.lockedUntil = 0, u.lastLoginAt = datetime()`;

export async function resetFailedLogins(db: Db, uid: string): Promise<void> {
  await db.write(RESET_FAILED_LOGINS, { uid });
}
