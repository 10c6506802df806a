/**
 * Binary-classification metrics in one pass over scores sorted descending (see sort.ts), with
 * optional integer sample weights (a subsample mask or bootstrap counts). Definitions follow
 * scikit-learn 1.2: roc_auc_score (trapezoid over distinct thresholds, computed exactly in
 * integers), average_precision_score (sum over distinct thresholds of (R_n - R_{n-1}) P_n),
 * log_loss (clip to [eps, 1-eps] with eps = float64 machine epsilon, then renormalise),
 * precision/recall/fbeta with zero_division = 0. Predicted positive means score >= threshold.
 */

/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { abs } = Math;

export const FLOAT64_EPS = 2.220446049250313e-16;

// BinaryPass lives in types.ts (curves.ts needs it too; no import cycle).
import type { BinaryPass } from './types.js';
export type { BinaryPass } from './types.js';

/**
 * sklearn's per-row log loss: clip to [eps, 1 - eps], renormalise the pair (1 - p, p), -log of the
 * true class. Written without float-valued ?: (min/max clip; r / sum even when sum === 1, where it
 * is exact): in V8 such a merge of doubles inside a hot loop boxes a heap number per row. Literals,
 * not FLOAT64_EPS: bundlers turn module constants into mutable `var`s, which the JIT cannot fold.
 */
export function logLossTerm(score: number, label: number): number {
  const p = Math.min(Math.max(score, 2.220446049250313e-16), 0.9999999999999998); // eps, 1 - eps
  const q = 1 - p;
  return -Math.log((label === 1 ? p : q) / (q + p));
}

export function logLossTerms(
  s: Float64Array,
  y: Uint8Array,
  out: Float64Array = new Float64Array(s.length),
): Float64Array {
  for (let k = 0; k < s.length; k++) out[k] = logLossTerm(s[k]!, y[k]!);
  return out;
}

/**
 * s: scores sorted descending; y: labels (0/1) in the same order; w: optional weights in the same
 * order (null = all 1); losses: optional precomputed logLossTerms(s, y), reused across resamples.
 */
export function binaryPass(
  s: Float64Array,
  y: Uint8Array,
  w: Uint8Array | Uint32Array | null,
  threshold: number,
  wantCurve = false,
  losses: Float64Array | null = null,
): BinaryPass {
  const n = s.length;
  let tp = 0;
  let fp = 0;
  let tpPrev = 0;
  let fpPrev = 0;
  let auc2 = 0;
  let apSum = 0;
  let tpAt = 0;
  let fpAt = 0;
  let ll = 0;
  let llc = 0; // Neumaier compensation
  let curve: BinaryPass['curve'];
  if (wantCurve) {
    curve = {
      tps: new Float64Array(n),
      fps: new Float64Array(n),
      thresholds: new Float64Array(n),
      length: 0,
    };
  }
  for (let k = 0; k < n; k++) {
    const score = s[k]!;
    const wk = w === null ? 1 : w[k]!;
    if (wk !== 0) {
      const label = y[k]!;
      const term = (losses === null ? logLossTerm(score, label) : losses[k]!) * wk;
      const t = ll + term;
      llc += abs(ll) >= abs(term) ? ll - t + term : term - t + ll;
      ll = t;
      if (label === 1) tp += wk;
      else fp += wk;
    }
    // End of a group of equal scores?
    if (k === n - 1 || s[k + 1] !== score) {
      if (tp !== tpPrev || fp !== fpPrev) {
        auc2 += (fp - fpPrev) * (tp + tpPrev);
        if (tp !== tpPrev) apSum += (tp - tpPrev) * (tp / (tp + fp));
        if (score >= threshold) {
          tpAt = tp;
          fpAt = fp;
        }
        if (curve) {
          const j = curve.length++;
          curve.tps[j] = tp;
          curve.fps[j] = fp;
          curve.thresholds[j] = score;
        }
        tpPrev = tp;
        fpPrev = fp;
      }
    }
  }
  return {
    tp: tpAt,
    fp: fpAt,
    fn: tp - tpAt,
    tn: fp - fpAt,
    pos: tp,
    neg: fp,
    auc2,
    apSum,
    logLossSum: ll + llc,
    ...(curve ? { curve } : {}),
  };
}

/**
 * Up to 8 resamples in one pass: bit r of packed[k] says whether sorted row k is in resample r.
 * Same definitions and results as binaryPass with 0/1 weights (without curves); losses =
 * logLossTerms(s, y). Rows whose score is unique (the usual case) take a short path: a negative
 * adds 2 tp to auc2, a positive adds its precision to apSum; tied rows use the group formulas.
 */
