/**
 * Seeded paired bootstrap of any metric difference between two models scored on the same rows
 * (percentile CI, numpy.percentile's linear interpolation). Pure; raises StatsError for bad
 * arguments and DataError for bad rows.
 */
import { binaryMetrics, binaryPass, logLossTerms } from '../metrics/binary.js';
import { DataError } from '../metrics/data-error.js';
import { confusionCounts, indexClasses, multiclassMetrics } from '../metrics/multiclass.js';
import { regressionMetrics } from '../metrics/regression.js';
import { metricNames } from '../metrics/report.js';
import { bootstrapCounts, createRng, DEFAULT_SEED } from '../metrics/resample.js';
import { argsortDescending } from '../metrics/sort.js';
import type { ProblemType } from '../metrics/types.js';
import { checkConfidence, checkPaired } from './checks.js';
import type { Comparison } from './comparison.js';
import { StatsError } from './errors.js';

/** numpy.percentile's default (linear interpolation) on sorted values. */
function percentile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function problemTypeOf(
  metric: string,
  labels: Float64Array,
  pred: Float64Array,
  given?: ProblemType,
): ProblemType {
  if (given) {
    if (!metricNames(given).includes(metric)) {
      throw new StatsError(
        `metric ${JSON.stringify(metric)} is not a ${given} metric; valid: ${metricNames(given).join(', ')}`,
      );
    }
    return given;
  }
  const types = (['binary-classification', 'regression', 'multiclass-classification'] as const).filter((p) =>
    metricNames(p).includes(metric),
  );
  if (types.length === 0) {
    throw new StatsError(
      `metric ${JSON.stringify(metric)} cannot be compared; valid: ${[...new Set([...metricNames('binary-classification'), ...metricNames('multiclass-classification'), ...metricNames('regression')])].join(', ')}`,
    );
  }
  if (types.length === 1) return types[0]!;
  // A name shared by several problem types (accuracy): binary when the data looks binary.
  const binary = labels.every((y) => y === 0 || y === 1) && pred.every((v) => v >= 0 && v <= 1);
  return binary ? 'binary-classification' : 'multiclass-classification';
}

type Scorer = (weights: Uint32Array | null) => number;

function scorer(
  problemType: ProblemType,
  metric: string,
  labels: Float64Array,
  pred: Float64Array,
  threshold: number,
): Scorer {
  const n = labels.length;
  if (problemType === 'binary-classification') {
    const order = argsortDescending(pred);
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const label = labels[i]!;
      const score = pred[i]!;
      if ((label !== 0 && label !== 1) || !(score >= 0 && score <= 1)) {
        throw new DataError(
          `row ${i + 1}: label ${label} / score ${score} is not binary 0/1 with a probability in [0, 1]; fix: check the inputs`,
        );
      }
      s[k] = score + 0;
      y[k] = label;
    }
    const w = new Uint32Array(n);
    const losses = logLossTerms(s, y);
    return (weights) => {
      if (weights) for (let k = 0; k < n; k++) w[k] = weights[order[k]!]!;
      return binaryMetrics(binaryPass(s, y, weights ? w : null, threshold, false, losses))[metric]!;
    };
  }
  if (problemType === 'multiclass-classification') {
    const ix = indexClasses(labels, pred);
    const k = ix.classes.length;
    return (weights) => multiclassMetrics(confusionCounts(ix, weights), k)[metric]!;
  }
  return (weights) => regressionMetrics(labels, pred, weights)[metric]!;
}

/**
 * Paired bootstrap: the same resampled rows for both models in each iteration; CI = percentiles
 * of (candidate - champion). Iterations where the metric is undefined (e.g. no positives drawn) are
 * skipped; with fewer than half valid the CI is NaN (fails closed).
 */
export function pairedBootstrap(
  labels: Float64Array,
  candidate: Float64Array,
  champion: Float64Array,
  metric: string,
  opts: {
    threshold: number;
    confidence: number;
    iterations?: number;
    seed?: number;
    problemType?: ProblemType;
  },
): Comparison {
  checkConfidence(opts.confidence);
  checkPaired(labels, candidate, champion);
  const iterations = opts.iterations ?? 1000;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new StatsError(`bootstrap iterations ${iterations} is not valid; expected a whole number >= 1`);
  }
  const problemType = problemTypeOf(metric, labels, candidate, opts.problemType);
  const n = labels.length;
  if (n === 0) throw new DataError('no rows to compare; fix: provide a non-empty test data set');
  const sc = scorer(problemType, metric, labels, candidate, opts.threshold);
  const sh = scorer(problemType, metric, labels, champion, opts.threshold);
  const cand = sc(null);
  const champ = sh(null);
  const rng = createRng(opts.seed ?? DEFAULT_SEED);
  const diffs = new Float64Array(iterations);
  const counts = new Uint32Array(n);
  let valid = 0;
  for (let it = 0; it < iterations; it++) {
    bootstrapCounts(n, rng, counts);
    const d = sc(counts) - sh(counts);
    if (!Number.isNaN(d)) diffs[valid++] = d;
  }
  const sorted = diffs.subarray(0, valid).sort();
  const alpha = (1 - opts.confidence) / 2;
  const ok = valid >= iterations / 2 && valid > 0;
  return {
    metric,
    candidate: cand,
    champion: champ,
    diff: cand - champ,
    ci: ok ? [percentile(sorted, alpha), percentile(sorted, 1 - alpha)] : [NaN, NaN],
    confidence: opts.confidence,
    method: 'paired-bootstrap',
  };
}
