/**
 * computeMetricsParallel (a worker draws the resample masks and runs the resample pass) gives
 * exactly computeMetrics' result; a worker that cannot start or crashes means the same result
 * computed here; a malformed answer fails closed. The column scan's worker protocol likewise.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { computeMetricsParallel, parallelMetricsStats } from '../../../src/metrics/compute-parallel.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { parallelScanStats, scanColumnParallel } from '../../../src/metrics/parallel-scan.js';
import { scanColumn } from '../../../src/metrics/scan.js';
import { setWorkerScript, stopWorkers } from '../../../src/workers/pool.js';
import { WORKER_PROTOCOL } from '../../../src/workers/protocol.js';

const dir = mkdtempSync(join(tmpdir(), 'compute-parallel-'));
afterEach(() => setWorkerScript(undefined));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopWorkers();
});

/** n rows: labels 0/1, scores with ties (3 decimals). */
function data(n: number, seed = 7) {
  let a = seed;
  const rnd = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  const labels = new Float64Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rnd() < 0.3 ? 1 : 0;
    scores[i] = Math.round(Math.min(1, Math.max(0, rnd() * 0.7 + labels[i]! * 0.3)) * 1000) / 1000;
  }
  return { labels, predictions: { scores } };
}

function fakeWorker(onTask: string) {
  return {
    path: `const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage({ hello: workerData.flag, protocol: ${WORKER_PROTOCOL} });
parentPort.on('message', (m) => { ${onTask} });`,
    eval: true,
  };
}

const opts = { threshold: 0.5, seed: 11 };

describe('computeMetricsParallel', () => {
  it('equals computeMetrics (metrics, standard deviations, curves, report), using the worker', async () => {
    for (const n of [5000, 20011]) {
      const { labels, predictions } = data(n, n);
      const before = parallelMetricsStats.workerPasses;
      const par = await computeMetricsParallel('binary-classification', labels, predictions, opts, 1000);
      expect(parallelMetricsStats.workerPasses).toBe(before + 1);
      expect(par).toEqual(computeMetrics('binary-classification', labels, predictions, opts));
    }
  });

  it('fails closed the same way on a bad label or score', async () => {
    const { labels, predictions } = data(5000);
    labels[4321] = 2;
    const err = await computeMetricsParallel('binary-classification', labels, predictions, opts, 1000).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(DataError);
    expect(() => computeMetrics('binary-classification', labels, predictions, opts)).toThrow(
      (err as Error).message,
    );
  });

  it.each([
    ['a worker that crashes', fakeWorker('process.exit(5);')],
    ['a worker script that does not exist', { path: join(dir, 'none.js') }],
  ])('%s: the resamples are computed here, same result', async (_name, script) => {
    const { labels, predictions } = data(5000);
    await setWorkerScript(script);
    const before = parallelMetricsStats.fallbacks;
    const par = await computeMetricsParallel('binary-classification', labels, predictions, opts, 1000);
    expect(parallelMetricsStats.fallbacks).toBe(before + 1);
    expect(par).toEqual(computeMetrics('binary-classification', labels, predictions, opts));
  });

  it.each([
    [
      'passes over the wrong row count',
      'parentPort.postMessage({ id: m.id, value: m.kind.includes("resample") ? [1,2,3,4,5].map(() => ({ tp: 1, fp: 1, fn: 1, tn: 1, pos: 2, neg: 2, auc2: 0, apSum: 0, logLossSum: 0 })) : true });',
      /not 5 passes over 4000 rows/,
    ],
    [
      'NaN metrics',
      'parentPort.postMessage({ id: m.id, value: m.kind.includes("resample") ? [1,2,3,4,5].map(() => ({ tp: NaN, fp: 1, fn: 1, tn: 1, pos: 2000, neg: 2000, auc2: 0, apSum: 0, logLossSum: 0 })) : true });',
      /not 5 passes/,
    ],
    ['a task error', 'parentPort.postMessage({ id: m.id, error: "boom" });', /boom/],
    ['an answer to no request', 'parentPort.postMessage({ id: 99999, value: true });', /answers no request/],
  ])('%s fails the evaluation closed', async (_name, onTask, message) => {
    const { labels, predictions } = data(5000);
    await setWorkerScript(fakeWorker(onTask));
    const err = await computeMetricsParallel('binary-classification', labels, predictions, opts, 1000).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/fails closed/);
  });
});

describe('scanColumnParallel worker protocol', () => {
  const p = join(dir, 'col.csv');
  writeFileSync(p, Array.from({ length: 3000 }, (_, i) => `${i % 2},${i / 8}`).join('\n') + '\n');
  const scan = async () => {
    const out = new Float64Builder(16);
    const lines = await scanColumnParallel(
      p,
      { column: 1, single: false },
      out,
      () => {
        throw new Error('no slow lines here');
      },
      0,
    );
    return { lines, values: Array.from(out.data.subarray(0, out.length)) };
  };
  const sequential = async () => {
    const out = new Float64Builder(16);
    const lines = await scanColumn(p, { column: 1, single: false }, out, () => undefined);
    return { lines, values: Array.from(out.data.subarray(0, out.length)) };
  };

  it('a crashed worker: this thread scans the second half, same values', async () => {
    await setWorkerScript(fakeWorker('process.exit(2);'));
    const before = parallelScanStats.fallbacks;
    expect(await scan()).toEqual(await sequential());
    expect(parallelScanStats.fallbacks).toBe(before + 1);
  });

  it.each([
    ['more values than lines', '{ ok: true, lines: 2, count: 3, values: new Float64Array(3) }'],
    ['values that are not doubles', '{ ok: true, lines: 2, count: 2, values: [1, 2] }'],
    ['no answer shape at all', '"done"'],
  ])('%s fails the read closed', async (_name, value) => {
    await setWorkerScript(fakeWorker(`parentPort.postMessage({ id: m.id, value: ${value} });`));
    const err = await scan().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(
      /answered a column scan answer without one value per line; the evaluation fails closed/,
    );
  });
});
