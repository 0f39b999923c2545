import { useSyncExternalStore } from 'react';

/** The account behind the page's session cookie (the cookie itself is httpOnly: never read here). */
export interface SessionViewer {
  id: string;
  email: string;
  role: 'reader' | 'editor' | 'admin';
  departements: string[];
  canEdit: boolean;
}

type LoginOutcome = { ok: true } | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NETWORK' | string };

let viewer: SessionViewer | null = null;
const listeners = new Set<() => void>();

function setViewer(next: SessionViewer | null) {
  viewer = next;
  for (const listener of listeners) listener();
}

/** The auth routes are JSON POSTs with the CSRF header, like every write of the page. */
async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-atlas-csrf': '1' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, json };
}

export async function refreshViewer(): Promise<void> {
  try {
    const { json } = await post('/auth/me', {});
    setViewer((json.viewer as SessionViewer | null) ?? null);
  } catch {
    setViewer(null);
  }
}

export async function login(email: string, password: string): Promise<LoginOutcome> {
  try {
    const { status, json } = await post('/auth/login', { email, password });
    if (status !== 200) return { ok: false, code: String((json.error as { code?: string })?.code ?? status) };
    await refreshViewer();
    return { ok: true };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}

export async function logout(): Promise<void> {
  await post('/auth/logout', {}).catch(() => undefined);
  setViewer(null);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current viewer, shared by every component (null: anonymous). */
export const useViewer = (): SessionViewer | null => useSyncExternalStore(subscribe, () => viewer);
