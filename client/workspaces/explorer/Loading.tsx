import { Suspense, type ReactNode } from 'react';

/** A lazily loaded panel, with a status line while its code arrives. */
export function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p role="status">Chargement…</p>}>{children}</Suspense>;
}
