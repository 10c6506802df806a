/**
 * The model-quality report, member by member: every malformed member of a report written elsewhere
 * fails closed with a message naming the source, the member and (for values) what was there; every
 * well-formed variant is read as written. The writer adds the confusion matrix and the curves only
 * when it has them.
 */
import { describe, expect, it } from '@jest/globals';
import { DataError } from '../../../src/metrics/data-error.js';
import { buildReport, metricNames, parseModelQualityReport } from '../../../src/metrics/report.js';

const FIX = 'fix: write SageMaker model-quality JSON';
const binary = (members: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  binary_classification_metrics: { auc: { value: 0.8, standard_deviation: 0.01 }, ...members },
  ...extra,
});
const fails = (doc: unknown, message: string) => {
  let err: unknown;
  try {
    parseModelQualityReport(doc, 'eval.json');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DataError);
  expect((err as Error).message).toContain(message);
  expect((err as Error).message).toContain(FIX);
};

describe('parseModelQualityReport: fails closed', () => {
  it.each([
    [
      'an array for the matrix',
      { confusion_matrix: [[1, 2]] },
      'eval.json: member binary_classification_metrics.confusion_matrix must be an object actual -> predicted -> count',
    ],
    [
      'null for the matrix',
      { confusion_matrix: null },
      'confusion_matrix must be an object actual -> predicted -> count',
    ],
    [
      'an array for a row',
      { confusion_matrix: { '0': [1, 2] } },
      'member binary_classification_metrics.confusion_matrix.0 must be an object predicted -> count',
    ],
    [
      'a string count',
      { confusion_matrix: { '0': { '0': '3' } } },
      'confusion_matrix.0.0 is "3", not a count',
    ],
    [
      'an infinite count',
      { confusion_matrix: { '1': { '0': Infinity } } },
      'confusion_matrix.1.0 is null, not a count',
    ],
    [
      'a NaN count',
      { confusion_matrix: { '1': { '1': Number.NaN } } },
      'confusion_matrix.1.1 is null, not a count',
    ],
    [
      'a negative count',
      { confusion_matrix: { '0': { '1': -1 } } },
      'confusion_matrix.0.1 is -1, not a count',
    ],
    [
      'an array for a curve',
      { receiver_operating_characteristic_curve: [[0, 1]] },
      'receiver_operating_characteristic_curve must be an object of arrays',
    ],
    [
      'a curve without its x',
      { receiver_operating_characteristic_curve: { true_positive_rates: [1] } },
      'member binary_classification_metrics.receiver_operating_characteristic_curve.false_positive_rates must be an array of numbers',
    ],
    [
      'a curve without its y',
      { precision_recall_curve: { recalls: [1] } },
      'member binary_classification_metrics.precision_recall_curve.precisions must be an array of numbers',
    ],
    [
      'a string in a curve',
      { precision_recall_curve: { recalls: [0, '1'], precisions: [1, 1] } },
      'precision_recall_curve.recalls[1] is "1", not a number',
    ],
    [
      'null in a curve',
      {
        receiver_operating_characteristic_curve: {
          false_positive_rates: [0, 1],
          true_positive_rates: [null, 1],
        },
      },
      'receiver_operating_characteristic_curve.true_positive_rates[0] is null, not a number',
    ],
    [
      'a value of "0.9"',
      { f1: { value: '0.9' } },
      'member binary_classification_metrics.f1.value is "0.9", not a number',
    ],
    ['a value of "nan"', { f1: { value: 'nan' } }, 'f1.value is "nan", not a number'],
    ['an infinite value', { f1: { value: Infinity } }, 'f1.value is null, not a number'],
    [
      'no value',
      { f1: { standard_deviation: 0 } },
      'member binary_classification_metrics.f1 must be {"value": number',
    ],
    ['an array for a metric', { f1: [0.9] }, 'binary_classification_metrics.f1 must be {"value"'],
    [
      'a string deviation',
      { f1: { value: 0.9, standard_deviation: '0.1' } },
      'f1.standard_deviation is "0.1", not a number or "NaN"',
    ],
    [
      'an infinite deviation',
      { f1: { value: 0.9, standard_deviation: Infinity } },
      'f1.standard_deviation is null, not a number or "NaN"',
    ],
    [
      'a negative deviation',
      { f1: { value: 0.9, standard_deviation: -0.5 } },
      'f1.standard_deviation is -0.5, not a number or "NaN"',
    ],
    [
      'a null deviation',
      { f1: { value: 0.9, standard_deviation: null } },
      'f1.standard_deviation is null, not a number or "NaN"',
    ],
  ])('%s', (_name, members, message) => {
    fails(binary(members), message);
  });

  it('names every block it looks for when none or several are there', () => {
    fails(
      { foo: 1 },
      'eval.json: expected exactly one of binary_classification_metrics, multiclass_classification_metrics, regression_metrics, found none',
    );
    fails(
      { regression_metrics: {}, multiclass_classification_metrics: {} },
      'found multiclass_classification_metrics, regression_metrics',
    );
  });

  it('reads JSON text and buffers, and names the source when they are not JSON', () => {
    expect(parseModelQualityReport(JSON.stringify(binary({})), 'eval.json').metrics).toEqual({ auc: 0.8 });
    expect(parseModelQualityReport(Buffer.from(JSON.stringify(binary({}))), 'eval.json').metrics).toEqual({
      auc: 0.8,
    });
    fails(Buffer.from('{"a":'), 'eval.json: not valid JSON (');
    fails('null', 'eval.json: the report is not a JSON object');
  });
});

