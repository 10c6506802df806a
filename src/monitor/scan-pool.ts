/**
 * The capture scan on every core: files are cut into newline-aligned byte ranges (at most
 * CHUNK_BYTES each, independent of the core count), worker threads scan ranges as they free up, and
 * the main thread merges the results in range order, so the statistics do not depend on how many
 * workers ran. One worker (or one range) scans in-process.
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
  /** worker threads to use (default: the available cores) */
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

/** The action bundle registers itself (it serves as its own worker, see serveScanWorker). */
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
      port.postMessage({ ok: toWire(scanCaptureRange(task)) });
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
  const results: ScanResult[] = new Array(tasks.length);
  if (want <= 1) {
    tasks.forEach((t, i) => (results[i] = scanCaptureRange(t)));
  } else {
    await runWorkers(tasks, results, want);
  }
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
  for (const r of results) mergeInto(total, r);
  return { ...total, files: opts.files.length, ranges: tasks.length, workers: want };
}

async function runWorkers(tasks: ScanTask[], results: ScanResult[], count: number): Promise<void> {
  const script = defaultWorkerScript();
  let next = 0;
  let failure: Error | undefined;
  const one = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(script.path, { workerData: { flag: WORKER_FLAG }, eval: script.eval ?? false });
      let current = -1;
      let stopping = false;
      const feed = () => {
        if (failure || next >= tasks.length) {
          stopping = true;
          void w.terminate().then(() => resolve());
          return;
        }
        current = next++;
        w.postMessage(tasks[current]);
      };
      w.on('message', (m: { ok?: WireResult; error?: string; data?: boolean }) => {
        if (m.ok) results[current] = fromWire(m.ok);
        else
          failure ??= m.data
            ? new MonitorDataError(m.error ?? 'scan failed')
            : new Error(m.error ?? 'scan failed');
        feed();
      });
      w.on('error', (err) => {
        failure ??= err;
        resolve();
      });
      // A worker that exits on its own (e.g. a script that does not serve scans) would leave this
      // promise pending and the process would end with code 0 and no result: fail instead.
      w.on('exit', (code) => {
        if (!stopping)
          failure ??= new Error(
            `capture scan worker exited (code ${code}) before finishing its work; the scan fails closed`,
          );
        resolve();
      });
      w.on('online', feed);
    });
  await Promise.all(Array.from({ length: count }, one));
  if (failure) throw failure;
}
