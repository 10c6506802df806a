/**
 * The resampling is part of the report: a seed must give the same draws in every version (the
 * model-quality standard deviations and bootstrap intervals are reproducible), so the generator's
 * first values are pinned; and the population standard deviation is checked on its own.
 */
import { describe, expect, it } from '@jest/globals';
import {
  bootstrapCounts,
  createRng,
  standardDeviation,
  subsampleMasks,
} from '../../../src/metrics/resample.js';

describe('seeded draws are pinned', () => {
  it('createRng, bootstrapCounts and subsampleMasks give the same values as always', () => {
    const r = createRng(42);
    expect([r(), r(), r()]).toEqual([0.6011037487409305, 0.8524657984803172, 0.17481390034103794]);
    expect(Array.from(bootstrapCounts(10, createRng(7)))).toEqual([1, 0, 0, 0, 4, 1, 1, 2, 0, 1]);
    expect(Array.from(subsampleMasks(10, 3, 0.8, createRng(7)))).toEqual([6, 7, 7, 3, 3, 5, 7, 5, 7, 6]);
  });

  it('subsampleMasks takes 1 to 8 resamples (a byte of bits)', () => {
    expect(() => subsampleMasks(10, 0, 0.8, createRng(1))).toThrow(/1\.\.8 resamples fit in a byte mask/);
    expect(() => subsampleMasks(10, 9, 0.8, createRng(1))).toThrow(/1\.\.8 resamples/);
    expect(subsampleMasks(10, 8, 0.8, createRng(1))).toHaveLength(10);
  });
});

describe('standardDeviation (population, like numpy ddof=0)', () => {
  it('is sqrt of the mean squared deviation', () => {
    expect(standardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(standardDeviation([5])).toBe(0);
    expect(standardDeviation([-3, 3])).toBe(3);
  });

  it("is 'NaN' for no values and when any value is not finite", () => {
    expect(standardDeviation([])).toBe('NaN');
    expect(standardDeviation([1, Number.NaN])).toBe('NaN');
    expect(standardDeviation([Infinity, 1, 2])).toBe('NaN');
  });
});