export function binaryPassPacked(
  s: Float64Array,
  y: Uint8Array,
  packed: Uint8Array,
  resamples: number,
  threshold: number,
  losses: Float64Array,
): BinaryPass[] {
  const R = resamples;
  const n = s.length;
  const tp = new Float64Array(R);
  const fp = new Float64Array(R);
  const tpPrev = new Float64Array(R);
  const fpPrev = new Float64Array(R);
  const auc2 = new Float64Array(R);
  const apSum = new Float64Array(R);
  const tpAt = new Float64Array(R);
  const fpAt = new Float64Array(R);
  const ll = new Float64Array(R);
  // Rows 0..kThr-1 have score >= threshold (descending order).
  let kThr = 0;
  while (kThr < n && s[kThr]! >= threshold) kThr++;
  for (let k = 0; k < n; k++) {
    const bitsK = packed[k]!;
    const score = s[k]!;
    const groupStart = k === 0 || s[k - 1] !== score;
    const groupEnd = k === n - 1 || s[k + 1] !== score;
    if (bitsK !== 0) {
      const loss = losses[k]!;
      const positive = y[k] === 1;
      if (groupStart && groupEnd) {
        for (let r = 0; r < R; r++) {
          if ((bitsK >> r) & 1) {
            ll[r]! += loss;
            if (positive) {
              const t = tp[r]! + 1;
              tp[r] = t;
              apSum[r]! += t / (t + fp[r]!);
            } else {
              fp[r]!++;
              auc2[r]! += 2 * tp[r]!;
            }
          }
        }
      } else {
        if (groupStart) {
          tpPrev.set(tp);
          fpPrev.set(fp);
        }
        for (let r = 0; r < R; r++) {
          if ((bitsK >> r) & 1) {
            ll[r]! += loss;
            if (positive) tp[r]!++;
            else fp[r]!++;
          }
        }
      }
    } else if (groupStart && !groupEnd) {
      tpPrev.set(tp);
      fpPrev.set(fp);
    }
    if (groupEnd && !groupStart) {
      for (let r = 0; r < R; r++) {
        const t = tp[r]!;
        const f = fp[r]!;
        const tP = tpPrev[r]!;
        auc2[r]! += (f - fpPrev[r]!) * (t + tP);
        if (t !== tP) apSum[r]! += (t - tP) * (t / (t + f));
      }
    }
    if (k === kThr - 1) {
      tpAt.set(tp);
      fpAt.set(fp);
    }
  }
  return Array.from({ length: R }, (_, r) => ({
    tp: tpAt[r]!,
    fp: fpAt[r]!,
    fn: tp[r]! - tpAt[r]!,
    tn: fp[r]! - fpAt[r]!,
    pos: tp[r]!,
    neg: fp[r]!,
    auc2: auc2[r]!,
    apSum: apSum[r]!,
    logLossSum: ll[r]!,
  }));
}

export function fbeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  let denom = b2 * precision + recall;
  if (denom === 0) denom = 1;
  return ((1 + b2) * precision * recall) / denom;
}

function div0(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** The threshold metrics of a confusion matrix (sklearn zero_division = 0). */
export function confusionMetrics(
  tp: number,
  fp: number,
  fn: number,
  tn: number,
  suffix = '',
): Record<string, number> {
  const n = tp + fp + fn + tn;
  const precision = div0(tp, tp + fp);
  const recall = div0(tp, tp + fn);
  const fpr = div0(fp, fp + tn);
  const out: Record<string, number> = {
    accuracy: div0(tp + tn, n),
    precision,
    recall,
    f0_5: fbeta(precision, recall, 0.5),
    f1: fbeta(precision, recall, 1),
    f2: fbeta(precision, recall, 2),
  };
  if (suffix) {
    const renamed: Record<string, number> = {};
    for (const [k, v] of Object.entries(out)) renamed[k + suffix] = v;
    return renamed;
  }
  out.true_positive_rate = recall;
  out.false_negative_rate = 1 - recall;
  out.false_positive_rate = fpr;
  out.true_negative_rate = 1 - fpr;
  return out;
}

/** Every binary metric (flat) from one pass. AUC and pr_auc are NaN without both classes. */
export function binaryMetrics(p: BinaryPass): Record<string, number> {
  const n = p.pos + p.neg;
  const both = p.pos > 0 && p.neg > 0;
  return {
    ...confusionMetrics(p.tp, p.fp, p.fn, p.tn),
    // The best constant classifier (as in the model-quality monitor's reference output) always predicts 1.
    ...confusionMetrics(p.pos, p.neg, 0, 0, '_best_constant_classifier'),
    auc: both ? p.auc2 / (2 * p.pos * p.neg) : NaN,
    pr_auc: both ? p.apSum / p.pos : NaN,
    log_loss: n > 0 ? p.logLossSum / n : NaN,
  };
}

export { binaryCurves } from './curves.js';
