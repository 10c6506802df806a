/**
 * The capture scan's worker protocol: a worker that cannot start or crashes leaves its ranges to
 * the main thread (same statistics, counted as fallbacks); a worker that answers garbage, an answer
 * to no request or a foreign hello fails the scan closed; a data error is the first in file order
 * whichever thread meets it.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitorDataError } from '../../../src/monitor/errors.js';
import { scanCapture, type ScanOptions } from '../../../src/monitor/scan-pool.js';
import { WORKER_PROTOCOL } from '../../../src/workers/protocol.js';
import { setWorkerScript, stopWorkers } from '../../../src/workers/pool.js';

const tmp = mkdtempSync(join(tmpdir(), 'scan-workers-test-'));
afterEach(() => setWorkerScript(undefined));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await stopWorkers();
});

function record(i: number, data: string): string {
  return `{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":${JSON.stringify(data)},"encoding":"CSV"},"endpointOutput":{"observedContentType":"text/csv","mode":"OUTPUT","data":"0.5","encoding":"CSV"}},"eventMetadata":{"eventId":"e-${i}","inferenceTime":"2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z"},"eventVersion":"0"}`;
}

let seq = 0;
function captureFile(lines: number, bad: number[] = []): { path: string; size: number } {
  const text =
    Array.from({ length: lines }, (_, i) =>
      bad.includes(i)
        ? '{"truncated":'
        : record(i, `${((i * 37) % 1000) / 10},${i % 4},${['SP', 'RJ'][i % 2]}\n`),
    ).join('\n') + '\n';
  const p = join(tmp, `f${seq++}.jsonl`);
  writeFileSync(p, text);
  return { path: p, size: Buffer.byteLength(text) };
}

const opts = (f: { path: string; size: number }, extra: Partial<ScanOptions> = {}): ScanOptions => ({
  files: [f],
  sinceMs: -Infinity,
  untilMs: Infinity,
  featureNames: ['a', 'b', 'c'],
  collectPredictions: false,
  requireInput: true,
  workers: 3,
  chunkBytes: 20_000,
  ...extra,
});

/** A worker script (eval'd CommonJS) that says hello, then runs `onTask` for each request. */
function fakeWorker(onTask: string, hello = `{ hello: workerData.flag, protocol: ${WORKER_PROTOCOL} }`) {
  return {
    path: `const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage(${hello});
parentPort.on('message', (m) => { ${onTask} });`,
    eval: true,
  };
}

/**
 * A worker that logs "got" when a request arrives and "done" when, `delayMs` (a JS expression of
 * the request `m`) later, it answers with the task error `error`; returns the log's path.
 */
async function loggingWorker(name: string, error: string, delayMs: string): Promise<string> {
  const log = join(tmp, name);
  writeFileSync(log, '');
  await setWorkerScript(
    fakeWorker(`const fs = require('node:fs');
      fs.appendFileSync(${JSON.stringify(log)}, 'got\\n');
      setTimeout(() => {
        fs.appendFileSync(${JSON.stringify(log)}, 'done\\n');
        parentPort.postMessage({ id: m.id, error: ${JSON.stringify(error)} });
      }, ${delayMs});`),
  );
  return log;
}

/** How many requests a loggingWorker received and answered. */
function logged(log: string): { got: number; done: number } {
  const lines = readFileSync(log, 'utf8').split('\n');
  return { got: lines.filter((l) => l === 'got').length, done: lines.filter((l) => l === 'done').length };
}

const profiles = (r: Awaited<ReturnType<typeof scanCapture>>) => r.sink.profiles.map((p) => p.toData());

