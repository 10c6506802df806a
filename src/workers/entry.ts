/**
 * The worker threads' script (bundled alone into dist/worker.js by scripts/build.mjs, so a worker
 * compiles this and the code it imports, not an action's bundle): serves the tasks below.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { metricsTasks } from '../metrics/worker-tasks.js';
import { CAPTURE_SCAN_TASK, captureScanTask } from '../monitor/scan-wire.js';
import { WORKER_FLAG } from './protocol.js';
import { serveTasks } from './serve.js';

if (!isMainThread && parentPort && (workerData as { flag?: unknown } | null)?.flag === WORKER_FLAG)
  serveTasks(parentPort, { [CAPTURE_SCAN_TASK]: captureScanTask, ...metricsTasks });
