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
import { buildScoreKeys, decodeSorted, DIGITS, scatterPass, type ScoreKeys } from './sort.js';
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

/**
 * The sort's phases on a worker (sort-parallel.ts): the keys of the second half's rows (scores and
 * labels copied to it; keys on a SharedArrayBuffer), a radix pass over the second half's keys,
 * and the runs and decoding of the second half of the sorted keys.
 */
export const SORT_KEYS_TASK = 'metrics-sort-keys';
export const SORT_SCATTER_TASK = 'metrics-sort-scatter';
export const SORT_DECODE_TASK = 'metrics-sort-decode';

export interface SortKeysTask {
  scores: Float64Array;
  labels: Float64Array;
  keys: Uint32Array;
  at: number;
}

export interface SortScatterTask {
  src: Uint32Array;
  dst: Uint32Array;
  from: number;
  to: number;
  shift: number;
  offsets: Uint32Array;
  split?: number;
}

export interface SortDecodeTask {
  sorted: Uint32Array;
  s: Float64Array;
  y: Uint8Array;
  from: number;
  to: number;
}

function sortKeysTask(t: SortKeysTask): TaskResult {
  const value = buildScoreKeys(t.scores, t.labels, t.keys, t.at);
  return { value, transfer: [value.counts.buffer as ArrayBuffer] };
}

function sortScatterTask(t: SortScatterTask): TaskResult {
  const next = scatterPass(t.src, t.dst, t.from, t.to, t.shift, t.offsets, t.split) ?? null;
  return { value: next, transfer: next ? [next.buffer as ArrayBuffer] : [] };
}

function sortDecodeTask(t: SortDecodeTask): TaskResult {
  return { value: decodeSorted(t.sorted, t.s, t.y, t.from, t.to) };
}

export const metricsTasks: TaskHandlers = {
  [COLUMN_SCAN_TASK]: columnScan,
  [MONITOR_MASKS_TASK]: masksTask,
  [RESAMPLE_PASS_TASK]: resamplePassTask,
  [SORT_KEYS_TASK]: sortKeysTask,
  [SORT_SCATTER_TASK]: sortScatterTask,
  [SORT_DECODE_TASK]: sortDecodeTask,
};

const isUint32s = (a: unknown, length: number): a is Uint32Array =>
  Object.prototype.toString.call(a) === '[object Uint32Array]' && (a as Uint32Array).length === length;

/** A worker's sort-keys answer for `rows` rows, checked: both digit histograms count every row. */
export function assertScoreKeys(a: unknown, rows: number): ScoreKeys {
  const o = a as Partial<Record<string, unknown>> | null;
  const invalidRow = o?.['invalidRow'];
  if (
    !o ||
    !isUint32s(o['counts'], 2 * DIGITS) ||
    sum(o['counts'].subarray(0, DIGITS)) !== rows ||
    sum(o['counts'].subarray(DIGITS)) !== rows ||
    !Number.isSafeInteger(invalidRow) ||
    (invalidRow as number) < -1 ||
    (invalidRow as number) >= rows ||
    !Number.isInteger(o['signs'])
  )
    throw new Error(`sort keys that are not two digit histograms of ${rows} rows`);
  return { counts: o['counts'], invalidRow: invalidRow as number, signs: o['signs'] as number };
}

/**
 * A worker's radix-pass answer over `rows` keys, checked: with `split`, the next digit's
 * histograms below and above it (together counting every key), else nothing.
 */
export function assertScatter(a: unknown, rows: number, split: boolean): Uint32Array | null {
  if (split ? isUint32s(a, 2 * DIGITS) && sum(a) === rows : a === null) return a as Uint32Array | null;
  throw new Error(
    split ? `a radix pass without the next digit's counts of ${rows} keys` : 'a radix pass with an answer',
  );
}

/** The total of a histogram's counts. */
function sum(h: Uint32Array): number {
  let sum = 0;
  for (let b = 0; b < h.length; b++) sum += h[b]!;
  return sum;
}

/** A worker's decode answer over `rows` keys, checked: the positives among them. */
export function assertPositives(a: unknown, rows: number): number {
  if (!isCount(a) || a > rows) throw new Error(`a positive count that is not in 0..${rows}`);
  return a;
}

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