describe('capture scan workers', () => {
  const f = captureFile(3000);

  it('scans with workers from the sources and gives one thread statistics', async () => {
    const one = await scanCapture(opts(f, { workers: 1 }));
    const three = await scanCapture(opts(f));
    expect(one.ranges).toBeGreaterThan(10);
    expect([three.workers, three.fallbacks, three.workerFailures]).toEqual([3, 0, []]);
    expect(three.records).toBe(3000);
    expect(profiles(three)).toEqual(profiles(one));
  });

  it.each([
    ['a worker script that does not exist', { path: join(tmp, 'no-such-worker.js') }, /could not start/],
    [
      'a worker that ends without serving',
      { path: '/* serves nothing */', eval: true },
      /before saying hello/,
    ],
    ['a worker that crashes on its first task', fakeWorker('process.exit(3);'), /exited with code 3/],
    ['a worker that throws out of its handler', fakeWorker('throw new Error("boom");'), /boom/],
  ])('%s: its ranges are scanned on the main thread, same statistics', async (_name, script, failure) => {
    const one = await scanCapture(opts(f, { workers: 1 }));
    await setWorkerScript(script);
    const r = await scanCapture(opts(f));
    expect(r.records).toBe(3000);
    expect(r.fallbacks).toBeGreaterThan(0);
    expect(r.workerFailures.join('\n')).toMatch(failure);
    expect(profiles(r)).toEqual(profiles(one));
  });

  it.each([
    [
      'a malformed result',
      fakeWorker('parentPort.postMessage({ id: m.id, value: { result: { bytes: "x" } } });'),
      /answered a malformed result for .*\(bytes/,
    ],
    [
      'a result for another range',
      fakeWorker('parentPort.postMessage({ id: m.id, value: { result: { bytes: 1 } } });'),
      /malformed result .*bytes \(1 for ranges of/,
    ],
    [
      'an answer to no request',
      fakeWorker('parentPort.postMessage({ id: m.id + 1000, value: {} });'),
      /answers no request/,
    ],
    [
      'an answer with neither value nor error',
      fakeWorker('parentPort.postMessage({ id: m.id });'),
      /answers no request/,
    ],
    [
      'a foreign hello',
      fakeWorker('', '{ hello: "someone else", protocol: 0 }'),
      /did not start with this build's hello/,
    ],
    [
      'a task error that is not a data error',
      fakeWorker('parentPort.postMessage({ id: m.id, error: "EMFILE" });'),
      /failed: EMFILE/,
    ],
  ])('%s fails the scan closed', async (_name, script, message) => {
    await setWorkerScript(script);
    const err = await scanCapture(opts(f)).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(MonitorDataError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/fails closed/);
  });

  it("runs the main thread's own work once, while the workers scan, on either path", async () => {
    for (const workers of [1, 3]) {
      let calls = 0;
      const r = await scanCapture(opts(f, { workers, meanwhile: () => void calls++ }));
      expect([calls, r.records]).toEqual([1, 3000]);
    }
  });

  it("fails with the main thread's own error only after every batch handed to a worker has answered", async () => {
    const log = await loggingWorker('worker-log.txt', 'late', '150');
    const err = await scanCapture(
      opts(f, {
        meanwhile: () => {
          throw new Error('baseline statistics unreadable');
        },
      }),
    ).catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe('baseline statistics unreadable');
    const { got, done } = logged(log);
    expect(got).toBeGreaterThan(0);
    expect(done).toBe(got);
  });

  it('a worker failing while the main thread scans: the failure waits for the batches still in flight', async () => {
    const log = await loggingWorker('worker-log-2.txt', 'EMFILE', 'm.id % 2 === 0 ? 20 : 300');
    const err = await scanCapture(opts(f)).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/failed: EMFILE.*fails closed/);
    const { got, done } = logged(log);
    expect(done).toBe(got);
  });

  it('reports the first bad line in file order, whichever thread finds one first', async () => {
    const bad = captureFile(3000, [2900, 1500, 2990]);
    const one = await scanCapture(opts(bad, { workers: 1 })).catch((e: unknown) => e as Error);
    expect(one).toBeInstanceOf(MonitorDataError);
    expect((one as Error).message).toMatch(new RegExp(`f\\d+\\.jsonl:1501: .*truncated`));
    for (let run = 0; run < 3; run++) {
      const three = await scanCapture(opts(bad)).catch((e: unknown) => e as Error);
      expect(three).toBeInstanceOf(MonitorDataError);
      expect((three as Error).message).toBe((one as Error).message);
    }
  });
});
