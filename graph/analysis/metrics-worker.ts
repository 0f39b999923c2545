/**
 * The worker thread behind graph/analysis/off-thread.ts: counts the heaviest
 * pairs of a projection and computes their metrics, so that the server's own
 * thread keeps answering requests meanwhile (seconds at national scale).
 */
import { parentPort } from 'node:worker_threads';
import { computeMetricArrays } from './network-metrics.js';
import { heaviestPairNetwork } from './pair-network.js';
import type { MetricsJob, MetricsMessage } from './off-thread.js';

const port = parentPort!;
const post = (message: MetricsMessage) => port.postMessage(message);

port.on('message', (job: MetricsJob) => {
  try {
    const network = heaviestPairNetwork(job.width, job.groups, job.links, job.maxPairs);
    // The ends first: the server reads their names while the metrics are computed.
    post({ job: job.job, kind: 'ends', ends: network.ends, total: network.total });
    const metrics = computeMetricArrays(
      network.ends.length,
      network.sources,
      network.targets,
      network.weights,
    );
    post({ job: job.job, kind: 'metrics', network, metrics });
  } catch (error) {
    post({ job: job.job, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
