import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { GateConfigError } from '../../../src/gates/errors.js';
import { evaluateThresholds, formatMetricValue, parseThresholds } from '../../../src/gates/thresholds.js';
import { metricNames } from '../../../src/metrics/report.js';

describe('parseThresholds', () => {
  it('parses metric -> condition for every operator', () => {
    const rules = parseThresholds(
      { auc: '>= 0.70', f1: '>0.85', log_loss: ' <= 0.5 ', accuracy: '< 1', recall: '== 1' },
      'binary-classification',
    );
    expect(rules.map((r) => [r.metric, r.op, r.value, r.text])).toEqual([
      ['auc', '>=', 0.7, 'auc >= 0.70'],
      ['f1', '>', 0.85, 'f1 > 0.85'],
      ['log_loss', '<=', 0.5, 'log_loss <= 0.5'],
      ['accuracy', '<', 1, 'accuracy < 1'],
      ['recall', '==', 1, 'recall == 1'],
    ]);
    expect(parseThresholds({ rmse: '<= 1200', r2: '>= -0.5' }, 'regression')).toHaveLength(2);
    expect(parseThresholds({}, 'multiclass-classification')).toEqual([]);
  });
  it('unknown metrics list the valid ones; malformed conditions list the operators', () => {
    expect(() => parseThresholds({ aucc: '>= 0.7' }, 'binary-classification')).toThrow(
      new RegExp(
        `unknown metric "aucc" for binary-classification; valid metrics: ${metricNames('binary-classification').join(', ')}`,
      ),
    );
    expect(() => parseThresholds({ mae: '<= 1' }, 'binary-classification')).toThrow(GateConfigError);
    for (const bad of [
      '0.7',
      0.7,
      '=> 0.7',
      '>= abc',
      '>=',
      '>= 0.7 and <= 0.9',
      null,
      ['>= 0.7'],
      '≥ 0.7',
    ]) {
      expect(() => parseThresholds({ auc: bad }, 'binary-classification')).toThrow(
        /write an operator \(>=, >, <=, <, ==\) and a number/,
      );
    }
    expect(() => parseThresholds({ auc: '>= 70' }, 'binary-classification')).toThrow(/lies in \[0, 1\]/);
    expect(() => parseThresholds([] as unknown as Record<string, unknown>, 'binary-classification')).toThrow(
      /not a map/,
    );
  });
  it('fuzz: never throws anything but GateConfigError', () => {
    const names = [...metricNames('binary-classification'), ...metricNames('regression')];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...names), fc.string()),
          fc.oneof(
            fc.string(),
            fc.double(),
            fc.constantFrom('>= 0.5', '<=1e-3', '== -0', '> .5'),
            fc.anything(),
          ),
        ),
        fc.constantFrom('binary-classification', 'multiclass-classification', 'regression') as fc.Arbitrary<
          'binary-classification' | 'multiclass-classification' | 'regression'
        >,
        (map, problemType) => {
          try {
            const rules = parseThresholds(map, problemType);
            for (const r of rules) expect(Number.isFinite(r.value)).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(GateConfigError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('evaluateThresholds', () => {
  const rules = parseThresholds({ auc: '>= 0.70', log_loss: '<= 0.5', f1: '> 0.8' }, 'binary-classification');
  it('passes and fails by the operator, with messages naming the metric and value', () => {
    const out = evaluateThresholds(rules, { auc: 0.7, log_loss: 0.6, f1: 0.8 });
    expect(out.map((o) => o.passed)).toEqual([true, false, false]);
    expect(out[1]!.message).toBe('log_loss <= 0.5: failed (log_loss = 0.6)');
    expect(out[0]!.actual).toBe(0.7);
  });
  it('fails closed on a missing or NaN metric', () => {
    const out = evaluateThresholds(rules, { auc: NaN, f1: 0.9 });
    expect(out.map((o) => o.passed)).toEqual([false, false, true]);
    expect(out[0]!.message).toMatch(/auc is NaN .*fails closed/);
    expect(out[1]!.message).toMatch(/log_loss is missing/);
    expect(out[1]!.actual).toBeUndefined();
  });
});

describe('cases Stryker found untested', () => {
  it.each([
    [0.74123, '0.7412'],
    [0.5, '0.5'],
    [0.70001, '0.7'],
    [3, '3'],
    [-2, '-2'],
    [999.98765, '999.9877'],
    [1000.5, '1000.5'],
    [-1234.56789, '-1234.56789'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('formatMetricValue(%p) is %p', (v, want) => {
    expect(formatMetricValue(v)).toBe(want);
  });

  it('a passed rule says so with the value', () => {
    const [o] = evaluateThresholds(parseThresholds({ auc: '>= 0.7' }, 'binary-classification'), {
      auc: 0.75,
    });
    expect(o!.message).toBe('auc >= 0.7: passed (auc = 0.75)');
  });

  it('a metric that is not a number fails its rule as NaN', () => {
    const [o] = evaluateThresholds(parseThresholds({ auc: '>= 0.7' }, 'binary-classification'), {
      auc: '0.9' as unknown as number,
    });
    expect(o!.passed).toBe(false);
    expect(o!.actual).toBeNaN();
  });

  it.each([
    ['null', null, 'null'],
    ['a string', 'auc >= 0.7', '"auc >= 0.7"'],
    ['a number', 7, '7'],
    ['an array', [], '[]'],
  ])('%s is not a map', (_n, value, shown) => {
    expect(() => parseThresholds(value as never, 'binary-classification')).toThrow(
      `${shown} is not a map; expected metric: condition pairs such as {auc: ">= 0.70"}`,
    );
  });
});
