/**
 * The capture scan's worker pool fails closed when a worker exits without serving its work (the
 * bundled action once pointed its workers at a shared chunk that runs nothing: the process ended
 * with code 0, no outputs and a green step).
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCapture, setScanWorkerScript } from '../../../src/monitor/scan-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'scan-pool-exit-'));
afterEach(() => setScanWorkerScript(undefined));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number) =>
  JSON.stringify({
    captureData: {
      endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data: `${i},1\n`, encoding: 'CSV' },
      endpointOutput: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.5', encoding: 'CSV' },
    },
    eventMetadata: { eventId: `e${i}`, inferenceTime: '2026-11-30T10:00:00Z' },
    eventVersion: '0',
  });

describe('scanCapture worker pool', () => {
  it.each([
    ['exits at once', 'process.exit(0)'],
    ['loads and returns', 'void 0'],
  ])('a worker script that %s fails the scan instead of hanging', async (_what, source) => {
    const files = [0, 1].map((n) => {
      const path = join(dir, `part-${n}.jsonl`);
      const text = `${[1, 2, 3].map((i) => record(10 * n + i)).join('\n')}\n`;
      writeFileSync(path, text);
      return { path, size: Buffer.byteLength(text) };
    });
    setScanWorkerScript({ path: source, eval: true });
    await expect(
      scanCapture({
        files,
        sinceMs: Date.parse('2026-11-30T09:00:00Z'),
        untilMs: Date.parse('2026-11-30T11:00:00Z'),
        featureNames: ['a', 'b'],
        collectPredictions: false,
        requireInput: true,
        workers: 2,
      }),
    ).rejects.toThrow(/capture scan worker exited \(code \d+\) before finishing its work/);
  });
});
