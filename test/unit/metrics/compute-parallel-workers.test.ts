/**
 * computeMetricsOnCores' worker protocol (fake workers): a worker that cannot start or crashes
 * means the same result computed here; a malformed answer or a task that threw fails closed; bad
 * rows and thresholds fail as computeMetrics fails.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { computeMetrics } from '../../../src/metrics/compute.js';
import {
  computeMetricsOnCores,
  PARALLEL_MIN_ROWS,
  parallelComputeStats,
} from '../../../src/metrics/compute-parallel.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { setWorkerScript, stopWorkers } from '../../../src/workers/pool.js';
import { fakeWorker } from '../../helpers/fake-worker.js';
import { tiedBinaryArrays } from '../../helpers/evaluate-data.js';

afterEach(() => setWorkerScript(undefined));
afterAll(() => stopWorkers());

const n = PARALLEL_MIN_ROWS + 1234;
const { labels, scores } = tiedBinaryArrays(n, 7);
const opts = { threshold: 0.5, seed: 11 };
const expected = computeMetrics('binary-classification', labels, { scores }, opts);

describe('computeMetricsOnCores worker protocol', () => {
  it.each([
    ['crashes', 'process.exit(3);'],
    [
      'crashes on the second task',
      'if (m.kind === "metrics-resample-pass") process.exit(3); else parentPort.postMessage({ id: m.id, value: new Uint8Array(m.task.n).fill(31) });',
    ],
  ])('a worker that %s: the same result, computed here', async (_name, onTask) => {
    await setWorkerScript(fakeWorker(onTask));
    const before = parallelComputeStats.fallbacks;
    expect(await computeMetricsOnCores('binary-classification', labels, { scores }, opts)).toEqual(expected);
    expect(parallelComputeStats.fallbacks).toBe(before + 1);
  });

  it('a worker that cannot start: the same result, computed here', async () => {
    await setWorkerScript({ path: 'throw new Error("no worker here")', eval: true });
    expect(await computeMetricsOnCores('binary-classification', labels, { scores }, opts)).toEqual(expected);
  });

  it.each([
    ['masks of the wrong length', 'new Uint8Array(3)', /answered subsample masks that are not \d+ bytes/],
    ['masks that are not bytes', '[1, 2, 3]', /answered subsample masks that are not/],
  ])('%s fail the evaluation closed', async (_name, value, message) => {
    await setWorkerScript(fakeWorker(`parentPort.postMessage({ id: m.id, value: ${value} });`));
    const err = await computeMetricsOnCores('binary-classification', labels, { scores }, opts).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/the evaluation fails closed/);
  });

  it.each([
    ['four passes', 'Array.from({ length: 4 }, () => pass)'],
    ['a NaN sum', '[pass, pass, pass, pass, { ...pass, logLossSum: NaN }]'],
    ['more rows than there are', `Array.from({ length: 5 }, () => ({ ...pass, tn: ${n} }))`],
    ['a negative count', '[pass, pass, { ...pass, tp: -1 }, pass, pass]'],
  ])('a resample pass answer with %s fails the evaluation closed', async (_name, value) => {
    const pass = '{ tp: 1, fp: 1, fn: 1, tn: 1, pos: 2, neg: 2, auc2: 4, apSum: 1, logLossSum: 3 }';
    await setWorkerScript(
      fakeWorker(
        `const pass = ${pass}; parentPort.postMessage({ id: m.id, value: m.kind === 'metrics-monitor-masks' ? new Uint8Array(m.task.n) : ${value} });`,
      ),
    );
    const err = await computeMetricsOnCores('binary-classification', labels, { scores }, opts).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/answered resample passes that are not 5 sets of counts/);
  });

  it('a task that throws in the worker fails closed with its message', async () => {
    await setWorkerScript(fakeWorker(`parentPort.postMessage({ id: m.id, error: 'out of memory' });`));
    await expect(computeMetricsOnCores('binary-classification', labels, { scores }, opts)).rejects.toThrow(
      /cannot compute the metrics: the worker thread \(from the sources\) threw: out of memory; the evaluation fails closed/,
    );
  });

  it('a bad row fails as computeMetrics fails, naming the row (the worker’s masks are settled)', async () => {
    const bad = scores.slice();
    bad[PARALLEL_MIN_ROWS] = 1.5;
    const want = (() => {
      try {
        computeMetrics('binary-classification', labels, { scores: bad }, opts);
      } catch (e) {
        return e as Error;
      }
      throw new Error('computeMetrics accepted a score of 1.5');
    })();
    expect(want.message).toMatch(new RegExp(`row ${PARALLEL_MIN_ROWS + 1}: prediction 1.5`));
    await expect(
      computeMetricsOnCores('binary-classification', labels, { scores: bad }, opts),
    ).rejects.toThrow(want.message);
    await expect(
      computeMetricsOnCores('binary-classification', labels, { scores }, { threshold: Number.NaN }),
    ).rejects.toThrow(/probability threshold NaN is not valid/);
  });
});
