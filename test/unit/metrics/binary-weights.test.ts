/**
 * binaryPass with integer weights (bootstrap counts) equals the unweighted pass over the rows
 * repeated that many times: counts, AUC and AP sums exactly, the log-loss sum to rounding. 0/1
 * weights (the resample masks) cannot tell `term * w` from `term / w`; counts of 2 and more can.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { binaryPass } from '../../../src/metrics/binary.js';
import { sortScoresWithLabels } from '../../../src/metrics/sort.js';

describe('binaryPass with integer weights', () => {
  it('equals the pass over repeated rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: 0, max: 20 }),
            fc.integer({ min: 0, max: 4 }),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        fc.integer({ min: 0, max: 20 }),
        (rows, t) => {
          const { s, y } = sortScoresWithLabels(
            Float64Array.from(rows, (r) => r[1] / 20),
            Float64Array.from(rows, (r) => r[0]),
          );
          // Weights follow the sorted rows: give each sorted row a weight from the input's third column.
          const w = Uint32Array.from(rows, (r) => r[2]);
          const repeatedScores: number[] = [];
          const repeatedLabels: number[] = [];
          for (let k = 0; k < s.length; k++)
            for (let c = 0; c < w[k]!; c++) {
              repeatedScores.push(s[k]!);
              repeatedLabels.push(y[k]!);
            }
          const threshold = t / 20;
          const weighted = binaryPass(s, y, w, threshold);
          if (repeatedScores.length === 0) {
            expect([weighted.pos, weighted.neg, weighted.logLossSum]).toEqual([0, 0, 0]);
            return;
          }
          const r = sortScoresWithLabels(
            Float64Array.from(repeatedScores),
            Float64Array.from(repeatedLabels),
          );
          const plain = binaryPass(r.s, r.y, null, threshold);
          expect({ ...weighted, logLossSum: 0 }).toEqual({ ...plain, logLossSum: 0 });
          expect(weighted.logLossSum).toBeCloseTo(plain.logLossSum, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
