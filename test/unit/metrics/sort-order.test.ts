import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { logLossTerm } from '../../../src/metrics/binary.js';
import { sortScoresWithLabels } from '../../../src/metrics/sort.js';

/** The order the resample masks rely on: score descending (-0 as 0), positives first among equal scores. */
function reference(scores: number[], labels: number[]): { s: number[]; y: number[] } {
  const pairs = scores.map((v, i) => [v === 0 ? 0 : v, labels[i] === 1 ? 1 : 0] as const);
  pairs.sort((p, q) => q[0] - p[0] || q[1] - p[1]);
  return { s: pairs.map((p) => p[0]), y: pairs.map((p) => p[1]) };
}

const score = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 8), // heavy ties
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 40 }).map((k) => 0.5 + k * 2 ** -50), // differ in the low word only
  fc.double({ min: -1, max: 1, noNaN: true }), // negative (invalid, still sorted)
);

describe('sortScoresWithLabels order', () => {
  it('equals the reference order exactly, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 })), { maxLength: 300 }), (rows) => {
        const scores = rows.map((r) => r[0]);
        const labels = rows.map((r) => r[1]);
        const { s, y, positives } = sortScoresWithLabels(
          Float64Array.from(scores),
          Float64Array.from(labels),
        );
        const want = reference(scores, labels);
        expect(positives).toBe(labels.filter((l) => l === 1).length);
        expect(Array.from(s)).toEqual(want.s);
        expect(Array.from(y)).toEqual(want.y);
      }),
      { numRuns: 300 },
    );
  });
});

describe('logLossTerm', () => {
  // The former branchy formulation: the rewrite must give bit-identical terms.
  const eps = 2.220446049250313e-16;
  const branchy = (p0: number, label: number): number => {
    const p = p0 < eps ? eps : p0 > 1 - eps ? 1 - eps : p0;
    const q = 1 - p;
    const sum = q + p;
    const r = label === 1 ? p : q;
    return -Math.log(sum === 1 ? r : r / sum);
  };
  it('is bit-identical to clip, renormalise, -log', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1, eps, 1 - eps, 1e-300)),
        fc.integer({ min: 0, max: 1 }),
        (p, label) => {
          expect(Object.is(logLossTerm(p, label), branchy(p, label))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
