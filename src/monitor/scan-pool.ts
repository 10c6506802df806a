/**
 * The capture scan on every core: files are cut into newline-aligned byte ranges and consecutive
 * ranges grouped into batches (at most CHUNK_BYTES each, independent of the core count); the main
 * thread and worker threads scan batches as they free up, and the results are merged in batch
 * order, so the statistics do not depend on how many threads ran. The workers are the shared
 * pool's (src/workers: a small script of their own that reads its ranges from disk; the main
 * thread sends file names and offsets, never bytes).
 * One thread (or one range) scans in-process, without workers.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { defaultWorkerCount, WorkerFailure, workers, type ThreadWorker } from '../workers/pool.js';
import type { CaptureFile } from './capture-files.js';
import {
  emptyScanResult,
  scanBatchPart,
  scanCaptureBatch,
  type FileRange,
  type ScanBatch,
  type ScanResult,
} from './capture-scan.js';
import { MonitorDataError } from './errors.js';
import { FeatureProfile } from './profile.js';
import { CAPTURE_SCAN_TASK, fromWire } from './scan-wire.js';

/**
 * Most bytes a thread scans as one unit (a batch: whole small files, or one range of a big file),
 * the least a big capture's batches hold (see batchBytes). Each batch costs a result to send and
 * merge; smaller ones balance the threads' ends better.
 */
export const CHUNK_BYTES = 8 << 20;
/** Batches a big capture is cut into by default (see batchBytes). */
export const TARGET_BATCHES = 16;

/**
 * The default batch size for a capture of `totalBytes`: CHUNK_BYTES, or 1/TARGET_BATCHES of a
 * capture bigger than TARGET_BATCHES of them. A batch's result (its sketches: thousands of items
 * per feature) is copied to the main thread, merged and compacted again there, so for a big capture
 * fewer, bigger batches cost less CPU (a 200 MB check: 12.5 MB batches measured 5-8% less CPU than
 * 8 MB ones; 20 MB about the same again, with the threads' ends less even). It depends on the
 * capture's size only, never on the thread count, so neither do the statistics.
 */
export function batchBytes(totalBytes: number): number {
  return Math.max(CHUNK_BYTES, Math.ceil(totalBytes / TARGET_BATCHES));
}
/** Below this many bytes of capture the default is one thread (see scanCapture). */
export const SMALL_CAPTURE_BYTES = 16 << 20;

export interface ScanOptions {
  files: CaptureFile[];
  sinceMs: number;
  untilMs: number;
  featureNames: string[];
  collectPredictions: boolean;
  requireInput: boolean;
  /** threads to scan with, the main thread included (default: the available cores; one for a small capture) */
  workers?: number;
  chunkBytes?: number;
  /**
   * Work for the main thread once the workers have their first batches, before it scans too (the
   * check parses the baseline statistics here); its error fails the scan. Where it awaits, the
   * workers' answers get in and they are handed their next batches.
   */
  meanwhile?: () => void | Promise<void>;
}

export interface ScanAggregate extends ScanResult {
  files: number;
  /** batches scanned (each one or more ranges, see planBatches) */
  ranges: number;
  /** threads that scanned, the main thread included */
  workers: number;
  /** ranges that a failed worker left to the main thread, and what failed */
  fallbacks: number;
  workerFailures: string[];
}

/** Newline-aligned ranges of at most `chunk` bytes (a line longer than that stays whole). */
export function planRanges(files: CaptureFile[], chunk: number): FileRange[] {
  const out: FileRange[] = [];
  const probe = Buffer.allocUnsafe(1 << 16);
  for (const f of files) {
    if (f.size === 0) continue;
    let start = 0;
    if (f.size <= chunk) {
      out.push({ file: f.path, start: 0, end: f.size });
      continue;
    }
    const fd = openSync(f.path, 'r');
    try {
      while (start < f.size) {
        let end = Math.min(f.size, start + chunk);
        // extend to just after the next newline
        while (end < f.size) {
          const n = readSync(fd, probe, 0, probe.length, end);
          const nl = probe.subarray(0, n).indexOf(10);
          if (nl >= 0) {
            end += nl + 1;
            break;
          }
          end += n;
          if (n === 0) break;
        }
        out.push({ file: f.path, start, end: Math.min(end, f.size) });
        start = end;
      }
    } finally {
      closeSync(fd);
    }
  }
  return out;
}

