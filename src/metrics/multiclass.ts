/**
 * Multiclass metrics as scikit-learn 1.2 defines them: labels = sorted union of true and
 * predicted classes; per-class precision/recall/fbeta with zero_division = 0, averaged with
 * average='weighted' (weights = true counts); accuracy. The best constant classifier predicts the
 * most frequent true class (the first one on ties).
 */
import { fbeta } from './binary.js';

export interface ClassIndex {
  classes: number[];
  /** Class position of each row's true label and predicted label. */
  truth: Uint16Array;
  pred: Uint16Array;
}

export function indexClasses(labels: Float64Array, predicted: Float64Array): ClassIndex {
  const seen = new Set<number>();
  for (let i = 0; i < labels.length; i++) seen.add(labels[i]!);
  for (let i = 0; i < predicted.length; i++) seen.add(predicted[i]!);
  if (seen.size > 65535) throw new RangeError('too many classes');
  const classes = [...seen].sort((a, b) => a - b);
  const pos = new Map<number, number>();
  classes.forEach((c, i) => pos.set(c, i));
  const map = (a: Float64Array): Uint16Array => {
    const out = new Uint16Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = pos.get(a[i]!)!;
    return out;
  };
  return { classes, truth: map(labels), pred: map(predicted) };
}

/** counts[t * K + p] (weighted). */
export function confusionCounts(ix: ClassIndex, w: Uint8Array | Uint32Array | null): Float64Array {
  const k = ix.classes.length;
  const counts = new Float64Array(k * k);
  const { truth, pred } = ix;
  for (let i = 0; i < truth.length; i++) {
    const wi = w === null ? 1 : w[i]!;
    counts[truth[i]! * k + pred[i]!]! += wi;
  }
  return counts;
}

/** Weighted precision/recall/fbeta and accuracy from a K x K confusion matrix (sklearn semantics). */
export function weightedMetrics(counts: Float64Array, k: number, suffix = ''): Record<string, number> {
  let n = 0;
  let correct = 0;
  const trueSum = new Float64Array(k);
  const predSum = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const c = counts[t * k + p]!;
      n += c;
      trueSum[t]! += c;
      predSum[p]! += c;
      if (t === p) correct += c;
    }
  }
  let wp = 0;
  let wr = 0;
  const wf: Record<string, number> = { f0_5: 0, f1: 0, f2: 0 };
  const betas: [string, number][] = [
    ['f0_5', 0.5],
    ['f1', 1],
    ['f2', 2],
  ];
  for (let c = 0; c < k; c++) {
    const tp = counts[c * k + c]!;
    const precision = predSum[c] === 0 ? 0 : tp / predSum[c]!;
    const recall = trueSum[c] === 0 ? 0 : tp / trueSum[c]!;
    const weight = trueSum[c]!;
    wp += precision * weight;
    wr += recall * weight;
    for (const [name, beta] of betas) wf[name]! += fbeta(precision, recall, beta) * weight;
  }
  const out: Record<string, number> = {
    accuracy: n === 0 ? NaN : correct / n,
    weighted_recall: n === 0 ? 0 : wr / n,
    weighted_precision: n === 0 ? 0 : wp / n,
    weighted_f0_5: n === 0 ? 0 : wf.f0_5! / n,
    weighted_f1: n === 0 ? 0 : wf.f1! / n,
    weighted_f2: n === 0 ? 0 : wf.f2! / n,
  };
  if (!suffix) return out;
  return Object.fromEntries(Object.entries(out).map(([name, v]) => [name + suffix, v]));
}

/** All multiclass metrics (flat), including the best constant classifier's. */
export function multiclassMetrics(counts: Float64Array, k: number): Record<string, number> {
  // Best constant classifier: predict the most frequent true class.
  const trueSum = new Float64Array(k);
  for (let t = 0; t < k; t++) for (let p = 0; p < k; p++) trueSum[t]! += counts[t * k + p]!;
  let major = 0;
  for (let c = 1; c < k; c++) if (trueSum[c]! > trueSum[major]!) major = c;
  const constant = new Float64Array(k * k);
  for (let t = 0; t < k; t++) constant[t * k + major] = trueSum[t]!;
  return { ...weightedMetrics(counts, k), ...weightedMetrics(constant, k, '_best_constant_classifier') };
}

/** Predicted class label per row from column-major probabilities (first maximum wins). */
export function argmaxLabels(probabilities: Float64Array[], rows: number): Float64Array {
  const out = new Float64Array(rows);
  const best = new Float64Array(rows).fill(-Infinity);
  probabilities.forEach((col, k) => {
    for (let i = 0; i < rows; i++) {
      if (col[i]! > best[i]!) {
        best[i] = col[i]!;
        out[i] = k;
      }
    }
  });
  return out;
}
