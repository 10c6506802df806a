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

  it('updateMany(values, m) leaves exactly the state m update() calls do, in any chunks, between merges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 64 }),
        fc.array(
          fc.oneof(
            fc.record({
              chunk: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 300 }),
            }),
            fc.record({ merge: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }) }),
          ),
          { maxLength: 20 },
        ),
        (k, ops) => {
          const bulk = new KllSketch(k);
          const single = new KllSketch(k);
          for (const op of ops) {
            if ('chunk' in op) {
              // a longer buffer than the values, as a profile's pending buffer is
              const buf = new Float64Array(op.chunk.length + 3);
              buf.set(op.chunk);
              bulk.updateMany(buf, op.chunk.length);
              for (const v of op.chunk) single.update(v);
            } else {
              const other = new KllSketch(k);
              for (const v of op.merge) other.update(v);
              bulk.merge(other);
              single.merge(other);
            }
            expect(bulk.toState()).toEqual(single.toState());
          }
        },
      ),
      { numRuns: 100 },
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

  it('compacts exactly when one more item than its capacity arrives', () => {
    const s = new KllSketch(8);
    const cap = s.capacity(0);
    for (let i = 0; i < cap; i++) s.update(i);
    expect(s.toState().levels).toHaveLength(1);
    expect(s.rankErrorBound).toBe(0);
    s.update(cap);
    expect(s.toState().levels.length).toBeGreaterThan(1);
    expect(s.count).toBe(cap + 1);
  });

  it('never holds more items than its capacity, whatever mix of updates, merges and restores fed it', () => {
    const op = fc.oneof(
      fc.record({ update: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 400 }) }),
      fc.record({ merge: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 400 }) }),
      fc.record({ restore: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.array(op, { maxLength: 30 }), (k, ops) => {
        let s = new KllSketch(k);
        let count = 0;
        const check = (): void => {
          const st = s.toState();
          const held = st.levels.reduce((n, l) => n + l.length, 0);
          const capacity = st.levels.reduce((n, _l, h) => n + s.capacity(h), 0);
          expect(held).toBeLessThanOrEqual(capacity);
          expect(s.count).toBe(count);
        };
        for (const o of ops) {
          if ('update' in o)
            for (const v of o.update) {
              s.update(v);
              count++;
              check();
            }
          else if ('merge' in o) {
            const other = new KllSketch(k);
            o.merge.forEach((v) => other.update(v));
            s.merge(other);
            count += o.merge.length;
            check();
          } else s = KllSketch.fromState(s.toState());
        }
      }),
      { numRuns: 80 },
    );
  });

  it('answers rank, rankExclusive and quantile from its sorted items, however updates, merges and queries interleave', () => {
    /** The same answers by a walk over every (value, weight) item. */
    const linear = (s: KllSketch) => {
      const { values, weights } = s.weighted();
      const below = (x: number, inclusive: boolean) => {
        let r = 0;
        values.forEach((v, i) => {
          if (inclusive ? v <= x : v < x) r += weights[i]!;
        });
        return r;
      };
      return { below, values, weights };
    };
    const op = fc.oneof(
      fc.record({ update: fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 200 }) }),
      fc.record({ merge: fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 200 }) }),
      fc.record({ query: fc.array(fc.double({ min: -25, max: 25, noNaN: true }), { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.array(op, { maxLength: 25 }), (k, ops) => {
        const s = new KllSketch(k);
        for (const o of ops) {
          if ('update' in o) o.update.forEach((v) => s.update(v));
          else if ('merge' in o) {
            const other = new KllSketch(k);
            o.merge.forEach((v) => other.update(v));
            s.merge(other);
          } else {
            const ref = linear(s);
            for (const x of [...o.query, -0, 0, 20, -20, NaN]) {
              expect(s.rank(x)).toBe(ref.below(x, true));
              expect(s.rankExclusive(x)).toBe(ref.below(x, false));
            }
            if (s.count > 0)
              for (const q of [0, 0.1, 0.5, 0.9, 1]) {
                let cum = 0;
                let want = ref.values[ref.values.length - 1];
                for (let i = 0; i < ref.values.length; i++) {
                  cum += ref.weights[i]!;
                  if (cum >= q * s.count) {
                    want = ref.values[i];
                    break;
                  }
                }
                expect(s.quantile(q)).toBe(want);
              }
            expect(s.cdf().total).toBe(s.count);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads levels larger than their capacity whole, with their weights, and rejects any item that is not a finite number', () => {
    const level0 = Array.from({ length: 50 }, (_, i) => (i * 7) % 23);
    const level1 = Array.from({ length: 30 }, (_, i) => i / 4);
    const s = KllSketch.fromJSON(
      JSON.parse(JSON.stringify({ parameters: { c: 0.64, k: 8 }, data: [level0, level1] })),
      't',
    );
    expect(s.count).toBe(50 + 2 * 30);
    expect(s.toJSON().data).toEqual([level0, level1]);
    expect(s.rank(5)).toBe(level0.filter((v) => v <= 5).length + 2 * level1.filter((v) => v <= 5).length);
    for (const bad of ['1', null, true, Infinity, [1]])
      expect(() =>
        KllSketch.fromJSON({ parameters: { c: 0.64, k: 8 }, data: [[1], [2, bad]] }, 'f.json'),
      ).toThrow(/f\.json: sketch item .* at level 1 is not a finite number/);
  });

  it('rejects bad sketches and mismatched merges', () => {
    expect(() => KllSketch.fromJSON({ parameters: { c: 0.64 }, data: [] }, 'f.json')).toThrow(StatsError);
    expect(() =>
      KllSketch.fromJSON({ parameters: { c: 0.64, k: 2048 }, data: [[1, 'x']] }, 'f.json'),
    ).toThrow(/level 0/);
    expect(() => new KllSketch(2048).merge(new KllSketch(1024))).toThrow(/different parameters/);
  });
});
