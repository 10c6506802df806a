/**
 * Champion / challenger statistics on the same test rows: DeLong's test for correlated AUCs
 * (Sun & Xu 2014 fast algorithm, O(n log n) through midranks) and a seeded paired bootstrap of
 * any metric difference (percentile CI). Plus the `max-regression` input and the summary line.
 */
import { ConfigurationError } from '../core/errors.js';
import { binaryMetrics, binaryPass, logLossTerms } from '../metrics/binary.js';
import { DataError } from '../metrics/data-error.js';
import { confusionCounts, indexClasses, multiclassMetrics } from '../metrics/multiclass.js';
import { regressionMetrics } from '../metrics/regression.js';
import { metricNames } from '../metrics/report.js';
import { bootstrapCounts, createRng, DEFAULT_SEED } from '../metrics/resample.js';
import { argsortDescending } from '../metrics/sort.js';
import type { ProblemType } from '../metrics/types.js';
import { checkConfidence, checkPaired } from './checks.js';

export { delong, midranks } from './delong.js';

export interface Comparison {
  metric: string;
  candidate: number;
  champion: number;
  /** candidate - champion */
  diff: number;
  /** CI of diff at `confidence` */
  ci: [number, number];
  confidence: number;
  method: 'delong' | 'paired-bootstrap' | 'registered-metrics';
}

const LOWER_IS_BETTER = new Set([
  'log_loss',
  'false_positive_rate',
  'false_negative_rate',
  'mae',
  'mse',
  'rmse',
]);

export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.has(metric);
}

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
      throw new ConfigurationError(
        `metric ${JSON.stringify(metric)} is not a ${given} metric; valid: ${metricNames(given).join(', ')}`,
      );
    }
    return given;
  }
  const types = (['binary-classification', 'regression', 'multiclass-classification'] as const).filter((p) =>
    metricNames(p).includes(metric),
  );
  if (types.length === 0) {
    throw new ConfigurationError(
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
    throw new ConfigurationError(
      `bootstrap iterations ${iterations} is not valid; expected a whole number >= 1`,
    );
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

/** `max-regression`: metric -> allowed drop (a number >= 0, in the metric's units). */
export function parseMaxRegression(
  map: Record<string, unknown>,
  problemType: ProblemType,
): Record<string, number> {
  const valid = metricNames(problemType);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new ConfigurationError(
      `input 'max-regression': ${JSON.stringify(map)} is not a map; expected metric: allowed drop, e.g. {auc: 0.01}`,
    );
  }
  const out: Record<string, number> = {};
  for (const [metric, raw] of Object.entries(map)) {
    if (!valid.includes(metric)) {
      throw new ConfigurationError(
        `input 'max-regression': unknown metric ${JSON.stringify(metric)} for ${problemType}; valid metrics: ${valid.join(', ')}`,
      );
    }
    const v =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)
          ? Number(raw)
          : NaN;
    if (!Number.isFinite(v) || v < 0) {
      throw new ConfigurationError(
        `input 'max-regression': allowed drop ${JSON.stringify(raw)} for ${metric} is not valid; expected a number >= 0 in ${metric}'s units, e.g. ${metric}: 0.01 (0 = no significant regression allowed)`,
      );
    }
    out[metric] = v;
  }
  return out;
}

const DISPLAY: Record<string, string> = {
  auc: 'AUC',
  pr_auc: 'PR AUC',
  f1: 'F1',
  f2: 'F2',
  f0_5: 'F0.5',
  log_loss: 'log loss',
};

function signed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(digits);
  return v >= 0 || /^-0\.0*$/.test(s) ? `+${s.replace(/^-/, '')}` : s;
}

/** "AUC 0.741 vs champion 0.729, +0.012, 95% CI [+0.004, +0.020]" */
export function formatComparison(c: Comparison, digits = 3): string {
  const name = DISPLAY[c.metric] ?? c.metric;
  const pct = `${Number((c.confidence * 100).toFixed(2))}%`;
  const ci =
    c.method === 'registered-metrics'
      ? ' (registered metrics, no CI)'
      : `, ${pct} CI [${signed(c.ci[0], digits)}, ${signed(c.ci[1], digits)}]`;
  return `${name} ${c.candidate.toFixed(digits)} vs champion ${c.champion.toFixed(digits)}, ${signed(c.diff, digits)}${ci}`;
}
