import { GraphError } from './errors.js';

/** How long the shared probe may take before the database counts as still unavailable. */
const PROBE_TIMEOUT_MS = 1_500;

/**
 * Once the database has been found unreachable, every query first waits on one
 * shared probe rather than each stalling on its own: while Neo4j is down, or up
 * but still starting its database (Bolt answers before transactions are taken),
 * callers get DATABASE_UNAVAILABLE within the probe's timeout; the first probe
 * that succeeds lets everything through again.
 */
export function createAvailabilityGate(probe: () => Promise<unknown>, probeTimeoutMs = PROBE_TIMEOUT_MS) {
  let suspect = false;
  let pending: Promise<void> | undefined;

  function runProbe(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new GraphError('DATABASE_UNAVAILABLE', 'The graph database is still starting.')),
        probeTimeoutMs,
      );
    });
    const attempt = probe();
    attempt.catch(() => {});
    return Promise.race([attempt, timedOut])
      .then(() => {
        suspect = false;
      })
      .finally(() => {
        clearTimeout(timer);
        pending = undefined;
      });
  }

  return {
    /** Called when a query found the database unreachable. */
    markUnavailable(): void {
      suspect = true;
    },
    /** Resolves at once when the database is believed up; else waits on the shared probe. */
    async check(): Promise<void> {
      if (!suspect) return;
      pending ??= runProbe();
      await pending;
    },
  };
}
