import { randomUUID } from 'node:crypto';
import type { Db } from '../../graph/driver.js';
import {
  createAccessToken,
  createSession,
  deleteSession,
  findAccessTokenUser,
  findSessionUser,
  listAccessTokens,
  revokeAccessToken,
} from '../../graph/queries/sessions.js';
import {
  findUserByEmail,
  recordFailedLogin,
  resetFailedLogins,
  type UserRow,
} from '../../graph/queries/users.js';
import type { Authenticator, LoginResult } from './authenticator.js';
import {
  ACCESS_TOKEN_PREFIX,
  decoyPasswordHash,
  hashToken,
  randomSecret,
  verifyPassword,
} from './secrets.js';
import type { Viewer } from './viewer.js';

/** How failed logins are slowed and locked, and how long a session lives. */
export interface LocalAccountsOptions {
  /** Failures from which each further answer is delayed (3). */
  slowAfter?: number;
  /** Failures that lock the account (5). */
  lockAfter?: number;
  /** How long a lock lasts, in ms (15 min). */
  lockMs?: number;
  /** Delay per failure past `slowAfter`, in ms (500). */
  slowStepMs?: number;
  /** Session lifetime, in ms (12 h). */
  sessionTtlMs?: number;
}

export function localAccountsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalAccountsOptions {
  const hours = Number(env.ATLAS_SESSION_HOURS ?? 12);
  return { sessionTtlMs: (Number.isFinite(hours) && hours > 0 ? hours : 12) * 3_600_000 };
}

export const viewerOf = (user: UserRow): Viewer => ({
  id: user.uid,
  email: user.email,
  role: user.role,
  departements: user.departements,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Accounts stored in Neo4j (`:User`), passwords checked with argon2id. */
export function createLocalAccounts(db: Db, options: LocalAccountsOptions = {}): Authenticator {
  const slowAfter = options.slowAfter ?? 3;
  const lockAfter = options.lockAfter ?? 5;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const slowStepMs = options.slowStepMs ?? 500;
  const sessionTtlMs = options.sessionTtlMs ?? 12 * 3_600_000;

  return {
    sessionTtlMs,

    async authenticate({ session, bearer }) {
      const user = bearer
        ? bearer.startsWith(ACCESS_TOKEN_PREFIX)
          ? await findAccessTokenUser(db, hashToken(bearer))
          : undefined
        : session
          ? await findSessionUser(db, { tokenHash: hashToken(session), now: Date.now() })
          : undefined;
      return user ? viewerOf(user) : null;
    },

    async login(email, password): Promise<LoginResult> {
      const user = await findUserByEmail(db, email.trim().toLowerCase());
      const now = Date.now();
      if (!user || user.disabled) {
        await verifyPassword(await decoyPasswordHash(), password);
        return { ok: false, reason: 'invalid' };
      }
      if (user.lockedUntil > now)
        return { ok: false, reason: 'locked', retryAfterMs: user.lockedUntil - now };
      if (!(await verifyPassword(user.passwordHash, password))) {
        const failed = await recordFailedLogin(db, { uid: user.uid, now, lockAfter, lockMs });
        if (failed.lockedUntil > now)
          return { ok: false, reason: 'locked', retryAfterMs: failed.lockedUntil - now };
        // Guessing gets slower with every failure past the first few.
        if (failed.failedLogins > slowAfter) await sleep((failed.failedLogins - slowAfter) * slowStepMs);
        return { ok: false, reason: 'invalid' };
      }
      await resetFailedLogins(db, user.uid);
      const session = randomSecret();
      const expiresAt = now + sessionTtlMs;
      await createSession(db, { uid: user.uid, tokenHash: hashToken(session), expiresAt, now });
      return { ok: true, viewer: viewerOf(user), session, expiresAt };
    },

    logout: (session) => deleteSession(db, hashToken(session)),

    async createAccessToken(viewer, name) {
      const token = `${ACCESS_TOKEN_PREFIX}${randomSecret()}`;
      const id = randomUUID();
      await createAccessToken(db, { userUid: viewer.id, uid: id, name, tokenHash: hashToken(token) });
      return { id, name, token };
    },

    async listAccessTokens(viewer) {
      return (await listAccessTokens(db, viewer.id)).map((t) => ({
        id: t.uid,
        name: t.name,
        createdAt: t.createdAt,
      }));
    },

    revokeAccessToken: (viewer, id) => revokeAccessToken(db, { uid: id, userUid: viewer.id }),
  };
}
