/**
 * A range's ScanResult as it crosses between threads (plain data; the sketches' level arrays are
 * moved, not copied), and the worker task that produces it. fromWire checks every field, so a
 * worker that answers garbage is caught (the scan then fails closed) instead of being merged.
 */
import { KllSketch, type KllState } from '../stats/kll.js';
import type { TaskResult } from '../workers/protocol.js';
import { scanCaptureBatch, type ScanBatch, type ScanResult } from './capture-scan.js';
import { MonitorDataError } from './errors.js';
import { newSink } from './payload.js';
import { FeatureProfile, type ProfileData } from './profile.js';

export const CAPTURE_SCAN_TASK = 'capture-scan';

export interface WireResult extends Omit<ScanResult, 'sink'> {
  profiles: ProfileData[];
  columnCounts: [number, number][];
  rows: number;
  unknownNames: [string, number][];
}

/** What a capture-scan task answers: the range's result, or the data error it found. */
export type CaptureScanAnswer = { result: WireResult } | { dataError: string };

/** With `mergeHint`, each sketch carries its merge hint (a worker's result: the main thread merges it). */
export function toWire(r: ScanResult, mergeHint = false): WireResult {
  return {
    records: r.records,
    outsideWindow: r.outsideWindow,
    minTimeMs: r.minTimeMs,
    maxTimeMs: r.maxTimeMs,
    predictionKeys: r.predictionKeys,
    predictionOutputs: r.predictionOutputs,
    bytes: r.bytes,
    profiles: r.sink.profiles.map((p) => p.toData(mergeHint)),
    columnCounts: [...r.sink.columnCounts],
    rows: r.sink.rows,
    unknownNames: [...r.sink.unknownNames],
  };
}

/** The worker's handler: scans the range; a MonitorDataError is an answer, anything else throws. */
export function captureScanTask(task: ScanBatch): TaskResult {
  let answer: CaptureScanAnswer;
  try {
    answer = { result: toWire(scanCaptureBatch(task), true) };
  } catch (err) {
    if (!(err instanceof MonitorDataError)) throw err;
    answer = { dataError: err.message };
  }
  // Copied, not transferred: a result is a few hundred KB, and the first ArrayBuffer a thread
  // detaches (which a transfer does) invalidates V8's no-detach assumption, throwing away every
  // optimized function of the thread's scan (about 150 ms of recompiling for a 200 MB check).
  return { value: answer };
}

class Malformed extends Error {}

/** "<file> bytes a-b" for the batch's first range, and how many more follow. */
function describeBatch(task: ScanBatch): string {
  const p = task.parts[0];
  const first = p ? `${p.file} bytes ${p.start}-${p.end}` : 'an empty batch';
  return task.parts.length > 1 ? `${first} and ${task.parts.length - 1} more range(s)` : first;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Malformed(what);
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isNum = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);
const isArray = (x: unknown): x is unknown[] => Array.isArray(x);
const isFloat64Array = (x: unknown): x is Float64Array =>
  Object.prototype.toString.call(x) === '[object Float64Array]';

function pairs(x: unknown, key: (k: unknown) => boolean, what: string): void {
  check(isArray(x) && x.every((p) => isArray(p) && p.length === 2 && key(p[0]) && isCount(p[1])), what);
}

function checkKll(k: unknown): void {
  const s = k as Partial<KllState> | null;
  check(s !== null && typeof s === 'object', 'kll');
  const levels = s!.levels;
  check(isNum(s!.k) && isNum(s!.c) && isNum(s!.count) && isNum(s!.rankErrorBound), 'kll parameters');
  // (a tag check, not instanceof: under jest the structured clone's arrays come from another realm)
  check(isArray(levels) && levels.every(isFloat64Array), 'kll levels');
  if (s!.sorted0 !== undefined)
    check(
      isFloat64Array(s!.sorted0) && KllSketch.isMergeHint(levels![0] ?? new Float64Array(0), s!.sorted0),
      'kll merge hint',
    );
  for (const key of ['compressions', 'offsets'] as const) {
    const a = s![key];
    check(isArray(a) && a.length === levels!.length && a.every(isCount), `kll ${key}`);
  }
}

function checkProfile(p: unknown): void {
  const d = p as Partial<ProfileData> | null;
  check(d !== null && typeof d === 'object', 'profile');
  check(isArray(d!.types) && d!.types.length === 5 && d!.types.every(isCount), 'profile types');
  check(
    isCount(d!.n) && ['mean', 'm2', 'sum', 'min', 'max'].every((k) => isNum(d![k as keyof ProfileData])),
    'profile moments',
  );
  checkKll(d!.kll);
  check(d!.categories === null || isArray(d!.categories), 'profile categories');
  if (d!.categories) pairs(d!.categories, (k) => typeof k === 'string', 'profile categories');
  if (d!.numericCategories !== null) pairs(d!.numericCategories, isNum, 'profile numeric categories');
}

/**
 * The result of `task` from a worker's answer. Throws MonitorDataError for the range's data error,
 * and a plain Error (the caller fails closed) when the answer is not a well-formed result of that
 * range.
 */
export function fromWire(answer: unknown, task: ScanBatch): ScanResult {
  const bytes = task.parts.reduce((n, p) => n + p.end - p.start, 0);
  let w: WireResult;
  try {
    const a = answer as Partial<Record<'result' | 'dataError', unknown>> | null;
    check(a !== null && typeof a === 'object', 'answer');
    if (typeof a!.dataError === 'string') throw new MonitorDataError(a!.dataError);
    w = a!.result as WireResult;
    check(w !== null && typeof w === 'object', 'result');
    check(w.bytes === bytes, `bytes (${String(w.bytes)} for ranges of ${bytes})`);
    check(isCount(w.records) && isCount(w.outsideWindow) && isCount(w.rows), 'counts');
    check(isNum(w.minTimeMs) && isNum(w.maxTimeMs), 'time range');
    check(
      isArray(w.predictionKeys) &&
        isArray(w.predictionOutputs) &&
        w.predictionKeys.length === w.predictionOutputs.length &&
        w.predictionKeys.every((k) => typeof k === 'string') &&
        w.predictionOutputs.every((k) => typeof k === 'string'),
      'predictions',
    );
    check(isArray(w.profiles), 'profiles');
    w.profiles.forEach(checkProfile);
    pairs(w.columnCounts, isCount, 'column counts');
    pairs(w.unknownNames, (k) => typeof k === 'string', 'unknown names');
  } catch (err) {
    if (!(err instanceof Malformed)) throw err;
    throw new Error(
      `the capture scan's worker thread answered a malformed result for ${describeBatch(task)} (${err.message}); the gate fails closed`,
    );
  }
  const sink = newSink();
  // Filled in place: a sink whose fields were replaced would no longer match the optimized scan
  // code's view of sinks (it deoptimizes, on this thread, which scans too).
  for (const d of w.profiles) sink.profiles.push(FeatureProfile.fromData(d));
  for (const [c, n] of w.columnCounts) sink.columnCounts.set(c, n);
  sink.rows = w.rows;
  for (const [k, n] of w.unknownNames) sink.unknownNames.set(k, n);
  return {
    sink,
    records: w.records,
    outsideWindow: w.outsideWindow,
    minTimeMs: w.minTimeMs,
    maxTimeMs: w.maxTimeMs,
    predictionKeys: w.predictionKeys,
    predictionOutputs: w.predictionOutputs,
    bytes: w.bytes,
  };
}
