/** Personal access tokens (for scripts and API clients), managed from the page's session. */
export interface AccessToken {
  id: string;
  name: string;
  createdAt: string;
}

export type TokenOutcome<T> = { ok: true; value: T } | { ok: false; code: string };

async function post<T>(path: string, body: unknown): Promise<TokenOutcome<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-atlas-csrf': '1' },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok)
      return { ok: false, code: String((json.error as { code?: string })?.code ?? response.status) };
    return { ok: true, value: json as T };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}

export const listTokens = async (): Promise<TokenOutcome<AccessToken[]>> => {
  const outcome = await post<{ tokens: AccessToken[] }>('/auth/tokens', {});
  return outcome.ok ? { ok: true, value: outcome.value.tokens } : outcome;
};

/** The token's secret comes back this once: only its hash is kept. */
export const createToken = async (
  name: string,
): Promise<TokenOutcome<{ id: string; name: string; token: string }>> => {
  const outcome = await post<{ token: { id: string; name: string; token: string } }>('/auth/tokens', {
    name,
  });
  return outcome.ok ? { ok: true, value: outcome.value.token } : outcome;
};

export const revokeToken = (id: string) => post<{ revoked: string }>('/auth/tokens/revoke', { id });
