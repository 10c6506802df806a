/**
 * The metrics' worker tasks, run in-process (what a worker thread runs), and the main thread's
 * checks of a worker's answers: a malformed answer of any kind is refused with a message saying
 * what was wrong; a well-formed one (zeros and exact boundaries included) is accepted as it is.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryPassPacked, logLossTerms } from '../../../src/metrics/binary.js';
import { monitorMasks } from '../../../src/metrics/resample.js';
import { sortScoresWithLabels } from '../../../src/metrics/sort.js';
import {
  assertColumnScan,
  assertMasks,
  assertResamplePasses,
  COLUMN_SCAN_TASK,
  metricsTasks,
  MONITOR_MASKS_TASK,
  RESAMPLE_PASS_TASK,
  type ColumnScanTask,
  type MonitorMasksTask,
  type ResamplePassTask,
} from '../../../src/metrics/worker-tasks.js';
import type { TaskResult } from '../../../src/workers/protocol.js';

const dir = mkdtempSync(join(tmpdir(), 'worker-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (kind: string, task: ColumnScanTask | MonitorMasksTask | ResamplePassTask): TaskResult =>
  (metricsTasks[kind] as (t: typeof task) => TaskResult)(task);

describe('the tasks a worker runs', () => {
  const file = join(dir, 'col.csv');
  writeFileSync(file, '0,0.25\n1,0.5\n1,0.75\n0,1\n');

  it('column scan: the values of a byte range, one per line, with their buffer to transfer', () => {
    const from = '0,0.25\n'.length;
    const r = run(COLUMN_SCAN_TASK, {
      file,
      from,
      to: Infinity,
      opts: { column: 1, single: false },
      capacity: 2,
    });
    const answer = assertColumnScan(r.value);
    expect(answer).toMatchObject({ ok: true, lines: 3, count: 3 });
    if (!answer.ok) throw new Error('not ok');
    expect(Array.from(answer.values.subarray(0, answer.count))).toEqual([0.5, 0.75, 1]);
    expect(r.transfer).toEqual([answer.values.buffer]);
  });

  it('column scan: gives up (nothing to transfer) at a line that needs the slow path, or when the file is unreadable', () => {
    const junk = join(dir, 'junk.csv');
    writeFileSync(junk, '0,0.5\n1,"0.7"\n');
    const slow = run(COLUMN_SCAN_TASK, {
      file: junk,
      from: 0,
      to: Infinity,
      opts: { column: 1, single: false },
      capacity: 4,
    });
    expect(slow).toEqual({ value: { ok: false, reason: 'a line needs the slow path' }, transfer: [] });
    const missing = run(COLUMN_SCAN_TASK, {
      file: join(dir, 'nope.csv'),
      from: 0,
      to: Infinity,
      opts: { column: 0, single: true },
      capacity: 4,
    });
    expect(missing.transfer).toEqual([]);
    expect(missing.value).toEqual({ ok: false, reason: expect.stringMatching(/ENOENT.*nope\.csv/) });
  });

  it("monitor masks: the monitor's masks for n and the seed, their buffer transferred", () => {
    const r = run(MONITOR_MASKS_TASK, { n: 1000, seed: 9 });
    expect(r.value).toEqual(monitorMasks(1000, 9));
    expect(r.transfer).toEqual([(r.value as Uint8Array).buffer]);
  });

  it('resample pass: the packed pass over the five resamples, nothing transferred', () => {
    const rows = 500;
    const { s, y } = sortScoresWithLabels(
      Float64Array.from({ length: rows }, (_, i) => ((i * 37) % 101) / 100),
      Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    );
    const losses = logLossTerms(s, y);
    const packed = monitorMasks(rows, 3);
    const r = run(RESAMPLE_PASS_TASK, { s, y, losses, packed, threshold: 0.4 });
    expect(r.value).toEqual(binaryPassPacked(s, y, packed, 5, 0.4, losses));
    expect(r.value).toHaveLength(5);
    expect(r.transfer).toBeUndefined();
  });
});

describe('assertMasks', () => {
  it('accepts exactly n bytes', () => {
    const m = new Uint8Array(7);
    expect(assertMasks(m, 7)).toBe(m);
  });

  it.each([
    ['n - 1 bytes', new Uint8Array(6)],
    ['n + 1 bytes', new Uint8Array(8)],
    ['an array of n numbers', Array.from({ length: 7 }, () => 0)],
    ['n 16-bit values', new Uint16Array(7)],
    ['n clamped bytes', new Uint8ClampedArray(7)],
    ['nothing', undefined],
  ])('refuses %s', (_name, value) => {
    expect(() => assertMasks(value, 7)).toThrow('subsample masks that are not 7 bytes');
  });
});

describe('assertResamplePasses', () => {
  const pass = { tp: 1, fp: 2, fn: 3, tn: 4, pos: 4, neg: 6, auc2: 10, apSum: 0.5, logLossSum: 6.5 };
  const five = (p: object = pass) => Array.from({ length: 5 }, () => ({ ...p }));
  const message = 'resample passes that are not 5 sets of counts over at most 10 rows';

  it('accepts five passes of finite, non-negative sums over at most n rows, and keeps only the counts', () => {
    expect(assertResamplePasses(five(), 10)).toEqual(five());
    const zeros = { tp: 0, fp: 0, fn: 0, tn: 0, pos: 0, neg: 0, auc2: 0, apSum: 0, logLossSum: 0 };
    expect(assertResamplePasses(five(zeros), 10)).toEqual(five(zeros));
    const extra = five({ ...pass, curve: { evil: true }, toString: 'x' });
    expect(assertResamplePasses(extra, 10)).toEqual(five());
    // exactly n rows is fine; the rows of a pass are tp + fp + fn + tn
    expect(assertResamplePasses(five({ ...pass, tp: 0, fp: 0, fn: 0, tn: 10 }), 10)).toHaveLength(5);
    expect(assertResamplePasses(five({ ...pass, tp: 10, fp: 0, fn: 0, tn: 0 }), 10)).toHaveLength(5);
  });

  it.each([
    ['not an array', { length: 5 }],
    ['four passes', five().slice(1)],
    ['six passes', [...five(), pass]],
    ['a null pass', [...five().slice(1), null]],
    ['a number for a pass', [...five().slice(1), 3]],
    ['a missing field', [...five().slice(1), { ...pass, apSum: undefined }]],
    ['a string count', [...five().slice(1), { ...pass, tn: '4' }]],
    ['a negative count', [...five().slice(1), { ...pass, fn: -1 }]],
    ['a NaN sum', [...five().slice(1), { ...pass, logLossSum: Number.NaN }]],
    ['an infinite sum', [...five().slice(1), { ...pass, auc2: Infinity }]],
    ['more rows than there are', [...five().slice(1), { ...pass, tn: 5 }]],
    ['more rows in tp', [...five().slice(1), { ...pass, tp: 11, fp: 0, fn: 0, tn: 0 }]],
    ['more rows in fp', [...five().slice(1), { ...pass, tp: 0, fp: 11, fn: 0, tn: 0 }]],
  ])('refuses %s', (_name, value) => {
    expect(() => assertResamplePasses(value, 10)).toThrow(message);
  });
});

describe('assertColumnScan', () => {
  const values = new Float64Array(4);

  it("passes a worker's reason for giving up through", () => {
    const gaveUp = { ok: false, reason: 'a line needs the slow path' };
    expect(assertColumnScan(gaveUp)).toBe(gaveUp);
  });

  it('accepts one value per line, up to the values it sent (zero lines included)', () => {
    for (const count of [0, 3, 4]) {
      const a = { ok: true, lines: count, count, values };
      expect(assertColumnScan(a)).toBe(a);
    }
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'done'],
    ['ok: false without a reason', { ok: false }],
    ['ok: false with a number for a reason', { ok: false, reason: 3 }],
    ['a reason beside ok: true and too many values', { ok: true, reason: 'r', lines: 9, count: 9, values }],
    ['a reason beside ok: "false"', { ok: 'false', reason: 'r' }],
    ['ok: "true"', { ok: 'true', lines: 1, count: 1, values }],
    ['no ok at all', { lines: 1, count: 1, values }],
    ['values that are not doubles', { ok: true, lines: 1, count: 1, values: [1] }],
    ['32-bit values', { ok: true, lines: 1, count: 1, values: new Float32Array(4) }],
    ['more values than were sent', { ok: true, lines: 5, count: 5, values }],
    ['fewer lines than values', { ok: true, lines: 2, count: 3, values }],
    ['a negative count', { ok: true, lines: -1, count: -1, values }],
    ['a fractional count', { ok: true, lines: 1.5, count: 1.5, values }],
    ['a count past 2^53', { ok: true, lines: 2 ** 53, count: 2 ** 53, values }],
    ['a string count', { ok: true, lines: '1', count: '1', values }],
  ])('refuses %s', (_name, value) => {
    expect(() => assertColumnScan(value)).toThrow('a column scan answer without one value per line');
  });
});
