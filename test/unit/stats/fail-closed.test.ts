/**
 * Fail-closed argument checks of the paired tests (DeLong, paired bootstrap) that mutation testing
 * (npm run mutation) showed no test pinned down: confidence bounds, row counts, a bad value in the
 * first row, iterations, metrics of another problem type.
 */
import { describe, expect, it } from '@jest/globals';
import { DataError } from '../../../src/metrics/data-error.js';
import { pairedBootstrap } from '../../../src/stats/bootstrap.js';
import { checkConfidence, checkPaired } from '../../../src/stats/checks.js';
import { delong } from '../../../src/stats/delong.js';
import { StatsError } from '../../../src/stats/errors.js';

const BINARY = 'binary-classification';
const f64 = (xs: number[]) => Float64Array.from(xs);

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('argument checks of the paired tests', () => {
  it('confidence must lie strictly between 0 and 1', () => {
    for (const c of [0, 1, -0.5, 1.5, NaN, Infinity]) {
      const err = thrown(() => checkConfidence(c));
      expect(err).toBeInstanceOf(StatsError);
      expect(err.message).toBe(`confidence ${c} is not valid; expected a number between 0 and 1, e.g. 0.95`);
    }
    for (const c of [1e-9, 0.5, 0.999999]) expect(() => checkConfidence(c)).not.toThrow();
  });
  it('both prediction sets must have one value per label', () => {
    const l = f64([0, 1, 0]);
    expect(() => checkPaired(l, f64([1, 2, 3]), f64([1, 2, 3]))).not.toThrow();
    for (const [a, b] of [
      [f64([1, 2]), f64([1, 2, 3])],
      [f64([1, 2, 3]), f64([1, 2, 3, 4])],
    ] as const) {
      const err = thrown(() => checkPaired(l, a, b));
      expect(err).toBeInstanceOf(DataError);
      expect(err.message).toBe(
        `row-count mismatch: 3 labels, ${a.length} candidate and ${b.length} champion predictions; fix: score both models on the same test rows`,
      );
    }
  });
  it('DeLong: non-finite predictions and non-binary labels in any row, including the first', () => {
    const l = f64([1, 0, 1, 0]);
    const s = f64([0.9, 0.1, 0.8, 0.3]);
    for (const bad of [NaN, Infinity]) {
      for (const row of [0, 3]) {
        const c = s.slice();
        c[row] = bad;
        expect(thrown(() => delong(l, c, s, 0.95)).message).toBe(
          `row ${row + 1}: a prediction is not a finite number; fix: check both models' outputs`,
        );
        expect(thrown(() => delong(l, s, c, 0.95))).toBeInstanceOf(DataError);
      }
    }
    expect(thrown(() => delong(f64([2, 0, 1, 0]), s, s, 0.95)).message).toMatch(
      /^row 1: label 2 is not 0 or 1/,
    );
  });
  it('DeLong: a perfect separation on both sides has sd 0 and a signed infinite z', () => {
    const l = f64([1, 1, 0, 0]);
    const perfect = f64([0.9, 0.8, 0.2, 0.1]);
    const worse = f64([0.9, 0.1, 0.8, 0.2]);
    const same = delong(l, perfect, perfect, 0.95);
    expect([same.z, same.pValue, same.diff]).toEqual([0, 1, 0]);
    const d = delong(l, perfect, worse, 0.95);
    expect(d.diff).toBeGreaterThan(0);
    expect(Number.isFinite(d.ci[0])).toBe(true);
  });
  it('bootstrap: iterations must be a whole number >= 1; no rows is a data error', () => {
    const l = f64([0, 1]);
    const s = f64([0.2, 0.8]);
    for (const iterations of [0, -1, 1.5, NaN]) {
      expect(
        thrown(() => pairedBootstrap(l, s, s, 'auc', { threshold: 0.5, confidence: 0.95, iterations }))
          .message,
      ).toMatch(/bootstrap iterations .* is not valid; expected a whole number >= 1/);
    }
    expect(
      thrown(() => pairedBootstrap(f64([]), f64([]), f64([]), 'auc', { threshold: 0.5, confidence: 0.95 })),
    ).toBeInstanceOf(DataError);
    const one = pairedBootstrap(l, s, s, 'accuracy', { threshold: 0.5, confidence: 0.95, iterations: 1 });
    expect(one.ci).toEqual([0, 0]);
  });
  it('bootstrap: a bad label or score in the first row is a data error', () => {
    const l = f64([0, 1, 0, 1]);
    const s = f64([0.2, 0.8, 0.3, 0.7]);
    const opts = { threshold: 0.5, confidence: 0.95, iterations: 10, problemType: BINARY } as const;
    expect(thrown(() => pairedBootstrap(f64([2, 1, 0, 1]), s, s, 'auc', opts))).toBeInstanceOf(DataError);
    expect(thrown(() => pairedBootstrap(l, f64([1.5, 0.8, 0.3, 0.7]), s, 'auc', opts)).message).toMatch(
      /^row 1: label 0 \/ score 1.5 is not binary/,
    );
    expect(thrown(() => pairedBootstrap(l, s, f64([NaN, 0.8, 0.3, 0.7]), 'auc', opts))).toBeInstanceOf(
      DataError,
    );
  });
  it('bootstrap: a metric of another problem type is a stats error', () => {
    const l = f64([0, 1]);
    const s = f64([0.2, 0.8]);
    expect(
      thrown(() => pairedBootstrap(l, s, s, 'mse', { threshold: 0.5, confidence: 0.95, problemType: BINARY }))
        .message,
    ).toMatch(/metric "mse" is not a binary-classification metric; valid: /);
    expect(
      thrown(() => pairedBootstrap(l, s, s, 'nope', { threshold: 0.5, confidence: 0.95 })),
    ).toBeInstanceOf(StatsError);
  });
});
