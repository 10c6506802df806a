/** Shapes shared by the metrics engine, the report writer/parser and the evaluate action. */
export type ProblemType = 'binary-classification' | 'multiclass-classification' | 'regression';

export const PROBLEM_TYPES: readonly ProblemType[] = [
  'binary-classification',
  'multiclass-classification',
  'regression',
];

export interface MetricWithStd {
  value: number;
  standard_deviation: number | 'NaN';
}

/** A chart-sized curve (<= 200 points). ROC: x = FPR, y = TPR. PR: x = recall, y = precision. */
export interface Curve {
  x: number[];
  y: number[];
  thresholds?: number[];
}

export interface EvaluationResult {
  problemType: ProblemType;
  rows: number;
  /** Flat: accuracy, auc, f1, log_loss, pr_auc, mse, ... (NaN when undefined, e.g. AUC with one class). */
  metrics: Record<string, number>;
  standardDeviations: Record<string, number | 'NaN'>;
  /** actual -> predicted -> count, keys as SageMaker writes them ("0", "1", ...). */
  confusionMatrix?: Record<string, Record<string, number>>;
  roc?: Curve;
  pr?: Curve;
  scoreHistogram?: { edges: number[]; positives: number[]; negatives: number[] };
  /** SageMaker model-quality JSON, e.g. {binary_classification_metrics: {...}}. */
  report: Record<string, unknown>;
}

/**
 * Predictions as the readers return them. `scores`: binary = probability of class 1; multiclass =
 * predicted class label; regression = predicted value. `probabilities` (multiclass only, optional):
 * one Float64Array per class k (column-major), probabilities[k][i] = P(class k | row i); when
 * present, the predicted label of row i is the first k with the largest probability.
 */
export interface Predictions {
  scores: Float64Array;
  probabilities?: Float64Array[];
}

/** One pass over binary scores (binary.ts): counts, AUC and AP sums, optional curve. */
export interface BinaryPass {
  /** Weighted counts at the probability threshold. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  pos: number;
  neg: number;
  /** 2 x (area under the ROC step curve) x pos x neg, an exact integer. */
  auc2: number;
  /** Sum over distinct thresholds of (tp_k - tp_{k-1}) x precision_k (divide by pos for AP). */
  apSum: number;
  logLossSum: number;
  /** Cumulative counts at each distinct threshold (descending), when requested. */
  curve?: { tps: Float64Array; fps: Float64Array; thresholds: Float64Array; length: number };
}
