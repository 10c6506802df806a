import { describe, expect, it } from '@jest/globals';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { DataError } from '../../../src/metrics/data-error.js';
import { buildReport, metricNames, parseModelQualityReport } from '../../../src/metrics/report.js';

describe('the model-quality report', () => {
  // The AWS documentation's example: 1 positive, 3 negatives, predictions 0,1,1,1.
  const doc = computeMetrics(
    'binary-classification',
    Float64Array.from([0, 0, 0, 1]),
    { scores: Float64Array.from([0.2, 0.7, 0.9, 0.95]) },
    { threshold: 0.5 },
  );
  it("reproduces the AWS docs' binary example value for value", () => {
    const block = doc.report.binary_classification_metrics as Record<
      string,
      { value: number; standard_deviation: unknown }
    >;
    const expected: Record<string, number> = {
      recall: 1.0,
      precision: 0.3333333333333333,
      accuracy: 0.5,
      recall_best_constant_classifier: 1.0,
      precision_best_constant_classifier: 0.25,
      accuracy_best_constant_classifier: 0.25,
      true_positive_rate: 1.0,
      true_negative_rate: 0.33333333333333337,
      false_positive_rate: 0.6666666666666666,
      false_negative_rate: 0.0,
      f0_5: 0.3846153846153846,
      f1: 0.5,
      f2: 0.7142857142857143,
      f0_5_best_constant_classifier: 0.29411764705882354,
      f1_best_constant_classifier: 0.4,
      f2_best_constant_classifier: 0.625,
    };
    for (const [name, v] of Object.entries(expected))
      expect({ name, value: block[name]!.value }).toEqual({ name, value: v });
    expect(block.confusion_matrix).toEqual({ '0': { '0': 1, '1': 2 }, '1': { '0': 0, '1': 1 } });
    expect(
      Object.values(block)
        .filter((m) => 'standard_deviation' in m)
        .every((m) => m.standard_deviation === 'NaN'),
    ).toBe(true);
    const roc = block.receiver_operating_characteristic_curve as unknown as Record<string, number[]>;
    expect(roc.false_positive_rates![0]).toBe(0);
    expect(roc.true_positive_rates!.at(-1)).toBe(1);
    expect(Object.keys(block)).toEqual(
      expect.arrayContaining([...metricNames('binary-classification'), 'precision_recall_curve']),
    );
  });
  it('round-trips through JSON and the parser', () => {
    const parsed = parseModelQualityReport(JSON.stringify(doc.report), 'evaluation.json');
    expect(parsed.problemType).toBe('binary-classification');
    expect(parsed.metrics).toEqual(doc.metrics);
    expect(parsed.confusionMatrix).toEqual(doc.confusionMatrix);
    expect(parsed.rows).toBe(4);
    expect(parsed.roc!.x).toEqual(doc.roc!.x);
  });
  it('parses the Pipelines evaluation.json convention and the monitor wrapper', () => {
    const r = parseModelQualityReport(
      { regression_metrics: { mse: { value: 4.2, standard_deviation: 1.9 } } },
      's3://b/evaluation.json',
    );
    expect(r.metrics).toEqual({ mse: 4.2 });
    expect(r.standardDeviations).toEqual({ mse: 1.9 });
    const w = parseModelQualityReport(
      {
        version: 0.0,
        dataset: { item_count: 120 },
        multiclass_classification_metrics: { accuracy: { value: 'NaN', standard_deviation: 'NaN' } },
      },
      'x',
    );
    expect(w.rows).toBe(120);
    expect(w.metrics.accuracy).toBeNaN();
  });
  it('fails closed naming the source and the member', () => {
    const bad = (json: unknown, re: RegExp) => {
      expect(() => parseModelQualityReport(json, 'report.json')).toThrow(DataError);
      expect(() => parseModelQualityReport(json, 'report.json')).toThrow(re);
    };
    bad('{not json', /report.json: not valid JSON/);
    bad([1], /not a JSON object/);
    bad({}, /expected exactly one of .* found none/);
    bad(
      { regression_metrics: {}, binary_classification_metrics: {} },
      /found regression_metrics, binary_classification_metrics|found binary_classification_metrics, regression_metrics/,
    );
    bad(
      { binary_classification_metrics: { auc: { value: '0.8' } } },
      /member binary_classification_metrics.auc.value is "0.8", not a number/,
    );
    bad({ binary_classification_metrics: { auc: 0.8 } }, /member binary_classification_metrics.auc must be/);
    bad(
      { binary_classification_metrics: { auc: { value: 0.8, standard_deviation: -1 } } },
      /auc.standard_deviation/,
    );
    bad(
      { binary_classification_metrics: { confusion_matrix: { '0': { '1': -2 } } } },
      /confusion_matrix.0.1 is -2/,
    );
    bad(
      { binary_classification_metrics: { precision_recall_curve: { precisions: [1], recalls: [0, 1] } } },
      /differ in length/,
    );
    bad({ regression_metrics: {} }, /holds no metrics/);
    bad({ regression_metrics: [] }, /member regression_metrics is not an object/);
  });
  it('writes NaN values as "NaN"', () => {
    const r = buildReport('binary-classification', { auc: NaN }, {}, {});
    expect(r).toEqual({
      binary_classification_metrics: { auc: { value: 'NaN', standard_deviation: 'NaN' } },
    });
  });
  it('multiclass and regression reports carry their blocks', () => {
    const m = computeMetrics(
      'multiclass-classification',
      Float64Array.from([0, 1, 2, 2]),
      { scores: Float64Array.from([0, 2, 2, 2]) },
      { threshold: 0.5 },
    );
    expect(Object.keys(m.report)).toEqual(['multiclass_classification_metrics']);
    expect(m.confusionMatrix).toEqual({
      '0': { '0': 1, '1': 0, '2': 0 },
      '1': { '0': 0, '1': 0, '2': 1 },
      '2': { '0': 0, '1': 0, '2': 2 },
    });
    const g = computeMetrics(
      'regression',
      Float64Array.from([1, 2, 3]),
      { scores: Float64Array.from([1, 2, 4]) },
      { threshold: 0.5 },
    );
    expect(Object.keys((g.report.regression_metrics as object) ?? {})).toEqual(['mae', 'mse', 'rmse', 'r2']);
  });
});
