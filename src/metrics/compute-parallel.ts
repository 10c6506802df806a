/**
 * computeMetrics on two threads, with the same results: for a big binary evaluation a worker
 * thread (the shared pool's, src/workers) draws the monitor's resample masks while this thread
 * sorts, then runs the five-resample pass while this thread runs the full-data pass; both read
 * the sorted data from shared memory. A worker that cannot start or crashes means this thread
 * does its part; one that answers something malformed fails the evaluation closed. Anything else
 * (other problem types, small data) is computeMetrics.
 */
import { WorkerFailure, workers } from '../workers/pool.js';
import { binaryPassPacked } from './binary.js';
import { fullBinaryPass } from './binary-fused.js';
import { binaryResult, checkThreshold, computeMetrics, sortBinary } from './compute.js';
import { DataError } from './data-error.js';
import { metricNames } from './report.js';
import { DEFAULT_SEED, monitorMasks, STD_RESAMPLES } from './resample.js';
import type { BinaryPass, EvaluationResult, Predictions, ProblemType } from './types.js';
import { assertResamples, MASKS_TASK, RESAMPLE_TASK } from './worker-tasks.js';

/** Fewer rows are computed on this thread (a worker's round trip costs milliseconds). */
export const PARALLEL_MIN_ROWS = 200_000;

/** Counters for tests and benchmarks: resample passes a worker ran, and fallbacks to this thread. */
export const parallelMetricsStats = { workerPasses: 0, fallbacks: 0 };

export async function computeMetricsParallel(
  problemType: ProblemType,
  labels: Float64Array,
  predictions: Predictions,
  opts: { threshold: number; seed?: number },
  minRows = PARALLEL_MIN_ROWS,
): Promise<EvaluationResult> {
  const n = labels.length;
  const [worker] = problemType === 'binary-classification' && n >= Math.max(minRows, 200) ? workers(1) : [];
  if (!worker || predictions.scores.length !== n)
    return computeMetrics(problemType, labels, predictions, opts);
  const { threshold } = opts;
  checkThreshold(threshold);
  const seed = opts.seed ?? DEFAULT_SEED;
  const packed = new Uint8Array(new SharedArrayBuffer(n));
  const masks = worker.request(MASKS_TASK, { n, seed, packed });
  masks.catch(() => undefined); // awaited below
  const { s, y, spare, positives } = sortBinary(labels, predictions, true);
  const resampled = worker.request(RESAMPLE_TASK, { s, y, packed, threshold });
  resampled.catch(() => undefined); // awaited below
  const { losses, ...rest } = fullBinaryPass(s, y, threshold, 200, spare, positives);
  let resamples: BinaryPass[];
  try {
    await masks;
    resamples = assertResamples(await resampled, n);
    parallelMetricsStats.workerPasses++;
  } catch (err) {
    if (!(err instanceof WorkerFailure) || err.kind === 'protocol')
      throw new DataError(
        `the ${worker.origin} computing the resampled metrics ${err instanceof WorkerFailure ? err.message : `answered ${(err as Error).message}`}; the evaluation fails closed`,
      );
    parallelMetricsStats.fallbacks++;
    resamples = binaryPassPacked(s, y, monitorMasks(n, seed), STD_RESAMPLES, threshold, losses);
  }
  return binaryResult(n, metricNames(problemType), { ...rest, resamples });
}
