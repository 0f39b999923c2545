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
  type CredentialCheck,
} from '../../graph/queries/sessions.js';
import { findUserByEmail, recordFailedLogin, resetFailedLogins } from '../../graph/queries/users.js';
import type { Authenticator, Credentials, LoginResult } from './authenticator.js';
import {
  ACCESS_TOKEN_PREFIX,
  decoyPasswordHash,
  hashToken,
  randomSecret,
  verifyPassword,
} from './secrets.js';
import { viewerOf, type Viewer } from './viewer.js';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long, and for how many credentials, `recall` remembers a viewer. */
const RECALL_MS = 60_000;
const RECALL_MAX = 10_000;

/** The hash a credential is stored under, and its kind; none for what cannot be one. */
function checkOf({ session, bearer }: Credentials): CredentialCheck | undefined {
  if (bearer)
    return bearer.startsWith(ACCESS_TOKEN_PREFIX)
      ? { kind: 'token', tokenHash: hashToken(bearer) }
      : undefined;
  return session ? { kind: 'session', tokenHash: hashToken(session) } : undefined;
}

const recallKey = (check: CredentialCheck) => `${check.kind}:${check.tokenHash}`;

/** Accounts stored in Neo4j (`:User`), passwords checked with argon2id. */
export function createLocalAccounts(db: Db, options: LocalAccountsOptions = {}): Authenticator {
  const slowAfter = options.slowAfter ?? 3;
  const lockAfter = options.lockAfter ?? 5;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const slowStepMs = options.slowStepMs ?? 500;
  const sessionTtlMs = options.sessionTtlMs ?? 12 * 3_600_000;

  // Viewers last authenticated, by credential hash: what `recall` answers from.
  const recalled = new Map<string, { viewer: Viewer; at: number }>();

  return {
    sessionTtlMs,

    async authenticate(credentials) {
      const check = checkOf(credentials);
      if (!check) return null;
      const user =
        check.kind === 'token'
          ? await findAccessTokenUser(db, check.tokenHash)
          : await findSessionUser(db, { tokenHash: check.tokenHash, now: Date.now() });
      const key = recallKey(check);
      recalled.delete(key);
      if (!user) return null;
      const viewer = viewerOf(user);
      if (recalled.size >= RECALL_MAX) recalled.delete(recalled.keys().next().value!);
      recalled.set(key, { viewer, at: Date.now() });
      return viewer;
    },

    recall(credentials) {
      const check = checkOf(credentials);
      const held = check && recalled.get(recallKey(check));
      if (!check || !held || Date.now() - held.at > RECALL_MS) return undefined;
      return { viewer: held.viewer, check };
    },

    forget(check) {
      recalled.delete(recallKey(check));
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

    async logout(session) {
      recalled.delete(recallKey({ kind: 'session', tokenHash: hashToken(session) }));
      await deleteSession(db, hashToken(session));
    },

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
