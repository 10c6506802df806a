/**
 * What the evaluate readers and metrics hand to a worker thread (src/workers), and the checks of
 * what comes back: a column scan of a byte range (fast path only: at the first line the fast path
 * does not take, the worker gives up and the main thread scans the range itself, so errors keep
 * their true line numbers), the monitor's resample masks, and the five-resample pass. The main
 * thread validates every answer (assertColumnScan, assertResamples): a malformed one fails closed.
 */
import * as fs from 'node:fs';
import type { TaskHandlers, TaskResult } from '../workers/protocol.js';
import { binaryPassPacked, logLossTerms } from './binary.js';
import { Float64Builder } from './lines.js';
import { monitorMasks, STD_FRACTION, STD_RESAMPLES } from './resample.js';
import { scanKernel, type ScanOptions } from './scan.js';
import type { BinaryPass } from './types.js';

export const COLUMN_SCAN_TASK = 'metrics-column-scan';
export const MASKS_TASK = 'metrics-monitor-masks';
export const RESAMPLE_TASK = 'metrics-resample-pass';

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

export interface MasksTask {
  n: number;
  seed: number;
  /** n bytes of shared memory the masks are written into */
  packed: Uint8Array;
}

export interface ResampleTask {
  /** sorted scores and labels, and the filled masks (shared memory, read only) */
  s: Float64Array;
  y: Uint8Array;
  packed: Uint8Array;
  threshold: number;
}

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

export const metricsTasks: TaskHandlers = {
  [COLUMN_SCAN_TASK]: columnScan,
  [MASKS_TASK]: (t: MasksTask): TaskResult => {
    monitorMasks(t.n, t.seed, t.packed);
    return { value: true };
  },
  [RESAMPLE_TASK]: (t: ResampleTask): TaskResult => ({
    value: binaryPassPacked(t.s, t.y, t.packed, STD_RESAMPLES, t.threshold, logLossTerms(t.s, t.y)),
  }),
};

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

const PASS_FIELDS = ['tp', 'fp', 'fn', 'tn', 'pos', 'neg', 'auc2', 'apSum', 'logLossSum'] as const;

/** A worker's resample passes for n rows, checked: STD_RESAMPLES passes of floor(STD_FRACTION n) rows each. */
export function assertResamples(a: unknown, n: number): BinaryPass[] {
  const rows = Math.floor(STD_FRACTION * n);
  const ok =
    Array.isArray(a) &&
    a.length === STD_RESAMPLES &&
    a.every(
      (p: Record<string, unknown> | null) =>
        p !== null &&
        typeof p === 'object' &&
        PASS_FIELDS.every((k) => typeof p[k] === 'number' && Number.isFinite(p[k])) &&
        (p['pos'] as number) + (p['neg'] as number) === rows &&
        (p['tp'] as number) + (p['fn'] as number) === p['pos'] &&
        (p['fp'] as number) + (p['tn'] as number) === p['neg'],
    );
  if (!ok) throw new Error(`resample passes that are not ${STD_RESAMPLES} passes over ${rows} rows each`);
  return a as BinaryPass[];
}
