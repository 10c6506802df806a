/**
 * The capture scan on every core: files are cut into newline-aligned byte ranges (at most
 * CHUNK_BYTES each, independent of the core count), the main thread and worker threads scan ranges
 * as they free up, and the results are merged in range order, so the statistics do not depend on
 * how many threads ran. One thread (or one range) scans in-process, without workers.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CaptureFile } from './capture-files.js';
import { scanCaptureRange, type ScanResult, type ScanTask } from './capture-scan.js';
import { MonitorDataError } from './errors.js';
import { newSink } from './payload.js';
import { FeatureProfile, type ProfileData } from './profile.js';

export const CHUNK_BYTES = 32 << 20;
const WORKER_FLAG = 'sagemaker-actions:capture-scan-worker';

export interface ScanOptions {
  files: CaptureFile[];
  sinceMs: number;
  untilMs: number;
  featureNames: string[];
  collectPredictions: boolean;
  requireInput: boolean;
  /** threads to scan with, the main thread included (default: the available cores) */
  workers?: number;
  chunkBytes?: number;
}

export interface ScanAggregate extends Omit<ScanResult, 'bytes'> {
  bytes: number;
  files: number;
  ranges: number;
  workers: number;
}

/** Newline-aligned ranges of at most `chunk` bytes (a line longer than that stays whole). */
export function planRanges(
  files: CaptureFile[],
  chunk: number,
): { file: string; start: number; end: number }[] {
  const out: { file: string; start: number; end: number }[] = [];
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

interface WireResult extends Omit<ScanResult, 'sink'> {
  profiles: ProfileData[];
  columnCounts: [number, number][];
  rows: number;
  unknownNames: [string, number][];
}

function toWire(r: ScanResult): WireResult {
  return {
    records: r.records,
    outsideWindow: r.outsideWindow,
    minTimeMs: r.minTimeMs,
    maxTimeMs: r.maxTimeMs,
    predictionKeys: r.predictionKeys,
    predictionOutputs: r.predictionOutputs,
    bytes: r.bytes,
    profiles: r.sink.profiles.map((p) => p.toData()),
    columnCounts: [...r.sink.columnCounts],
    rows: r.sink.rows,
    unknownNames: [...r.sink.unknownNames],
  };
}

function fromWire(w: WireResult): ScanResult {
  const sink = newSink();
  sink.profiles = w.profiles.map((d) => FeatureProfile.fromData(d));
  sink.columnCounts = new Map(w.columnCounts);
  sink.rows = w.rows;
  sink.unknownNames = new Map(w.unknownNames);
  return { ...w, sink };
}

/** How a worker thread is started: this module's own worker file, or the action bundle itself. */
export interface WorkerScript {
  /** a file, or JavaScript source when `eval` */
  path: string;
  eval?: boolean;
}

let workerScriptOverride: WorkerScript | undefined;

/**
 * The action registers the script its process was started with (it serves as its own worker, see
 * serveScanWorker): an entry that runs the action, not a bundler chunk, which would run nothing.
 */
export function setScanWorkerScript(script: WorkerScript | undefined): void {
  workerScriptOverride = script;
}

function defaultWorkerScript(): WorkerScript {
  if (workerScriptOverride) return workerScriptOverride;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // From source (tests, tsx): load the TypeScript worker through tsx's loader.
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const worker = pathToFileURL(join(dirname(here), 'scan-worker.ts')).href;
    return {
      path: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`,
      eval: true,
    };
  }
  return { path: here };
}

/** In a worker thread started by this pool: serve scan tasks and return true. */
export function serveScanWorker(): boolean {
  if (isMainThread || !parentPort || (workerData as { flag?: string } | null)?.flag !== WORKER_FLAG)
    return false;
  const port = parentPort;
  port.on('message', (task: ScanTask) => {
    try {
      const ok = toWire(scanCaptureRange(task));
      // the sketches' levels move to the main thread without a copy
      port.postMessage(
        { ok },
        ok.profiles.flatMap((p) => p.kll.levels.map((l) => l.buffer as ArrayBuffer)),
      );
    } catch (err) {
      port.postMessage({ error: (err as Error).message, data: err instanceof MonitorDataError });
    }
  });
  return true;
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
  const ranges = planRanges(opts.files, opts.chunkBytes ?? CHUNK_BYTES);
  const tasks: ScanTask[] = ranges.map((r) => ({
    ...r,
    sinceMs: opts.sinceMs,
    untilMs: opts.untilMs,
    featureNames: opts.featureNames,
    collectPredictions: opts.collectPredictions,
    requireInput: opts.requireInput,
  }));
  const want = Math.max(1, Math.min(opts.workers ?? availableParallelism(), tasks.length));
  const total: ScanResult = {
    sink: newSink(),
    records: 0,
    outsideWindow: 0,
    minTimeMs: Infinity,
    maxTimeMs: -Infinity,
    predictionKeys: [],
    predictionOutputs: [],
    bytes: 0,
  };
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
  if (want <= 1) tasks.forEach((t, i) => put(i, scanCaptureRange(t)));
  else await runThreads(tasks, put, want);
  if (merged !== tasks.length)
    throw new Error(`capture scan: ${tasks.length - merged} range(s) without a result`);
  return { ...total, files: opts.files.length, ranges: tasks.length, workers: want };
}

/** Ranges a worker holds at once, so it never waits for the main thread to hand out the next. */
const IN_FLIGHT = 2;

/**
 * `count` threads scan: the main thread itself and count - 1 workers (a worker costs a start-up
 * that loads the script; the main thread is otherwise idle while they scan). Each claims the next
 * unclaimed range; results land by range index, so the merge order is fixed.
 */
async function runThreads(
  tasks: ScanTask[],
  put: (i: number, r: ScanResult) => void,
  count: number,
): Promise<void> {
  const script = defaultWorkerScript();
  let next = 0;
  let failure: Error | undefined;
  const one = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(script.path, { workerData: { flag: WORKER_FLAG }, eval: script.eval ?? false });
      const inFlight: number[] = [];
      let done = false;
      const feed = () => {
        while (!failure && next < tasks.length && inFlight.length < IN_FLIGHT) {
          const i = next++;
          inFlight.push(i);
          w.postMessage(tasks[i]);
        }
        if (inFlight.length === 0) {
          done = true;
          void w.terminate().then(() => resolve());
        }
      };
      w.on('message', (m: { ok?: WireResult; error?: string; data?: boolean }) => {
        const i = inFlight.shift()!;
        if (m.ok) put(i, fromWire(m.ok));
        else
          failure ??= m.data
            ? new MonitorDataError(m.error ?? 'scan failed')
            : new Error(m.error ?? 'scan failed');
        if (failure) inFlight.length = 0; // stop: the answers still coming are not needed
        feed();
      });
      w.on('error', (err) => {
        failure ??= err;
        resolve();
      });
      // A worker that ends without answering (a script that does not serve scan tasks) must not
      // leave the scan waiting forever: the process would exit 0 with nothing checked.
      w.on('exit', (code) => {
        if (done) return;
        failure ??= new Error(
          `the capture scan's worker thread (${script.eval ? 'from source' : script.path}) exited with code ${code} before answering; fix: the worker script must call serveScanWorker() (setScanWorkerScript names the process's entry script)`,
        );
        resolve();
      });
      w.on('online', feed);
    });
  const main = async () => {
    while (!failure && next < tasks.length) {
      const i = next++;
      try {
        put(i, scanCaptureRange(tasks[i]!));
      } catch (err) {
        failure ??= err as Error;
      }
      // let the workers' answers in, so they get their next ranges
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all([main(), ...Array.from({ length: count - 1 }, one)]);
  if (failure) throw failure;
}
