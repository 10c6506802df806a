/**
 * sortOnCores (the sort on two threads) with an in-process stand-in for the worker that runs the
 * real task handlers (worker-tasks.ts) on the same SharedArrayBuffers: the same result as
 * sortScoresWithLabels on every input, nothing when some row breaks the binary contract or the
 * worker does not take part, and fail-closed on every malformed answer.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sortOnCores } from '../../../src/metrics/sort-parallel.js';
import { DIGITS, sortScoresWithLabels } from '../../../src/metrics/sort.js';
import {
  assertPositives,
  assertScatter,
  assertScoreKeys,
  metricsTasks,
} from '../../../src/metrics/worker-tasks.js';
import { WorkerFailure, WorkerTaskError, type ThreadWorker } from '../../../src/workers/pool.js';

type Task = Record<string, unknown>;
/** Changes a real answer (or throws, as a worker would fail) before this thread sees it. */
type Tamper = (kind: string, value: unknown, task: Task) => unknown;

const KEYS = 'metrics-sort-keys';
const SCATTER = 'metrics-sort-scatter';
const DECODE = 'metrics-sort-decode';

function inProcess(tamper: Tamper = (_k, v) => v): ThreadWorker & { kinds: string[] } {
  const kinds: string[] = [];
  const worker = {
    origin: 'worker (in-process)',
    kinds,
    request(kind: string, task: Task): Promise<unknown> {
      kinds.push(kind);
      try {
        const { value } = metricsTasks[kind]!(task as never);
        return Promise.resolve(tamper(kind, value, task));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
  };
  return worker as unknown as ThreadWorker & { kinds: string[] };
}

const closed = (why: string): Error => new Error(`closed: ${why}`);

const score = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 8), // heavy ties
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 40 }).map((k) => 0.5 + k * 2 ** -50), // differ in the low word only
  fc.constantFrom(0, -0, 1, Number.MIN_VALUE),
);

