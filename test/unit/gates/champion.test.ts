import { describe, expect, it } from '@jest/globals';
import { formatComparison, lowerIsBetter, parseMaxRegression } from '../../../src/gates/champion.js';
import { GateConfigError } from '../../../src/gates/errors.js';

describe('max-regression and formatting', () => {
  it('parses allowances and rejects unknown metrics and bad numbers', () => {
    expect(parseMaxRegression({ auc: 0.01, log_loss: '0.05' }, 'binary-classification')).toEqual({
      auc: 0.01,
      log_loss: 0.05,
    });
    expect(() => parseMaxRegression({ aucc: 0.01 }, 'binary-classification')).toThrow(
      /unknown metric "aucc".*valid metrics: .*auc/,
    );
    expect(() => parseMaxRegression({ auc: -0.1 }, 'binary-classification')).toThrow(GateConfigError);
    expect(() => parseMaxRegression({ auc: 'a lot' }, 'binary-classification')).toThrow(
      /allowed drop "a lot"/,
    );
    expect(() => parseMaxRegression({ mae: 1 }, 'binary-classification')).toThrow(GateConfigError);
  });
  it('knows which metrics are lower-is-better', () => {
    expect(['log_loss', 'mae', 'mse', 'rmse', 'false_positive_rate'].every(lowerIsBetter)).toBe(true);
    expect(['auc', 'f1', 'r2', 'accuracy'].some(lowerIsBetter)).toBe(false);
  });
  it('renders the PR summary line', () => {
    expect(
      formatComparison({
        metric: 'auc',
        candidate: 0.7412,
        champion: 0.7291,
        diff: 0.0121,
        ci: [0.0043, 0.0199],
        confidence: 0.95,
        method: 'delong',
      }),
    ).toBe('AUC 0.741 vs champion 0.729, +0.012, 95% CI [+0.004, +0.020]');
    expect(
      formatComparison({
        metric: 'f1',
        candidate: 0.5,
        champion: 0.6,
        diff: -0.1,
        ci: [-0.1, -0.1],
        confidence: 0.9,
        method: 'registered-metrics',
      }),
    ).toBe('F1 0.500 vs champion 0.600, -0.100 (registered metrics, no CI)');
  });
});
