/**
 * scanColumn on both cores: a big file is split at the first line break after its middle; a
 * worker thread scans the second half with the same kernel (scan.ts) while this thread scans the
 * first, then the values are joined in file order. The worker takes only the fast path: at the
 * first line it would hand to `slow` (a header, quotes, junk, ...) it gives up and this thread
 * scans the second half itself, so `slow` always runs here, in file order, with true line numbers,
 * and results and errors are exactly those of scanColumn. A worker that cannot start or fails
 * (e.g. instrumented code under a coverage tool) means the same sequential fallback.
 *
 * The worker's code is the source text of scanKernel (self-contained by design) plus the small
 * driver below, run with `eval: true`: no separate file to locate, so it works from the sources,
 * under jest and from a single-file bundle (ncc) alike.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Float64Builder } from './lines.js';
import { scanColumn, scanKernel, type ScanFs, type ScanOptions, type SlowLine } from './scan.js';

/** Files smaller than this are scanned on this thread (starting a worker costs tens of ms). */
export const PARALLEL_MIN_BYTES = 16 << 20;

/** Counters for tests and benchmarks: halves scanned by a worker, and worker fallbacks. */
export const parallelScanStats = { workerHalves: 0, fallbacks: 0 };

interface WorkerResult {
  ok: boolean;
  lines?: number;
  values?: Float64Array;
  reason?: string;
}

/**
 * The worker's driver (self-contained: it runs as source text in the worker). Scans its range
 * with the fast path only; any slow line aborts the scan (ok: false).
 */
function workerDriver(
  kernel: typeof scanKernel,
  port: { postMessage(value: unknown, transfer?: ArrayBuffer[]): void },
  data: { file: string; from: number; to: number; opts: ScanOptions; capacity: number },
  fsys: ScanFs,
): void {
  const out = {
    data: new Float64Array(Math.max(16, data.capacity)),
    length: 0,
    grow() {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    },
  };
  const giveUp = { slowLine: true };
  try {
    const lines = kernel().scanRange(fsys, data.file, data.from, data.to, 0, data.opts, out as never, () => {
      throw giveUp;
    });
    const values = out.data.slice(0, out.length);
    port.postMessage({ ok: true, lines, values }, [values.buffer]);
  } catch (err) {
    port.postMessage({ ok: false, reason: err === giveUp ? 'a line needs the slow path' : String(err) });
  }
}

const WORKER_SOURCE = `"use strict";
const { parentPort, workerData } = require('node:worker_threads');
(${workerDriver.toString()})(${scanKernel.toString()}, parentPort, workerData, require('node:fs'));
`;

function startWorker(file: string, from: number, to: number, opts: ScanOptions, capacity: number) {
  let worker: Worker | undefined;
  const result = new Promise<WorkerResult>((resolve) => {
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file, from, to, opts: { ...opts }, capacity },
        stdout: true,
        stderr: true,
      });
    } catch (err) {
      resolve({ ok: false, reason: String(err) });
      return;
    }
    worker.once('message', (m: WorkerResult) => resolve(m));
    worker.once('error', (err) => resolve({ ok: false, reason: String(err) }));
    worker.once('exit', (code) => resolve({ ok: false, reason: `worker exited with code ${code}` }));
  });
  return { result, stop: () => void worker?.terminate() };
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
  const worker = startWorker(file, split, size, { ...opts, skipLines: skip <= 1 ? 0 : skip }, capacity);
  const kernel = scanKernel();
  let lines: number;
  try {
    lines = kernel.scanRange(fs, file, 0, split, 0, opts, out, slow);
  } catch (err) {
    worker.stop();
    throw err;
  }
  const r = await worker.result;
  worker.stop();
  if (r.ok && r.values && r.lines !== undefined) {
    parallelScanStats.workerHalves++;
    out.append(r.values);
    return lines + r.lines;
  }
  parallelScanStats.fallbacks++;
  return kernel.scanRange(fs, file, split, Infinity, lines, opts, out, slow);
}
