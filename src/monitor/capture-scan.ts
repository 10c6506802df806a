/**
 * Scans data-capture JSON Lines (one byte range of one file) into feature profiles: each line is
 * validated by the byte-level CaptureLineScanner, selected by its inferenceTime, and its
 * endpointInput payload (CSV, JSON, or base64 of either) is fed to the profiles. Every problem
 * fails closed with the file, the line and the fix.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { CaptureLineScanner } from './json-scan.js';
import {
  NOT_STRING,
  SLOT_PATHS,
  S_EVENT_ID,
  S_IN_CONTENT_TYPE,
  S_IN_DATA,
  S_IN_ENCODING,
  S_INFERENCE_ID,
  S_INFERENCE_TIME,
  S_OUT_DATA,
  S_OUT_ENCODING,
} from './capture-slots.js';
import { MonitorDataError } from './errors.js';
import { primeKllFeedback } from '../stats/kll.js';
import { feedCsv, feedJson, newSink, type RowSink } from './payload.js';

/** A byte range of one capture file; `start` is 0 or just after a newline. */
export interface FileRange {
  file: string;
  start: number;
  end: number;
}

/** What a scan selects and collects (the same for every range of one check). */
export interface ScanSelection {
  sinceMs: number;
  untilMs: number;
  /** baseline feature names (JSON payloads with named features map onto them) */
  featureNames: string[];
  /** record the endpoint output per event for the ground-truth join */
  collectPredictions: boolean;
  /** data quality needs the input; model quality alone needs only the output */
  requireInput: boolean;
}

export interface ScanTask extends FileRange, ScanSelection {}

/** Consecutive ranges scanned into one result (one unit of work for a thread). */
export interface ScanBatch extends ScanSelection {
  parts: FileRange[];
}

export interface ScanResult {
  sink: RowSink;
  records: number;
  outsideWindow: number;
  minTimeMs: number;
  maxTimeMs: number;
  /** join keys (inferenceId when set, else eventId) and the output payload text */
  predictionKeys: string[];
  predictionOutputs: string[];
  bytes: number;
}

// Local copies: imported bindings can become getters in bundles, and these are read per record.
const IN_DATA = S_IN_DATA;
const IN_ENCODING = S_IN_ENCODING;

const FIX_CAPTURE =
  "fix: point capture-uri at the endpoint's data capture (JSON Lines written by SageMaker data capture), and remove files that are not capture records";

/** The yyyy-mm-ddThh bytes of the last hour parsed, and that hour in ms (records come in time order). */
const lastHour = new Uint8Array(13);
let lastHourMs = NaN;

/** The number in buf[i, i + n) when every byte there is a decimal digit, else -1. */
function digitsAt(buf: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const x = buf[k]! - 48;
    if (x < 0 || x > 9) return -1;
    v = v * 10 + x;
  }
  return v;
}

