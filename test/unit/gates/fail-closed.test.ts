/**
 * Boundaries and fail-closed paths of the gate that mutation testing (npm run mutation) showed no
 * test pinned down: every threshold operator at equality, the [0, 1] bounds, non-string and
 * non-finite conditions and the allowance boundary of a champion regression (the paired tests'
 * argument checks: test/unit/stats/fail-closed.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { GateConfigError } from '../../../src/gates/errors.js';
import { formatComparison, parseMaxRegression, type Comparison } from '../../../src/gates/champion.js';
import { decideGate, regressionBeyond, type GateInput } from '../../../src/gates/decide.js';
import { evaluateThresholds, formatMetricValue, parseThresholds } from '../../../src/gates/thresholds.js';

const BINARY = 'binary-classification';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('thresholds at their boundaries', () => {
  const at = (condition: string, actual: number) =>
    evaluateThresholds(parseThresholds({ auc: condition }, BINARY), { auc: actual })[0]!.passed;
  it('each operator at, just below and just above the value', () => {
    const table: [string, boolean, boolean, boolean][] = [
      // condition, at 0.7, at 0.7 - 1e-9, at 0.7 + 1e-9
      ['>= 0.7', true, false, true],
      ['> 0.7', false, false, true],
      ['<= 0.7', true, true, false],
      ['< 0.7', false, true, false],
      ['== 0.7', true, false, false],
    ];
    for (const [condition, eq, below, above] of table) {
      expect([condition, at(condition, 0.7), at(condition, 0.7 - 1e-9), at(condition, 0.7 + 1e-9)]).toEqual([
        condition,
        eq,
        below,
        above,
      ]);
    }
  });
  it('0 and 1 are valid bounds for [0, 1] metrics; just outside is a typo; unbounded metrics take any finite value', () => {
    expect(
      parseThresholds({ auc: '>= 0', f1: '<= 1', recall: '== 1.0' }, BINARY).map((r) => r.value),
    ).toEqual([0, 1, 1]);
    for (const bad of ['>= 1.0001', '>= -0.0001', '>= 70']) {
      const err = thrown(() => parseThresholds({ auc: bad }, BINARY));
      expect(err).toBeInstanceOf(GateConfigError);
      expect(err.message).toMatch(/can never be meaningful, auc lies in \[0, 1\]/);
    }
    expect(parseThresholds({ log_loss: '<= 70' }, BINARY)[0]!.value).toBe(70);
    expect(parseThresholds({ mse: '< -1' }, 'regression')[0]!.value).toBe(-1);
  });
  it('a non-finite number, a bare YAML number and junk are configuration errors naming the metric', () => {
    expect(thrown(() => parseThresholds({ log_loss: '<= 1e999' }, BINARY)).message).toMatch(
      /"<= 1e999" for log_loss: the number is not finite/,
    );
    for (const bad of [0.7, '0.7', '>=', '>= 0.7x', '=> 0.7', '>= .', true, null, ['>= 0.7']]) {
      const err = thrown(() => parseThresholds({ auc: bad }, BINARY));
      expect(err).toBeInstanceOf(GateConfigError);
      expect(err.message).toMatch(/condition .* for auc is not valid; write an operator/);
    }
    expect(thrown(() => parseThresholds([] as never, BINARY)).message).toMatch(/is not a map/);
    expect(thrown(() => parseThresholds(null as never, BINARY)).message).toMatch(/null is not a map/);
  });
  it('keeps the text as written and accepts spaces, signs and exponents', () => {
    expect(parseThresholds({ auc: '  >=0.70  ', f1: '> +5e-1' }, BINARY)).toEqual([
      { metric: 'auc', op: '>=', value: 0.7, text: 'auc >= 0.70' },
      { metric: 'f1', op: '>', value: 0.5, text: 'f1 > +5e-1' },
    ]);
  });
  it('a missing, NaN or non-number metric fails closed; Infinity is compared', () => {
    const rules = parseThresholds({ auc: '>= 0.5', log_loss: '<= 1' }, BINARY);
    const missing = evaluateThresholds(rules, { log_loss: 0.2 });
    expect(missing.map((o) => o.passed)).toEqual([false, true]);
    expect(missing[0]).toMatchObject({ actual: undefined, metric: 'auc' });
    expect(missing[0]!.message).toMatch(/auc is missing; the gate fails closed/);
    const weird = evaluateThresholds(rules, { auc: 'high' as never, log_loss: Infinity });
    expect(weird[0]).toMatchObject({ passed: false, actual: NaN });
    expect(weird[0]!.message).toMatch(/auc is NaN/);
    expect(weird[1]).toMatchObject({ passed: false, actual: Infinity });
    // An inherited property is not a metric.
    expect(
      evaluateThresholds(parseThresholds({ auc: '>= 0' }, BINARY), Object.create({ auc: 1 }))[0]!.passed,
    ).toBe(false);
  });
  it('formats values for messages', () => {
    expect(formatMetricValue(0.71234)).toBe('0.7123');
    expect(formatMetricValue(0.5)).toBe('0.5');
    expect(formatMetricValue(1)).toBe('1');
    expect(formatMetricValue(1234.5678)).toBe('1234.5678');
    expect(formatMetricValue(-0.00001)).toBe('-0');
    expect(formatMetricValue(NaN)).toBe('NaN');
    expect(formatMetricValue(-Infinity)).toBe('-Infinity');
  });
});

describe('champion regression at the allowance', () => {
  const cmp = (over: Partial<Comparison>): Comparison => ({
    metric: 'auc',
    candidate: 0.7,
    champion: 0.72,
    diff: -0.02,
    ci: [-0.03, -0.01],
    confidence: 0.95,
    method: 'delong',
    ...over,
  });
  it('higher is better: beyond only when the whole CI is below -allowance (strictly)', () => {
    expect(regressionBeyond(cmp({ ci: [-0.03, -0.01] }), 0.01)).toBe(false); // hi == -allowance
    expect(regressionBeyond(cmp({ ci: [-0.03, -0.0100001] }), 0.01)).toBe(true);
    expect(regressionBeyond(cmp({ ci: [-0.03, 0.01] }), 0)).toBe(false);
    expect(regressionBeyond(cmp({ ci: [-0.03, -1e-12] }), 0)).toBe(true);
  });
  it('lower is better: beyond only when the whole CI is above +allowance (strictly)', () => {
    const ll = (ci: [number, number]) => cmp({ metric: 'log_loss', ci, diff: ci[0] });
    expect(regressionBeyond(ll([0.01, 0.03]), 0.01)).toBe(false);
    expect(regressionBeyond(ll([0.0100001, 0.03]), 0.01)).toBe(true);
    expect(regressionBeyond(ll([-0.01, 0.03]), 0)).toBe(false);
  });
  it('any non-finite number makes it undecidable, and the gate fails closed on it', () => {
    for (const over of [
      { candidate: NaN },
      { champion: Infinity },
      { diff: NaN },
      { ci: [NaN, 0] as [number, number] },
      { ci: [0, -Infinity] as [number, number] },
    ]) {
      const c = cmp(over);
      expect(regressionBeyond(c, 0.01)).toBeUndefined();
      const d = decideGate({ ...gate, championFound: true, comparisons: [c], maxRegression: { auc: 0.01 } });
      expect(d.passed).toBe(false);
      expect(d.decidedBy).toBe('max-regression auc (allowed drop 0.01)');
      expect(d.reasons[0]).toMatch(/cannot be evaluated .*the gate fails closed/);
    }
  });
  const gate: GateInput = {
    outcomes: [],
    comparisons: [],
    maxRegression: {},
    championFound: false,
    forceFail: false,
    problems: [],
  };
  it('a champion with nothing compared and no thresholds fails closed (champion wording)', () => {
    const d = decideGate({ ...gate, championFound: true });
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('nothing configured');
    expect(d.reasons[0]).toMatch(/^no thresholds configured and nothing could be compared with the champion/);
  });
  it('max-regression without a champion counts no rule: no thresholds still fails closed', () => {
    const d = decideGate({ ...gate, maxRegression: { auc: 0.01 } });
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('nothing configured');
    expect(d.reasons).toContain(
      'no champion yet (no Approved package in the group): gated on thresholds alone',
    );
  });
  it('a passing champion rule alone passes and is counted; force-fail still fails it', () => {
    const c = cmp({ diff: 0.01, ci: [-0.005, 0.02], candidate: 0.73 });
    const d = decideGate({ ...gate, championFound: true, comparisons: [c] });
    expect(d.passed).toBe(true);
    expect(d.decidedBy).toBe('all rules passed: 1 champion rule(s)');
    expect(d.reasons).toContain(
      'max-regression not set: allowing no statistically significant regression (allowance 0)',
    );
    const forced = decideGate({ ...gate, championFound: true, comparisons: [c], forceFail: true });
    expect(forced).toMatchObject({ passed: false, forced: true, decidedBy: 'force-fail' });
  });
  it('a registered-metrics regression says so (no confidence claimed)', () => {
    const c = cmp({ method: 'registered-metrics', ci: [-0.02, -0.02] });
    const d = decideGate({ ...gate, championFound: true, comparisons: [c], maxRegression: { auc: 0.01 } });
    expect(d.passed).toBe(false);
    expect(d.reasons[0]).toMatch(/the registered metrics show$/);
    const b = decideGate({
      ...gate,
      championFound: true,
      comparisons: [cmp({ method: 'paired-bootstrap', confidence: 0.9 })],
      maxRegression: { auc: 0 },
    });
    expect(b.reasons[0]).toMatch(/with 90% confidence$/);
  });
});

describe('max-regression parsing and the summary line', () => {
  it('accepts numbers and numeric strings >= 0; rejects the rest naming the metric', () => {
    expect(parseMaxRegression({ auc: 0, f1: '0.01', log_loss: ' 1e-2 ', accuracy: '.5' }, BINARY)).toEqual({
      auc: 0,
      f1: 0.01,
      log_loss: 0.01,
      accuracy: 0.5,
    });
    for (const bad of [-0.01, '-0.01', NaN, Infinity, 'abc', '0.01x', '', null, true, [0.01]]) {
      const err = thrown(() => parseMaxRegression({ auc: bad }, BINARY));
      expect(err).toBeInstanceOf(GateConfigError);
      expect(err.message).toMatch(/^allowed drop .* for auc is not valid/);
    }
    expect(thrown(() => parseMaxRegression([] as never, BINARY)).message).toMatch(/is not a map/);
    expect(thrown(() => parseMaxRegression({ mse: 0.1 }, BINARY)).message).toMatch(/unknown metric "mse"/);
  });
  it('signs, rounding of -0 and non-finite values', () => {
    const c: Comparison = {
      metric: 'log_loss',
      candidate: 0.5,
      champion: 0.5,
      diff: -0.0001,
      ci: [-0.0004, NaN],
      confidence: 0.9,
      method: 'paired-bootstrap',
    };
    expect(formatComparison(c)).toBe('log loss 0.500 vs champion 0.500, +0.000, 90% CI [+0.000, NaN]');
    expect(formatComparison({ ...c, metric: 'mse', diff: -0.25, ci: [-0.5, 0.125] }, 2)).toBe(
      'mse 0.50 vs champion 0.50, -0.25, 90% CI [-0.50, +0.13]',
    );
    expect(formatComparison({ ...c, method: 'registered-metrics' })).toBe(
      'log loss 0.500 vs champion 0.500, +0.000 (registered metrics, no CI)',
    );
  });
});
