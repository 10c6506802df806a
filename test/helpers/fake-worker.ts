import { WORKER_PROTOCOL } from '../../src/workers/protocol.js';
import type { WorkerScript } from '../../src/workers/pool.js';

/** A worker script (for setWorkerScript) that says this build's hello, then runs `onTask` for each request `m`. */
export function fakeWorker(onTask: string): WorkerScript {
  return {
    path: `const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage({ hello: workerData.flag, protocol: ${WORKER_PROTOCOL} });
parentPort.on('message', (m) => { ${onTask} });`,
    eval: true,
  };
}
