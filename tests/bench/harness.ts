import type { Db } from '../../graph/driver.js';

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
