/** Property tests: invariants of the metrics, against brute-force definitions written independently here. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { argsortDescending, sortScoresWithLabels } from '../../../src/metrics/sort.js';
import { subsampleMasks, createRng } from '../../../src/metrics/resample.js';
import { ConfigurationError } from '../../../src/core/errors.js';

/** Binary data on a grid of 65 score levels (k/64): heavy ties, exact under s^2 and 1 - s. */
const binaryData = (minLength = 2, maxLength = 120) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 64 })), {
      minLength,
      maxLength,
    })
    .map((rows) => ({
      labels: Float64Array.from(rows, (r) => r[0]),
      scores: Float64Array.from(rows, (r) => r[1] / 64),
    }));

const bothClasses = (d: { labels: Float64Array }) => d.labels.includes(1) && d.labels.includes(0);

function bruteAuc(labels: Float64Array, scores: Float64Array): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      sum += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return sum / pairs;
}

function bruteAp(labels: Float64Array, scores: Float64Array): number {
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  const pos = labels.filter((y) => y === 1).length;
  let prevRecall = 0;
  let ap = 0;
  for (const t of thresholds) {
    let tp = 0;
    let predicted = 0;
    scores.forEach((s, i) => {
      if (s >= t) {
        predicted++;
        if (labels[i] === 1) tp++;
      }
    });
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / predicted);
    prevRecall = recall;
  }
  return ap;
}

const metrics = (d: { labels: Float64Array; scores: Float64Array }, threshold = 0.5) =>
  computeMetrics('binary-classification', d.labels, { scores: d.scores }, { threshold }).metrics;

