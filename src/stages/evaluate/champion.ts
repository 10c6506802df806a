import type { ProblemType, EvaluationResult } from '../../metrics/types.js';
import { metricNames } from '../../metrics/report.js';
import type { ThresholdRule } from '../../gates/thresholds.js';
import { delong, pairedBootstrap, type Comparison } from '../../gates/champion.js';
import { errorMessage } from '../../core/errors.js';

/** What the registry says about the champion (latest Approved package). */
export interface ChampionInfo {
  arn: string;
  version: number | undefined;
  image: string | undefined;
  modelDataUrl: string | undefined;
  /** ModelMetrics.ModelQuality.Statistics.S3Uri */
  reportUri: string | undefined;
}

/** The metric the summary leads with for each problem type. */
export const PRIMARY_METRIC: Record<ProblemType, string> = {
  'binary-classification': 'auc',
  'multiclass-classification': 'accuracy',
  regression: 'rmse',
};

/** A champion artifact the transform flow can score: one S3 model.tar.gz. */
export function usableArtifact(url: string | undefined): url is string {
  return typeof url === 'string' && /^s3:\/\/[^/]+\/.+\.tar\.gz$/.test(url);
}

/** Metrics to compare with the champion: max-regression's, the thresholds', and the primary one. */
export function comparisonMetrics(
  problemType: ProblemType,
  thresholds: ThresholdRule[],
  maxRegression: Record<string, number>,
): string[] {
  const valid = new Set(metricNames(problemType));
  const wanted = [
    PRIMARY_METRIC[problemType],
    ...Object.keys(maxRegression),
    ...thresholds.map((t) => t.metric),
  ];
  return [...new Set(wanted)].filter((m) => valid.has(m));
}

/**
 * Paired comparisons on the same rows: DeLong for AUC, paired bootstrap for the rest. A metric the
 * bootstrap cannot compute falls back to the plain difference of the two computed values
 * (method 'registered-metrics', no interval) and says so in `notes`.
 */
export function pairedComparisons(
  metrics: string[],
  labels: Float64Array,
  candidate: { scores: Float64Array; metrics: Record<string, number> },
  champion: { scores: Float64Array; metrics: Record<string, number> },
  opts: { threshold: number; confidence: number; seed?: number; iterations?: number },
): { comparisons: Comparison[]; notes: string[] } {
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  for (const metric of metrics) {
    try {
      if (metric === 'auc') {
        const d = delong(labels, candidate.scores, champion.scores, opts.confidence);
        comparisons.push({
          metric: d.metric,
          candidate: d.candidate,
          champion: d.champion,
          diff: d.diff,
          ci: d.ci,
          confidence: d.confidence,
          method: d.method,
        });
      } else {
        comparisons.push(
          pairedBootstrap(labels, candidate.scores, champion.scores, metric, {
            threshold: opts.threshold,
            confidence: opts.confidence,
            ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
          }),
        );
      }
    } catch (err) {
      const c = plainComparison(metric, candidate.metrics, champion.metrics, opts.confidence);
      if (c) comparisons.push(c);
      notes.push(
        `${metric}: no paired test (${errorMessage(err)}); compared the plain difference on the same rows`,
      );
    }
  }
  return { comparisons, notes };
}

function plainComparison(
  metric: string,
  candidate: Record<string, number>,
  champion: Record<string, number>,
  confidence: number,
): Comparison | undefined {
  const a = candidate[metric];
  const b = champion[metric];
  if (a === undefined || b === undefined) return undefined;
  const diff = a - b;
  // No interval: both ends are the plain difference, so "CI beyond the allowance" = "difference beyond it".
  return {
    metric,
    candidate: a,
    champion: b,
    diff,
    ci: [diff, diff],
    confidence,
    method: 'registered-metrics',
  };
}

/** Comparisons against the champion's registered metrics only (no scores): plain differences, no CI. */
export function registeredComparisons(
  metrics: string[],
  candidate: Record<string, number>,
  champion: EvaluationResult,
  confidence: number,
): { comparisons: Comparison[]; notes: string[] } {
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  for (const metric of metrics) {
    const c = plainComparison(metric, candidate, champion.metrics, confidence);
    if (c) comparisons.push(c);
    else notes.push(`${metric}: the champion's registered report has no value for it; not compared`);
  }
  return { comparisons, notes };
}
