import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { delong, midranks } from '../../../src/stats/delong.js';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { StatsError } from '../../../src/stats/errors.js';

interface DelongCase {
  name: string;
  labels: number[];
  candidate: number[];
  champion: number[];
  expected: {
    auc_candidate: number;
    auc_champion: number;
    diff: number;
    z: number;
    p_value: number;
    ci: [number, number];
    confidence: number;
  };
}
const fixture: { cases: DelongCase[] } = JSON.parse(
  readFileSync(new URL('../../fixtures/metrics/delong.json', import.meta.url), 'utf8'),
);

describe('DeLong (fast, midranks) equals the O(n^2) reference', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = delong(
        Float64Array.from(c.labels),
        Float64Array.from(c.candidate),
        Float64Array.from(c.champion),
        c.expected.confidence,
      );
      expect(Math.abs(r.candidate - c.expected.auc_candidate)).toBeLessThan(1e-9);
      expect(Math.abs(r.champion - c.expected.auc_champion)).toBeLessThan(1e-9);
      expect(Math.abs(r.diff - c.expected.diff)).toBeLessThan(1e-9);
      expect(Math.abs(r.z - c.expected.z)).toBeLessThan(1e-7);
      expect(Math.abs(r.pValue - c.expected.p_value)).toBeLessThan(1e-9);
      expect(Math.abs(r.ci[0] - c.expected.ci[0])).toBeLessThan(1e-9);
      expect(Math.abs(r.ci[1] - c.expected.ci[1])).toBeLessThan(1e-9);
      expect(r.method).toBe('delong');
    });
  }
});

const paired = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 20 }),
    ),
    { minLength: 4, maxLength: 80 },
  )
  .filter((rows) => rows.filter((r) => r[0] === 1).length >= 2 && rows.filter((r) => r[0] === 0).length >= 2)
  .map((rows) => ({
    labels: Float64Array.from(rows, (r) => r[0]),
    a: Float64Array.from(rows, (r) => r[1] / 20),
    b: Float64Array.from(rows, (r) => r[2] / 20),
  }));

describe('DeLong properties', () => {
  it('swapping candidate and champion negates diff, z and the CI; p is unchanged; AUCs match computeMetrics', () => {
    fc.assert(
      fc.property(paired, ({ labels, a, b }) => {
        const ab = delong(labels, a, b, 0.95);
        const ba = delong(labels, b, a, 0.95);
        expect(ba.diff).toBeCloseTo(-ab.diff, 12);
        if (Number.isFinite(ab.z)) expect(ba.z).toBeCloseTo(-ab.z, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 9);
        expect(ba.ci[0]).toBeCloseTo(-ab.ci[1], 12);
        const auc = computeMetrics('binary-classification', labels, { scores: a }, { threshold: 0.5 }).metrics
          .auc!;
        expect(ab.candidate).toBeCloseTo(auc, 12);
      }),
      { numRuns: 200 },
    );
  });
  it('identical models: diff 0, z 0, p 1', () => {
    const labels = Float64Array.from([0, 1, 0, 1, 1, 0]);
    const s = Float64Array.from([0.1, 0.8, 0.4, 0.35, 0.9, 0.2]);
    const r = delong(labels, s, s, 0.95);
    expect([r.diff, r.z, r.pValue, r.ci[0], r.ci[1]]).toEqual([0, 0, 1, 0, 0]);
  });
  it('fails closed: NaN statistics with one row in a class; bad labels and lengths are DataErrors', () => {
    const r = delong(
      Float64Array.from([0, 1, 0]),
      Float64Array.from([0.1, 0.9, 0.2]),
      Float64Array.from([0.3, 0.2, 0.1]),
      0.95,
    );
    expect(r.ci[0]).toBeNaN();
    expect(() =>
      delong(Float64Array.from([0, 2]), Float64Array.from([0.1, 0.2]), Float64Array.from([0.1, 0.2]), 0.95),
    ).toThrow(DataError);
    expect(() =>
      delong(Float64Array.from([0, 1]), Float64Array.from([0.1]), Float64Array.from([0.1, 0.2]), 0.95),
    ).toThrow(/row-count mismatch/);
    expect(() =>
      delong(Float64Array.from([0, 1]), Float64Array.from([0.1, 0.2]), Float64Array.from([0.1, 0.2]), 1.5),
    ).toThrow(StatsError);
  });
  it('midranks average tied ranks', () => {
    expect(Array.from(midranks(Float64Array.from([3, 1, 3, 2])))).toEqual([3.5, 1, 3.5, 2]);
  });
});