/**
 * Consecutive ranges grouped into batches of at most `chunk` bytes (a range is never split), in
 * order: a thread's unit of work. Small capture files (SageMaker writes one every few minutes) then
 * cost one result and one merge per batch rather than per file; the grouping depends only on the
 * sizes, never on the thread count, so neither do the statistics. (Batches that shrink toward the
 * end, to even out the threads' finish, measured no faster: more results to merge.)
 */
export function planBatches(ranges: FileRange[], chunk: number): FileRange[][] {
  const out: FileRange[][] = [];
  let cur: FileRange[] = [];
  let bytes = 0;
  for (const r of ranges) {
    const n = r.end - r.start;
    if (cur.length > 0 && bytes + n > chunk) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(r);
    bytes += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function mergeInto(total: ScanResult, r: ScanResult): void {
  total.records += r.records;
  total.outsideWindow += r.outsideWindow;
  total.minTimeMs = Math.min(total.minTimeMs, r.minTimeMs);
  total.maxTimeMs = Math.max(total.maxTimeMs, r.maxTimeMs);
  for (const k of r.predictionKeys) total.predictionKeys.push(k);
  for (const o of r.predictionOutputs) total.predictionOutputs.push(o);
  total.bytes += r.bytes;
  const s = total.sink;
  r.sink.profiles.forEach((p, i) => {
    if (s.profiles[i]) s.profiles[i]!.merge(p);
    else {
      while (s.profiles.length < i) s.profiles.push(new FeatureProfile());
      s.profiles[i] = p;
    }
  });
  for (const [c, n] of r.sink.columnCounts) s.columnCounts.set(c, (s.columnCounts.get(c) ?? 0) + n);
  s.rows += r.sink.rows;
  for (const [k, n] of r.sink.unknownNames) s.unknownNames.set(k, (s.unknownNames.get(k) ?? 0) + n);
}

export async function scanCapture(opts: ScanOptions): Promise<ScanAggregate> {
  const bytes = opts.files.reduce((n, f) => n + f.size, 0);
  const chunk = opts.chunkBytes ?? batchBytes(bytes);
  const tasks: ScanBatch[] = planBatches(planRanges(opts.files, chunk), chunk).map((parts) => ({
    parts,
    sinceMs: opts.sinceMs,
    untilMs: opts.untilMs,
    featureNames: opts.featureNames,
    collectPredictions: opts.collectPredictions,
    requireInput: opts.requireInput,
  }));
  // By default a small capture is scanned on this thread alone: a worker's start-up costs more
  // than the scan (the result is the same either way).
  const byDefault = bytes < SMALL_CAPTURE_BYTES ? 1 : defaultWorkerCount() + 1;
  const threads = Math.max(1, Math.min(opts.workers ?? byDefault, tasks.length));
  const total = emptyScanResult();
  // Results are merged in range order as soon as the ranges before them are in, so merging
  // overlaps the scan (and the order, hence the statistics, never depends on the threads).
  const pending: (ScanResult | undefined)[] = new Array(tasks.length);
  let merged = 0;
  const put = (i: number, r: ScanResult) => {
    pending[i] = r;
    while (merged < tasks.length && pending[merged] !== undefined) {
      mergeInto(total, pending[merged]!);
      pending[merged++] = undefined;
    }
  };
  const outcome = { fallbacks: 0, workerFailures: [] as string[] };
  if (threads <= 1) {
    await opts.meanwhile?.();
    tasks.forEach((t, i) => put(i, scanCaptureBatch(t)));
  } else Object.assign(outcome, await runThreads(tasks, put, workers(threads - 1), opts.meanwhile));
  if (merged !== tasks.length)
    throw new Error(
      `capture scan: ${tasks.length - merged} range(s) without a result; the gate fails closed`,
    );
  return { ...total, files: opts.files.length, ranges: tasks.length, workers: threads, ...outcome };
}

/**
 * Batches a worker holds at once: the one it scans and the next, so it never waits for the main
 * thread (which answers between its own batches); more would leave the main thread idle at the end
 * while the worker works through its queue.
 */
const IN_FLIGHT = 2;

/**
 * The main thread and the pool's workers scan: each claims the next unclaimed range; results land
 * by range index, so the merge order is fixed. A worker that cannot start or crashes leaves its
 * ranges to the main thread; one that answers garbage fails the scan. A data error stops the
 * ranges after it, and the error reported is the first in file order (the one a single thread
 * would have met), whichever thread found it first.
 */
async function runThreads(
  tasks: ScanBatch[],
  put: (i: number, r: ScanResult) => void,
  pool: ThreadWorker[],
  meanwhile?: () => void | Promise<void>,
): Promise<{ fallbacks: number; workerFailures: string[] }> {
  let next = 0;
  let stopAt = tasks.length; // ranges from here on are not needed: an earlier one failed
  const redo: number[] = []; // ranges a failed worker did not scan
  const dataErrors = new Map<number, Error>();
  const failures = new Set<string>();
  let fallbacks = 0;
  let fatal: Error | undefined;
  let outstanding = 0;
  let wake: (() => void) | undefined;
  const claim = (): number => (next < stopAt ? next++ : -1);
  const dataError = (i: number, err: Error) => {
    dataErrors.set(i, err);
    stopAt = Math.min(stopAt, i);
  };
  const feed = (w: ThreadWorker): void => {
    while (!fatal && !w.failure && w.busy < IN_FLIGHT) {
      const i = claim();
      if (i < 0) return;
      outstanding++;
      w.request(CAPTURE_SCAN_TASK, tasks[i])
        .then(
          (answer) => {
            try {
              put(i, fromWire(answer, tasks[i]!));
            } catch (err) {
              if (err instanceof MonitorDataError) dataError(i, err);
              else fatal ??= err as Error;
            }
          },
          (err: Error) => {
            if (err instanceof WorkerFailure && err.kind !== 'protocol') {
              failures.add(`${w.origin} ${err.message}`);
              fallbacks++;
              redo.push(i);
            } else
              fatal ??= new Error(
                `the capture scan's ${w.origin} ${err instanceof WorkerFailure ? err.message : `failed: ${err.message}`}; the gate fails closed`,
              );
          },
        )
        .finally(() => {
          outstanding--;
          feed(w);
          const wakeUp = wake;
          wake = undefined;
          wakeUp?.();
        });
    }
  };
  pool.forEach(feed);
  try {
    await meanwhile?.();
    await mainThreadScans();
  } catch (err) {
    // Stop handing out batches; those in flight finish (nothing is left running) before it throws.
    stopAt = 0;
    while (outstanding > 0) await new Promise<void>((r) => (wake = r));
    throw err;
  }
  if (dataErrors.size > 0) throw dataErrors.get(Math.min(...dataErrors.keys()))!;
  return { fallbacks, workerFailures: [...failures] };

  async function mainThreadScans(): Promise<void> {
    while (!fatal) {
      const i = redo.length > 0 ? redo.shift()! : claim();
      if (i >= 0) {
        if (i >= stopAt) continue;
        try {
          // Range by range, letting the workers' answers in between, so that they get their next
          // batches while this thread scans (it answers only where it awaits).
          const batch = tasks[i]!;
          const r = emptyScanResult();
          for (let k = 0; k < batch.parts.length; k++) {
            scanBatchPart(batch, k, r);
            await new Promise((resolve) => setImmediate(resolve));
          }
          put(i, r);
        } catch (err) {
          if (!(err instanceof MonitorDataError)) throw err;
          dataError(i, err);
        }
        continue;
      }
      if (outstanding === 0) break;
      await new Promise<void>((r) => (wake = r));
    }
    if (fatal) throw fatal;
  }
}
