/**
 * The evaluate readers' worker protocol (scanColumnParallel on the shared pool): a worker that
 * cannot start or crashes means this thread scans the second half (same values); a malformed
 * answer fails the read closed.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../../../src/metrics/data-error.js';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { parallelScanStats, scanColumnParallel } from '../../../src/metrics/parallel-scan.js';
import { scanColumn } from '../../../src/metrics/scan.js';
import { setWorkerScript, stopWorkers } from '../../../src/workers/pool.js';
import { fakeWorker } from '../../helpers/fake-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'compute-parallel-'));
afterEach(() => setWorkerScript(undefined));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopWorkers();
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

  // A worker that scans its range itself (plain split and Number) and answers well, after
  // checking the task: the second half from the first line start after the middle, to the end,
  // with the header already behind it (skipLines 1 -> 0; more header lines are kept).
  const honest = (file: string, wantSkip: number) => {
    const size = readFileSync(file).length;
    const text = readFileSync(file, 'utf8');
    const split = text.indexOf('\n', Math.floor(size / 2)) + 1;
    return fakeWorker(`
      const t = m.task;
      if (t.file !== ${JSON.stringify(file)} || t.from !== ${split} || t.to !== ${size} || t.opts.skipLines !== ${wantSkip} || !(t.capacity >= 1024)) {
        parentPort.postMessage({ id: m.id, error: 'bad task ' + JSON.stringify(t) });
        return;
      }
      if (t.opts.skipLines > 0) { parentPort.postMessage({ id: m.id, value: { ok: false, reason: 'a header' } }); return; }
      const lines = require('node:fs').readFileSync(t.file).subarray(t.from, t.to).toString().split(String.fromCharCode(10)).filter((l) => l !== '');
      const values = Float64Array.from(lines, (l) => Number(l.split(',')[t.opts.column]));
      parentPort.postMessage({ id: m.id, value: { ok: true, lines: lines.length, count: lines.length, values } });`);
  };
  const scanWith = async (
    file: string,
    opts: { column: number; single: boolean; skipLines?: number },
    min = 0,
  ) => {
    const out = new Float64Builder(16);
    const lines = await scanColumnParallel(file, opts, out, () => undefined, min);
    return { lines, values: Array.from(out.data.subarray(0, out.length)) };
  };
  const sequentialOf = async (
    file: string,
    opts: { column: number; single: boolean; skipLines?: number },
  ) => {
    const out = new Float64Builder(16);
    const lines = await scanColumn(file, opts, out, () => undefined);
    return { lines, values: Array.from(out.data.subarray(0, out.length)) };
  };

  it.each([
    ['no header', 0, 0],
    ['a one-line header (not in the second half)', 1, 0],
  ])(
    'a worker that answers well (%s): its half joins this thread’s, in file order',
    async (_n, skip, wantSkip) => {
      await setWorkerScript(honest(p, wantSkip));
      const before = { ...parallelScanStats };
      const opts = { column: 1, single: false, skipLines: skip };
      expect(await scanWith(p, opts)).toEqual(await sequentialOf(p, opts));
      expect(parallelScanStats).toEqual({
        workerHalves: before.workerHalves + 1,
        fallbacks: before.fallbacks,
      });
    },
  );

  it('three header lines: the worker is told (and gives up), this thread scans the second half', async () => {
    await setWorkerScript(honest(p, 3));
    const before = { ...parallelScanStats };
    const opts = { column: 1, single: false, skipLines: 3 };
    expect(await scanWith(p, opts)).toEqual(await sequentialOf(p, opts));
    expect(parallelScanStats).toEqual({ workerHalves: before.workerHalves, fallbacks: before.fallbacks + 1 });
  });

  it.each([
    ['a file smaller than minBytes', { column: 1, single: false }, 1 << 30],
    ['the fast path off', { column: 1, single: false, fast: false }, 0],
  ])('%s: scanned here without asking a worker', async (_n, opts, min) => {
    await setWorkerScript(fakeWorker('process.exit(3);'));
    const before = { ...parallelScanStats };
    const out = new Float64Builder(16);
    const lines = await scanColumnParallel(
      p,
      opts,
      out,
      (buf, start, end, _line, into) => into.push(-1),
      min,
    );
    const ref = new Float64Builder(16);
    const refLines = await scanColumn(p, opts, ref, (buf, start, end, _line, into) => into.push(-1));
    expect({ lines, values: Array.from(out.data.subarray(0, out.length)) }).toEqual({
      lines: refLines,
      values: Array.from(ref.data.subarray(0, ref.length)),
    });
    expect(parallelScanStats).toEqual(before);
  });
});
