/**
 * Chart curves when only one class is present (no meaningful ROC/PR curve, but a chart must still
 * be drawn from real points): binaryCurves keeps evenly spaced thresholds, the online sampler of
 * the full-data pass keeps the first ones and the last; both keep at most maxPoints points.
 */
import { describe, expect, it } from '@jest/globals';
import { binaryCurves, binaryPass } from '../../../src/metrics/binary.js';
import { fullBinaryPass } from '../../../src/metrics/binary-fused.js';
import { CurveSampler } from '../../../src/metrics/curves.js';
import type { BinaryPass } from '../../../src/metrics/types.js';

// Ten distinct scores, descending: 0.95, 0.85, ..., 0.05.
const s = Float64Array.from({ length: 10 }, (_, k) => 0.95 - k / 10);
const ones = new Uint8Array(10).fill(1);
const zeros = new Uint8Array(10);

describe('binaryCurves', () => {
  it('needs the per-threshold counts', () => {
    expect(() => binaryCurves(binaryPass(s, ones, null, 0.5))).toThrow(
      'binaryCurves needs a pass with wantCurve',
    );
  });

  it('positives only: evenly spaced thresholds, both ends kept; FPR is NaN, precision 1', () => {
    const { roc, pr } = binaryCurves(binaryPass(s, ones, null, 0.5, true), 4);
    // 11 points (the origin and 10 thresholds): indices 0, 4, 8, 10 are kept.
    expect(roc.y).toEqual([0, 0.4, 0.8, 1]);
    expect(roc.x).toEqual([0, NaN, NaN, NaN]);
    expect(pr.x).toEqual([0, 0.4, 0.8, 1]);
    expect(pr.y).toEqual([1, 1, 1, 1]);
    expect(roc.thresholds).toEqual([s[0]! + 1, s[3], s[7], s[9]]);
    expect(pr.thresholds).toEqual(roc.thresholds);
  });

  it('negatives only: FPR evenly spaced, TPR NaN, recall 1 and precision 0 after the origin', () => {
    const { roc, pr } = binaryCurves(binaryPass(s, zeros, null, 0.5, true), 4);
    expect(roc.x).toEqual([0, 0.4, 0.8, 1]);
    expect(roc.y).toEqual([0, NaN, NaN, NaN]);
    expect(pr.x).toEqual([0, 1, 1, 1]);
    expect(pr.y).toEqual([1, 0, 0, 0]);
  });

  it('every point when there are at most maxPoints', () => {
    const { roc } = binaryCurves(binaryPass(s, ones, null, 0.5, true), 11);
    expect(roc.y).toEqual(
      [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((v) => expect.closeTo(v, 12)),
    );
  });
});

describe('the full-data pass’s online sampler, one class only', () => {
  it('keeps the first maxPoints - 2 thresholds and the last', () => {
    const { curves } = fullBinaryPass(s, ones, 0.5, 4, new Float64Array(10));
    expect(curves.roc.y).toEqual([0, 0.1, 0.2, 1]);
    expect(curves.roc.x).toEqual([0, NaN, NaN, NaN]);
    expect(curves.roc.thresholds).toEqual([s[0]! + 1, s[0], s[1], s[9]]);
    const neg = fullBinaryPass(s, zeros, 0.5, 5, new Float64Array(10)).curves;
    expect(neg.roc.x).toEqual([0, 0.1, 0.2, 0.3, 1]);
    expect(neg.pr.y).toEqual([1, 0, 0, 0, 0]);
  });

  it('keeps every point when there are at most maxPoints', () => {
    const { curves } = fullBinaryPass(s, ones, 0.5, 11, new Float64Array(10));
    expect(curves.roc.x).toHaveLength(11);
    expect(curves.pr.x).toEqual(binaryCurves(binaryPass(s, ones, null, 0.5, true), 11).pr.x);
  });
});

describe('curve sampling edges (Stryker survivors)', () => {
  const pass = (
    pos: number,
    neg: number,
    tps: number[],
    fps: number[],
    thresholds: number[],
  ): BinaryPass => ({
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
    pos,
    neg,
    auc2: 0,
    apSum: 0,
    logLossSum: 0,
    curve: {
      tps: Float64Array.from(tps),
      fps: Float64Array.from(fps),
      thresholds: Float64Array.from(thresholds),
      length: thresholds.length,
    },
  });

  it('one class, evenly spaced: a threshold exactly on the spacing is kept, the last point once', () => {
    // 8 thresholds, 9 points, 4 kept: j * 3 >= 9 * kept -> 3 and 6 (both exactly), then 8.
    const eight = Float64Array.from({ length: 8 }, (_, k) => 0.9 - k / 10);
    const { roc } = binaryCurves(binaryPass(eight, new Uint8Array(8).fill(1), null, 0.5, true), 4);
    expect(roc.thresholds).toEqual([eight[0]! + 1, eight[2], eight[5], eight[7]]);
    // 4 thresholds, 5 points, 4 kept: 2, then the last (4) only once.
    const four = Float64Array.from([0.9, 0.8, 0.7, 0.6]);
    const r4 = binaryCurves(binaryPass(four, new Uint8Array(4).fill(1), null, 0.5, true), 4).roc;
    expect(r4.thresholds).toEqual([1.9, 0.8, 0.6]);
  });

  it('no rows: the one point has threshold 1', () => {
    const { roc, pr } = binaryCurves(binaryPass(new Float64Array(0), new Uint8Array(0), null, 0.5, true), 4);
    expect(roc).toEqual({ x: [0], y: [0], thresholds: [1] });
    expect(pr.thresholds).toEqual([1]);
  });

  // Both classes used up before the last threshold (a plateau of the cumulative counts): the arc
  // rule keeps 5 points for 4 allowed, so they are thinned evenly to 0, 2, 4, 5.
  const plateau = () => pass(2, 2, [1, 2, 2, 2, 2], [0, 0, 1, 2, 2], [0.9, 0.8, 0.7, 0.6, 0.5]);
  const thinned = {
    roc: { x: [0, 0, 1, 1], y: [0, 1, 1, 1], thresholds: [1.9, 0.8, 0.6, 0.5] },
    pr: { x: [0, 1, 1, 1], y: [1, 1, 0.5, 0.5], thresholds: [1.9, 0.8, 0.6, 0.5] },
  };

  it('binaryCurves thins the arc rule’s points evenly when they exceed maxPoints', () => {
    expect(binaryCurves(plateau(), 4)).toEqual(thinned);
  });

  it('the online sampler thins the same way', () => {
    const sampler = new CurveSampler(2, 2, 4);
    const p = plateau().curve!;
    for (let j = 0; j < 3; j++) sampler.early(p.tps[j]!, p.fps[j]!, p.thresholds[j]!);
    for (const j of [1, 2, 3]) sampler.pick(p.tps[j]!, p.fps[j]!, p.thresholds[j]!);
    expect(sampler.finishWith(6, 2, 2, 0.5)).toEqual(thinned);
  });
});
