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
  type Opts = Parameters<typeof scanColumn>[1];
  type Slow = Parameters<typeof scanColumn>[3];
  const read = (out: Float64Builder, lines: number) => ({
    lines,
    values: Array.from(out.data.subarray(0, out.length)),
  });
  // scanColumnParallel and scanColumn over `file`, as { lines, values }.
  const parallelScan = async (file: string, opts: Opts, min = 0, slow: Slow = () => undefined) => {
    const out = new Float64Builder(16);
    return read(out, await scanColumnParallel(file, opts, out, slow, min));
  };
  const sequentialScan = async (file: string, opts: Opts, slow: Slow = () => undefined) => {
    const out = new Float64Builder(16);
    return read(out, await scanColumn(file, opts, out, slow));
  };
  const scan = () =>
    parallelScan(p, { column: 1, single: false }, 0, () => {
      throw new Error('no slow lines here');
    });
  const sequential = () => sequentialScan(p, { column: 1, single: false });

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
  it.each([
    ['no header', 0, 0],
    ['a one-line header (not in the second half)', 1, 0],
  ])(
    'a worker that answers well (%s): its half joins this thread’s, in file order',
    async (_n, skip, wantSkip) => {
      await setWorkerScript(honest(p, wantSkip));
      const before = { ...parallelScanStats };
      const opts = { column: 1, single: false, skipLines: skip };
      expect(await parallelScan(p, opts)).toEqual(await sequentialScan(p, opts));
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
    expect(await parallelScan(p, opts)).toEqual(await sequentialScan(p, opts));
    expect(parallelScanStats).toEqual({ workerHalves: before.workerHalves, fallbacks: before.fallbacks + 1 });
  });

  it.each([
    ['a file smaller than minBytes', { column: 1, single: false }, 1 << 30],
    ['the fast path off', { column: 1, single: false, fast: false }, 0],
  ])('%s: scanned here without asking a worker', async (_n, opts, min) => {
    await setWorkerScript(fakeWorker('process.exit(3);'));
    const before = { ...parallelScanStats };
    const slow: Slow = (_buf, _start, _end, _line, into) => into.push(-1);
    expect(await parallelScan(p, opts, min, slow)).toEqual(await sequentialScan(p, opts, slow));
    expect(parallelScanStats).toEqual(before);
  });
  it('a file of exactly minBytes goes to the worker', async () => {
    await setWorkerScript(honest(p, 0));
    const before = { ...parallelScanStats };
    const opts = { column: 1, single: false };
    expect(await parallelScan(p, opts, readFileSync(p).length)).toEqual(await sequentialScan(p, opts));
    expect(parallelScanStats).toEqual({ workerHalves: before.workerHalves + 1, fallbacks: before.fallbacks });
  });

  it.each([
    ['its only line break is the last byte', `7,${'8'.repeat(5000)}\n`],
    ['no line break after its middle', `1,2\n7,${'8'.repeat(5000)}`],
  ])('a file where %s: scanned here without asking a worker', async (_n, text) => {
    const f = join(dir, `one-line-${text.length}.csv`);
    writeFileSync(f, text);
    await setWorkerScript(fakeWorker('process.exit(3);'));
    const before = { ...parallelScanStats };
    const opts = { column: 0, single: false };
    expect(await parallelScan(f, opts)).toEqual(await sequentialScan(f, opts));
    expect(parallelScanStats).toEqual(before);
  });

  it('a middle line longer than one probe read: the split is still at a line start', async () => {
    const f = join(dir, 'long-lines.csv');
    const long = 'x'.repeat(150_000);
    writeFileSync(f, Array.from({ length: 5 }, (_, i) => `${i},${long}`).join('\n') + '\n');
    await setWorkerScript(honest(f, 0));
    const before = { ...parallelScanStats };
    const opts = { column: 0, single: false };
    const got = await parallelScan(f, opts);
    expect(got).toEqual({ lines: 5, values: [0, 1, 2, 3, 4] });
    expect(parallelScanStats).toEqual({ workerHalves: before.workerHalves + 1, fallbacks: before.fallbacks });
  });
});
