import { describe, expect, it } from '@jest/globals';
import { formatComparison, lowerIsBetter, parseMaxRegression } from '../../../src/gates/champion.js';
import { metricNames } from '../../../src/metrics/report.js';
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

describe('max-regression and the summary line: cases Stryker found untested', () => {
  const B = 'binary-classification' as const;
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(GateConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a GateConfigError');
  };

  it.each([
    ['null', null],
    ['a string', 'auc: 0.01'],
    ['a number', 0.01],
    ['an array', [{ auc: 0.01 }]],
  ])('%s is not a map', (_n, value) => {
    expect(message(() => parseMaxRegression(value as never, B))).toBe(
      `${JSON.stringify(value)} is not a map; expected metric: allowed drop, e.g. {auc: 0.01}`,
    );
  });

  it('an unknown metric lists every valid one, comma-separated', () => {
    expect(message(() => parseMaxRegression({ aucc: 0.01 }, B))).toBe(
      `unknown metric "aucc" for binary-classification; valid metrics: ${metricNames(B).join(', ')}`,
    );
  });

  it.each([
    ['12.5', 12.5],
    ['10', 10],
    ['.25', 0.25],
    ['1e2', 100],
    ['1e-10', 1e-10],
    ['2.5E+1', 25],
  ])('the string %p is the number %p', (raw, want) => {
    expect(parseMaxRegression({ auc: raw }, B)).toEqual({ auc: want });
  });

  it.each(['+0.01', '0x10', '1_0', '1e', '.', 'Infinity'])('the string %p is not a valid drop', (raw) => {
    expect(message(() => parseMaxRegression({ auc: raw }, B))).toMatch(
      /^allowed drop .* for auc is not valid/,
    );
  });

  it('a zero difference shows as +0.000; an infinite one without a sign', () => {
    const c = {
      metric: 'auc',
      candidate: 0.5,
      champion: 0.5,
      diff: 0,
      ci: [0, 0] as [number, number],
      confidence: 0.95,
      method: 'delong' as const,
    };
    expect(formatComparison(c)).toBe('AUC 0.500 vs champion 0.500, +0.000, 95% CI [+0.000, +0.000]');
    expect(formatComparison({ ...c, diff: Infinity, ci: [-Infinity, Infinity] })).toBe(
      'AUC 0.500 vs champion 0.500, Infinity, 95% CI [-Infinity, Infinity]',
    );
  });
});
