import type { Db } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../graph/local/instance.js';

/** What a benchmark suite gets: the bench Neo4j (full dataset loaded) and the app serving it. */
export interface BenchContext {
  db: Db;
  appUrl: string;
}

export interface BenchResult {
  name: string;
  /** Milliseconds unless `unit` says otherwise. */
  value: number;
  unit?: string;
  /** The figure an issue asks for, in the same unit; lower is better. */
  target?: number;
  note?: string;
}

export type BenchSuite = (context: BenchContext) => Promise<BenchResult[]>;

/** Median of `runs` timed calls after `warmup` untimed ones. */
export async function timeMedian(work: () => Promise<unknown>, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Medians of calls measured in turn (A, B, C, A, B, C…) in the same run, so that all
 * see the same machine load and the same database caches.
 */
export async function timeInTurns<K extends string>(
  works: Record<K, () => Promise<unknown>>,
  runs = 15,
  warmup = 3,
): Promise<Record<K, number>> {
  const entries = Object.entries(works) as [K, () => Promise<unknown>][];
  for (let i = 0; i < warmup; i += 1) for (const [, work] of entries) await work();
  const times = Object.fromEntries(entries.map(([key]) => [key, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i += 1) {
    for (const [key, work] of entries) {
      const started = performance.now();
      await work();
      times[key].push(performance.now() - started);
    }
  }
  return Object.fromEntries(entries.map(([key]) => [key, median(times[key])])) as Record<K, number>;
}

/** Medians of two calls measured in alternation (A, B, A, B…) in the same run. */
export function timeAlternated(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs = 15,
  warmup = 3,
): Promise<{ a: number; b: number }> {
  return timeInTurns({ a, b }, runs, warmup);
}

/**
 * A Neo4j of the bench's own, on a free port and quiet: started empty unless
 * `keep` (a scale's database kept between runs).
 */
export async function startBenchNeo4j(
  name: string,
  sizes: Pick<LocalNeo4jOptions, 'heapMb' | 'pageCacheMb' | 'transactionMaxMb'> = {},
  keep = false,
): Promise<LocalNeo4j> {
  return startLocalNeo4j({ name, boltPort: await findFreePort(), fresh: !keep, ...sizes, log: () => {} });
}
