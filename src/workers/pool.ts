/**
 * The worker threads an action computes with: a small script of their own (dist/worker.js, built
 * from src/workers/entry.ts by scripts/build.mjs; from the sources, the same entry through tsx's
 * loader), started once per process and shared by whatever needs them (the capture scan, the
 * evaluate readers and metrics). Workers are started early (warmWorkers) so their start-up
 * overlaps the main thread's own work, and do not keep the process alive while idle.
 *
 * Failures are explicit: a request settles with its value, with a WorkerTaskError (the task threw),
 * or with a WorkerFailure: 'start' or 'crash' (the task did not run: callers do it on the main
 * thread instead, with identical results) or 'protocol' (the worker answered something that is not
 * this protocol's answer: callers fail closed, never use it). Callers validate each value's shape
 * and report a malformed one as a 'protocol' failure too.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WORKER_FLAG, WORKER_PROTOCOL } from './protocol.js';

export type WorkerFailureKind = 'start' | 'crash' | 'protocol';

/** A worker thread that did not run a task ('start', 'crash') or broke the protocol ('protocol'). */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** The task threw inside the worker (its message). */
export class WorkerTaskError extends Error {
  override readonly name = 'WorkerTaskError';
}

/** The fix named when a worker breaks the protocol: the action's files come from different builds. */
export const PROTOCOL_FIX =
  "fix: use the action's files from one build (dist/worker.js must come from the same `npm run build` as the other dist/ files); report it if they do";

/** How a worker thread is started: a script file, or JavaScript source run with `eval`. */
export interface WorkerScript {
  path: string;
  eval?: boolean;
}

let scriptOverride: WorkerScript | undefined;

/** The worker script next to this module: dist/worker.js in the bundle, entry.ts through tsx from the sources. */
function defaultScript(): WorkerScript {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return { path: join(dirname(here), 'worker.js') };
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = pathToFileURL(join(dirname(here), 'entry.ts')).href;
  return {
    path: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
}

/** Counters for tests and benches. */
export const workerStats = { started: 0, failures: [] as string[] };

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** One worker thread and its outstanding requests (answered in order). */
export class ThreadWorker {
  private readonly worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private hello = false;
  /** Set once the worker is unusable; every later request rejects with it. */
  failure: WorkerFailure | undefined;

  constructor(private readonly script: WorkerScript) {
    workerStats.started++;
    try {
      this.worker = new Worker(script.path, {
        eval: script.eval ?? false,
        workerData: { flag: WORKER_FLAG },
      });
    } catch (err) {
      this.fail(new WorkerFailure('start', `could not start: ${(err as Error).message}`));
      return;
    }
    const w = this.worker;
    w.on('message', (m: unknown) => this.onMessage(m));
    w.on('error', (err) =>
      this.fail(
        new WorkerFailure(
          this.hello ? 'crash' : 'start',
          `${this.hello ? 'crashed' : 'could not start'}: ${err.message}`,
        ),
      ),
    );
    w.on('exit', (code) =>
      this.fail(
        new WorkerFailure(
          this.hello ? 'crash' : 'start',
          `exited with code ${code}${this.hello ? '' : ' before saying hello (the script does not serve tasks)'}`,
        ),
      ),
    );
    // After the listeners: adding a 'message' listener refs the worker's port again, and an idle
    // worker that was warmed but never used would keep the process alive after the action ended.
    w.unref();
  }

  /** Where the thread came from, for messages. */
  get origin(): string {
    return this.script.eval ? 'worker thread (from the sources)' : `worker thread ${this.script.path}`;
  }

  get busy(): number {
    return this.pending.size;
  }

  /** Sends a task; see the module comment for how it settles. */
  request(kind: string, task: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker!.ref(); // an awaited answer keeps the process alive
      this.pending.set(id, { resolve, reject });
      try {
        this.worker!.postMessage({ id, kind, task }, transfer);
      } catch (err) {
        this.pending.delete(id);
        reject(new WorkerFailure('start', `could not send a task: ${(err as Error).message}`));
      }
    });
  }

  private onMessage(m: unknown): void {
    if (this.failure) return;
    const o = m as Record<string, unknown> | null;
    if (!this.hello) {
      if (o && o['hello'] === WORKER_FLAG && o['protocol'] === WORKER_PROTOCOL) {
        this.hello = true;
        return;
      }
      this.fail(
        new WorkerFailure(
          'protocol',
          `did not start with this build's hello (protocol ${WORKER_PROTOCOL}); ${PROTOCOL_FIX}`,
        ),
      );
      return;
    }
    const id = o && typeof o['id'] === 'number' ? o['id'] : NaN;
    const p = this.pending.get(id);
    if (!p || 'value' in o! === 'error' in o!) {
      this.fail(new WorkerFailure('protocol', `sent a message that answers no request; ${PROTOCOL_FIX}`));
      return;
    }
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker!.unref();
    if ('value' in o!) p.resolve(o['value']);
    else p.reject(new WorkerTaskError(String(o!['error'])));
  }

  private fail(f: WorkerFailure): void {
    if (this.failure) return;
    this.failure = f;
    workerStats.failures.push(`${f.kind}: ${f.message}`);
    for (const p of this.pending.values()) p.reject(f);
    this.pending.clear();
    void this.worker?.terminate();
  }

  /** Stops the thread; outstanding requests fail with a 'crash' failure. */
  stop(): Promise<void> {
    this.fail(new WorkerFailure('crash', 'was stopped'));
    return this.worker ? this.worker.terminate().then(() => undefined) : Promise.resolve();
  }
}

