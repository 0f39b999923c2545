import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum settings: 19 MiB, 2 passes.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a password nobody has, so that an unknown e-mail costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** A fresh secret for a session, a token or a one-time password. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * Session and token secrets are long and random: a fast hash is enough to store them
 * (what the database holds cannot be replayed), and it lets them be found by index.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Personal access tokens are recognisable in logs and secret scanners by their prefix. */
export const ACCESS_TOKEN_PREFIX = 'atlas_pat_';