/** The ms of the hour yyyy-mm-ddThh at buf[s], or NaN when it is not a valid one. */
function hourStartMs(buf: Uint8Array, s: number): number {
  const year = digitsAt(buf, s, 4);
  const month = digitsAt(buf, s + 5, 2);
  const day = digitsAt(buf, s + 8, 2);
  const hour = digitsAt(buf, s + 11, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return NaN;
  return Date.UTC(year, month - 1, day, hour);
}

/**
 * Milliseconds since the epoch of an ISO-8601 time; the common Z form is parsed by hand. (Per
 * record: no closures here, which would be allocated at every call.)
 */
export function parseIsoTime(buf: Uint8Array, s: number, e: number): number {
  if (
    e - s >= 20 &&
    buf[s + 4] === 45 &&
    buf[s + 7] === 45 &&
    buf[s + 10] === 84 &&
    buf[s + 13] === 58 &&
    buf[s + 16] === 58 &&
    buf[e - 1] === 90
  ) {
    let hourMs = lastHourMs;
    for (let i = 0; i < 13 && hourMs === hourMs; i++) if (buf[s + i] !== lastHour[i]) hourMs = NaN;
    if (hourMs !== hourMs) {
      hourMs = hourStartMs(buf, s);
      if (hourMs !== hourMs) return NaN;
      lastHour.set(buf.subarray(s, s + 13));
      lastHourMs = hourMs;
    }
    const min = digitsAt(buf, s + 14, 2);
    const sec = digitsAt(buf, s + 17, 2);
    let ms = 0;
    if (e - s > 20) {
      if (buf[s + 19] !== 46) return slowTime(buf, s, e);
      let scale = 100;
      for (let i = s + 20; i < e - 1; i++) {
        const x = buf[i]! - 48;
        if (x < 0 || x > 9) return NaN;
        ms += x * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
    if (!(min >= 0 && min <= 59) || !(sec >= 0 && sec <= 60)) return NaN;
    return hourMs + min * 60_000 + sec * 1000 + ms;
  }
  return slowTime(buf, s, e);
}

let primed = false;

/**
 * Before a thread's first range: the sketch's rare paths (see primeKllFeedback), and parseIsoTime's
 * a dozen times, then its cache cleared. V8 records a function's type feedback only from about its
 * ninth call, and a scan's first records (the cache's first miss) come before that, so the next
 * hour's miss came to the optimized code without feedback and threw it away (once per thread and
 * check, measured). Here, not at module load: the worker script also serves evaluate's tasks.
 */
function primeScanFeedback(): void {
  if (primed) return;
  primed = true;
  primeKllFeedback();
  const b = Buffer.from('2026-01-01T00:00:00Z2026-01-01T01:00:00.5Z', 'latin1');
  for (let i = 0; i < 12; i++) parseIsoTime(b, i % 2 === 0 ? 0 : 20, i % 2 === 0 ? 20 : 42);
  lastHour.fill(0);
  lastHourMs = NaN;
}

function slowTime(buf: Uint8Array, s: number, e: number): number {
  const t = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(t) ? Date.parse(t) : NaN;
}

class LineFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The 1-based line of byte `offset` in `file` (error path only). */
export function lineOfOffset(file: string, offset: number): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let line = 1;
    let pos = 0;
    while (pos < offset) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (buf[i] === 10) line++;
      pos += n;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time: small enough that the scan reads them from the cache the read left them in. */
const READ_BYTES = 256 << 10;
let readBuffer = Buffer.alloc(0);
let threadScanner: CaptureLineScanner | undefined;

/** A result with nothing in it yet (`bytes` read). */
export function emptyScanResult(bytes = 0): ScanResult {
  return {
    sink: newSink(),
    records: 0,
    outsideWindow: 0,
    minTimeMs: Infinity,
    maxTimeMs: -Infinity,
    predictionKeys: [],
    predictionOutputs: [],
    bytes,
  };
}

/** The batch's ranges in order, into one result (the first data error stops it). */
export function scanCaptureBatch(batch: ScanBatch): ScanResult {
  const result = emptyScanResult();
  for (let k = 0; k < batch.parts.length; k++) scanBatchPart(batch, k, result);
  return result;
}

/** The batch's range k, into `into` (scanCaptureBatch part by part). */
export function scanBatchPart(batch: ScanBatch, k: number, into: ScanResult): void {
  const part = batch.parts[k]!;
  // One literal, so every task has the same shape whether the batch was built here or cloned
  // from another thread (a spread's shape follows its sources, and each new shape costs the
  // optimized scan code a deoptimization).
  const task: ScanTask = {
    file: part.file,
    start: part.start,
    end: part.end,
    sinceMs: batch.sinceMs,
    untilMs: batch.untilMs,
    featureNames: batch.featureNames,
    collectPredictions: batch.collectPredictions,
    requireInput: batch.requireInput,
  };
  scanCaptureRange(task, into);
}

/** Scans one range, into `into` when given (its counts and profiles grow). */
export function scanCaptureRange(task: ScanTask, into?: ScanResult): ScanResult {
  primeScanFeedback();
  const result = into ?? emptyScanResult();
  result.bytes += task.end - task.start;
  const names = new Map(task.featureNames.map((n, i) => [n, i]));
  // One scanner per thread, range after range: its line template (and the JIT's type feedback for
  // it) carries over; a line of another layout takes the full walk and becomes the template. (What
  // it remembers of a buffer's bytes resets itself: a new range starts at a lower position.)
  const scanner = (threadScanner ??= new CaptureLineScanner());
  const scratch = { buf: Buffer.allocUnsafe(1 << 16) };
  let fd: number;
  try {
    fd = openSync(task.file, 'r');
  } catch (err) {
    throw new MonitorDataError(
      `cannot read ${task.file}: ${(err as Error).message}; fix: check the path and permissions`,
    );
  }
  try {
    // One read buffer per thread, reused range after range (nothing keeps a view of it).
    const size = Math.min(READ_BYTES, Math.max(1 << 16, task.end - task.start + 1));
    if (readBuffer.length < size) readBuffer = Buffer.allocUnsafe(size);
    let buf = readBuffer;
    let filled = 0;
    let pos = task.start; // file offset of buf[0]
    let readPos = task.start;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = readBuffer = bigger;
      }
      const want = Math.min(buf.length - filled, task.end - readPos);
      const n = want > 0 ? readSync(fd, buf, filled, want, readPos) : 0;
      readPos += n;
      const eof = n === 0;
      const end = filled + n;
      let lineStart = 0;
      // UTF-8 once per buffer, natively (a newline byte never sits inside a UTF-8 sequence).
      const complete = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
      if (complete > 0 && !isUtf8(buf.subarray(0, complete))) {
        let ls = 0;
        while (ls < complete) {
          let nl = buf.indexOf(10, ls);
          if (nl < 0 || nl >= complete) nl = complete;
          if (!isUtf8(buf.subarray(ls, nl))) {
            throw new MonitorDataError(
              `${task.file}:${lineOfOffset(task.file, pos + ls)}: the line holds bytes that are not UTF-8; ${FIX_CAPTURE}`,
            );
          }
          ls = nl + 1;
        }
      }
      for (;;) {
        let nl = buf.indexOf(10, lineStart);
        if (nl < 0 || nl >= end) {
          if (!eof || lineStart >= end) break;
          nl = end; // last line without a newline
        }
        let le = nl;
        if (le > lineStart && buf[le - 1] === 13) le--;
        if (le > lineStart) {
          try {
            scanLine(task, result, scanner, scratch, buf, lineStart, le, names);
          } catch (err) {
            if (err instanceof LineFailure) {
              const off = pos + lineStart;
              throw new MonitorDataError(`${task.file}:${lineOfOffset(task.file, off)}: ${err.message}`);
            }
            throw err;
          }
        }
        lineStart = nl + 1;
      }
      if (eof) break;
      buf.copy(buf, 0, lineStart, end);
      filled = end - lineStart;
      pos += lineStart;
    }
  } finally {
    closeSync(fd);
  }
  return result;
}

function required(scanner: CaptureLineScanner, slot: number): void {
  const s = scanner.starts[slot]!;
  if (s === NOT_STRING)
    throw new LineFailure(
      0,
      `member ${SLOT_PATHS[slot]} is not a string, as SageMaker data capture writes it; ${FIX_CAPTURE}`,
    );
  if (s < 0)
    throw new LineFailure(
      0,
      `the record has no ${SLOT_PATHS[slot]}, which SageMaker data capture always writes; ${FIX_CAPTURE}`,
    );
}

function scanLine(
  task: ScanTask,
  r: ScanResult,
  sc: CaptureLineScanner,
  scratch: { buf: Buffer },
  buf: Buffer,
  s: number,
  e: number,
  names: Map<string, number>,
): void {
  if (!sc.scan(buf, s, e)) {
    if (buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf)
      throw new LineFailure(
        0,
        `the line starts with a UTF-8 byte order mark, which SageMaker data capture never writes; ${FIX_CAPTURE}`,
      );
    throw new LineFailure(
      0,
      `not a valid JSON record at column ${sc.errorColumn}: ${sc.error}; ${FIX_CAPTURE}`,
    );
  }
  required(sc, S_EVENT_ID);
  required(sc, S_INFERENCE_TIME);
  const t = parseIsoTime(buf, sc.starts[S_INFERENCE_TIME]!, sc.ends[S_INFERENCE_TIME]!);
  if (!Number.isFinite(t)) {
    throw new LineFailure(
      0,
      `eventMetadata.inferenceTime ${JSON.stringify(sc.text(S_INFERENCE_TIME).slice(0, 40))} is not an ISO-8601 time; ${FIX_CAPTURE}`,
    );
  }
  if (t < task.sinceMs || t >= task.untilMs) {
    r.outsideWindow++;
    return;
  }
  r.records++;
  // stored every time (a store taken only at a batch's first record would be a path the
  // optimized code has never seen, and would deoptimize it)
  r.minTimeMs = Math.min(r.minTimeMs, t);
  r.maxTimeMs = Math.max(r.maxTimeMs, t);
  const hasInput = sc.starts[S_IN_DATA]! !== -1;
  if (task.requireInput || hasInput) {
    required(sc, S_IN_DATA);
    required(sc, S_IN_ENCODING);
    feedInput(r.sink, sc, scratch, names);
  }
  if (task.collectPredictions) {
    required(sc, S_OUT_DATA);
    required(sc, S_OUT_ENCODING);
    const key = sc.starts[S_INFERENCE_ID]! >= 0 ? sc.text(S_INFERENCE_ID) : sc.text(S_EVENT_ID);
    r.predictionKeys.push(key);
    r.predictionOutputs.push(decodedText(sc, S_OUT_DATA, S_OUT_ENCODING));
  }
}

/** The payload as text (base64 decoded when so encoded). */
function decodedText(sc: CaptureLineScanner, dataSlot: number, encSlot: number): string {
  const enc = sc.text(encSlot);
  const text = sc.text(dataSlot);
  if (enc === 'BASE64') return Buffer.from(text, 'base64').toString('utf8');
  return text;
}

function feedInput(
  sink: RowSink,
  sc: CaptureLineScanner,
  scratch: { buf: Buffer },
  names: Map<string, number>,
): void {
  const es = sc.starts[IN_ENCODING]!;
  const ee = sc.ends[IN_ENCODING]!;
  const b = sc.buf;
  const len = ee - es;
  // "CSV" is the hot case: compare bytes, no string.
  if (len === 3 && b[es] === 67 && b[es + 1] === 83 && b[es + 2] === 86) {
    const esc = sc.escaped[IN_DATA]!;
    let err: string | null;
    if (esc === 2) {
      const [pb, ps, pe] = sc.bytes(IN_DATA, scratch);
      err = feedCsv(sink, pb, ps, pe);
    } else err = feedCsv(sink, b, sc.starts[IN_DATA]!, sc.ends[IN_DATA]!, esc === 1);
    if (err)
      throw new LineFailure(
        0,
        `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture well-formed CSV (RFC 4180 quotes)`,
      );
    return;
  }
  const enc = sc.text(S_IN_ENCODING);
  let text: string;
  let kind: 'csv' | 'json';
  if (enc === 'JSON') {
    text = sc.text(S_IN_DATA);
    kind = 'json';
  } else if (enc === 'BASE64') {
    const ct = sc.starts[S_IN_CONTENT_TYPE]! >= 0 ? sc.text(S_IN_CONTENT_TYPE).toLowerCase() : '';
    const raw = sc.text(S_IN_DATA);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw) || raw.length % 4 === 1) {
      throw new LineFailure(0, `${SLOT_PATHS[S_IN_DATA]} is marked BASE64 but is not base64; ${FIX_CAPTURE}`);
    }
    text = Buffer.from(raw, 'base64').toString('utf8');
    if (ct.startsWith('text/csv')) kind = 'csv';
    else if (ct.includes('json')) kind = 'json';
    else {
      throw new LineFailure(
        0,
        `the input payload is base64 with content type ${JSON.stringify(ct.slice(0, 60))}, which is neither CSV nor JSON; fix: send text/csv or application/json, and list it in the endpoint's DataCaptureConfig CaptureContentTypeHeader so it is captured as text`,
      );
    }
  } else {
    throw new LineFailure(
      0,
      `${SLOT_PATHS[S_IN_ENCODING]} is ${JSON.stringify(enc.slice(0, 40))}; expected CSV, JSON or BASE64; ${FIX_CAPTURE}`,
    );
  }
  if (kind === 'csv') {
    const bytes = Buffer.from(text, 'utf8');
    const err = feedCsv(sink, bytes, 0, bytes.length);
    if (err)
      throw new LineFailure(
        0,
        `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture well-formed CSV (RFC 4180 quotes)`,
      );
  } else {
    let err: string | null;
    try {
      err = feedJson(sink, text, names, SLOT_PATHS[S_IN_DATA]!);
    } catch (e) {
      throw new LineFailure(0, (e as Error).message);
    }
    if (err)
      throw new LineFailure(
        0,
        `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture JSON payloads (an array of feature values, an array of rows, or {"instances": [...]})`,
      );
  }
}
