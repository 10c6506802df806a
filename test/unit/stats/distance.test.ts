import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KllSketch } from '../../../src/stats/kll.js';
import {
  bucketCounts,
  categoricalDistance,
  equalWidthEdges,
  kolmogorovQ,
  ksTest,
  linfSimple,
  numericalDistance,
  psi,
  robustCorrection,
} from '../../../src/stats/distance.js';

const sketch = (values: number[]) => {
  const s = new KllSketch();
  values.forEach((v) => s.update(v));
  return s;
};

function bruteKs(a: number[], b: number[]): number {
  let d = 0;
  for (const x of [...a, ...b]) {
    const fa = a.filter((v) => v <= x).length / a.length;
    const fb = b.filter((v) => v <= x).length / b.length;
    d = Math.max(d, Math.abs(fa - fb));
  }
  return d;
}

describe('distribution distances', () => {
  it('L-infinity (Simple) equals the exact two-sample KS statistic while the sketches are exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }),
        (a, b) => {
          expect(linfSimple(sketch(a), sketch(b))).toBeCloseTo(bruteKs(a, b), 12);
        },
      ),
    );
  });

  it('Robust subtracts 1.8 sqrt((n+m)/(nm)) and floors at 0', () => {
    expect(robustCorrection(0.5, 100, 100)).toBeCloseTo(0.5 - 1.8 * Math.sqrt(200 / 10000), 12);
    expect(robustCorrection(0.1, 10, 10)).toBe(0);
    const a = sketch(Array.from({ length: 1000 }, (_, i) => i));
    const b = sketch(Array.from({ length: 1000 }, (_, i) => i + 500));
    expect(numericalDistance(a, b, 'Simple')).toBeCloseTo(0.5, 12);
    expect(numericalDistance(a, b, 'Robust')).toBeCloseTo(0.5 - 1.8 * Math.sqrt(2000 / 1e6), 12);
  });

  it('categorical L-infinity over frequencies', () => {
    const base = new Map([
      ['SP', 50],
      ['RJ', 50],
    ]);
    const cur = new Map([
      ['SP', 20],
      ['RJ', 60],
      ['XX', 20],
    ]);
    expect(categoricalDistance(base, cur, 'Simple')).toBeCloseTo(0.3, 12);
  });

  it('PSI is 0 for equal distributions and grows with shift; KS p-value is the Kolmogorov tail', () => {
    expect(psi([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
    expect(psi([10, 20, 30], [30, 20, 10])).toBeGreaterThan(0.5);
    expect(kolmogorovQ(1.3581)).toBeCloseTo(0.05, 3);
    const a = sketch(Array.from({ length: 500 }, (_, i) => i));
    expect(ksTest(a, a).pValue).toBe(1);
  });

  it('buckets like Model Monitor: equal width, last bucket closed', () => {
    const s = sketch([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const counts = bucketCounts(s, equalWidthEdges(0, 10, 10));
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
  });
});
