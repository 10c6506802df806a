/**
 * The KLL sketch's faster compaction (run merging, counting sort) must give exactly the sketch the
 * plain sorted compaction gives: the sort against Float64Array.prototype.sort, and whole sketches
 * against a straightforward reference of the compaction schedule.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KllSketch, sortPrefix } from '../../../src/stats/kll.js';

/** The compaction schedule with a plain native sort (the sketch before the faster sort). */
function referenceSketch(values: number[], k: number, c = 0.64): number[][] {
  const cap = (h: number) => 2 * (Math.ceil((k * Math.pow(c, h)) / 2) + 1);
  const levels: number[][] = [[]];
  const compressions = [0];
  const offsets = [0];
  let total = cap(0);
  let items = 0;
  const compact = (h: number) => {
    const buf = levels[h]!;
    const len = buf.length - (buf.length % 2);
    if (compressions[h]! % 2 === 1) offsets[h] = 1 - offsets[h]!;
    const sorted = Float64Array.from(buf.slice(0, len)).sort();
    for (let i = offsets[h]!; i < len; i += 2) levels[h + 1]!.push(sorted[i]!);
    levels[h] = buf.length % 2 === 1 ? [buf[buf.length - 1]!] : [];
    compressions[h]!++;
  };
  for (const v of values) {
    levels[0]!.push(v);
    if (++items > total) {
      for (let h = 0; h < levels.length; h++) {
        if (levels[h]!.length >= cap(h)) {
          if (h + 1 >= levels.length) {
            levels.push([]);
            compressions.push(0);
            offsets.push(0);
            total += cap(h + 1);
          }
          compact(h);
          items = levels.reduce((a, l) => a + l.length, 0);
          break;
        }
      }
    }
  }
  return levels;
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect([i, a[i]]).toEqual([i, b[i]]);
};

const double = fc.double({ noNaN: true });
const smallInt = fc.integer({ min: -20, max: 5000 });
const anyValues = fc.oneof(
  fc.array(double, { maxLength: 300 }),
  fc.array(smallInt, { maxLength: 300 }),
  fc.array(fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, 0.5), { maxLength: 300 }),
  // a few ascending runs, as compaction leaves above level 0
  fc
    .array(fc.array(fc.oneof(double, smallInt), { maxLength: 60 }), { maxLength: 12 })
    .map((runs) => runs.flatMap((r) => Array.from(Float64Array.from(r).sort()))),
);

