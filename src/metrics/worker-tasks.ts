/**
 * What the evaluate readers and metrics hand to a worker thread (src/workers), and the check of
 * what comes back: a column scan of a byte range (fast path only: at the first line the fast path
 * does not take, the worker gives up and the main thread scans the range itself, so errors keep
 * their true line numbers); the monitor's subsample masks; and the packed resample pass over the
 * sorted scores (compute-parallel.ts). The main thread validates every answer (assert*): a
 * malformed one fails closed.
 */
import * as fs from 'node:fs';
import type { TaskHandlers, TaskResult } from '../workers/protocol.js';
import { binaryPassPacked } from './binary.js';
import { Float64Builder } from './lines.js';
import { monitorMasks, STD_RESAMPLES } from './resample.js';
import { scanKernel, type ScanOptions } from './scan.js';
import type { BinaryPass } from './types.js';

export const COLUMN_SCAN_TASK = 'metrics-column-scan';

export interface ColumnScanTask {
  file: string;
  from: number;
  to: number;
  opts: ScanOptions;
  capacity: number;
}

/** ok: the range's values (the first `count` of `values`), one per line; else why the worker gave up. */
export type ColumnScanAnswer =
  { ok: true; lines: number; values: Float64Array; count: number } | { ok: false; reason: string };

const giveUp = { slowLine: true };

function columnScan(t: ColumnScanTask): TaskResult {
  const out = new Float64Builder(t.capacity);
  let answer: ColumnScanAnswer;
  try {
    const lines = scanKernel().scanRange(fs, t.file, t.from, t.to, 0, t.opts, out, () => {
      throw giveUp;
    });
    answer = { ok: true, lines, values: out.data, count: out.length };
  } catch (err) {
    answer = { ok: false, reason: err === giveUp ? 'a line needs the slow path' : String(err) };
  }
  return { value: answer, transfer: answer.ok ? [answer.values.buffer as ArrayBuffer] : [] };
}

export const MONITOR_MASKS_TASK = 'metrics-monitor-masks';
export const RESAMPLE_PASS_TASK = 'metrics-resample-pass';

export interface MonitorMasksTask {
  n: number;
  seed: number;
}

/**
 * Sorted scores, labels and their log-loss terms (logLossTerms(s, y)), on SharedArrayBuffers
 * (read, not copied), and the packed masks.
 */
export interface ResamplePassTask {
  s: Float64Array;
  y: Uint8Array;
  losses: Float64Array;
  packed: Uint8Array;
  threshold: number;
}

function masksTask(t: MonitorMasksTask): TaskResult {
  const packed = monitorMasks(t.n, t.seed);
  return { value: packed, transfer: [packed.buffer as ArrayBuffer] };
}

function resamplePassTask(t: ResamplePassTask): TaskResult {
  return { value: binaryPassPacked(t.s, t.y, t.packed, STD_RESAMPLES, t.threshold, t.losses) };
}

export const metricsTasks: TaskHandlers = {
  [COLUMN_SCAN_TASK]: columnScan,
  [MONITOR_MASKS_TASK]: masksTask,
  [RESAMPLE_PASS_TASK]: resamplePassTask,
};

/** A worker's masks answer, checked: n bytes (throws a message naming what is wrong). */
export function assertMasks(a: unknown, n: number): Uint8Array {
  if (Object.prototype.toString.call(a) !== '[object Uint8Array]' || (a as Uint8Array).length !== n)
    throw new Error(`subsample masks that are not ${n} bytes`);
  return a as Uint8Array;
}

const PASS_FIELDS = ['tp', 'fp', 'fn', 'tn', 'pos', 'neg', 'auc2', 'apSum', 'logLossSum'] as const;

/** A worker's resample-pass answer, checked: STD_RESAMPLES passes of finite, non-negative sums over at most n rows. */
export function assertResamplePasses(a: unknown, n: number): BinaryPass[] {
  const ok =
    Array.isArray(a) &&
    a.length === STD_RESAMPLES &&
    a.every((p: Partial<Record<string, unknown>> | null) => {
      if (!p || typeof p !== 'object') return false;
      for (const f of PASS_FIELDS) {
        const v = p[f];
        if (typeof v !== 'number' || !(v >= 0) || v === Infinity) return false;
      }
      const { tp, fp, fn, tn } = p as unknown as BinaryPass;
      return tp + fp + fn + tn <= n;
    });
  if (!ok)
    throw new Error(`resample passes that are not ${STD_RESAMPLES} sets of counts over at most ${n} rows`);
  return (a as BinaryPass[]).map((p) => {
    const out = {} as BinaryPass;
    for (const f of PASS_FIELDS) out[f] = p[f];
    return out;
  });
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** A worker's column-scan answer, checked (throws a message naming what is wrong). */
export function assertColumnScan(a: unknown): ColumnScanAnswer {
  const o = a as Partial<Record<string, unknown>> | null;
  if (o && o['ok'] === false && typeof o['reason'] === 'string') return o as ColumnScanAnswer;
  const values = o?.['values'];
  const tag = Object.prototype.toString.call(values); // (realm-independent, unlike instanceof)
  if (
    !o ||
    o['ok'] !== true ||
    tag !== '[object Float64Array]' ||
    !isCount(o['count']) ||
    // the fast path gives exactly one value per line
    o['lines'] !== o['count'] ||
    (o['count'] as number) > (values as Float64Array).length
  )
    throw new Error('a column scan answer without one value per line');
  return o as ColumnScanAnswer;
}