describe('parseModelQualityReport: reads what is written', () => {
  it('values, "NaN" values, deviations (missing = "NaN"), zero deviations', () => {
    const r = parseModelQualityReport(
      binary({
        f1: { value: 'NaN', standard_deviation: 'NaN' },
        f2: { value: 0.5 },
        recall: { value: 0, standard_deviation: 0 },
      }),
      'eval.json',
    );
    expect(r.problemType).toBe('binary-classification');
    expect(r.metrics).toEqual({ auc: 0.8, f1: NaN, f2: 0.5, recall: 0 });
    expect(r.standardDeviations).toEqual({ auc: 0.01, f1: 'NaN', f2: 'NaN', recall: 0 });
  });

  it('the confusion matrix (rows = its total, unless the dataset says item_count) and both curves', () => {
    const members = {
      confusion_matrix: { '0': { '0': 5, '1': 0 }, '1': { '0': 2, '1': 3 } },
      receiver_operating_characteristic_curve: {
        false_positive_rates: [0, 'NaN', 1],
        true_positive_rates: [0, 0.5, 1],
      },
      precision_recall_curve: { recalls: [0, 1], precisions: [1, 0.6] },
    };
    const r = parseModelQualityReport(binary(members), 'eval.json');
    expect(r.confusionMatrix).toEqual(members.confusion_matrix);
    expect(r.rows).toBe(10);
    expect(r.roc).toEqual({ x: [0, NaN, 1], y: [0, 0.5, 1] });
    expect(r.pr).toEqual({ x: [0, 1], y: [1, 0.6] });
    expect(r.metrics).toEqual({ auc: 0.8 }); // the matrix and curves are not metrics
    expect(parseModelQualityReport(binary(members, { dataset: { item_count: 12 } }), 'x').rows).toBe(12);
    for (const dataset of [{ item_count: '12' }, { item_count: Infinity }, [12], null, { count: 12 }]) {
      expect(parseModelQualityReport(binary(members, { dataset }), 'x').rows).toBe(10);
    }
    expect(parseModelQualityReport(binary({}), 'x').rows).toBe(0);
  });

  it('multiclass and regression blocks', () => {
    const m = parseModelQualityReport(
      { multiclass_classification_metrics: { accuracy: { value: 0.7 } } },
      'm',
    );
    expect(m.problemType).toBe('multiclass-classification');
    const g = parseModelQualityReport(
      { regression_metrics: { mae: { value: 1.5, standard_deviation: 0.1 } } },
      'g',
    );
    expect(g).toMatchObject({
      problemType: 'regression',
      metrics: { mae: 1.5 },
      standardDeviations: { mae: 0.1 },
    });
  });
});