describe('KLL compaction sort', () => {
  it('orders exactly as Float64Array.prototype.sort (-0 before +0, infinities, duplicates, runs)', () => {
    fc.assert(
      fc.property(anyValues, fc.nat(), (values, cut) => {
        const buf = Float64Array.from(values);
        const len = values.length === 0 ? 0 : cut % (values.length + 1);
        const want = Float64Array.from(values);
        want.subarray(0, len).sort();
        sortPrefix(buf, len);
        same(buf, want); // the prefix sorted, the rest untouched
      }),
      { numRuns: 400 },
    );
  });

  it('radix path: buffers of unordered reals, close clusters, signs and zeros sort exactly as the native sort', () => {
    const values = fc.oneof(
      // decimals as capture payloads hold them
      fc.array(
        fc.integer({ min: 0, max: 200_000 }).map((m) => m / 100),
        { minLength: 30, maxLength: 3000 },
      ),
      // clusters closer than the radix keys' resolution: long runs of equal top bits
      fc.array(fc.double({ min: 1000, max: 1000.000001, noNaN: true }), { minLength: 30, maxLength: 3000 }),
      fc.array(fc.oneof(double, fc.constantFrom(-0, 0, -1e-300, 1e-300, 5e-324, -5e-324)), {
        minLength: 30,
        maxLength: 3000,
      }),
    );
    fc.assert(
      fc.property(values, (vs) => {
        const buf = Float64Array.from(vs);
        const want = Float64Array.from(vs).sort();
        sortPrefix(buf, buf.length);
        same(buf, want);
      }),
      { numRuns: 150 },
    );
  });

  it('builds the same sketch as plain sorted compaction, for reals, small integers and mixtures', () => {
    const stream = fc.oneof(
      fc.array(double, { minLength: 1, maxLength: 4000 }),
      fc.array(smallInt, { minLength: 1, maxLength: 4000 }),
      fc.array(fc.oneof(smallInt, fc.constantFrom(-0, 0.25, -7.5)), { minLength: 1, maxLength: 4000 }),
    );
    fc.assert(
      fc.property(stream, fc.integer({ min: 8, max: 200 }), (values, k) => {
        const s = new KllSketch(k);
        for (const v of values) s.update(v);
        const want = referenceSketch(values, k);
        const got = s.toJSON().data;
        expect(got.length).toBe(want.length);
        want.forEach((lvl, h) => same(got[h]!, lvl));
      }),
      { numRuns: 80 },
    );
  });

  it("a merge with the other sketch's merge hint gives exactly the merge without it (levels in order)", () => {
    const stream = fc.oneof(
      fc.array(double, { minLength: 0, maxLength: 1500 }),
      fc.array(fc.oneof(smallInt, fc.constantFrom(-0, 0, 0.25)), { minLength: 0, maxLength: 1500 }),
    );
    fc.assert(
      fc.property(
        fc.array(stream, { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 8, max: 120 }),
        (parts, k) => {
          const build = (values: number[]) => {
            const s = new KllSketch(k);
            for (const v of values) s.update(v);
            return s;
          };
          const plain = build(parts[0]!);
          const hinted = build(parts[0]!);
          for (const part of parts.slice(1)) {
            const other = build(part);
            const st = other.toState(true);
            if (st.sorted0) expect(KllSketch.isMergeHint(st.levels[0]!, st.sorted0)).toBe(true);
            plain.merge(KllSketch.fromState(other.toState()));
            hinted.merge(KllSketch.fromState(st));
          }
          const a = plain.toState();
          const b = hinted.toState();
          expect(b.levels.length).toBe(a.levels.length);
          a.levels.forEach((lvl, h) => same(b.levels[h]!, lvl));
          expect([b.compressions, b.offsets, b.count, b.rankErrorBound]).toEqual([
            a.compressions,
            a.offsets,
            a.count,
            a.rankErrorBound,
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a sketch restored from its state (level arrays adopted) continues exactly as the original', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(double, smallInt), { maxLength: 2500 }),
        fc.array(fc.oneof(double, smallInt), { maxLength: 2500 }),
        fc.integer({ min: 8, max: 120 }),
        (first, then, k) => {
          const original = new KllSketch(k);
          for (const v of first) original.update(v);
          const restored = KllSketch.fromState(original.toState());
          const other = new KllSketch(k);
          for (const v of then) other.update(v);
          for (const s of [original, restored]) {
            for (const v of then) s.update(v);
            s.merge(KllSketch.fromState(other.toState()));
          }
          const a = original.toState();
          const b = restored.toState();
          expect(b.levels.length).toBe(a.levels.length);
          a.levels.forEach((lvl, h) => same(b.levels[h]!, lvl));
          expect([b.compressions, b.offsets, b.count]).toEqual([a.compressions, a.offsets, a.count]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a merge hint that is not the level sorted is refused', () => {
    const level0 = Float64Array.from([3, 1, 2, 5, 4]);
    expect(KllSketch.isMergeHint(level0, Float64Array.from([1, 2, 3, 5]))).toBe(true);
    expect(KllSketch.isMergeHint(level0, Float64Array.from([1, 2, 3, 4]))).toBe(false); // other values
    expect(KllSketch.isMergeHint(level0, Float64Array.from([2, 1, 3, 5]))).toBe(false); // not sorted
    expect(KllSketch.isMergeHint(level0, Float64Array.from([1, 2, 3]))).toBe(false); // too short
    expect(KllSketch.isMergeHint(Float64Array.from([0, -0, 7]), Float64Array.from([-0, 0]))).toBe(true);
    expect(KllSketch.isMergeHint(Float64Array.from([0, -0, 7]), Float64Array.from([0, -0]))).toBe(false);
  });

  it('weighted() lists every item once, sorted, with its level weight', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(double, smallInt), { minLength: 1, maxLength: 3000 }), (values) => {
        const s = new KllSketch(16);
        for (const v of values) s.update(v);
        const { values: vs, weights } = s.weighted();
        const pairs = s.toJSON().data.flatMap((lvl, h) => lvl.map((v) => [v, 2 ** h] as const));
        const want = Float64Array.from(pairs.map((p) => p[0])).sort();
        same(vs, want);
        expect(weights.reduce((a, b) => a + b, 0)).toBe(s.count);
        // each value's total weight matches
        const byValue = new Map<number, number>();
        for (const [v, w] of pairs) byValue.set(v, (byValue.get(v) ?? 0) + w);
        const got = new Map<number, number>();
        vs.forEach((v, i) => got.set(v, (got.get(v) ?? 0) + weights[i]!));
        expect(got).toEqual(byValue);
      }),
      { numRuns: 60 },
    );
  });
});
