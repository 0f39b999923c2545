import type { Credentials } from './authenticator.js';

export const SESSION_COOKIE = 'atlas_session';

/** The session cookie and bearer token of a request, from its headers. */
export function credentialsOf(headers: { get(name: string): string | null }): Credentials {
  const credentials: Credentials = {};
  const authorization = headers.get('authorization');
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) credentials.bearer = bearer;
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE && rest.length > 0) credentials.session = decodeURIComponent(rest.join('='));
  }
  return credentials;
}

/** httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), with an expiry. */
export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}
