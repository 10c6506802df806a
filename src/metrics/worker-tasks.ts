/**
 * What the evaluate readers hand to a worker thread (src/workers), and the check of what comes
 * back: a column scan of a byte range (fast path only: at the first line the fast path does not
 * take, the worker gives up and the main thread scans the range itself, so errors keep their true
 * line numbers). The main thread validates every answer (assertColumnScan): a malformed one fails
 * closed.
 */
import * as fs from 'node:fs';
import type { TaskHandlers, TaskResult } from '../workers/protocol.js';
import { Float64Builder } from './lines.js';
import { scanKernel, type ScanOptions } from './scan.js';

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

export const metricsTasks: TaskHandlers = {
  [COLUMN_SCAN_TASK]: columnScan,
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
