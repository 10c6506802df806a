/**
 * The full-data pass's score histogram (the report's chart) and log-loss terms, against a plain
 * reference: mutation testing showed no test read them (a histogram of every score in bin 0
 * passed every test).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { logLossTerm } from '../../../src/metrics/binary.js';
import { fullBinaryPass, fusedBinaryPasses, HISTOGRAM_BINS } from '../../../src/metrics/binary-fused.js';
import { createRng, subsampleMasks } from '../../../src/metrics/resample.js';
import { sortScoresWithLabels } from '../../../src/metrics/sort.js';

/** 20 equal bins on [0, 1]; a score of 1 counts in the last bin. */
function reference(s: Float64Array, y: Uint8Array) {
  const positives = new Array<number>(HISTOGRAM_BINS).fill(0);
  const negatives = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let k = 0; k < s.length; k++) {
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(s[k]! * HISTOGRAM_BINS));
    (y[k] === 1 ? positives : negatives)[bin]!++;
  }
  return { positives, negatives };
}

const sorted = (rows: [number, number][]) =>
  sortScoresWithLabels(
    Float64Array.from(rows, (r) => r[0]),
    Float64Array.from(rows, (r) => r[1]),
  );

describe('the full-data pass: score histogram and log-loss terms', () => {
  it('has 20 bins with edges 0, 0.05, ..., 1', () => {
    const { s, y } = sorted([[0.5, 1]]);
    const { histogram } = fullBinaryPass(s, y, 0.5, 50, new Float64Array(1));
    expect(histogram.edges).toHaveLength(HISTOGRAM_BINS + 1);
    expect(histogram.edges[0]).toBe(0);
    expect(histogram.edges[1]).toBe(1 / HISTOGRAM_BINS);
    expect(histogram.edges[HISTOGRAM_BINS]).toBe(1);
  });

  it('counts each score in its bin by label; 0 in the first bin, 1 in the last, bin edges upward', () => {
    const { s, y } = sorted([
      [0, 0],
      [0, 1],
      [0.05, 1],
      [0.0499, 0],
      [0.5, 1],
      [0.95, 0],
      [0.9999, 1],
      [1, 1],
      [1, 0],
    ]);
    const { histogram } = fullBinaryPass(s, y, 0.5, 50, new Float64Array(s.length));
    const want = reference(s, y);
    expect(histogram.positives).toEqual(want.positives);
    expect(histogram.negatives).toEqual(want.negatives);
    expect(histogram.positives[0]).toBe(1);
    expect(histogram.positives[1]).toBe(1);
    expect(histogram.negatives[0]).toBe(2);
    expect(histogram.positives[19]).toBe(2);
    expect(histogram.negatives[19]).toBe(2);
  });

  it('property: equals the reference histogram, and writes each row’s log-loss term (or reads the given ones)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1 })), {
          minLength: 1,
          maxLength: 300,
        }),
        (rows) => {
          const { s, y } = sorted(rows);
          const losses = new Float64Array(s.length);
          const pass = fullBinaryPass(s, y, 0.5, 50, losses);
          const want = reference(s, y);
          expect(pass.histogram.positives).toEqual(want.positives);
          expect(pass.histogram.negatives).toEqual(want.negatives);
          expect(Array.from(losses)).toEqual(Array.from(s, (v, k) => logLossTerm(v, y[k]!)));
          // Given terms are read, not recomputed: doubled terms double the sum.
          const doubled = losses.map((t) => 2 * t);
          const again = fullBinaryPass(s, y, 0.5, 50, doubled, undefined, true);
          expect(again.full.logLossSum).toBeCloseTo(2 * pass.full.logLossSum, 6);
          expect(Array.from(doubled)).toEqual(Array.from(losses, (t) => 2 * t));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fusedBinaryPasses gives the same histogram, with or without scratch memory of the right size', () => {
    const rows: [number, number][] = Array.from({ length: 500 }, (_, i) => [
      ((i * 7919) % 1000) / 999,
      i % 3 === 0 ? 1 : 0,
    ]);
    const { s, y } = sorted(rows);
    const packed = subsampleMasks(s.length, 5, 0.8, createRng(3));
    const want = reference(s, y);
    const base = fusedBinaryPasses(s, y, packed, 0.5, 200);
    for (const scratch of [new Float64Array(s.length), new Float64Array(3)]) {
      const fused = fusedBinaryPasses(s, y, packed, 0.5, 200, scratch);
      expect(fused.histogram.positives).toEqual(want.positives);
      expect(fused.histogram.negatives).toEqual(want.negatives);
      // A scratch array too small is not used: the resamples' log-loss sums are the same.
      expect(fused.resamples.map((r) => r.logLossSum)).toEqual(base.resamples.map((r) => r.logLossSum));
    }
    expect(base.histogram.positives).toEqual(want.positives);
  });
});
