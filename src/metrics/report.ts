/**
 * SageMaker model-quality JSON ({<problem>_metrics: {<metric>: {value, standard_deviation}}}):
 * metric names per problem type, writing the report from computed metrics, and a strict parser
 * for reports written elsewhere (fails closed with DataError naming the source and member).
 */
import { DataError } from './data-error.js';
import type { Curve, EvaluationResult, ProblemType } from './types.js';

export const REPORT_BLOCK: Record<ProblemType, string> = {
  'binary-classification': 'binary_classification_metrics',
  'multiclass-classification': 'multiclass_classification_metrics',
  regression: 'regression_metrics',
};

const BCC = '_best_constant_classifier';
/** Binary metrics in the monitor's order (curves and confusion matrix are written separately), plus log_loss and pr_auc. */
const BINARY = [
  'recall',
  'precision',
  'accuracy',
  `recall${BCC}`,
  `precision${BCC}`,
  `accuracy${BCC}`,
  'true_positive_rate',
  'true_negative_rate',
  'false_positive_rate',
  'false_negative_rate',
  'auc',
  'f0_5',
  'f1',
  'f2',
  `f0_5${BCC}`,
  `f1${BCC}`,
  `f2${BCC}`,
  'log_loss',
  'pr_auc',
];
const MULTI_BASE = [
  'accuracy',
  'weighted_recall',
  'weighted_precision',
  'weighted_f0_5',
  'weighted_f1',
  'weighted_f2',
];
const MULTICLASS = [...MULTI_BASE, ...MULTI_BASE.map((m) => m + BCC)];
const REGRESSION = ['mae', 'mse', 'rmse', 'r2'];

/** Every gateable metric name for a problem type. */
export function metricNames(problemType: ProblemType): string[] {
  switch (problemType) {
    case 'binary-classification':
      return [...BINARY];
    case 'multiclass-classification':
      return [...MULTICLASS];
    case 'regression':
      return [...REGRESSION];
  }
}

function jsonNumber(v: number): number | 'NaN' {
  return Number.isFinite(v) ? v : 'NaN';
}

/** Builds the model-quality JSON for computed metrics. NaN values are written as "NaN", like standard deviations. */
export function buildReport(
  problemType: ProblemType,
  metrics: Record<string, number>,
  std: Record<string, number | 'NaN'>,
  extra: { confusionMatrix?: Record<string, Record<string, number>>; roc?: Curve; pr?: Curve },
): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  if (extra.confusionMatrix) block.confusion_matrix = extra.confusionMatrix;
  for (const name of metricNames(problemType)) {
    if (!(name in metrics)) continue;
    if (name === 'auc' && extra.roc && extra.pr) {
      block.receiver_operating_characteristic_curve = {
        false_positive_rates: extra.roc.x.map(jsonNumber),
        true_positive_rates: extra.roc.y.map(jsonNumber),
      };
      block.precision_recall_curve = {
        precisions: extra.pr.y.map(jsonNumber),
        recalls: extra.pr.x.map(jsonNumber),
      };
    }
    block[name] = { value: jsonNumber(metrics[name]!), standard_deviation: std[name] ?? 'NaN' };
  }
  return { [REPORT_BLOCK[problemType]]: block };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberArray(v: unknown, where: () => string, fix: string): number[] {
  if (!Array.isArray(v)) throw new DataError(`${where()} must be an array of numbers; ${fix}`);
  return v.map((x, i) => {
    if (typeof x === 'number' && Number.isFinite(x)) return x;
    if (x === 'NaN') return NaN;
    throw new DataError(`${where()}[${i}] is ${JSON.stringify(x)}, not a number; ${fix}`);
  });
}

/**
 * Reads a model-quality report (an object, or its JSON text). Exactly one of
 * binary_classification_metrics / multiclass_classification_metrics / regression_metrics must be
 * present, each metric {value: number | "NaN", standard_deviation?: number | "NaN"}.
 */
