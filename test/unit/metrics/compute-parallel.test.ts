/**
 * computeMetricsOnCores with a real worker thread (from the sources): a big binary evaluation
 * shared with it gives exactly computeMetrics' result. The worker protocol's failures are in
 * compute-parallel-workers.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { computeMetrics } from '../../../src/metrics/compute.js';
import {
  computeMetricsOnCores,
  PARALLEL_MIN_ROWS,
  parallelComputeStats,
} from '../../../src/metrics/compute-parallel.js';
import { stopWorkers } from '../../../src/workers/pool.js';
import { tiedBinaryArrays } from '../../helpers/evaluate-data.js';

afterAll(() => stopWorkers());

const n = PARALLEL_MIN_ROWS + 1234;
const { labels, scores } = tiedBinaryArrays(n, 7);
const opts = { threshold: 0.5, seed: 11 };
const expected = computeMetrics('binary-classification', labels, { scores }, opts);

describe('computeMetricsOnCores', () => {
  it('shares a big binary evaluation with a worker: exactly computeMetrics’ result', async () => {
    const before = { ...parallelComputeStats };
    const got = await computeMetricsOnCores('binary-classification', labels, { scores }, opts);
    expect(got).toEqual(expected);
    expect(parallelComputeStats.parallel).toBe(before.parallel + 1);
    expect(parallelComputeStats.fallbacks).toBe(before.fallbacks);
    // Not the same numbers by accident: another seed gives other standard deviations.
    const other = await computeMetricsOnCores(
      'binary-classification',
      labels,
      { scores },
      { ...opts, seed: 12 },
    );
    expect(other.metrics).toEqual(expected.metrics);
    expect(other.standardDeviations).not.toEqual(expected.standardDeviations);
  });

  it('small inputs, other problem types and workers: 0 run computeMetrics here', async () => {
    const before = { ...parallelComputeStats };
    const small = tiedBinaryArrays(1000, 3);
    expect(
      await computeMetricsOnCores('binary-classification', small.labels, { scores: small.scores }, opts),
    ).toEqual(computeMetrics('binary-classification', small.labels, { scores: small.scores }, opts));
    expect(
      await computeMetricsOnCores('binary-classification', labels, { scores }, { ...opts, workers: 0 }),
    ).toEqual(expected);
    expect(await computeMetricsOnCores('regression', labels, { scores }, opts)).toEqual(
      computeMetrics('regression', labels, { scores }, opts),
    );
    expect(parallelComputeStats).toEqual(before);
  });
});