/** What requestChecked settles with: the checked value, or why the worker did not run the task. */
export type Checked<T> = { ran: true; value: T } | { ran: false; reason: string };

/**
 * A request whose answer is checked, the way every caller treats a worker: the value that
 * `check` returns (it throws on a malformed answer); `ran: false` when the worker did not run the
 * task ('start', 'crash': the caller does the work on this thread); rejects with `closed(why)`
 * (the caller's fail-closed error) for a malformed answer, a protocol failure or a task that threw.
 */
export function requestChecked<T>(
  worker: ThreadWorker,
  kind: string,
  task: unknown,
  check: (answer: unknown) => T,
  closed: (why: string) => Error,
  transfer: ArrayBuffer[] = [],
): Promise<Checked<T>> {
  return worker.request(kind, task, transfer).then(
    (answer) => {
      try {
        return { ran: true, value: check(answer) };
      } catch (err) {
        throw closed(`answered ${(err as Error).message}`);
      }
    },
    (err: Error) => {
      if (err instanceof WorkerFailure && err.kind !== 'protocol') return { ran: false, reason: err.message };
      throw closed(err instanceof WorkerTaskError ? `threw: ${err.message}` : err.message);
    },
  );
}

const live: ThreadWorker[] = [];

/** The workers to use by default: every core but the main thread's. */
export function defaultWorkerCount(): number {
  return Math.max(0, availableParallelism() - 1);
}

/**
 * `count` usable worker threads of the shared pool, starting the missing ones now (their start-up
 * runs in the background; requests sent before it ends wait in the worker's queue).
 */
export function workers(count: number = defaultWorkerCount()): ThreadWorker[] {
  for (let i = live.length - 1; i >= 0; i--) if (live[i]!.failure) live.splice(i, 1);
  while (live.length < count) live.push(new ThreadWorker(scriptOverride ?? defaultScript()));
  return live.slice(0, count);
}

/** Starts the pool's workers ahead of need (e.g. while the main thread still lists files). */
export function warmWorkers(count: number = defaultWorkerCount()): void {
  workers(count);
}

/** Stops every worker of the pool (tests; a process exits without it). */
export async function stopWorkers(): Promise<void> {
  const all = live.splice(0);
  await Promise.all(all.map((w) => w.stop()));
}

/** Tests: start later workers from another script (stops the current ones); undefined restores the default. */
export async function setWorkerScript(script: WorkerScript | undefined): Promise<void> {
  await stopWorkers();
  scriptOverride = script;
}
