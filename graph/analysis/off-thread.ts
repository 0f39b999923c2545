/**
 * Network metrics on a worker thread: at national scale counting the pairs and
 * running Louvain, PageRank and betweenness take seconds of CPU, which on the
 * server's own thread would hold every other request for as long. One worker,
 * started on first use (unreferenced, so it never keeps a process alive) and ended
 * after IDLE_MS without a job, so that its heap is not kept; jobs queue on it in order.
 */
import { Worker } from 'node:worker_threads';
import type { MetricArrays } from './network-metrics.js';
import type { NumberedPairNetwork } from './pair-network.js';

export interface MetricsJob {
  job: number;
  width: number;
  groups: Int32Array[];
  links: Int32Array;
  maxPairs: number;
}

export type MetricsMessage =
  | { job: number; kind: 'ends'; ends: Int32Array; total: number }
  | { job: number; kind: 'metrics'; network: NumberedPairNetwork; metrics: MetricArrays }
  | { job: number; kind: 'error'; message: string };

interface Pending {
  ends: (value: { ends: Int32Array; total: number }) => void;
  done: (value: { network: NumberedPairNetwork; metrics: MetricArrays }) => void;
  fail: (error: Error) => void;
}

/** How long the worker is kept without a job. */
const IDLE_MS = 60_000;

let worker: Worker | undefined;
let nextJob = 0;
const pending = new Map<number, Pending>();
let idle: NodeJS.Timeout | undefined;

function endWhenIdle() {
  clearTimeout(idle);
  if (pending.size > 0 || !worker) return;
  const current = worker;
  idle = setTimeout(() => {
    if (worker !== current || pending.size > 0) return;
    worker = undefined;
    void current.terminate();
  }, IDLE_MS);
  idle.unref();
}

// Run from TypeScript sources (tsx, vitest), the worker registers tsx's loader before
// importing its module; built to JavaScript, it imports it directly.
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./metrics-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  const started = fromSources
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`,
        { eval: true },
      )
    : new Worker(new URL(entry));
  started.unref();
  started.on('message', (message: MetricsMessage) => {
    const job = pending.get(message.job);
    if (!job) return;
    if (message.kind === 'ends') return job.ends({ ends: message.ends, total: message.total });
    pending.delete(message.job);
    if (message.kind === 'metrics') job.done({ network: message.network, metrics: message.metrics });
    else job.fail(new Error(message.message));
    endWhenIdle();
  });
  const lost = (error: Error) => {
    if (worker !== started) return;
    worker = undefined;
    for (const job of pending.values()) job.fail(error);
    pending.clear();
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`The metrics worker stopped (exit code ${code}).`)));
  return started;
}

/**
 * The heaviest pairs' network and its metrics, computed on the worker: `ends` (the
 * member numbers of its nodes) settles first, so that their names can be read while
 * the metrics are computed.
 */
export function computeMetricsOffThread(input: Omit<MetricsJob, 'job'>): {
  ends: Promise<{ ends: Int32Array; total: number }>;
  done: Promise<{ network: NumberedPairNetwork; metrics: MetricArrays }>;
} {
  clearTimeout(idle);
  worker ??= startWorker();
  const job = nextJob++;
  let handlers!: Pending;
  const ends = new Promise<{ ends: Int32Array; total: number }>((resolve, reject) => {
    handlers = { ends: resolve, done: () => {}, fail: reject };
  });
  const done = new Promise<{ network: NumberedPairNetwork; metrics: MetricArrays }>((resolve, reject) => {
    const failEnds = handlers.fail;
    handlers.done = resolve;
    handlers.fail = (error) => {
      failEnds(error);
      reject(error);
    };
  });
  // Whoever waits on one of them only still hears of a failure through it.
  ends.catch(() => {});
  done.catch(() => {});
  pending.set(job, handlers);
  worker.postMessage({ job, ...input } satisfies MetricsJob);
  return { ends, done };
}
