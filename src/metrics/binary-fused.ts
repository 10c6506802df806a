/**
 * The binary hot path of computeMetrics over the sorted scores: per-row log-loss terms once, the
 * full-data pass (chart points chosen online, no O(n) curve arrays) and the five monitor
 * resamples in one packed pass (bit r of packed[k] = row k is in resample r). Same definitions as
 * binaryPass. (A single pass with all six accumulator sets unrolled measured slower.)
 */
import { binaryPassPacked, logLossTerm, type BinaryPass } from './binary.js';
import { CurveSampler } from './curves.js';
import type { Curve } from './types.js';

/** Score histogram: 20 equal bins on [0, 1] (a score of 1 falls in the last bin). */
export const HISTOGRAM_BINS = 20;

export interface FullBinaryPass {
  full: BinaryPass;
  curves: { roc: Curve; pr: Curve };
  histogram: { edges: number[]; positives: number[]; negatives: number[] };
}

export function fusedBinaryPasses(
  s: Float64Array,
  y: Uint8Array,
  packed: Uint8Array,
  threshold: number,
  maxCurvePoints = 200,
  /** Optional scratch space of n doubles for the per-row log-loss terms (overwritten). */
  scratch?: Float64Array,
  /** The number of 1s in y, when the caller knows it (saves a pass). */
  positives: number = countOnes(y),
): FullBinaryPass & { resamples: BinaryPass[] } {
  const losses = scratch && scratch.length === s.length ? scratch : new Float64Array(s.length);
  const pass = fullBinaryPass(s, y, threshold, maxCurvePoints, losses, positives);
  const resamples = binaryPassPacked(s, y, packed, 5, threshold, losses);
  return { ...pass, resamples };
}

/**
 * The full-data pass alone (chart points chosen online, score histogram); writes each row's
 * log-loss term into `losses` (n doubles) for a later binaryPassPacked over the same rows.
 */
export function fullBinaryPass(
  s: Float64Array,
  y: Uint8Array,
  threshold: number,
  maxCurvePoints: number,
  losses: Float64Array,
  positives: number = countOnes(y),
  /** `losses` already holds logLossTerms(s, y) (read, not written). */
  lossesGiven = false,
): FullBinaryPass {
  const n = s.length;
  const sampler = new CurveSampler(positives, n - positives, maxCurvePoints);
  const bins = new Float64Array(2 * HISTOGRAM_BINS);
  const { curves, ...full } = fullPass(s, y, threshold, sampler, losses, bins, lossesGiven);
  return {
    full,
    curves,
    histogram: {
      edges: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => i / HISTOGRAM_BINS),
      positives: Array.from(bins.subarray(HISTOGRAM_BINS)),
      negatives: Array.from(bins.subarray(0, HISTOGRAM_BINS)),
    },
  };
}

function countOnes(y: Uint8Array): number {
  let ones = 0;
  for (let k = 0; k < y.length; k++) ones += y[k]!;
  return ones;
}

/**
 * binaryPass without weights, specialised: also writes each row's log-loss term into `losses`
 * (for the resample pass; or reads them from there when `lossesGiven`) and counts the score
 * histogram into bins (negatives, then positives).
 */
function fullPass(
  s: Float64Array,
  y: Uint8Array,
  threshold: number,
  sampler: CurveSampler,
  losses: Float64Array,
  bins: Float64Array,
  lossesGiven: boolean,
): BinaryPass & { curves: { roc: Curve; pr: Curve } } {
  const n = s.length;
  let tp = 0;
  let fp = 0;
  let tpPrev = 0;
  let fpPrev = 0;
  // auc2 and apSum, summed at group ends: a typed array, because a double local updated inside
  // that branch is boxed (a heap number per group) by V8.
  const sums = new Float64Array(2);
  let tpAt = 0;
  let fpAt = 0;
  let ll = 0;
  let llc = 0; // Neumaier compensation (terms are >= 0)
  let kThr = 0;
  while (kThr < n && s[kThr]! >= threshold) kThr++;
  const nBins = bins.length / 2; // a local: module constants become mutable `var`s in bundles
  // The chart sampler's rule, inlined (see CurveSampler).
  const { pos, neg, both, maxPoints } = sampler;
  let count = 1;
  let lastTp = 0;
  let lastFp = 0;
  let lastK = -1; // row of the last point (its score is the threshold; an index boxes nothing)
  let target = sampler.target;
  for (let k = 0; k < n; k++) {
    const score = s[k]!;
    const label = y[k]!;
    let term: number;
    if (lossesGiven) term = losses[k]!;
    else {
      term = logLossTerm(score, label);
      losses[k] = term;
    }
    let bin = (score * nBins) | 0;
    if (bin >= nBins) bin = nBins - 1;
    bins[label * nBins + bin]!++;
    const t = ll + term;
    // (big - t) + small, without a float-valued ?: (it would box a heap number per row in V8).
    llc += Math.max(ll, term) - t + Math.min(ll, term);
    ll = t;
    if (label === 1) tp++;
    else fp++;
    if (k === n - 1 || s[k + 1] !== score) {
      // End of a group of equal scores (usually a single row).
      sums[0]! += (fp - fpPrev) * (tp + tpPrev);
      if (tp !== tpPrev) sums[1]! += (tp - tpPrev) * (tp / (tp + fp));
      const j = count++;
      if (j < maxPoints) sampler.early(tp, fp, score);
      if (j >= 2 && both && lastFp / neg + lastTp / pos >= target) {
        sampler.pick(lastTp, lastFp, s[lastK]!);
        target = sampler.target;
      }
      lastTp = tp;
      lastFp = fp;
      lastK = k;
      tpPrev = tp;
      fpPrev = fp;
    }
    if (k === kThr - 1) {
      tpAt = tp;
      fpAt = fp;
    }
  }
  return {
    tp: tpAt,
    fp: fpAt,
    fn: tp - tpAt,
    tn: fp - fpAt,
    pos: tp,
    neg: fp,
    auc2: sums[0]!,
    apSum: sums[1]!,
    logLossSum: ll + llc,
    curves: sampler.finishWith(count, lastTp, lastFp, s[lastK]!), // n >= 1: lastK >= 0
  };
}
