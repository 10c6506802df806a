/**
 * Distribution distances between a baseline and a current sample.
 *
 * `linfDistance` is the distance Model Monitor's baseline_drift_check compares with
 * `comparison_threshold`: the L-infinity distance between the two empirical CDFs as the KLL
 * sketches estimate them, evaluated at every item of either sketch (the open-source analyzer it is
 * built on, awslabs/deequ Distance.numericalDistance). "Simple" is that distance; "Robust"
 * subtracts the two-sample Kolmogorov-Smirnov critical term c(alpha) * sqrt((n + m) / (n m)) with
 * c = 1.8 (alpha about 0.003) and floors at 0, so small samples do not raise false alarms.
 * AWS documents neither formula in words (sagemaker.md §7 marks Simple/Robust unverified); this
 * follows the analyzer's code. Categorical features use the same L-infinity distance over category
 * frequencies.
 *
 * PSI and KS are reported alongside (not gated): PSI over the baseline's 10 KLL buckets, KS with
 * the asymptotic p-value.
 */
import { StatsError } from './errors.js';
import type { KllSketch } from './kll.js';

export type ComparisonMethod = 'Simple' | 'Robust';
export const DEFAULT_C_ALPHA = 1.8;

export function robustCorrection(linfSimple: number, n: number, m: number, cAlpha = DEFAULT_C_ALPHA): number {
  return Math.max(0, linfSimple - cAlpha * Math.sqrt((n + m) / (n * m)));
}

/** max |F1(x) - F2(x)| over x in the union of both sketches' items (a merge walk, O(n + m)). */
export function linfSimple(a: KllSketch, b: KllSketch): number {
  const A = a.cdf();
  const B = b.cdf();
  if (A.total === 0 || B.total === 0) {
    throw new StatsError(
      'cannot compare an empty distribution; fix: provide data with at least one numeric value',
    );
  }
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < A.values.length || j < B.values.length) {
    const x = Math.min(
      i < A.values.length ? A.values[i]! : Infinity,
      j < B.values.length ? B.values[j]! : Infinity,
    );
    while (i < A.values.length && A.values[i]! <= x) i++;
    while (j < B.values.length && B.values[j]! <= x) j++;
    const fa = i === 0 ? 0 : A.cum[i - 1]! / A.total;
    const fb = j === 0 ? 0 : B.cum[j - 1]! / B.total;
    d = Math.max(d, Math.abs(fa - fb));
  }
  return d;
}

export function numericalDistance(
  baseline: KllSketch,
  current: KllSketch,
  method: ComparisonMethod,
  /** linfSimple(current, baseline), when the caller has it */
  simple = linfSimple(current, baseline),
): number {
  const d = simple;
  return method === 'Simple' ? d : robustCorrection(d, current.count, baseline.count);
}

/** L-infinity distance between category frequency tables (counts), Simple or Robust. */
export function categoricalDistance(
  baseline: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  method: ComparisonMethod,
): number {
  let n = 0;
  let m = 0;
  for (const v of current.values()) n += v;
  for (const v of baseline.values()) m += v;
  if (n === 0 || m === 0) {
    throw new StatsError('cannot compare an empty category table; fix: provide data with at least one value');
  }
  let d = 0;
  for (const key of new Set([...current.keys(), ...baseline.keys()])) {
    d = Math.max(d, Math.abs((current.get(key) ?? 0) / n - (baseline.get(key) ?? 0) / m));
  }
  return method === 'Simple' ? d : robustCorrection(d, n, m);
}

/** Two-sample KS statistic (= the Simple L-infinity distance) with its asymptotic p-value. */
export function ksTest(
  baseline: KllSketch,
  current: KllSketch,
  /** linfSimple(current, baseline), when the caller has it */
  simple = linfSimple(current, baseline),
): { statistic: number; pValue: number } {
  const d = simple;
  const n = current.count;
  const m = baseline.count;
  const en = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovQ((en + 0.12 + 0.11 / en) * d) };
}

/** Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2) (Numerical Recipes' form). */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  let prev = 0;
  for (let j = 1; j <= 100; j++) {
    const term = sign * 2 * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-10 * Math.abs(prev) || Math.abs(term) <= 1e-16)
      return Math.min(1, Math.max(0, sum));
    prev = term;
    sign = -sign;
  }
  return 1;
}

/**
 * Population stability index sum (p_i - q_i) ln(p_i / q_i) over bins (counts), with empty bins
 * smoothed to `epsilon` of their total so one empty bin does not make it infinite.
 */
export function psi(
  baselineCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  epsilon = 1e-4,
): number {
  if (baselineCounts.length !== currentCounts.length || baselineCounts.length === 0) {
    throw new StatsError('PSI needs the same non-zero number of bins on both sides');
  }
  let tb = 0;
  let tc = 0;
  for (let i = 0; i < baselineCounts.length; i++) {
    tb += baselineCounts[i]!;
    tc += currentCounts[i]!;
  }
  if (tb <= 0 || tc <= 0) throw new StatsError('PSI needs at least one value on both sides');
  let s = 0;
  for (let i = 0; i < baselineCounts.length; i++) {
    const p = Math.max(currentCounts[i]! / tc, epsilon);
    const q = Math.max(baselineCounts[i]! / tb, epsilon);
    s += (p - q) * Math.log(p / q);
  }
  return s;
}

/**
 * Counts per bucket the way Model Monitor materialises its 10 KLL buckets: equal-width buckets
 * from min to max; bucket i counts values in [lower, upper), the last one [lower, upper].
 */
export function bucketCounts(s: KllSketch, edges: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const last = i + 2 === edges.length;
    out.push((last ? s.rank(hi) : s.rankExclusive(hi)) - s.rankExclusive(lo));
  }
  return out;
}

export function equalWidthEdges(min: number, max: number, buckets = 10): number[] {
  return Array.from({ length: buckets + 1 }, (_, i) => min + ((max - min) * i) / buckets);
}