describe('binary metric properties', () => {
  it('AUC and AP equal brute-force pairwise/threshold definitions (ties included)', () => {
    fc.assert(
      fc.property(binaryData().filter(bothClasses), (d) => {
        const m = metrics(d);
        expect(Math.abs(m.auc! - bruteAuc(d.labels, d.scores))).toBeLessThan(1e-12);
        expect(Math.abs(m.pr_auc! - bruteAp(d.labels, d.scores))).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });
  it('AUC is invariant under strictly monotone transforms and AUC(1 - s) = 1 - AUC', () => {
    fc.assert(
      fc.property(binaryData().filter(bothClasses), (d) => {
        const auc = metrics(d).auc!;
        expect(metrics({ labels: d.labels, scores: d.scores.map((s) => s * s) }).auc).toBeCloseTo(auc, 12);
        expect(metrics({ labels: d.labels, scores: d.scores.map((s) => Math.sqrt(s)) }).auc).toBeCloseTo(
          auc,
          12,
        );
        expect(metrics({ labels: d.labels, scores: d.scores.map((s) => 1 - s) }).auc).toBeCloseTo(
          1 - auc,
          12,
        );
      }),
      { numRuns: 200 },
    );
  });
  it('confusion matrix sums to n; rates and scores lie in [0, 1]; AP <= 1; log loss >= 0', () => {
    fc.assert(
      fc.property(binaryData(1), fc.integer({ min: 0, max: 64 }), (d, t) => {
        const r = computeMetrics(
          'binary-classification',
          d.labels,
          { scores: d.scores },
          { threshold: t / 64 },
        );
        const cm = r.confusionMatrix!;
        expect(cm['0']!['0']! + cm['0']!['1']! + cm['1']!['0']! + cm['1']!['1']!).toBe(d.labels.length);
        expect(cm['1']!['1']! + cm['1']!['0']!).toBe(d.labels.filter((y) => y === 1).length);
        for (const [name, v] of Object.entries(r.metrics)) {
          if (Number.isNaN(v)) {
            expect(['auc', 'pr_auc']).toContain(name);
            continue;
          }
          if (name === 'log_loss') expect(v).toBeGreaterThanOrEqual(0);
          else {
            expect(v).toBeGreaterThanOrEqual(-1e-15);
            expect(v).toBeLessThanOrEqual(1 + 1e-15);
          }
        }
        expect(Number.isNaN(r.metrics.auc!)).toBe(!bothClasses(d));
        expect(r.roc!.x.length).toBeLessThanOrEqual(200);
        expect(r.scoreHistogram!.positives.reduce((a, b) => a + b, 0)).toBe(cm['1']!['1']! + cm['1']!['0']!);
      }),
      { numRuns: 300 },
    );
  });
  it('standard deviations: "NaN" below 200 rows; deterministic per seed at 200+', () => {
    const d = fc.sample(binaryData(300, 300), { seed: 7, numRuns: 1 })[0]!;
    const small = computeMetrics(
      'binary-classification',
      d.labels.slice(0, 199),
      { scores: d.scores.slice(0, 199) },
      { threshold: 0.5 },
    );
    expect(Object.values(small.standardDeviations).every((v) => v === 'NaN')).toBe(true);
    const a = computeMetrics(
      'binary-classification',
      d.labels,
      { scores: d.scores },
      { threshold: 0.5, seed: 1 },
    );
    const b = computeMetrics(
      'binary-classification',
      d.labels,
      { scores: d.scores },
      { threshold: 0.5, seed: 1 },
    );
    const c = computeMetrics(
      'binary-classification',
      d.labels,
      { scores: d.scores },
      { threshold: 0.5, seed: 2 },
    );
    expect(a.standardDeviations).toEqual(b.standardDeviations);
    expect(a.standardDeviations.auc).not.toEqual(c.standardDeviations.auc);
    expect(a.standardDeviations.auc).toBeGreaterThan(0);
    expect(a.standardDeviations.auc).toBeLessThan(0.1);
    expect(
      (a.report.binary_classification_metrics as Record<string, { standard_deviation: unknown }>).auc!
        .standard_deviation,
    ).toBe(a.standardDeviations.auc);
  });
});

describe('subsample masks', () => {
  it('each of the packed subsamples has exactly floor(0.8 n) rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (n, r, seed) => {
          const mask = subsampleMasks(n, r, 0.8, createRng(seed));
          const counts = new Array<number>(r).fill(0);
          let stray = 0;
          for (const m of mask) {
            for (let b = 0; b < r; b++) counts[b]! += (m >> b) & 1;
            stray |= m >> r;
          }
          expect(counts).toEqual(new Array<number>(r).fill(Math.floor(0.8 * n)));
          expect(stray).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('sorting', () => {
  const anyScores = fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 0.5, 1, -1)), {
    maxLength: 200,
  });
  it('argsortDescending is a stable descending permutation (-0 ties with 0)', () => {
    fc.assert(
      fc.property(anyScores, (xs) => {
        const a = Float64Array.from(xs);
        const order = argsortDescending(a);
        const expected = xs
          .map((v, i) => [v === 0 ? 0 : v, i] as const)
          .sort((p, q) => (q[0] > p[0] ? 1 : q[0] < p[0] ? -1 : p[1] - q[1]));
        expect(Array.from(order)).toEqual(expected.map((p) => p[1]));
      }),
    );
  });
  it('sortScoresWithLabels orders scores that differ only in the low 32 bits (short and long runs)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 1 }),
          ),
          { maxLength: 300 },
        ),
        (rows) => {
          const scores = Float64Array.from(rows, ([k, band]) => [0.5, 0.25, 0.7][band]! + k * 2 ** -50);
          const labels = Float64Array.from(rows, (r) => r[2]);
          const { s, y } = sortScoresWithLabels(scores, labels);
          expect(Array.from(s)).toEqual(Array.from(scores).sort((a, b) => b - a));
          expect(y.reduce((a, b) => a + b, 0)).toBe(labels.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
  it('sortScoresWithLabels handles an odd number of radix passes (one digit constant)', () => {
    // Same sign, exponent and top mantissa bits: only the low 16 bits of the high word differ.
    const scores = Float64Array.from([0.5, 0.515625, 0.5078125, 0.53125, 0.5, 0.5234375]);
    const labels = Float64Array.from([1, 0, 1, 1, 0, 0]);
    const { s, y } = sortScoresWithLabels(scores, labels);
    expect(Array.from(s)).toEqual([...scores].sort((a, b) => b - a));
    expect(Array.from(y).reduce((a, b) => a + b, 0)).toBe(3);
  });
  it('sortScoresWithLabels keeps every (score, label) pair and sorts descending', () => {
    fc.assert(
      fc.property(anyScores, fc.infiniteStream(fc.integer({ min: 0, max: 1 })), (xs, ys) => {
        const labels = Float64Array.from(xs, () => ys.next().value);
        const { s, y } = sortScoresWithLabels(Float64Array.from(xs), labels);
        for (let k = 1; k < s.length; k++) expect(s[k - 1]! >= s[k]!).toBe(true);
        const key = (v: number, l: number) => `${v === 0 ? 0 : v}/${l}`;
        const got = Array.from(s, (v, k) => key(v, y[k]!)).sort();
        const want = xs.map((v, i) => key(v, labels[i]!)).sort();
        expect(got).toEqual(want);
      }),
    );
  });
});

describe('computeMetrics fails closed', () => {
  const labels = Float64Array.from([0, 1, 1]);
  const run =
    (
      l: Float64Array,
      s: number[],
      p: 'binary-classification' | 'regression' = 'binary-classification',
      threshold = 0.5,
    ) =>
    () =>
      computeMetrics(p, l, { scores: Float64Array.from(s) }, { threshold });
  it('row-count mismatch names both counts and the fix', () => {
    expect(run(labels, [0.1, 0.2])).toThrow(DataError);
    expect(run(labels, [0.1, 0.2])).toThrow(/3 labelled row\(s\) but there are 2 prediction\(s\); fix:/);
  });
  it('NaN, out-of-range scores and non-binary labels', () => {
    expect(run(labels, [0.1, NaN, 0.3])).toThrow(/row 2: prediction NaN/);
    expect(run(labels, [0.1, 1.2, 0.3])).toThrow(/row 2: prediction 1.2 is not a probability/);
    expect(run(Float64Array.from([0, 2, 1]), [0.1, 0.2, 0.3])).toThrow(/row 2: label 2 is not 0 or 1/);
    expect(run(Float64Array.from([0, 1, NaN]), [1, 2, 3], 'regression')).toThrow(/row 3: label NaN/);
    expect(run(new Float64Array(0), [])).toThrow(/no rows/);
  });
  it('a bad threshold is a configuration error', () => {
    expect(run(labels, [0.1, 0.2, 0.3], 'binary-classification', 1.5)).toThrow(ConfigurationError);
  });
  it('AUC is NaN with a single class', () => {
    expect(
      computeMetrics(
        'binary-classification',
        Float64Array.from([1, 1]),
        { scores: Float64Array.from([0.2, 0.9]) },
        { threshold: 0.5 },
      ).metrics.auc,
    ).toBeNaN();
  });
});