export function parseModelQualityReport(json: unknown, source: string): EvaluationResult {
  const fix =
    'fix: write SageMaker model-quality JSON, e.g. {"binary_classification_metrics": {"auc": {"value": 0.8, "standard_deviation": "NaN"}}}';
  let doc = json;
  if (typeof doc === 'string' || Buffer.isBuffer(doc)) {
    try {
      doc = JSON.parse(doc.toString());
    } catch (err) {
      throw new DataError(`${source}: not valid JSON (${(err as Error).message}); ${fix}`);
    }
  }
  if (!isObject(doc)) throw new DataError(`${source}: the report is not a JSON object; ${fix}`);
  const found = (Object.keys(REPORT_BLOCK) as ProblemType[]).filter((p) => REPORT_BLOCK[p] in doc);
  if (found.length !== 1) {
    throw new DataError(
      `${source}: expected exactly one of ${Object.values(REPORT_BLOCK).join(', ')}, found ${found.length === 0 ? 'none' : found.map((p) => REPORT_BLOCK[p]).join(', ')}; ${fix}`,
    );
  }
  const problemType = found[0]!;
  const blockName = REPORT_BLOCK[problemType];
  const block = doc[blockName];
  const at = (member: string) => `${source}: member ${blockName}.${member}`;
  if (!isObject(block)) throw new DataError(`${source}: member ${blockName} is not an object; ${fix}`);
  const metrics: Record<string, number> = {};
  const standardDeviations: Record<string, number | 'NaN'> = {};
  const result: EvaluationResult = { problemType, rows: 0, metrics, standardDeviations, report: doc };
  for (const [name, member] of Object.entries(block)) {
    if (name === 'confusion_matrix') {
      if (!isObject(member))
        throw new DataError(`${at(name)} must be an object actual -> predicted -> count; ${fix}`);
      const cm: Record<string, Record<string, number>> = {};
      let total = 0;
      for (const [actual, row] of Object.entries(member)) {
        if (!isObject(row))
          throw new DataError(`${at(`${name}.${actual}`)} must be an object predicted -> count; ${fix}`);
        cm[actual] = {};
        for (const [predicted, count] of Object.entries(row)) {
          if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
            throw new DataError(
              `${at(`${name}.${actual}.${predicted}`)} is ${JSON.stringify(count)}, not a count; ${fix}`,
            );
          }
          cm[actual][predicted] = count;
          total += count;
        }
      }
      result.confusionMatrix = cm;
      result.rows = total;
      continue;
    }
    if (name === 'receiver_operating_characteristic_curve' || name === 'precision_recall_curve') {
      if (!isObject(member)) throw new DataError(`${at(name)} must be an object of arrays; ${fix}`);
      const roc = name === 'receiver_operating_characteristic_curve';
      const [xk, yk] = roc ? ['false_positive_rates', 'true_positive_rates'] : ['recalls', 'precisions'];
      const x = numberArray(member[xk], () => at(`${name}.${xk}`), fix);
      const y = numberArray(member[yk], () => at(`${name}.${yk}`), fix);
      if (x.length !== y.length) throw new DataError(`${at(name)}: ${xk} and ${yk} differ in length; ${fix}`);
      if (roc) result.roc = { x, y };
      else result.pr = { x, y };
      continue;
    }
    if (!isObject(member) || !('value' in member)) {
      throw new DataError(
        `${at(name)} must be {"value": number, "standard_deviation": number | "NaN"}; ${fix}`,
      );
    }
    const v = member.value;
    if (!((typeof v === 'number' && Number.isFinite(v)) || v === 'NaN')) {
      throw new DataError(`${at(`${name}.value`)} is ${JSON.stringify(v)}, not a number; ${fix}`);
    }
    const sd = member.standard_deviation;
    if (!(sd === undefined || sd === 'NaN' || (typeof sd === 'number' && Number.isFinite(sd) && sd >= 0))) {
      throw new DataError(
        `${at(`${name}.standard_deviation`)} is ${JSON.stringify(sd)}, not a number or "NaN"; ${fix}`,
      );
    }
    metrics[name] = v === 'NaN' ? NaN : v;
    standardDeviations[name] = sd === undefined ? 'NaN' : sd;
  }
  if (Object.keys(metrics).length === 0)
    throw new DataError(`${source}: ${blockName} holds no metrics; ${fix}`);
  const dataset = doc.dataset;
  if (isObject(dataset) && typeof dataset.item_count === 'number' && Number.isFinite(dataset.item_count)) {
    result.rows = dataset.item_count;
  }
  return result;
}