describe('buildReport', () => {
  const roc = { x: [0, 1], y: [0, 1] };
  const pr = { x: [0, 1], y: [1, 0.5] };

  it('writes the confusion matrix only when given, first', () => {
    const cm = { '0': { '0': 1, '1': 0 }, '1': { '0': 0, '1': 1 } };
    const withCm = buildReport('binary-classification', { auc: 1 }, { auc: 0 }, { confusionMatrix: cm });
    expect(Object.keys(withCm.binary_classification_metrics as object)).toEqual(['confusion_matrix', 'auc']);
    const without = buildReport('binary-classification', { auc: 1 }, { auc: 0 }, {});
    expect(Object.keys(without.binary_classification_metrics as object)).toEqual(['auc']);
  });

  it('writes both curves before auc when it has both, and neither when one is missing', () => {
    const both = buildReport('binary-classification', { accuracy: 0.5, auc: 0.7 }, {}, { roc, pr });
    expect(both).toEqual({
      binary_classification_metrics: {
        accuracy: { value: 0.5, standard_deviation: 'NaN' },
        receiver_operating_characteristic_curve: {
          false_positive_rates: [0, 1],
          true_positive_rates: [0, 1],
        },
        precision_recall_curve: { recalls: [0, 1], precisions: [1, 0.5] },
        auc: { value: 0.7, standard_deviation: 'NaN' },
      },
    });
    for (const extra of [{ roc }, { pr }]) {
      const one = buildReport('binary-classification', { auc: 0.7 }, {}, extra);
      expect(Object.keys(one.binary_classification_metrics as object)).toEqual(['auc']);
    }
    // curves belong to auc: without auc there are none
    const noAuc = buildReport('binary-classification', { f1: 0.7 }, {}, { roc, pr });
    expect(Object.keys(noAuc.binary_classification_metrics as object)).toEqual(['f1']);
    const nan = buildReport('binary-classification', { auc: 0.7 }, {}, { roc: { x: [NaN], y: [1] }, pr });
    expect(
      (nan.binary_classification_metrics as Record<string, unknown>).receiver_operating_characteristic_curve,
    ).toEqual({
      false_positive_rates: ['NaN'],
      true_positive_rates: [1],
    });
  });

  it('writes only known metrics, in the monitor order, and round-trips through the parser', () => {
    const names = metricNames('regression');
    expect(names).toEqual(['mae', 'mse', 'rmse', 'r2']);
    const r = buildReport('regression', { r2: 0.5, mae: 1, bogus: 3 }, { mae: 0.1 }, {});
    expect(Object.keys(r.regression_metrics as object)).toEqual(['mae', 'r2']);
    expect(parseModelQualityReport(r, 'r').metrics).toEqual({ mae: 1, r2: 0.5 });
    expect(metricNames('multiclass-classification')).toEqual([
      'accuracy',
      'weighted_recall',
      'weighted_precision',
      'weighted_f0_5',
      'weighted_f1',
      'weighted_f2',
      'accuracy_best_constant_classifier',
      'weighted_recall_best_constant_classifier',
      'weighted_precision_best_constant_classifier',
      'weighted_f0_5_best_constant_classifier',
      'weighted_f1_best_constant_classifier',
      'weighted_f2_best_constant_classifier',
    ]);
    expect(metricNames('binary-classification')).toHaveLength(19);
    // a copy each time: callers may not change the lists
    metricNames('regression').push('x');
    expect(metricNames('regression')).toHaveLength(4);
  });
});
