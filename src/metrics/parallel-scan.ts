/**
 * scanColumn on both cores: a big file is split at the first line break after its middle; a
 * worker thread (the shared pool's, src/workers) scans the second half with the same kernel
 * (scan.ts) while this thread scans the first, then the values are joined in file order. The
 * worker takes only the fast path: at the first line it would hand to `slow` (a header, quotes,
 * junk, ...) it gives up and this thread scans the second half itself, so `slow` always runs here,
 * in file order, with true line numbers, and results and errors are exactly those of scanColumn.
 * A worker that cannot start or crashes means the same sequential fallback; one that answers
 * something malformed fails the read closed.
 */
import * as fs from 'node:fs';
import { requestChecked, workers } from '../workers/pool.js';
import { DataError } from './data-error.js';
import type { Float64Builder } from './lines.js';
import { scanColumn, scanKernel, type ScanOptions, type SlowLine } from './scan.js';
import {
  assertColumnScan,
  COLUMN_SCAN_TASK,
  type ColumnScanAnswer,
  type ColumnScanTask,
} from './worker-tasks.js';

/** Files smaller than this are scanned on this thread (a worker's round trip costs milliseconds). */
export const PARALLEL_MIN_BYTES = 16 << 20;

/** Counters for tests and benchmarks: halves scanned by a worker, and worker fallbacks. */
export const parallelScanStats = { workerHalves: 0, fallbacks: 0 };

/** The second half's scan on a worker; settles with the worker's checked answer (never rejects but for garbage). */
async function scanOnWorker(task: ColumnScanTask): Promise<ColumnScanAnswer> {
  const [worker] = workers(1);
  if (!worker) return { ok: false, reason: 'no worker thread' };
  const r = await requestChecked(
    worker,
    COLUMN_SCAN_TASK,
    task,
    assertColumnScan,
    (why) =>
      new DataError(`cannot read ${task.file}: the ${worker.origin} ${why}; the evaluation fails closed`),
  );
  return r.ran ? r.value : { ok: false, reason: r.reason };
}

/** The byte after the first newline at or after `at` (-1 when there is none before the end). */
function lineStartAfter(file: string, at: number, size: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let pos = at; pos < size; pos += probe.length) {
      const n = fs.readSync(fd, probe, 0, probe.length, pos);
      if (n <= 0) break;
      const nl = probe.subarray(0, n).indexOf(10);
      if (nl >= 0) return pos + nl + 1;
    }
    return -1;
  } finally {
    fs.closeSync(fd);
  }
}

/** scanColumn, with a big file's second half scanned by a worker thread (same results). */
export async function scanColumnParallel(
  file: string,
  opts: ScanOptions,
  out: Float64Builder,
  slow: SlowLine,
  minBytes = PARALLEL_MIN_BYTES,
): Promise<number> {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    // scanColumn reports the unreadable file
  }
  if (opts.fast === false || size < Math.max(minBytes, 2)) return scanColumn(file, opts, out, slow);
  const split = lineStartAfter(file, Math.floor(size / 2), size);
  if (split <= 0 || split >= size) return scanColumn(file, opts, out, slow);
  const capacity = Math.ceil(((out.data.length - out.length) * (size - split)) / size) + 1024;
  // The second half starts at line 2 or later: a one-line header (skipLines 1) is not in it.
  const skip = opts.skipLines ?? 0;
  const second = scanOnWorker({
    file,
    from: split,
    to: size,
    opts: { ...opts, skipLines: skip <= 1 ? 0 : skip },
    capacity,
  });
  second.catch(() => undefined); // awaited below unless the first half fails
  const kernel = scanKernel();
  const lines = kernel.scanRange(fs, file, 0, split, 0, opts, out, slow);
  const r = await second;
  if (r.ok) {
    parallelScanStats.workerHalves++;
    out.append(r.values.subarray(0, r.count));
    return lines + r.lines;
  }
  parallelScanStats.fallbacks++;
  return kernel.scanRange(fs, file, split, Infinity, lines, opts, out, slow);
}
