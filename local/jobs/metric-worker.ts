/**
 * MetricDefinitions regexes come from the request: a catastrophic-backtracking one over a long
 * log line would block the server's event loop for hours. They run in a worker thread instead,
 * line by line in order; when one line takes longer than the time limit, the worker is
 * terminated and the evaluator reports which definition stalled (the job then fails with a
 * ClientError that says so).
 */
import { Worker } from 'node:worker_threads';
import type { MetricDefinition } from './metrics.js';

export interface FoundMetric {
  name: string;
  value: number;
  timestamp: number;
}

export class MetricRegexTimeout extends Error {}

// Plain JavaScript, evaluated as the worker's source (no loader needed under tsx or jest).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const progress = new Int32Array(workerData.progress);
const metrics = workerData.defs.map((d) => ({ name: d.Name, regex: new RegExp(d.Regex) }));
parentPort.on('message', (batch) => {
  const found = [];
  for (const [line, timestamp] of batch) {
    metrics.forEach((m, i) => {
      Atomics.store(progress, 1, i);
      const raw = m.regex.exec(line)?.[1];
      if (raw === undefined) return;
      const value = Number(raw);
      if (Number.isFinite(value)) found.push({ name: m.name, value, timestamp });
    });
    Atomics.add(progress, 0, 1);
  }
  parentPort.postMessage({ found, lines: batch.length });
});
`;

/**
 * Evaluates definitions over lines off the main thread. `observe` queues a line; `onMetric` is
 * called in line order; `drain()` resolves when every queued line is evaluated (or rejects with
 * MetricRegexTimeout). Definitions must already compile (compileMetricDefinitions).
 */
export class MetricEvaluator {
  private worker: Worker | undefined;
  private readonly progress = new SharedArrayBuffer(8);
  private readonly counters = new Int32Array(this.progress);
  private queued: [string, number][] = [];
  private sent = 0;
  /** Lines whose results have arrived (the shared counter runs ahead of the messages). */
  private received = 0;
  private flushScheduled = false;
  private failure: MetricRegexTimeout | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastDone = 0;
  private lastChange = Date.now();
  private online = false;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(
    private readonly defs: MetricDefinition[],
    private readonly onMetric: (m: FoundMetric) => void,
    private readonly timeoutMs = 5000,
  ) {
    if (defs.length === 0) return;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { defs, progress: this.progress },
    });
    this.worker.unref();
    // Start-up time (slow on a loaded machine) does not count against the limit.
    this.worker.once('online', () => {
      this.online = true;
      this.lastChange = Date.now();
    });
    this.worker.on('message', (msg: { found: FoundMetric[]; lines: number }) => {
      for (const f of msg.found) this.onMetric(f);
      this.received += msg.lines;
      this.settleIfIdle();
    });
    this.worker.on('error', (err) =>
      this.fail(new MetricRegexTimeout(`MetricDefinitions evaluation failed: ${err.message}`)),
    );
    this.watchdog = setInterval(() => this.check(), Math.max(50, Math.min(1000, this.timeoutMs / 4)));
    this.watchdog.unref();
  }

  /** Queues one log line (no-op without definitions or after a timeout). */
  observe(line: string, timestamp: number): void {
    if (!this.worker || this.failure) return;
    this.queued.push([line, timestamp]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.worker || this.failure || this.queued.length === 0) return;
    if (this.sent === Atomics.load(this.counters, 0)) this.lastChange = Date.now();
    this.sent += this.queued.length;
    this.worker.postMessage(this.queued);
    this.queued = [];
  }

  private check(): void {
    const done = Atomics.load(this.counters, 0);
    if (!this.online || done !== this.lastDone || done >= this.sent) {
      this.lastDone = done;
      this.lastChange = Date.now();
      return;
    }
    if (Date.now() - this.lastChange > this.timeoutMs) {
      const def = this.defs[Atomics.load(this.counters, 1)];
      this.fail(
        new MetricRegexTimeout(
          `MetricDefinitions '${def?.Name ?? '?'}': regex ${JSON.stringify(def?.Regex ?? '')} took longer than ` +
            `${this.timeoutMs / 1000} s on one log line (catastrophic backtracking?); simplify the regex`,
        ),
      );
    }
  }

  private fail(err: MetricRegexTimeout): void {
    if (this.failure) return;
    this.failure = err;
    this.close();
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  private settleIfIdle(): void {
    if (this.queued.length === 0 && this.received >= this.sent && !this.flushScheduled)
      for (const w of this.waiters.splice(0)) w.resolve();
  }

  /** Resolves once every observed line is evaluated; rejects with the timeout, if one happened. */
  drain(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.worker) return Promise.resolve();
    this.flush();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.settleIfIdle();
    });
  }

  /** Stops the worker (always call when the job ends). */
  close(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
