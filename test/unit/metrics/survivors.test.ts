/**
 * Fail-closed paths of the metrics engine that mutation testing (npm run mutation) showed no test
 * pinned down: a bad value only in the first row, NaN/Infinity thresholds and predictions, short
 * probability columns, extra predictions, single-class pr_auc, the 200-row boundary of the
 * standard deviations and the edges of the number parsers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/core/errors.js';
import { evaluateThresholds, parseThresholds } from '../../../src/gates/thresholds.js';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { parseNumberBytes, parseNumberText } from '../../../src/metrics/parse-number.js';
import { readLabels, readPredictions } from '../../../src/metrics/read.js';
import { scanColumn } from '../../../src/metrics/scan.js';
import type { Predictions, ProblemType } from '../../../src/metrics/types.js';

const BINARY = 'binary-classification';
const MULTI = 'multiclass-classification';
const REG = 'regression';

const f64 = (xs: number[]) => Float64Array.from(xs);
const compute = (p: ProblemType, labels: number[], predictions: Predictions, threshold = 0.5) =>
  computeMetrics(p, f64(labels), predictions, { threshold });

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

const dir = mkdtempSync(join(tmpdir(), 'metrics-survivors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
function file(text: string): string {
  const p = join(dir, `f${seq++}.csv`);
  writeFileSync(p, text);
  return p;
}
async function dataError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('a bad value only in the first row fails closed', () => {
  const good = [0.2, 0.7, 0.4, 0.9];
  it('binary: label, NaN score, out-of-range score, negative score', () => {
    for (const [labels, scores, re] of [
      [[2, 1, 0, 1], good, /^row 1: label 2 is not 0 or 1/],
      [[0, 1, 0, 1], [NaN, 0.7, 0.4, 0.9], /^row 1: prediction NaN is not a probability/],
      [[0, 1, 0, 1], [1.5, 0.7, 0.4, 0.9], /^row 1: prediction 1.5 is not a probability/],
      [[0, 1, 0, 1], [-0.5, 0.7, 0.4, 0.9], /^row 1: prediction -0.5 is not a probability/],
      [[NaN, 1, 0, 1], good, /^row 1: label NaN is not 0 or 1/],
    ] as const) {
      const err = thrown(() => compute(BINARY, [...labels], { scores: f64([...scores]) }));
      expect(err).toBeInstanceOf(DataError);
      expect(err.message).toMatch(re);
    }
  });
  it('regression and multiclass: non-finite label or prediction in row 1', () => {
    for (const p of [REG, MULTI] as const) {
      expect(thrown(() => compute(p, [NaN, 1, 0], { scores: f64([0, 1, 0]) })).message).toMatch(
        /^row 1: label NaN is not a finite number/,
      );
      expect(thrown(() => compute(p, [Infinity, 1, 0], { scores: f64([0, 1, 0]) })).message).toMatch(
        /^row 1: label Infinity/,
      );
      expect(thrown(() => compute(p, [0, 1, 0], { scores: f64([NaN, 1, 0]) })).message).toMatch(
        /^row 1: prediction NaN is not a finite number; fix: check the model output/,
      );
    }
  });
  it('readPredictions (binary): an out-of-range score on line 1 only, fast and slow path', async () => {
    expect(await dataError(readPredictions([file('1.5\n0.2\n0.3\n')], { problemType: BINARY }))).toMatch(
      /:1: score 1.5 is outside \[0, 1\]/,
    );
    expect(await dataError(readPredictions([file('-0.5\n0.2\n')], { problemType: BINARY }))).toMatch(
      /:1: score -0.5 is outside/,
    );
    // A long mantissa takes the slow path on line 1.
    expect(
      await dataError(readPredictions([file('1.50000000000000000001\n0.2\n')], { problemType: BINARY })),
    ).toMatch(/:1: score 1.5 is outside/);
    // ...and on a later line after a fast-path line, in a second file (lines count per file).
    const a = file('0.1\n0.2\n');
    const b = file('0.3\n7\n');
    expect(await dataError(readPredictions([a, b], { problemType: BINARY }))).toMatch(
      new RegExp(`${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: score 7 is outside`),
    );
  });
  it('readPredictions (multiclass): a bad probability row on line 1 only', async () => {
    expect(
      await dataError(readPredictions([file('0.5,1.5\n0.5,0.5\n')], { problemType: MULTI, numClasses: 2 })),
    ).toMatch(/:1: class probability 1.5 \(class 1\) is outside \[0, 1\]/);
    expect(
      await dataError(readPredictions([file('-0.1,0.9\n0.5,0.5\n')], { problemType: MULTI, numClasses: 2 })),
    ).toMatch(/:1: class probability -0.1 \(class 0\)/);
    expect(
      await dataError(
        readPredictions([file('0.2,0.3,0.5\n0.5,0.5\n')], { problemType: MULTI, numClasses: 2 }),
      ),
    ).toMatch(/:1: 3 class probabilities, expected 2/);
  });
  it('readLabels: a bad label on line 1 names the line and suggests the header row', async () => {
    const msg = await dataError(readLabels([file('x,1\n0,2\n1,3\n')], { labelColumn: 0 }));
    expect(msg).toMatch(/:1: the label in column 0 \(1 byte; content not shown\) is not a finite number/);
    expect(msg).toMatch(/or declare the header row$/);
    const later = await dataError(readLabels([file('0,1\nx,2\n')], { labelColumn: 0 }));
    expect(later).not.toMatch(/header row/);
    // With the header declared, line 1 is skipped and a bad line 2 does not mention it.
    expect(await readLabels([file('y,a\n1,2\n0,3\n')], { labelColumn: 0, hasHeader: true })).toEqual(
      f64([1, 0]),
    );
    expect(
      await dataError(readLabels([file('y,a\nx,2\n')], { labelColumn: 0, hasHeader: true })),
    ).not.toMatch(/header row/);
  });
});

describe('the probability threshold', () => {
  const labels = [0, 1, 0, 1];
  const scores = { scores: f64([0.1, 0.8, 0.4, 0.6]) };
  it('NaN, ±Infinity and values outside [0, 1] are configuration errors, for every problem type', () => {
    for (const p of [BINARY, REG, MULTI] as const) {
      for (const t of [NaN, Infinity, -Infinity, -0.01, 1.01]) {
        const err = thrown(() => compute(p, labels, scores, t));
        expect(err).toBeInstanceOf(ConfigurationError);
        expect(err.message).toMatch(/probability threshold .* is not valid; fix: use a number in \[0, 1\]/);
      }
    }
  });
  it('0 and 1 are valid: every row positive, then only scores of exactly 1', () => {
    expect(compute(BINARY, labels, scores, 0).confusionMatrix).toEqual({
      '0': { '0': 0, '1': 2 },
      '1': { '0': 0, '1': 2 },
    });
    expect(compute(BINARY, [0, 1, 0, 1], { scores: f64([0.1, 1, 0.4, 0.6]) }, 1).confusionMatrix).toEqual({
      '0': { '0': 2, '1': 0 },
      '1': { '0': 1, '1': 1 },
    });
  });
});

describe('non-finite predictions and row counts (regression, multiclass)', () => {
  it('NaN and ±Infinity predictions in any row fail with the row', () => {
    for (const p of [REG, MULTI] as const) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const err = thrown(() => compute(p, [0, 1, 2], { scores: f64([0, 1, bad]) }));
        expect(err).toBeInstanceOf(DataError);
        expect(err.message).toBe(
          `row 3: prediction ${bad} is not a finite number; fix: check the model output`,
        );
      }
    }
  });
  it('more predictions than labels (and fewer) is a row-count mismatch', () => {
    for (const p of [REG, MULTI, BINARY] as const) {
      for (const scores of [
        [0, 1, 1, 0],
        [0, 1],
      ]) {
        const err = thrown(() => compute(p, [0, 1, 1], { scores: f64(scores) }));
        expect(err).toBeInstanceOf(DataError);
        expect(err.message).toMatch(
          new RegExp(
            `^row-count mismatch: the test data has 3 labelled row\\(s\\) but there are ${scores.length} prediction`,
          ),
        );
      }
    }
  });
  it('no rows at all fails for regression and multiclass too', () => {
    for (const p of [REG, MULTI] as const) {
      expect(thrown(() => compute(p, [], { scores: f64([]) })).message).toMatch(/^no rows to evaluate/);
    }
  });
  it('a short (or long) multiclass probability column is a row-count mismatch naming the class', () => {
    const labels = [0, 1, 2];
    const scores = f64([0, 1, 2]);
    for (const [k, short] of [0, 1, 2].entries()) {
      const probabilities = [f64([0.8, 0.1, 0.1]), f64([0.1, 0.8, 0.1]), f64([0.1, 0.1, 0.8])];
      probabilities[short] = probabilities[short]!.slice(0, 2);
      const err = thrown(() => compute(MULTI, labels, { scores, probabilities }));
      expect(err).toBeInstanceOf(DataError);
      expect(err.message).toBe(
        `row-count mismatch: class ${k} has 2 probabilities for 3 rows; fix: one probability row per test row`,
      );
    }
    const long = [f64([0.8, 0.1, 0.1, 0.5]), f64([0.1, 0.8, 0.1]), f64([0.1, 0.1, 0.8])];
    expect(thrown(() => compute(MULTI, labels, { scores, probabilities: long })).message).toMatch(
      /class 0 has 4 probabilities for 3 rows/,
    );
  });
  it('with probabilities, the predicted class is their argmax (first maximum), not scores', () => {
    const r = compute(MULTI, [0, 1, 2, 1], {
      scores: f64([2, 2, 2, 2]), // ignored when probabilities are given
      probabilities: [f64([0.8, 0.1, 0.1, 0.4]), f64([0.1, 0.8, 0.1, 0.4]), f64([0.1, 0.1, 0.8, 0.2])],
    });
    expect(r.metrics.accuracy).toBe(0.75); // row 4 ties 0.4/0.4: class 0 wins
    expect(r.confusionMatrix!['1']).toEqual({ '0': 1, '1': 1, '2': 0 });
  });
});

describe('pr_auc with a single class stays NaN and fails closed', () => {
  for (const label of [0, 1]) {
    it(`all labels ${label}`, () => {
      const r = compute(BINARY, [label, label, label], { scores: f64([0.2, 0.6, 0.9]) });
      expect(r.metrics.pr_auc).toBeNaN();
      expect(r.metrics.auc).toBeNaN();
      expect(Number.isFinite(r.metrics.log_loss)).toBe(true);
      const [outcome] = evaluateThresholds(parseThresholds({ pr_auc: '>= 0' }, BINARY), r.metrics);
      expect(outcome!.passed).toBe(false);
      expect(outcome!.message).toMatch(/pr_auc is NaN .*the gate fails closed/);
    });
  }
  it('one row of each class is enough for pr_auc and auc', () => {
    const r = compute(BINARY, [0, 1], { scores: f64([0.2, 0.6]) });
    expect(r.metrics.pr_auc).toBe(1);
    expect(r.metrics.auc).toBe(1);
  });
});

describe('standard deviations: the 200-row boundary', () => {
  const rows = (n: number) => {
    const labels: number[] = [];
    const scores: number[] = [];
    const reg: number[] = [];
    for (let i = 0; i < n; i++) {
      labels.push((i * 7) % 3 === 0 ? 1 : 0);
      scores.push(((i * 37) % 101) / 100);
      reg.push(((i * 13) % 17) / 4);
    }
    return { labels, scores, reg };
  };
  const allNaN = (sd: Record<string, number | 'NaN'>) => Object.values(sd).every((v) => v === 'NaN');
  const allNumbers = (sd: Record<string, number | 'NaN'>) =>
    Object.values(sd).every((v) => typeof v === 'number' && v >= 0);
  for (const [p, pick] of [
    [BINARY, (d: ReturnType<typeof rows>) => d.scores],
    [REG, (d: ReturnType<typeof rows>) => d.reg],
    [MULTI, (d: ReturnType<typeof rows>) => d.labels.map((y, i) => (i % 5 === 0 ? 1 - y : y))],
  ] as const) {
    it(`${p}: 199 rows give "NaN" for every metric, 200 rows give numbers`, () => {
      const d199 = rows(199);
      const r199 = compute(p, d199.labels, { scores: f64(pick(d199)) });
      expect(Object.keys(r199.standardDeviations).length).toBeGreaterThan(3);
      expect(allNaN(r199.standardDeviations)).toBe(true);
      const d200 = rows(200);
      const r200 = compute(p, d200.labels, { scores: f64(pick(d200)) });
      expect(Object.keys(r200.standardDeviations).sort()).toEqual(
        Object.keys(r199.standardDeviations).sort(),
      );
      expect(allNumbers(r200.standardDeviations)).toBe(true);
      const main = p === BINARY ? 'auc' : p === REG ? 'mse' : 'accuracy';
      expect(r200.standardDeviations[main]).toBeGreaterThan(0);
    });
  }
});

describe('number parsing edges: "1:", "1." and friends', () => {
  const bytes = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    return parseNumberBytes(b, 0, b.length);
  };
  it('parseNumberBytes and parseNumberText agree with the decimal grammar', () => {
    const cases: [string, number][] = [
      ['1.', 1],
      ['9.', 9],
      ['09', 9],
      ['-9.5', -9.5],
      ['+9', 9],
      ['1:', NaN], // ':' is the byte after '9'
      ['1/', NaN], // '/' is the byte before '0'
      [':', NaN],
      ['/1', NaN],
      ['1.:', NaN],
      ['1.5:', NaN],
      ['.', NaN],
      ['-', NaN],
      ['+', NaN],
      ['-.', NaN],
      ['1e', NaN],
      ['1e+', NaN],
      ['1e-', NaN],
      ['1e:', NaN],
      ['1e5:', NaN],
      ['1e5', 1e5],
      ['1E-5', 1e-5],
      ['1e+05', 1e5],
      ['e5', NaN],
      ['1.e2', 100],
      ['.5e1', 5],
      ['1e22', 1e22],
      ['1e23', 1e23],
      ['3e-22', 3e-22],
      ['3e-23', 3e-23],
      ['123456789012345', 123456789012345],
      ['1234567890123456', 1234567890123456],
      ['0.000000000000000000001', 1e-21],
      ['1e400', Infinity],
      ['1e000001', 10],
      ['1\t', 1],
      ['\t1', 1],
      ['1 2', NaN],
      ['--1', NaN],
      ['1x', NaN],
    ];
    for (const [s, v] of cases) {
      expect([s, bytes(s)]).toEqual([s, v]);
      expect([s, parseNumberText(s)]).toEqual([s, v]);
    }
  });
  it('readPredictions: "1." reads as 1 on the fast path, "1:" is a bad prediction', async () => {
    const ok = await readPredictions([file('1.\n0.\n.5\n')], { problemType: BINARY });
    expect(ok.scores).toEqual(f64([1, 0, 0.5]));
    for (const bad of ['1:', '0/', '0.5:', '1e', '0.5e:', ':']) {
      const msg = await dataError(readPredictions([file(`0.5\n${bad}\n`)], { problemType: REG }));
      expect(msg).toMatch(/:2: a prediction \(\d+ bytes?; content not shown\) is not a finite number/);
    }
  });
  it('readLabels: "1." is 1, "1:" fails closed', async () => {
    expect(await readLabels([file('1.,a\n0.,b\n')], { labelColumn: 0 })).toEqual(f64([1, 0]));
    expect(await dataError(readLabels([file('0,a\n1:,b\n')], { labelColumn: 0 }))).toMatch(
      /:2: the label in column 0 \(2 bytes; content not shown\) is not a finite number/,
    );
    expect(await dataError(readLabels([file('0,1\n1,2:\n')], { labelColumn: 1 }))).toMatch(
      /:2: the label in column 1 \(2 bytes; content not shown\)/,
    );
  });
  it('scanColumn sends "1:" and "1e5:" to the slow path and reads "1." itself', async () => {
    const out = new Float64Builder(16);
    const slowLines: number[] = [];
    const lines = await scanColumn(
      file('1.\n1:\n2.5\n1e5:\n9\n'),
      { column: 0, single: true },
      out,
      (_b, _s, _e, line) => slowLines.push(line),
    );
    expect(lines).toBe(5);
    expect(slowLines).toEqual([2, 4]);
    expect(Array.from(out.data.subarray(0, out.length))).toEqual([1, 2.5, 9]);
  });
});
