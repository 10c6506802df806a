import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { binaryCurves, binaryPass, binaryPassPacked, logLossTerms } from '../../../src/metrics/binary.js';
import { fusedBinaryPasses } from '../../../src/metrics/binary-fused.js';
import { createRng, subsampleMasks, unpackMask } from '../../../src/metrics/resample.js';
import { sortScoresWithLabels } from '../../../src/metrics/sort.js';

describe('fusedBinaryPasses', () => {
  it('equals binaryPass on the full data and on each resample (via 0/1 weights), and binaryPassPacked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 100000 })), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.integer(),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(40, 100000), // heavy ties, or mostly unique scores
        (rows, seed, t, levels) => {
          const { s, y } = sortScoresWithLabels(
            Float64Array.from(rows, (r) => (r[1] % (levels + 1)) / levels),
            Float64Array.from(rows, (r) => r[0]),
          );
          const packed = subsampleMasks(s.length, 5, 0.8, createRng(seed));
          const threshold = t / 40;
          const fused = fusedBinaryPasses(s, y, packed, threshold);
          const full = binaryPass(s, y, null, threshold, true);
          const { curve: _curve, ...fullScalars } = full;
          const fusedScalars = fused.full;
          expect(fusedScalars.logLossSum).toBeCloseTo(fullScalars.logLossSum, 9);
          expect({ ...fusedScalars, logLossSum: 0 }).toEqual({ ...fullScalars, logLossSum: 0 });
          for (const maxPoints of [200, 12, 5]) {
            const online =
              maxPoints === 200 ? fused.curves : fusedBinaryPasses(s, y, packed, threshold, maxPoints).curves;
            if (full.pos > 0 && full.neg > 0) expect(online).toEqual(binaryCurves(full, maxPoints));
            expect(online.roc.x.length).toBeLessThanOrEqual(maxPoints);
          }
          const losses = logLossTerms(s, y);
          const packedPasses = binaryPassPacked(s, y, packed, 5, threshold, losses);
          fused.resamples.forEach((r, i) => {
            const ref = binaryPass(s, y, unpackMask(packed, i), threshold, false, losses);
            expect(r.logLossSum).toBeCloseTo(ref.logLossSum, 9);
            expect({ ...r, logLossSum: 0 }).toEqual({ ...ref, logLossSum: 0 });
            expect({ ...packedPasses[i]!, logLossSum: 0 }).toEqual({ ...ref, logLossSum: 0 });
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('binaryPassPacked with rows in no resample', () => {
  // subsampleMasks leaves a row out of all 5 resamples with probability 0.2^5, so the property above
  // almost never starts a tie group with such a row; here any mask is allowed, zeros often.
  it('equals binaryPass per resample for any masks, ties starting with a row in no resample included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: 0, max: 6 }),
            fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 31 })),
          ),
          { minLength: 1, maxLength: 120 },
        ),
        fc.integer({ min: 0, max: 6 }),
        (rows, t) => {
          const { s, y } = sortScoresWithLabels(
            Float64Array.from(rows, (r) => r[1] / 6),
            Float64Array.from(rows, (r) => r[0]),
          );
          const packed = Uint8Array.from(rows, (r) => r[2]); // masks follow the sorted rows
          const threshold = t / 6;
          const losses = logLossTerms(s, y);
          const passes = binaryPassPacked(s, y, packed, 5, threshold, losses);
          passes.forEach((p, i) => {
            const ref = binaryPass(s, y, unpackMask(packed, i), threshold, false, losses);
            expect(p.logLossSum).toBeCloseTo(ref.logLossSum, 9);
            expect({ ...p, logLossSum: 0 }).toEqual({ ...ref, logLossSum: 0 });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
