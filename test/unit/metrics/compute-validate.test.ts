/**
 * computeMetrics' fail-closed messages name the first bad row for every problem type (a valid
 * score of exactly 0 before it is not mistaken for it), and its report carries the confusion
 * matrix (and, for binary, the curves) it computed.
 */
import { describe, expect, it } from '@jest/globals';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { DataError } from '../../../src/metrics/data-error.js';
import type { ProblemType } from '../../../src/metrics/types.js';

const run = (type: ProblemType, labels: number[], scores: number[]) => () =>
  computeMetrics(type, Float64Array.from(labels), { scores: Float64Array.from(scores) }, { threshold: 0.5 });

describe('computeMetrics names the first bad row', () => {
  it('binary: scores of exactly 0 and 1 are valid; the first score outside [0, 1] is named', () => {
    expect(run('binary-classification', [0, 1, 0, 1], [0, 1, 0, 1])).not.toThrow();
    expect(run('binary-classification', [0, 1, 0, 1], [0, 1, 1.5, 0.5])).toThrow(
      'row 3: prediction 1.5 is not a probability in [0, 1]; fix: output the probability of class 1',
    );
    expect(run('binary-classification', [0, 2, 0, 1], [0, 1, 0, 0.5])).toThrow(
      'row 2: label 2 is not 0 or 1; fix: encode the binary label as 0/1, or check label-column',
    );
  });

  it.each([
    [
      'regression',
      'row 2: label NaN is not a finite number; fix: clean the label column, or check label-column',
      [1, NaN, 3],
      [1, 2, 3],
    ],
    [
      'regression',
      'row 3: prediction Infinity is not a finite number; fix: check the model output',
      [1, 2, 3],
      [1, 2, Infinity],
    ],
    [
      'multiclass-classification',
      'row 3: label -Infinity is not a finite number; fix: clean the label column',
      [0, 1, -Infinity],
      [0, 1, 1],
    ],
    [
      'multiclass-classification',
      'row 1: prediction NaN is not a finite number; fix: check the model output',
      [0, 1, 2],
      [NaN, 1, 2],
    ],
  ] as const)('%s: %s', (type, message, labels, scores) => {
    const f = run(type, [...labels], [...scores]);
    expect(f).toThrow(DataError);
    expect(f).toThrow(message);
  });
});

describe("computeMetrics' report", () => {
  it('binary: the confusion matrix and both curves', () => {
    const r = run('binary-classification', [0, 1, 0, 1, 1], [0.1, 0.9, 0.6, 0.4, 0.8])();
    const block = r.report.binary_classification_metrics as Record<string, unknown>;
    expect(block.confusion_matrix).toEqual(r.confusionMatrix);
    expect(block.confusion_matrix).toEqual({ '0': { '0': 1, '1': 1 }, '1': { '0': 1, '1': 2 } });
    expect(block.receiver_operating_characteristic_curve).toEqual({
      false_positive_rates: r.roc!.x,
      true_positive_rates: r.roc!.y,
    });
    expect(block.precision_recall_curve).toEqual({ recalls: r.pr!.x, precisions: r.pr!.y });
  });

  it('multiclass: the confusion matrix', () => {
    const r = run('multiclass-classification', [0, 1, 2, 2], [0, 2, 2, 2])();
    const block = r.report.multiclass_classification_metrics as Record<string, unknown>;
    expect(block.confusion_matrix).toEqual({
      '0': { '0': 1, '1': 0, '2': 0 },
      '1': { '0': 0, '1': 0, '2': 1 },
      '2': { '0': 0, '1': 0, '2': 2 },
    });
  });
});
