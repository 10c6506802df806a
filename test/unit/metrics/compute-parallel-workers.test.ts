/**
 * computeMetricsOnCores' worker protocol (fake workers): a worker that cannot start or crashes
 * means the same result computed here; a malformed answer or a task that threw fails closed; bad
 * rows and thresholds fail as computeMetrics fails.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { binaryPass } from '../../../src/metrics/binary.js';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { computeMetricsOnCores, parallelComputeStats } from '../../../src/metrics/compute-parallel.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { setWorkerScript, stopWorkers } from '../../../src/workers/pool.js';
import { fakeWorker } from '../../helpers/fake-worker.js';
import { tiedBinaryArrays } from '../../helpers/evaluate-data.js';

afterEach(() => setWorkerScript(undefined));
afterAll(() => stopWorkers());

// Small data (fast under mutation testing): the worker is used from minRows rows on.
const minRows = 1500;
const n = 2345;
const { labels, scores } = tiedBinaryArrays(n, 7);
const opts = { threshold: 0.5, seed: 11, minRows };
const expected = computeMetrics('binary-classification', labels, { scores }, opts);

describe('computeMetricsOnCores worker protocol', () => {
  it.each<[string, string, boolean | 'keys']>([
    ['crashes (on its share of the sort)', 'process.exit(3);', false],
    ['crashes in the middle of the sort', 'process.exit(3);', 'keys'], // after its keys
    [
      'crashes on the resample pass',
      'if (m.kind === "metrics-resample-pass") process.exit(3); else parentPort.postMessage({ id: m.id, value: new Uint8Array(m.task.n).fill(31) });',
      true,
    ],
  ])('a worker that %s: the same result, computed here', async (_name, onTask, realSort) => {
    await setWorkerScript(fakeWorker(onTask, { realSort }));
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
    await setWorkerScript(
      fakeWorker(`parentPort.postMessage({ id: m.id, value: ${value} });`, { realSort: true }),
    );
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
        { realSort: true },
      ),
    );
    const err = await computeMetricsOnCores('binary-classification', labels, { scores }, opts).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/answered resample passes that are not 5 sets of counts/);
  });

  it('a task that throws in the worker (its share of the sort) fails closed with its message', async () => {
    await setWorkerScript(fakeWorker(`parentPort.postMessage({ id: m.id, error: 'out of memory' });`));
    await expect(computeMetricsOnCores('binary-classification', labels, { scores }, opts)).rejects.toThrow(
      /cannot compute the metrics: the worker thread \(from the sources\) threw: out of memory; the evaluation fails closed/,
    );
  });

  it('a bad row fails as computeMetrics fails, naming the row (the worker’s masks are settled)', async () => {
    const bad = scores.slice();
    bad[minRows] = 1.5;
    const want = (() => {
      try {
        computeMetrics('binary-classification', labels, { scores: bad }, opts);
      } catch (e) {
        return e as Error;
      }
      throw new Error('computeMetrics accepted a score of 1.5');
    })();
    expect(want.message).toMatch(new RegExp(`row ${minRows + 1}: prediction 1.5`));
    await expect(
      computeMetricsOnCores('binary-classification', labels, { scores: bad }, opts),
    ).rejects.toThrow(want.message);
    await expect(
      computeMetricsOnCores('binary-classification', labels, { scores }, { threshold: Number.NaN, minRows }),
    ).rejects.toThrow(/probability threshold NaN is not valid/);
  });

  // A worker that answers well, and checks what it was sent: the task's arrays (the sorted scores,
  // labels and log-loss terms on SharedArrayBuffers, read there, not copied; the masks it drew) and
  // the threshold. Every row is in every resample: its passes are the full-data pass, so every std
  // is 0 (up to the rounding of the mean), and the full-data metrics are this thread's own.
  const answersWell = (rows: number) => {
    const order = Array.from(scores.keys()).sort(
      (a, b) => scores[b]! - scores[a]! || labels[b]! - labels[a]!,
    );
    const s = Float64Array.from(order, (i) => scores[i]!);
    const y = Uint8Array.from(order, (i) => labels[i]!);
    const full = JSON.stringify(binaryPass(s, y, null, opts.threshold));
    return fakeWorker(
      `
      if (m.kind === 'metrics-monitor-masks') {
        parentPort.postMessage({ id: m.id, value: new Uint8Array(m.task.n).fill(31) });
        return;
      }
      const t = m.task;
      const shared = [t.s, t.y, t.losses].every((a) => a.buffer instanceof SharedArrayBuffer);
      const sizes = [t.s, t.y, t.losses, t.packed].every((a) => a.length === ${rows});
      const masks = t.packed.every((b) => b === 31);
      if (!shared || !sizes || !masks || t.threshold !== ${opts.threshold} || t.s[0] !== ${s[0]}) {
        parentPort.postMessage({ id: m.id, error: 'bad task: ' + JSON.stringify({ shared, sizes, masks, threshold: t.threshold }) });
        return;
      }
      parentPort.postMessage({ id: m.id, value: Array.from({ length: 5 }, () => (${full})) });`,
      { realSort: true },
    );
  };

  it.each([
    ['more rows than minRows', minRows],
    ['exactly minRows rows', n],
  ])(
    'a worker that answers well (%s): its resample passes make the standard deviations',
    async (_name, min) => {
      await setWorkerScript(answersWell(n));
      const before = { ...parallelComputeStats };
      const result = await computeMetricsOnCores(
        'binary-classification',
        labels,
        { scores },
        { ...opts, minRows: min },
      );
      expect(parallelComputeStats).toEqual({ parallel: before.parallel + 1, fallbacks: before.fallbacks });
      expect(result.metrics).toEqual(expected.metrics);
      expect(result.confusionMatrix).toEqual(expected.confusionMatrix);
      for (const v of Object.values(result.standardDeviations))
        expect(Math.abs(v as number)).toBeLessThan(1e-12);
      expect(Object.keys(result.standardDeviations)).toEqual(Object.keys(expected.standardDeviations));
    },
  );

  it.each([
    ['fewer rows than minRows', { ...opts, minRows: n + 1 }, 'binary-classification' as const, scores],
    ['workers: 0', { ...opts, workers: 0 }, 'binary-classification' as const, scores],
    ['a regression', opts, 'regression' as const, scores],
    [
      'a prediction count that is not the label count',
      opts,
      'binary-classification' as const,
      scores.subarray(1),
    ],
  ])(
    '%s: computed here, as computeMetrics computes it, without asking a worker',
    async (_name, o, type, preds) => {
      await setWorkerScript(fakeWorker('process.exit(3);'));
      const before = { ...parallelComputeStats };
      const settle = async (f: () => unknown) => {
        try {
          return { value: await f() };
        } catch (e) {
          return { error: (e as Error).message };
        }
      };
      expect(await settle(() => computeMetricsOnCores(type, labels, { scores: preds }, o))).toEqual(
        await settle(() => computeMetrics(type, labels, { scores: preds }, o)),
      );
      expect(parallelComputeStats).toEqual(before);
    },
  );
});
