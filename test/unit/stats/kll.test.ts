/** Property tests: the KLL sketch's rank error stays within its bound; merging halves matches the whole. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KllSketch } from '../../../src/stats/kll.js';
import { StatsError } from '../../../src/stats/errors.js';

function trueRank(values: number[], x: number): number {
  let r = 0;
  for (const v of values) if (v <= x) r++;
  return r;
}

const data = fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 3000 });

describe('KllSketch', () => {
  it('keeps every rank within its error bound (small k forces many compactions)', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 8, max: 64 }), (values, k) => {
        const s = new KllSketch(k);
        for (const v of values) s.update(v);
        expect(s.count).toBe(values.length);
        for (const q of [-501, -100, 0, 3, 250, 500, ...values.slice(0, 20)]) {
          expect(Math.abs(s.rank(q) - trueRank(values, q))).toBeLessThanOrEqual(s.rankErrorBound);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is exact while no compaction happened', () => {
    const s = new KllSketch();
    const values = [5, 1, 4, 1, 5, 9, 2, 6];
    values.forEach((v) => s.update(v));
    expect(s.rankErrorBound).toBe(0);
    expect(s.rank(4)).toBe(4);
    expect(s.rankExclusive(5)).toBe(4);
    expect(s.rank(5)).toBe(6);
    expect(s.quantile(0.5)).toBe(4);
  });

  it('merging sketches of two halves equals the whole: same count, exact without compaction, within the summed bound with it', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 8, max: 64 }), fc.nat(), (values, k, cut) => {
        const at = values.length === 0 ? 0 : cut % values.length;
        const a = new KllSketch(k);
        const b = new KllSketch(k);
        values.slice(0, at).forEach((v) => a.update(v));
        values.slice(at).forEach((v) => b.update(v));
        const merged = a.merge(b);
        expect(merged.count).toBe(values.length);
        for (const q of [-500, -1, 0, 1, 499, ...values.slice(0, 10)]) {
          expect(Math.abs(merged.rank(q) - trueRank(values, q))).toBeLessThanOrEqual(merged.rankErrorBound);
        }
        if (merged.rankErrorBound === 0) {
          const whole = new KllSketch(k);
          values.forEach((v) => whole.update(v));
          expect(Array.from(merged.weighted().values)).toEqual(Array.from(whole.weighted().values));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips through Model Monitor JSON, with a worst-case bound that still holds', () => {
    const values = Array.from({ length: 20000 }, (_, i) => (i * 7919) % 10007);
    const s = new KllSketch(200);
    values.forEach((v) => s.update(v));
    const json = JSON.parse(JSON.stringify(s.toJSON()));
    expect(json.parameters).toEqual({ c: 0.64, k: 200 });
    const back = KllSketch.fromJSON(json, 'test');
    expect(back.count).toBe(s.count);
    expect(back.rankErrorBound).toBeGreaterThanOrEqual(s.rankErrorBound);
    for (const q of [0, 100, 5000, 10006]) {
      expect(back.rank(q)).toBe(s.rank(q));
      expect(Math.abs(back.rank(q) - trueRank(values, q))).toBeLessThanOrEqual(back.rankErrorBound);
    }
    // the history-free bound is looser than the tracked one, but of the same order
    expect(back.rankErrorBound).toBeLessThanOrEqual(4 * s.rankErrorBound);
  });

  it('rejects bad sketches and mismatched merges', () => {
    expect(() => KllSketch.fromJSON({ parameters: { c: 0.64 }, data: [] }, 'f.json')).toThrow(StatsError);
    expect(() =>
      KllSketch.fromJSON({ parameters: { c: 0.64, k: 2048 }, data: [[1, 'x']] }, 'f.json'),
    ).toThrow(/level 0/);
    expect(() => new KllSketch(2048).merge(new KllSketch(1024))).toThrow(/different parameters/);
  });
});
