/**
 * DeLong's test for two correlated AUCs on the same rows (DeLong, DeLong & Clarke-Pearson 1988),
 * computed with Sun & Xu's fast algorithm (2014): structural components from midranks, O(n log n).
 */
import { DataError } from '../metrics/data-error.js';
import { argsortDescending } from '../metrics/sort.js';
import type { Comparison } from './comparison.js';
import { checkConfidence, checkPaired } from './checks.js';
import { normalQuantile, twoSidedP } from './normal.js';

/** 1-based midranks (ties get the average rank), ascending. */
export function midranks(x: Float64Array): Float64Array {
  const n = x.length;
  const order = argsortDescending(x); // descending: rank of position k is n - k
  const ranks = new Float64Array(n);
  let k = 0;
  while (k < n) {
    let j = k;
    const v = x[order[k]!]!;
    while (j + 1 < n && x[order[j + 1]!] === v) j++;
    // positions k..j (descending) have ascending ranks n-j .. n-k
    const r = (n - j + (n - k)) / 2;
    for (let t = k; t <= j; t++) ranks[order[t]!] = r;
    k = j + 1;
  }
  return ranks;
}

function aucComponents(
  pos: Float64Array,
  neg: Float64Array,
): { auc: number; v10: Float64Array; v01: Float64Array } {
  const m = pos.length;
  const n = neg.length;
  const all = new Float64Array(m + n);
  all.set(pos, 0);
  all.set(neg, m);
  const tz = midranks(all);
  const tx = midranks(pos);
  const ty = midranks(neg);
  let sum = 0;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    sum += tz[i]!;
    v10[i] = (tz[i]! - tx[i]!) / n;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (tz[m + j]! - ty[j]!) / m;
  return { auc: (sum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}

/** Sample covariance (ddof = 1) of two equally long series. */
function cov(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (n - 1);
}

/** DeLong's paired test of AUC(candidate) - AUC(champion). NaN statistics when a class has fewer than 2 rows. */
export function delong(
  labels: Float64Array,
  candidate: Float64Array,
  champion: Float64Array,
  confidence: number,
): Comparison & { z: number; pValue: number } {
  checkConfidence(confidence);
  checkPaired(labels, candidate, champion);
  const posIdx: number[] = [];
  const negIdx: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y === 1) posIdx.push(i);
    else if (y === 0) negIdx.push(i);
    else throw new DataError(`row ${i + 1}: label ${y} is not 0 or 1; fix: DeLong needs binary 0/1 labels`);
    if (!Number.isFinite(candidate[i]!) || !Number.isFinite(champion[i]!)) {
      throw new DataError(
        `row ${i + 1}: a prediction is not a finite number; fix: check both models' outputs`,
      );
    }
  }
  const pick = (s: Float64Array, idx: number[]) => Float64Array.from(idx, (i) => s[i]!);
  const c = aucComponents(pick(candidate, posIdx), pick(candidate, negIdx));
  const h = aucComponents(pick(champion, posIdx), pick(champion, negIdx));
  const m = posIdx.length;
  const n = negIdx.length;
  const diff = c.auc - h.auc;
  const variance =
    (cov(c.v10, c.v10) + cov(h.v10, h.v10) - 2 * cov(c.v10, h.v10)) / m +
    (cov(c.v01, c.v01) + cov(h.v01, h.v01) - 2 * cov(c.v01, h.v01)) / n;
  const sd = Math.sqrt(Math.max(0, variance));
  let z: number;
  if (Number.isNaN(variance) || m === 0 || n === 0) z = NaN;
  else if (sd === 0) z = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  else z = diff / sd;
  const q = normalQuantile(0.5 + confidence / 2);
  const ciOk = Number.isFinite(variance) && m > 0 && n > 0;
  return {
    metric: 'auc',
    candidate: m > 0 && n > 0 ? c.auc : NaN,
    champion: m > 0 && n > 0 ? h.auc : NaN,
    diff: m > 0 && n > 0 ? diff : NaN,
    ci: ciOk ? [diff - q * sd, diff + q * sd] : [NaN, NaN],
    confidence,
    method: 'delong',
    z,
    pValue: Number.isNaN(z) ? NaN : twoSidedP(z),
  };
}
