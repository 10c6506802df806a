/**
 * The messages between an action's main thread and its worker threads (dist/worker.js, built from
 * src/workers/entry.ts). The main thread sends requests; a worker answers each request once, in
 * order, and first says hello with the protocol version it speaks (a worker script from another
 * build is refused). Anything else from a worker is a protocol violation (see pool.ts).
 */

/** Bumped whenever a request or answer changes shape. */
export const WORKER_PROTOCOL = 3;

/** workerData of every worker thread this pool starts (a worker script checks it). */
export const WORKER_FLAG = 'sagemaker-actions:worker';

export interface WorkerRequest {
  id: number;
  kind: string;
  task: unknown;
}

/** A worker's first message. */
export interface WorkerHello {
  hello: typeof WORKER_FLAG;
  protocol: number;
}

/** The answer to request `id`: its value, or the message of what it threw. */
export type WorkerAnswer = { id: number; value: unknown } | { id: number; error: string };

/** What a task handler returns: the value, and the buffers moved (not copied) to the main thread. */
export interface TaskResult {
  value: unknown;
  transfer?: ArrayBuffer[];
}

/** The handlers a worker serves, by request kind. */
export type TaskHandlers = Record<string, (task: never) => TaskResult>;
