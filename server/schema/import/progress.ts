import type { ProgressEvent } from '../../../graph/import/run-import.js';

/** How long the last progress of an import stays readable after its last event. */
const KEEP_MS = 15 * 60_000;
/** Imports followed at once, at most (older ones are forgotten first). */
const MAX_TRACKED = 500;

interface Tracked {
  owner: string;
  event: ProgressEvent;
  at: number;
}

/**
 * The progress of the imports running in this process, by the key their page
 * chose, readable by their own author only. In memory: behind several app
 * processes, the page's polls reach the one running its import only when the
 * balancer keeps the session on one process.
 */
const tracked = new Map<string, Tracked>();

function forgetOld(now: number): void {
  for (const [key, entry] of tracked) {
    if (now - entry.at > KEEP_MS || tracked.size > MAX_TRACKED) tracked.delete(key);
  }
}

/** A progress listener that records under `key` for `owner` (a key already someone else's is left alone). */
export function trackProgress(key: string | null | undefined, owner: string): (event: ProgressEvent) => void {
  if (!key) return () => undefined;
  return (event) => {
    const existing = tracked.get(key);
    if (existing && existing.owner !== owner) return;
    const now = Date.now();
    tracked.delete(key);
    tracked.set(key, { owner, event, at: now });
    forgetOld(now);
  };
}

export function progressOf(key: string, owner: string | undefined): ProgressEvent | null {
  const entry = tracked.get(key);
  return entry && owner !== undefined && entry.owner === owner ? entry.event : null;
}
