/**
 * computeMetrics on both cores, with identical results: for a big binary evaluation a worker
 * thread of the shared pool (src/workers) sorts half the scores with this thread (sort-parallel.ts),
 * draws the monitor's subsample masks while this thread computes the log-loss terms, then runs
 * the packed resample pass over the sorted scores (SharedArrayBuffers, not copies) while this
 * thread runs the full-data pass. Everything else, and small inputs, run
 * computeMetrics as it is. A worker that cannot start or crashes means the same work on this
 * thread; one that answers something malformed fails the evaluation closed.
 */
import { requestChecked, workers, type Checked } from '../workers/pool.js';
import { binaryPassPacked, logLossTerms, type BinaryPass } from './binary.js';
import { fullBinaryPass } from './binary-fused.js';
import { binaryResult, checkThreshold, computeMetrics, sortBinary } from './compute.js';
import { DataError } from './data-error.js';
import { sortOnCores } from './sort-parallel.js';
import { metricNames } from './report.js';
import { DEFAULT_SEED, monitorMasks, STD_RESAMPLES } from './resample.js';
import type { EvaluationResult, Predictions, ProblemType } from './types.js';
import {
  assertMasks,
  assertResamplePasses,
  MONITOR_MASKS_TASK,
  RESAMPLE_PASS_TASK,
  type ResamplePassTask,
} from './worker-tasks.js';

/** Fewer rows than this are computed on this thread (a worker's round trip costs milliseconds). */
export const PARALLEL_MIN_ROWS = 1 << 18;

/** Counters for tests and benchmarks: evaluations that used a worker, and worker fallbacks. */
export const parallelComputeStats = { parallel: 0, fallbacks: 0 };

/** computeMetrics, with a big binary evaluation's work shared with a worker thread (see above). */
export async function computeMetricsOnCores(
  problemType: ProblemType,
  labels: Float64Array,
  predictions: Predictions,
  opts: {
    threshold: number;
    seed?: number;
    /** 0: never use a worker thread. */
    workers?: number;
    /** The smallest evaluation shared with a worker (default PARALLEL_MIN_ROWS; tests lower it). */
    minRows?: number;
  },
): Promise<EvaluationResult> {
  const n = labels.length;
  const [worker] =
    problemType === 'binary-classification' &&
    n >= (opts.minRows ?? PARALLEL_MIN_ROWS) &&
    predictions.scores.length === n &&
    opts.workers !== 0
      ? workers(1)
      : [];
  if (!worker) return computeMetrics(problemType, labels, predictions, opts);
  checkThreshold(opts.threshold);
  const seed = opts.seed ?? DEFAULT_SEED;
  const closed = (why: string): DataError =>
    new DataError(`cannot compute the metrics: the ${worker.origin} ${why}; the evaluation fails closed`);
  // The sort on both threads (sort-parallel.ts); here alone when the worker cannot help or some
  // row breaks the binary contract (sortBinary names it).
  const sorted =
    (await sortOnCores(worker, predictions.scores, labels, closed)) ?? sortBinary(labels, predictions, true);
  // The masks on the worker while this thread computes the log-loss terms.
  const masks = requestChecked(worker, MONITOR_MASKS_TASK, { n, seed }, (a) => assertMasks(a, n), closed);
  const { s, y, positives } = sorted;
  // The per-row log-loss terms once, shared: both passes read them.
  const losses = new Float64Array(new SharedArrayBuffer(8 * n));
  logLossTerms(s, y, losses);
  const packed = await masks;
  let resamples: Promise<Checked<BinaryPass[]>> = Promise.resolve(packed as Checked<never>);
  if (packed.ran) {
    const task: ResamplePassTask = { s, y, losses, packed: packed.value, threshold: opts.threshold };
    resamples = requestChecked(worker, RESAMPLE_PASS_TASK, task, (a) => assertResamplePasses(a, n), closed, [
      packed.value.buffer as ArrayBuffer,
    ]);
  }
  // The full-data pass here meanwhile.
  const pass = fullBinaryPass(s, y, opts.threshold, 200, losses, positives, true);
  const answer = await resamples;
  let passes: BinaryPass[];
  if (answer.ran) {
    parallelComputeStats.parallel++;
    passes = answer.value;
  } else {
    parallelComputeStats.fallbacks++;
    passes = binaryPassPacked(s, y, monitorMasks(n, seed), STD_RESAMPLES, opts.threshold, losses);
  }
  return binaryResult(n, metricNames(problemType), pass, passes);
}
