/**
 * The evaluate readers' worker protocol (scanColumnParallel on the shared pool): a worker that
 * cannot start or crashes means this thread scans the second half (same values); a malformed
 * answer fails the read closed.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
