import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { WORKER_PROTOCOL } from '../../src/workers/protocol.js';
import type { WorkerScript } from '../../src/workers/pool.js';

/**
 * A worker script (for setWorkerScript) that says this build's hello, then runs `onTask` for each
 * request `m`. With `realSort`, the sort's phases (sort-parallel.ts: tasks 'metrics-sort-*') are
 * answered by the real task handlers (src/metrics/worker-tasks.ts through tsx), so a fake that is
 * about a later task (masks, resample pass) gets there with the sort done as the real worker does it;
 * 'keys': only the first phase (the keys of its half).
 */
export function fakeWorker(onTask: string, opts: { realSort?: boolean | 'keys' } = {}): WorkerScript {
  const real = opts.realSort
    ? `const realTasks = import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(
        new URL('../../src/metrics/worker-tasks.ts', import.meta.url).href,
      )}); });`
    : '';
  const passSort = opts.realSort
    ? `if (m.kind.startsWith(${JSON.stringify(opts.realSort === 'keys' ? 'metrics-sort-keys' : 'metrics-sort-')})) {
  realTasks.then(({ metricsTasks }) => {
    const r = metricsTasks[m.kind](m.task);
    parentPort.postMessage({ id: m.id, value: r.value }, r.transfer ?? []);
  });
  return;
}`
    : '';
  return {
    path: `const { parentPort, workerData } = require('node:worker_threads');
${real}
parentPort.postMessage({ hello: workerData.flag, protocol: ${WORKER_PROTOCOL} });
parentPort.on('message', (m) => { ${passSort} ${onTask} });`,
    eval: true,
  };
}

function tsxApi(): string {
  return pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
}
