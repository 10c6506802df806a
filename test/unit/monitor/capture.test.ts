/** The capture reader: AWS's record format, CSV/JSON/base64 payloads, time selection, fail-closed lines, workers. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLocalFiles, selectByHour } from '../../../src/monitor/capture-files.js';
import { scanCapture } from '../../../src/monitor/scan-pool.js';
import { stopWorkers } from '../../../src/workers/pool.js';
import fc from 'fast-check';
import { parseIsoTime } from '../../../src/monitor/capture-scan.js';
import { runChecks } from '../../../src/monitor/checks.js';
import { parseConstraints } from '../../../src/monitor/constraints.js';
import { parseStatistics, statisticsJson } from '../../../src/monitor/statistics.js';
import { MonitorDataError } from '../../../src/monitor/errors.js';
import { modelQuality, readGroundTruth } from '../../../src/monitor/ground-truth.js';

const fixtures = join(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '../../fixtures/monitor',
);
const since = Date.parse('2026-11-30T10:00:00Z');
const until = Date.parse('2026-11-30T11:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'capture-test-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await stopWorkers();
});

const NAMES = ['freight_value', 'item_count', 'customer_state'];
const scan = (
  files: { path: string; size: number }[],
  extra: Partial<Parameters<typeof scanCapture>[0]> = {},
) =>
  scanCapture({
    files,
    sinceMs: since,
    untilMs: until,
    featureNames: NAMES,
    collectPredictions: false,
    requireInput: true,
    workers: 1,
    ...extra,
  });

function record(i: number, data: string, time = '2026-11-30T10:30:00Z', extra = ''): string {
  return `{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":${JSON.stringify(data)},"encoding":"CSV"},"endpointOutput":{"observedContentType":"text/csv","mode":"OUTPUT","data":"0.5","encoding":"CSV"}},"eventMetadata":{"eventId":"e-${i}","inferenceTime":"${time}"${extra}},"eventVersion":"0"}`;
}

function file(name: string, text: string): { path: string; size: number } {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return { path: p, size: Buffer.byteLength(text) };
}

describe('capture files', () => {
  it('finds files recursively and selects hours by the yyyy/mm/dd/hh folders', () => {
    const all = listLocalFiles(join(fixtures, 'capture'));
    expect(all).toHaveLength(2);
    const sel = selectByHour(all, since, until);
    expect(sel.map((f) => f.path)).toEqual([expect.stringContaining('/2026/11/30/10/')]);
  });

  it('parses inferenceTime forms', () => {
    const b = (s: string) => Buffer.from(s);
    expect(parseIsoTime(b('2022-02-14T17:25:49Z'), 0, 20)).toBe(Date.parse('2022-02-14T17:25:49Z'));
    expect(parseIsoTime(b('2022-02-14T17:25:49.123Z'), 0, 24)).toBe(Date.parse('2022-02-14T17:25:49.123Z'));
    expect(parseIsoTime(b('2022-02-14T17:25:49+01:00'), 0, 25)).toBe(Date.parse('2022-02-14T16:25:49Z'));
    expect(parseIsoTime(b('yesterday at noon'), 0, 17)).toBeNaN();
  });

  it('parses every valid Z time as Date.parse does, whatever hour came before (the hour cache)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const time = fc
      .record({
        y: fc.integer({ min: 1970, max: 2100 }),
        mo: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        h: fc.integer({ min: 0, max: 23 }),
        mi: fc.integer({ min: 0, max: 59 }),
        s: fc.integer({ min: 0, max: 59 }),
        frac: fc.option(fc.stringMatching(/^[0-9]{1,6}$/)),
      })
      .map(
        ({ y, mo, d, h, mi, s, frac }) =>
          `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${frac === null ? '' : `.${frac}`}Z`,
      );
    fc.assert(
      fc.property(fc.array(time, { minLength: 1, maxLength: 8 }), (times) => {
        for (const t of times) {
          const buf = Buffer.from(` ${t} `);
          const want = Date.parse(t.replace(/\.(\d{1,3})\d*Z$/, '.$1Z'));
          expect(parseIsoTime(buf, 1, 1 + t.length)).toBe(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a Z time with anything but a digit where a digit belongs, before or after its hour is cached', () => {
    const good = '2026-11-30T10:15:30.250Z';
    expect(parseIsoTime(Buffer.from(good), 0, good.length)).toBe(Date.parse(good));
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]) {
      for (const c of ['a', '/', ':', ' ']) {
        const bad = good.slice(0, i) + c + good.slice(i + 1);
        expect([bad, parseIsoTime(Buffer.from(bad), 0, bad.length)]).toEqual([bad, NaN]);
      }
    }
    expect(parseIsoTime(Buffer.from('2026-13-30T10:15:30Z'), 0, 20)).toBeNaN();
    expect(parseIsoTime(Buffer.from('2026-11-30T24:15:30Z'), 0, 20)).toBeNaN();
    expect(parseIsoTime(Buffer.from('2026-11-30T10:60:30Z'), 0, 20)).toBeNaN();
  });
});

describe('scanCapture', () => {
  it('reads CSV, base64 and JSON payloads and multi-row requests; statistics equal the baseline of the same rows', async () => {
    const files = selectByHour(listLocalFiles(join(fixtures, 'capture')), since, until);
    const r = await scan(files, { collectPredictions: true });
    expect(r.records).toBe(7);
    expect(r.sink.rows).toBe(8);
    expect(r.predictionKeys).toContain('order-3'); // inferenceId wins over eventId
    const baseline = parseStatistics(
      readFileSync(join(fixtures, 'statistics.json'), 'utf8'),
      'statistics.json',
    );
    const constraints = parseConstraints(
      readFileSync(join(fixtures, 'constraints.json'), 'utf8'),
      'constraints.json',
    );
    const result = runChecks(baseline, constraints, r.sink);
    expect(result.violations).toEqual([]);
    const cur = statisticsJson(result.statistics) as {
      features: { numerical_statistics?: { mean: number } }[];
    };
    expect(cur.features[0]!.numerical_statistics!.mean).toBe(20.5);
    expect(result.drift.map((d) => d.distance)).toEqual([0, 0, 0]);
  });

  it('skips records outside the window by inferenceTime', async () => {
    const f = file(
      'window.jsonl',
      [
        record(1, '1,1,SP\n', '2026-11-30T09:59:59Z'),
        record(2, '2,1,SP\n'),
        record(3, '3,1,SP\n', '2026-11-30T11:00:00Z'),
      ].join('\n'),
    );
    const r = await scan([f]);
    expect(r.records).toBe(1);
    expect(r.outsideWindow).toBe(2);
  });

  it.each([
    ['truncated', record(1, '1,2,SP\n').slice(0, 80), /bad\.jsonl:2: not a valid JSON record .*truncated/],
    [
      'not UTF-8',
      Buffer.concat([
        Buffer.from(record(1, '1,2,SP').slice(0, 120)),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(record(1, '1,2,SP').slice(120)),
      ]).toString('latin1'),
      /bad\.jsonl:2: .*not UTF-8/,
    ],
    [
      'missing eventMetadata.inferenceTime',
      record(1, '1,2,SP').replace(/,"inferenceTime":"[^"]+"/, ''),
      /bad\.jsonl:2: the record has no eventMetadata.inferenceTime/,
    ],
    [
      'missing endpointInput.data',
      record(1, '1,2,SP').replace(/"data":"1,2,SP",/, ''),
      /bad\.jsonl:2: the record has no captureData.endpointInput.data/,
    ],
    [
      'unknown encoding',
      record(1, '1,2,SP').replace('"encoding":"CSV"', '"encoding":"XML"'),
      /encoding is "XML"/,
    ],
    ['not JSON', 'hello world', /bad\.jsonl:2: not a valid JSON record at column 1/],
  ])('fails closed on a %s line, naming file and line', async (_name, bad, re) => {
    const f = file('bad.jsonl', `${record(0, '1,1,SP\n')}\n${bad}\n${record(2, '1,1,SP\n')}\n`);
    if (_name === 'not UTF-8')
      writeFileSync(f.path, Buffer.from(`${record(0, '1,1,SP\n')}\n${bad}\n`, 'latin1'));
    await expect(scan([f])).rejects.toThrow(re);
    await expect(scan([f])).rejects.toBeInstanceOf(MonitorDataError);
  });

  it('worker threads give the same statistics as one thread (ranges merge in order)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++)
      lines.push(record(i, `${((i * 37) % 1000) / 10},${i % 4},${['SP', 'RJ', 'MG'][i % 3]}\n`));
    const f = file('many.jsonl', lines.join('\n') + '\n');
    const one = await scan([f], { chunkBytes: 100_000 });
    const two = await scan([f], { chunkBytes: 100_000, workers: 2 });
    expect(one.ranges).toBeGreaterThan(5);
    expect(two.workers).toBe(2);
    expect(two.records).toBe(6000);
    expect(two.sink.profiles.map((p) => p.toData())).toEqual(one.sink.profiles.map((p) => p.toData()));
  });
});

describe('ground truth', () => {
  it('joins by inferenceId (else eventId), reports the join rate and computes model quality', async () => {
    const files = selectByHour(listLocalFiles(join(fixtures, 'capture')), since, until);
    const r = await scan(files, { collectPredictions: true });
    const gt = readGroundTruth(listLocalFiles(join(fixtures, 'ground-truth')).map((f) => f.path));
    expect(gt.records).toBe(5);
    const q = modelQuality(r.predictionKeys, r.predictionOutputs, gt, 'binary-classification', 0.5);
    expect(q.matched).toBe(4);
    expect(q.joinRate).toBeCloseTo(4 / 7, 12);
    expect(q.report).toMatchObject({
      version: 0,
      dataset: { item_count: 4 },
      binary_classification_metrics: expect.any(Object),
    });
  });

  it('fails closed on bad ground truth lines', () => {
    const p = join(tmp, 'gt-bad.jsonl');
    writeFileSync(
      p,
      '{"groundTruthData":{"data":"1","encoding":"CSV"},"eventMetadata":{"eventId":"a"},"eventVersion":"0"}\n{"groundTruthData":{"data":"x"},"eventMetadata":{"eventId":"b"}}\n',
    );
    expect(() => readGroundTruth([p])).toThrow(/gt-bad\.jsonl:2: label "x" is not a number/);
  });
});
