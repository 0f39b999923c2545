import type { CredentialCheck } from '../../graph/queries/sessions.js';
import type { Viewer } from './viewer.js';

/** What a request carries that may identify its sender. */
export interface Credentials {
  /** The session cookie's value. */
  session?: string;
  /** An `Authorization: Bearer` token. */
  bearer?: string;
}

export type LoginResult =
  | { ok: true; viewer: Viewer; session: string; expiresAt: number }
  | { ok: false; reason: 'invalid' | 'locked'; retryAfterMs?: number };

/**
 * The one interface the server authenticates through. Local accounts implement it
 * today; an OpenID Connect provider (ProConnect, Keycloak) can implement it later
 * without resolvers noticing: they only ever see a `Viewer`.
 */
export interface Authenticator {
  /** The viewer behind these credentials, or null (anonymous, expired, revoked, disabled). */
  authenticate(credentials: Credentials): Promise<Viewer | null>;
  /**
   * The viewer these credentials had when this process last authenticated them, without
   * asking the database, and what lets a transaction find them live again. Only for a
   * request whose every write checks them in its own transaction (the editing mutations):
   * a credential revoked or an account disabled meanwhile is refused there, by any process.
   */
  recall(credentials: Credentials): { viewer: Viewer; check: CredentialCheck } | undefined;
  /** Drops what `recall` holds for a credential a transaction found no longer live. */
  forget(check: CredentialCheck): void;
  login(email: string, password: string): Promise<LoginResult>;
  logout(session: string): Promise<void>;
  /** Session lifetime, in ms, for the cookie's Max-Age. */
  readonly sessionTtlMs: number;
  createAccessToken(viewer: Viewer, name: string): Promise<{ id: string; name: string; token: string }>;
  listAccessTokens(viewer: Viewer): Promise<{ id: string; name: string; createdAt: string }[]>;
  revokeAccessToken(viewer: Viewer, id: string): Promise<boolean>;
}
