/**
 * Regression metrics under resample weights (the bootstrap's counts) and at the precision and
 * sample-size edges that mutation testing showed no test pinned down.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { regressionMetrics } from '../../../src/metrics/regression.js';

const f64 = (xs: number[]) => Float64Array.from(xs);

/** Repeat each row as many times as its weight: what a bootstrap count means. */
function expand(y: number[], p: number[], w: number[]): [Float64Array, Float64Array] {
  const ey: number[] = [];
  const ep: number[] = [];
  y.forEach((v, i) => {
    for (let k = 0; k < w[i]!; k++) {
      ey.push(v);
      ep.push(p[i]!);
    }
  });
  return [f64(ey), f64(ep)];
}

const row = fc.tuple(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 0, max: 4 }),
);

describe('regressionMetrics with resample weights', () => {
  it('equals the metrics of the rows repeated as often as their weight', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const y = rows.map((r) => r[0] / 8);
        const p = rows.map((r) => r[1] / 8);
        const w = rows.map((r) => r[2]);
        const weighted = regressionMetrics(f64(y), f64(p), Uint32Array.from(w));
        const [ey, ep] = expand(y, p, w);
        const plain = regressionMetrics(ey, ep);
        for (const k of ['mae', 'mse', 'rmse', 'r2'] as const) {
          if (Number.isNaN(plain[k])) expect(weighted[k]).toBeNaN();
          else expect(weighted[k]).toBeCloseTo(plain[k]!, 9);
        }
      }),
    );
  });

  it('a row with weight 0 is not in the sample, whatever its values', () => {
    const w = Uint8Array.from([1, 0, 1, 1]);
    const withJunk = regressionMetrics(f64([1, Infinity, 2, 4]), f64([1.5, NaN, 2, 3]), w);
    expect(withJunk).toEqual(regressionMetrics(f64([1, 2, 4]), f64([1.5, 2, 3])));
    expect(Object.values(withJunk).every(Number.isFinite)).toBe(true);
  });

  it('all weights 0: every metric is NaN (an empty sample fails closed)', () => {
    expect(regressionMetrics(f64([1, 2]), f64([1, 2]), Uint8Array.from([0, 0]))).toEqual({
      mae: NaN,
      mse: NaN,
      rmse: NaN,
      r2: NaN,
    });
  });
});

describe('regressionMetrics at the edges', () => {
  it('sums with compensation: 1e16 + 1 + 1 is not 1e16, in either order', () => {
    // Spacing of doubles at 1e16 is 2: plain summation loses each +1.
    for (const errs of [
      [1e16, 1, 1],
      [1, 1e16, 1],
      [1, 1, 1e16],
    ]) {
      const m = regressionMetrics(f64(errs), f64([0, 0, 0]));
      expect(m.mae).toBe((1e16 + 2) / 3);
    }
  });

  it('R² needs two samples: NaN for one, defined for exactly two', () => {
    expect(regressionMetrics(f64([3]), f64([3])).r2).toBeNaN();
    expect(regressionMetrics(f64([1, 2]), f64([1, 2])).r2).toBe(1);
    expect(regressionMetrics(f64([1, 3]), f64([2, 2])).r2).toBe(0);
    expect(regressionMetrics(f64([1, 3]), f64([1, 3]), Uint8Array.from([2, 0])).r2).toBe(1);
  });
});
