/** Chart-sized ROC and PR curves from the cumulative counts at each distinct threshold. */
import type { BinaryPass, Curve } from './types.js';

/**
 * ROC (x = FPR, y = TPR, from (0,0); first threshold = max score + 1 as in sklearn 1.2) and PR
 * (x = recall, y = precision, from (0,1)), at most maxPoints points each, chosen at the same
 * thresholds: evenly along the ROC path (FPR + TPR grows monotonically from 0 to 2), both ends
 * kept. Point j >= 1 is the (j-1)-th distinct threshold, descending.
 */
export function binaryCurves(p: BinaryPass, maxPoints = 200): { roc: Curve; pr: Curve } {
  const c = p.curve;
  if (!c) throw new Error('binaryCurves needs a pass with wantCurve');
  const { tps, fps, thresholds } = c;
  const m = c.length + 1;
  const { pos, neg } = p;
  let keep: number[];
  if (m <= maxPoints) {
    keep = Array.from({ length: m }, (_, i) => i);
  } else if (pos > 0 && neg > 0) {
    const step = 2 / (maxPoints - 1);
    keep = [0];
    for (let j = 1; j < m - 1; j++) {
      if (fps[j - 1]! / neg + tps[j - 1]! / pos >= step * keep.length) keep.push(j);
    }
    keep.push(m - 1);
  } else {
    keep = [0];
    for (let j = 1; j < m - 1; j++) if (j * (maxPoints - 1) >= m * keep.length) keep.push(j);
    keep.push(m - 1);
  }
  if (keep.length > maxPoints) {
    const even: number[] = [];
    for (let j = 0; j < maxPoints; j++)
      even.push(keep[Math.round((j * (keep.length - 1)) / (maxPoints - 1))]!);
    keep = even;
  }
  const first = m > 1 ? thresholds[0]! + 1 : 1;
  const t = (j: number) => (j === 0 ? first : thresholds[j - 1]!);
  const fpr = (j: number) => (j === 0 ? 0 : neg > 0 ? fps[j - 1]! / neg : NaN);
  const tpr = (j: number) => (j === 0 ? 0 : pos > 0 ? tps[j - 1]! / pos : NaN);
  const recall = (j: number) => (j === 0 ? 0 : pos > 0 ? tps[j - 1]! / pos : 1);
  const precision = (j: number) => {
    if (j === 0) return 1;
    const d = tps[j - 1]! + fps[j - 1]!;
    return d > 0 ? tps[j - 1]! / d : 0;
  };
  const ts = keep.map(t);
  return {
    roc: { x: keep.map(fpr), y: keep.map(tpr), thresholds: ts },
    pr: { x: keep.map(recall), y: keep.map(precision), thresholds: [...ts] },
  };
}

/**
 * Chooses the chart points online, exactly as binaryCurves does on the full list: every point
 * when there are at most maxPoints, else the points where FPR + TPR crosses the next multiple of
 * 2 / (maxPoints - 1), plus the last one. Keeps O(maxPoints) memory instead of O(n).
 */
export class CurveSampler {
  private readonly all: number[] = []; // tp, fp, threshold triples while count <= maxPoints
  private readonly picked: number[] = []; // triples chosen by the arc rule
  private count = 1; // point 0 is (0, 0) / (0, 1)
  private lastTp = 0;
  private lastFp = 0;
  private lastThreshold = 0;
  readonly step: number;
  /** Both classes present (otherwise there is no meaningful curve). */
  readonly both: boolean;
  /** The arc length (FPR + TPR) the next picked point must reach. */
  target: number;
  constructor(
    readonly pos: number,
    readonly neg: number,
    readonly maxPoints: number,
  ) {
    this.step = 2 / (maxPoints - 1);
    this.target = this.step;
    this.both = pos > 0 && neg > 0;
  }
  // The rule, per point j >= 1 (inlined in binary-fused.ts's full pass, where a call with double
  // arguments would box them): early() while j < maxPoints; with both classes, pick() the previous
  // point when its FPR + TPR reached target; the last point is passed to finishWith().
  /** Records one of the first maxPoints - 1 points (used when the curve turns out small). */
  early(tp: number, fp: number, threshold: number): void {
    this.all.push(tp, fp, threshold);
  }
  /** Keeps a point chosen by the arc rule and moves the target on. */
  pick(tp: number, fp: number, threshold: number): void {
    this.picked.push(tp, fp, threshold);
    this.target = this.step * (this.picked.length / 3 + 1);
  }
  /** The curves: count = points added + 1, and the last point. */
  finishWith(
    count: number,
    lastTp: number,
    lastFp: number,
    lastThreshold: number,
  ): { roc: Curve; pr: Curve } {
    this.count = count;
    this.lastTp = lastTp;
    this.lastFp = lastFp;
    this.lastThreshold = lastThreshold;
    return this.finish();
  }
  finish(): { roc: Curve; pr: Curve } {
    const m = this.count;
    let triples: number[];
    if (m <= this.maxPoints) triples = this.all;
    else if (this.pos > 0 && this.neg > 0)
      triples = [...this.picked, this.lastTp, this.lastFp, this.lastThreshold];
    else
      triples = [
        ...this.all.slice(0, 3 * (this.maxPoints - 2)),
        this.lastTp,
        this.lastFp,
        this.lastThreshold,
      ]; // one class only: no meaningful curve
    const k = triples.length / 3;
    const tps = new Float64Array(k);
    const fps = new Float64Array(k);
    const thresholds = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      tps[i] = triples[3 * i]!;
      fps[i] = triples[3 * i + 1]!;
      thresholds[i] = triples[3 * i + 2]!;
    }
    const first = m > 1 ? (this.all[2] ?? 0) + 1 : 1;
    const { roc, pr } = binaryCurves(
      {
        tp: 0,
        fp: 0,
        fn: 0,
        tn: 0,
        pos: this.pos,
        neg: this.neg,
        auc2: 0,
        apSum: 0,
        logLossSum: 0,
        curve: { tps, fps, thresholds, length: k },
      },
      Infinity,
    );
    roc.thresholds![0] = first;
    pr.thresholds![0] = first;
    if (roc.x.length <= this.maxPoints) return { roc, pr };
    // As binaryCurves: more points than allowed after the arc rule -> evenly spaced among them.
    const idx = Array.from({ length: this.maxPoints }, (_, j) =>
      Math.round((j * (roc.x.length - 1)) / (this.maxPoints - 1)),
    );
    const pick = (c: Curve): Curve => ({
      x: idx.map((i) => c.x[i]!),
      y: idx.map((i) => c.y[i]!),
      thresholds: idx.map((i) => c.thresholds![i]!),
    });
    return { roc: pick(roc), pr: pick(pr) };
  }
}