function sameAsOneThread(scores: Float64Array, labels: Float64Array) {
  return sortOnCores(inProcess(), scores, labels, closed).then((got) => {
    const want = sortScoresWithLabels(scores, labels, undefined, true);
    expect(got).toBeDefined();
    expect(got!.positives).toBe(want.positives);
    expect(got!.invalidRow).toBe(-1);
    expect(Array.from(got!.s)).toEqual(Array.from(want.s));
    expect(Array.from(got!.y)).toEqual(Array.from(want.y));
    expect(got!.s.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(got!.y.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(got!.spare.length).toBe(scores.length);
  });
}

describe('sortOnCores', () => {
  it('sorts exactly as sortScoresWithLabels does, ties and -0 included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 400 }),
        async (rows) => {
          await sameAsOneThread(
            Float64Array.from(rows, (r) => r[0]),
            Float64Array.from(rows, (r) => r[1]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    // Which radix passes run depends on the two 16-bit digits of the keys' high words.
    ['spread scores (two radix passes)', (i: number) => ((i * 7919) % 10007) / 10007],
    [
      'scores in [0.5, 0.5 + 2^-13) (one pass: the top digit is constant; the keys are copied back)',
      (i: number) => 0.5 + (i % 97) * 2 ** -20,
    ],
    [
      'scores in [0.5, 0.5 + 2^-37) (no pass: one high word, one run across both halves)',
      (i: number) => 0.5 + (i % 97) * 2 ** -45,
    ],
    ['one score (no pass)', () => 0.25],
  ])('%s', async (_name, f) => {
    const n = 5003;
    const scores = Float64Array.from({ length: n }, (_, i) => f(i));
    const labels = Float64Array.from({ length: n }, (_, i) => ((i * 31) % 7 < 3 ? 1 : 0));
    await sameAsOneThread(scores, labels);
  });

  it('asks the worker for its keys, both passes and its decoding, in that order', async () => {
    const worker = inProcess();
    const n = 1001;
    await sortOnCores(
      worker,
      Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 101),
      Float64Array.from({ length: n }, (_, i) => i % 2),
      closed,
    );
    expect(worker.kinds).toEqual([KEYS, SCATTER, SCATTER, DECODE]);
  });

  it.each([
    ['a score above 1 in the first row', 0, 1, 1.5],
    ['a label that is not 0/1 in this thread’s half', 1, 2, 0.5],
    ['a label that is not 0/1 in the worker’s half', 900, 2, 0.5],
    ['a score above 1 in the worker’s half', 900, 1, 1.5],
    ['a negative score in this thread’s half', 3, 1, -0.25],
    ['NaN in the worker’s half', 999, 0, Number.NaN],
  ])('%s: nothing (sortBinary names the row)', async (_name, row, label, value) => {
    const n = 1000;
    const scores = Float64Array.from({ length: n }, (_, i) => i / n);
    const labels = Float64Array.from({ length: n }, (_, i) => i % 2);
    scores[row] = value;
    labels[row] = label;
    const worker = inProcess();
    expect(await sortOnCores(worker, scores, labels, closed)).toBeUndefined();
    expect(worker.kinds).toEqual([KEYS]);
  });

  const scores = Float64Array.from({ length: 800 }, (_, i) => ((i * 13) % 401) / 401);
  const labels = Float64Array.from({ length: 800 }, (_, i) => (i % 3 === 0 ? 1 : 0));

  it.each([KEYS, SCATTER, DECODE])(
    'a worker that crashes on %s: nothing (this thread sorts)',
    async (phase) => {
      const worker = inProcess((kind, v) => {
        if (kind === phase) throw new WorkerFailure('crash', 'exited with code 3');
        return v;
      });
      expect(await sortOnCores(worker, scores, labels, closed)).toBeUndefined();
    },
  );

  const bad = (phase: string, change: (v: unknown, task: Task) => unknown): Tamper => {
    return (kind, v, task) => (kind === phase ? change(v, task) : v);
  };

  it.each<[string, Tamper, RegExp]>([
    [
      'keys without histograms',
      bad(KEYS, () => ({ invalidRow: -1, signs: 0 })),
      /answered sort keys that are not two digit histograms of 400 rows/,
    ],
    [
      'keys with a row too few',
      bad(KEYS, (v) => {
        const k = v as { counts: Uint32Array };
        k.counts[k.counts.findIndex((c) => c > 0)]!--;
        return v;
      }),
      /answered sort keys that are not/,
    ],
    [
      'a bad row past its half',
      bad(KEYS, (v) => ({ ...(v as object), invalidRow: 400 })),
      /answered sort keys/,
    ],
    [
      'a radix pass without the next counts',
      bad(SCATTER, () => null),
      /answered a radix pass without the next digit's counts of 400 keys/,
    ],
    [
      'a task that threw',
      bad(SCATTER, () => {
        throw new WorkerTaskError('out of memory');
      }),
      /closed: threw: out of memory/,
    ],
    [
      'a positive count past its rows',
      bad(DECODE, () => 10_000),
      /answered a positive count that is not in 0\.\.\d+/,
    ],
    [
      'a wrong positive count',
      bad(DECODE, (v) => (v as number) + 1),
      /closed: \d+ positives where there are \d+/,
    ],
    [
      'scores out of order',
      bad(DECODE, (v, task) => {
        const s = task['s'] as Float64Array;
        [s[s.length - 1], s[task['from'] as number]] = [s[task['from'] as number]!, s[s.length - 1]!];
        return v;
      }),
      /closed: sorted scores out of order at row \d+/,
    ],
  ])('%s: fails closed', async (_name, tamper, message) => {
    await expect(sortOnCores(inProcess(tamper), scores, labels, closed)).rejects.toThrow(message);
  });
});

describe('sortOnCores: what the checks of the worker’s decoding say', () => {
  const scores = Float64Array.from({ length: 800 }, (_, i) => ((i * 13) % 401) / 401);
  const labels = Float64Array.from({ length: 800 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const fails = async (change: (v: number, task: Task) => unknown): Promise<string> => {
    const worker = inProcess((kind, v, task) => (kind === DECODE ? change(v as number, task) : v));
    const err = await sortOnCores(worker, scores, labels, closed).then(
      () => new Error('no error'),
      (e: unknown) => e as Error,
    );
    return err.message;
  };

  it('a score above the one before it: the row', async () => {
    let from = -1;
    const msg = await fails((v, task) => {
      from = task['from'] as number;
      (task['s'] as Float64Array)[from] = 2;
      return v;
    });
    expect(from).toBeGreaterThan(0);
    expect(msg).toBe(`closed: sorted scores out of order at row ${from + 1}`);
  });

  it('a negative before a positive of the same score: the row', async () => {
    let at = -1;
    const msg = await fails((v, task) => {
      const s = task['s'] as Float64Array;
      const y = task['y'] as Uint8Array;
      for (let k = (task['from'] as number) + 1; k < s.length && at < 0; k++)
        if (s[k - 1] === s[k] && y[k - 1] === 1 && y[k] === 0) {
          y[k - 1] = 0;
          y[k] = 1;
          at = k;
        }
      return v;
    });
    expect(at).toBeGreaterThan(0);
    expect(msg).toBe(`closed: sorted scores out of order at row ${at + 1}`);
  });

  it('a positive count one too high: both counts', async () => {
    let theirs = -1;
    const msg = await fails((v) => (theirs = v + 1));
    expect(msg).toBe(`closed: ${theirs} positives where there are ${theirs - 1}`);
  });

  it('a positive count one past its rows', async () => {
    let rows = -1;
    const msg = await fails((_v, task) => {
      rows = (task['to'] as number) - (task['from'] as number);
      return rows + 1;
    });
    expect(msg).toBe(`closed: answered a positive count that is not in 0..${rows}`);
  });
});

describe('the sort answers’ checks', () => {
  const counts = (rows: number) => {
    const c = new Uint32Array(2 * DIGITS);
    c[5] = rows;
    c[DIGITS + 9] = rows;
    return c;
  };

  it('accept well-formed answers', () => {
    expect(assertScoreKeys({ counts: counts(7), invalidRow: -1, signs: 0 }, 7).invalidRow).toBe(-1);
    expect(assertScoreKeys({ counts: counts(7), invalidRow: 6, signs: -2 }, 7).invalidRow).toBe(6);
    expect(assertScatter(null, 7, false)).toBeNull();
    const next = new Uint32Array(2 * DIGITS);
    next[3] = 4;
    next[DIGITS + 3] = 3;
    expect(assertScatter(next, 7, true)).toBe(next);
    expect(assertPositives(0, 7)).toBe(0);
    expect(assertPositives(7, 7)).toBe(7);
  });

  it.each([
    ['nothing', undefined],
    ['counts of another length', { counts: new Uint32Array(DIGITS), invalidRow: -1, signs: 0 }],
    ['counts that are not 32-bit', { counts: new Float64Array(2 * DIGITS), invalidRow: -1, signs: 0 }],
    [
      'a second histogram with a row too many',
      {
        counts: (() => {
          const c = counts(7);
          c[DIGITS]!++;
          return c;
        })(),
        invalidRow: -1,
        signs: 0,
      },
    ],
    [
      'a first histogram with a row too few',
      {
        counts: (() => {
          const c = counts(7);
          c[5]!--;
          return c;
        })(),
        invalidRow: -1,
        signs: 0,
      },
    ],
    ['a bad row of -2', { counts: counts(7), invalidRow: -2, signs: 0 }],
    ['a bad row past the rows', { counts: counts(7), invalidRow: 7, signs: 0 }],
    ['a fractional bad row', { counts: counts(7), invalidRow: 0.5, signs: 0 }],
    ['signs that are not an integer', { counts: counts(7), invalidRow: -1, signs: '0' }],
  ])('refuse sort keys with %s', (_name, a) => {
    expect(() => assertScoreKeys(a, 7)).toThrow('sort keys that are not two digit histograms of 7 rows');
  });

  it.each([
    ['counts where none were asked for', new Uint32Array(2 * DIGITS), false, 'a radix pass with an answer'],
    [
      'nothing where counts were asked for',
      null,
      true,
      "a radix pass without the next digit's counts of 7 keys",
    ],
    ['counts of another length', new Uint32Array(DIGITS), true, 'without the next'],
    [
      'counts of 6 keys',
      (() => {
        const c = new Uint32Array(2 * DIGITS);
        c[0] = 6;
        return c;
      })(),
      true,
      'without the next',
    ],
  ])('refuse a radix pass answer with %s', (_name, a, split, message) => {
    expect(() => assertScatter(a, 7, split)).toThrow(message);
  });

  it.each([-1, 8, 1.5, '3', null])('refuse %p positives of 7 rows', (a) => {
    expect(() => assertPositives(a, 7)).toThrow('a positive count that is not in 0..7');
  });
});
