/**
 * computeMetrics: validates labels and predictions (fail closed, DataError naming the row and the
 * fix), then computes every model-quality metric for the problem type, the monitor-style
 * standard deviations, the confusion matrix, the charts' curves and histogram, and the report.
 * Binary: one radix sort of the scores (labels carried along), reused for AUC, AP, ROC/PR curves
 * and every resample. Multiclass: probabilities[k] is the column of class k, so labels must be the
 * class indices 0..K-1 when probabilities are given.
 */
import { ConfigurationError } from '../core/errors.js';
import { binaryMetrics, type BinaryPass } from './binary.js';
import { fusedBinaryPasses, type FullBinaryPass } from './binary-fused.js';
import { DataError } from './data-error.js';
import { argmaxLabels, confusionCounts, indexClasses, multiclassMetrics } from './multiclass.js';
import { regressionMetrics } from './regression.js';
import { buildReport, metricNames } from './report.js';
import {
  DEFAULT_SEED,
  eachSubsample,
  monitorMasks,
  resampledStd,
  STD_MIN_ROWS,
  stdOfSamples,
} from './resample.js';
import { sortScoresWithLabels, type SortedScores } from './sort.js';
import type { EvaluationResult, Predictions, ProblemType } from './types.js';

function validate(problemType: ProblemType, labels: Float64Array, predictions: Predictions): void {
  const n = labels.length;
  const m = predictions.scores.length;
  if (n !== m) {
    throw new DataError(
      `row-count mismatch: the test data has ${n} labelled row(s) but there are ${m} prediction(s); fix: score every test row exactly once, in order (for a batch transform: SplitType Line, AssembleWith Line, same input files)`,
    );
  }
  if (n === 0) throw new DataError('no rows to evaluate; fix: provide a non-empty test data set');
  const binary = problemType === 'binary-classification';
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (!Number.isFinite(y) || (binary && y !== 0 && y !== 1)) {
      throw new DataError(
        `row ${i + 1}: label ${y} is not ${binary ? '0 or 1' : 'a finite number'}; fix: ${binary ? 'encode the binary label as 0/1' : 'clean the label column'}, or check label-column`,
      );
    }
    const s = predictions.scores[i]!;
    if (!Number.isFinite(s) || (binary && !(s >= 0 && s <= 1))) {
      throw new DataError(
        `row ${i + 1}: prediction ${s} is not ${binary ? 'a probability in [0, 1]' : 'a finite number'}; fix: ${binary ? 'output the probability of class 1 (e.g. XGBoost binary:logistic)' : 'check the model output'}`,
      );
    }
  }
  for (const [k, col] of (predictions.probabilities ?? []).entries()) {
    if (col.length !== n) {
      throw new DataError(
        `row-count mismatch: class ${k} has ${col.length} probabilities for ${n} rows; fix: one probability row per test row`,
      );
    }
  }
}

function label(v: number): string {
  return String(v);
}

/**
 * Binary: scores sorted descending with their labels (sort.ts), after the binary contract is
 * checked (throws a DataError naming the first bad row). `shared`: s and y on SharedArrayBuffers,
 * for a worker thread to read (compute-parallel.ts).
 */
export function sortBinary(labels: Float64Array, predictions: Predictions, shared = false): SortedScores {
  const problemType = 'binary-classification';
  const n = labels.length;
  if (predictions.scores.length !== n || n === 0) validate(problemType, labels, predictions); // throws
  // One sort: scores descending with labels alongside, reused by AUC, AP, curves and every resample.
  const sorted = sortScoresWithLabels(predictions.scores, labels, undefined, shared);
  if (sorted.invalidRow >= 0) validate(problemType, labels, predictions); // throws, naming the row
  return sorted;
}

/** The binary result from the full-data pass and the monitor's resamples (null below STD_MIN_ROWS). */
export function binaryResult(
  n: number,
  names: string[],
  pass: FullBinaryPass,
  resamples: BinaryPass[] | null,
): EvaluationResult {
  const problemType = 'binary-classification';
  const { full, curves, histogram } = pass;
  const metrics = binaryMetrics(full);
  const { roc, pr } = curves;
  const standardDeviations = resamples
    ? stdOfSamples(names, resamples.map(binaryMetrics))
    : Object.fromEntries(names.map((name) => [name, 'NaN' as const]));
  const confusionMatrix = { '0': { '0': full.tn, '1': full.fp }, '1': { '0': full.fn, '1': full.tp } };
  return {
    problemType,
    rows: n,
    metrics,
    standardDeviations,
    confusionMatrix,
    roc,
    pr,
    scoreHistogram: histogram,
    report: buildReport(problemType, metrics, standardDeviations, { confusionMatrix, roc, pr }),
  };
}

function computeBinary(
  labels: Float64Array,
  predictions: Predictions,
  threshold: number,
  seed: number,
  names: string[],
): EvaluationResult {
  const n = labels.length;
  const { s, y, positives, spare } = sortBinary(labels, predictions);
  // Then the full-data pass (chart points chosen online) and one packed pass for the monitor's
  // five 80% resamples.
  const enough = n >= STD_MIN_ROWS;
  const packed = enough ? monitorMasks(n, seed) : new Uint8Array(n);
  const { resamples, ...pass } = fusedBinaryPasses(s, y, packed, threshold, 200, spare, positives);
  return binaryResult(n, names, pass, enough ? resamples : null);
}

/** A probability threshold in [0, 1], else a configuration error. */
export function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new ConfigurationError(
      `probability threshold ${threshold} is not valid; fix: use a number in [0, 1] such as 0.5`,
    );
  }
}

export function computeMetrics(
  problemType: ProblemType,
  labels: Float64Array,
  predictions: Predictions,
  opts: { threshold: number; seed?: number },
): EvaluationResult {
  const { threshold } = opts;
  checkThreshold(threshold);
  const seed = opts.seed ?? DEFAULT_SEED;
  const n = labels.length;
  const names = metricNames(problemType);
  if (problemType === 'binary-classification') {
    return computeBinary(labels, predictions, threshold, seed, names);
  }
  validate(problemType, labels, predictions);
  if (problemType === 'multiclass-classification') {
    const predicted = predictions.probabilities?.length
      ? argmaxLabels(predictions.probabilities, n)
      : predictions.scores;
    const ix = indexClasses(labels, predicted);
    const k = ix.classes.length;
    const counts = confusionCounts(ix, null);
    const metrics = multiclassMetrics(counts, k);
    const standardDeviations = resampledStd(
      n,
      names,
      eachSubsample((mask) => multiclassMetrics(confusionCounts(ix, mask), k)),
      seed,
    );
    const confusionMatrix: Record<string, Record<string, number>> = {};
    ix.classes.forEach((actual, t) => {
      const row: Record<string, number> = {};
      ix.classes.forEach((pred, p) => (row[label(pred)] = counts[t * k + p]!));
      confusionMatrix[label(actual)] = row;
    });
    return {
      problemType,
      rows: n,
      metrics,
      standardDeviations,
      confusionMatrix,
      report: buildReport(problemType, metrics, standardDeviations, { confusionMatrix }),
    };
  }
  const metrics = regressionMetrics(labels, predictions.scores);
  const standardDeviations = resampledStd(
    n,
    names,
    eachSubsample((mask) => regressionMetrics(labels, predictions.scores, mask)),
    seed,
  );
  return {
    problemType,
    rows: n,
    metrics,
    standardDeviations,
    report: buildReport(problemType, metrics, standardDeviations, {}),
  };
}
