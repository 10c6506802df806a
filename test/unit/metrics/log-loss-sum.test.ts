/**
 * The log-loss sums are compensated (Neumaier): a million rows' small terms after a large one are
 * not rounded away, in binaryPass (weighted and not) and in the full-data pass, so log_loss on
 * millions of rows matches scikit-learn's (which sums with numpy's pairwise summation).
 */
import { describe, expect, it } from '@jest/globals';
import { binaryPass } from '../../../src/metrics/binary.js';
import { fullBinaryPass } from '../../../src/metrics/binary-fused.js';

// One term of 1 and 10,000 terms of 1e-16: each small term is under half an ulp of 1, so plain
// summation returns exactly 1; the exact sum is 1 + 1e-12.
const n = 10_001;
const s = Float64Array.from({ length: n }, (_, k) => 1 - k / n); // descending, distinct
const y = Uint8Array.from({ length: n }, (_, k) => k % 2);
const losses = Float64Array.from({ length: n }, (_, k) => (k === 0 ? 1 : 1e-16));
const exact = 1 + 1e-12;

describe('compensated log-loss sums', () => {
  it('binaryPass without weights', () => {
    expect(Math.abs(binaryPass(s, y, null, 0.5, false, losses).logLossSum - exact)).toBeLessThan(1e-15);
  });

  it('binaryPass with integer weights (each term counted weight times)', () => {
    const w = Uint32Array.from({ length: n }, (_, k) => (k === 0 ? 1 : 3));
    const want = 1 + 3e-12;
    expect(Math.abs(binaryPass(s, y, w, 0.5, false, losses).logLossSum - want)).toBeLessThan(1e-15);
  });

  it('binaryPass when the large term comes last (the other branch of the compensation)', () => {
    const rev = losses.slice().reverse();
    expect(Math.abs(binaryPass(s, y, null, 0.5, false, rev).logLossSum - exact)).toBeLessThan(1e-15);
  });

  it('the full-data pass, with the terms given', () => {
    const pass = fullBinaryPass(s, y, 0.5, 200, losses, undefined, true);
    expect(Math.abs(pass.full.logLossSum - exact)).toBeLessThan(1e-15);
    const rev = losses.slice().reverse();
    const back = fullBinaryPass(s, y, 0.5, 200, rev, undefined, true);
    expect(Math.abs(back.full.logLossSum - exact)).toBeLessThan(1e-15);
  });
});
