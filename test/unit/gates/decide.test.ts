import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Comparison } from '../../../src/gates/champion.js';
import {
  decideGate,
  intervalWiderThanAllowance,
  regressionBeyond,
  regressionStanding,
  type GateInput,
} from '../../../src/gates/decide.js';
import type { RuleOutcome } from '../../../src/gates/thresholds.js';

const pass: RuleOutcome = {
  rule: 'auc >= 0.7',
  metric: 'auc',
  actual: 0.8,
  passed: true,
  message: 'auc >= 0.7: passed (auc = 0.8)',
};
const fail: RuleOutcome = {
  rule: 'f1 >= 0.9',
  metric: 'f1',
  actual: 0.5,
  passed: false,
  message: 'f1 >= 0.9: failed (f1 = 0.5)',
};
const cmp = (over: Partial<Comparison>): Comparison => ({
  metric: 'auc',
  candidate: 0.741,
  champion: 0.729,
  diff: 0.012,
  ci: [0.004, 0.02],
  confidence: 0.95,
  method: 'delong',
  ...over,
});
const base: GateInput = {
  outcomes: [],
  comparisons: [],
  maxRegression: {},
  championFound: false,
  forceFail: false,
  problems: [],
};

describe('decideGate', () => {
  it('nothing passes by default: no thresholds and no champion fails closed and says to set thresholds', () => {
    const d = decideGate(base);
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('nothing configured');
    expect(d.reasons.join('\n')).toMatch(/no thresholds or champion rules configured.*set `thresholds`/);
  });
  it('passes when every threshold passes and there is no champion (says so)', () => {
    const d = decideGate({ ...base, outcomes: [pass] });
    expect(d.passed).toBe(true);
    expect(d.decidedBy).toBe('all rules passed: 1 threshold(s)');
    expect(d.reasons).toContain(
      'no champion yet (no Approved package in the group): gated on thresholds alone',
    );
  });
  it('a failed threshold decides', () => {
    const d = decideGate({ ...base, outcomes: [pass, fail] });
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('threshold f1 >= 0.9');
  });
  it('upstream problems fail closed first', () => {
    const d = decideGate({
      ...base,
      outcomes: [pass],
      problems: ['preds.csv:7: prediction "NaN" is not a finite number'],
    });
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('fail-closed');
    expect(d.reasons[0]).toMatch(/preds.csv:7/);
  });
  it('force-fail fails, labelled as forced, while keeping every other reason', () => {
    const d = decideGate({ ...base, outcomes: [pass], forceFail: true });
    expect([d.passed, d.forced, d.decidedBy]).toEqual([false, true, 'force-fail']);
    expect(d.reasons[0]).toMatch(/forced/);
  });
  it('max-regression: fails only when the CI lies beyond the allowance (higher is better)', () => {
    const champion = { ...base, outcomes: [pass], championFound: true, maxRegression: { auc: 0.01 } };
    expect(
      decideGate({ ...champion, comparisons: [cmp({ diff: -0.02, ci: [-0.035, -0.005] })] }).passed,
    ).toBe(true); // could be within allowance
    const d = decideGate({
      ...champion,
      comparisons: [cmp({ candidate: 0.7, champion: 0.73, diff: -0.03, ci: [-0.045, -0.015] })],
    });
    expect(d.passed).toBe(false);
    expect(d.decidedBy).toBe('max-regression auc (allowed drop 0.01)');
    expect(d.reasons[0]).toMatch(
      /AUC 0.700 vs champion 0.730, -0.030, 95% CI \[-0.045, -0.015\].*95% confidence/,
    );
  });
  it('max-regression mirrored for lower-is-better metrics', () => {
    const champion = { ...base, championFound: true, maxRegression: { log_loss: 0.02 } };
    const worse = cmp({
      metric: 'log_loss',
      candidate: 0.6,
      champion: 0.5,
      diff: 0.1,
      ci: [0.05, 0.15],
      method: 'paired-bootstrap',
    });
    expect(decideGate({ ...champion, comparisons: [worse] }).passed).toBe(false);
    const unsure = cmp({
      metric: 'log_loss',
      candidate: 0.52,
      champion: 0.5,
      diff: 0.02,
      ci: [-0.01, 0.05],
      method: 'paired-bootstrap',
    });
    expect(decideGate({ ...champion, comparisons: [unsure] }).passed).toBe(true);
  });
  it('prefers DeLong over bootstrap over registered metrics for the same metric', () => {
    const d = decideGate({
      ...base,
      championFound: true,
      maxRegression: { auc: 0 },
      comparisons: [
        cmp({ method: 'registered-metrics', diff: -0.5, ci: [-0.5, -0.5] }),
        cmp({ method: 'delong' }),
      ],
    });
    expect(d.passed).toBe(true);
  });
  it('fails closed when a max-regression metric has no comparison or a NaN one', () => {
    const champion = { ...base, outcomes: [pass], championFound: true, maxRegression: { auc: 0.01 } };
    const none = decideGate(champion);
    expect(none.passed).toBe(false);
    expect(none.reasons[0]).toMatch(/no comparison with the champion for auc; the gate fails closed/);
    expect(decideGate({ ...champion, comparisons: [cmp({ ci: [NaN, NaN] })] }).reasons[0]).toMatch(
      /cannot be evaluated/,
    );
  });
  it('with a champion and no max-regression, a significant regression on anything compared fails (allowance 0)', () => {
    const d = decideGate({
      ...base,
      championFound: true,
      comparisons: [cmp({ diff: -0.02, ci: [-0.03, -0.01] })],
    });
    expect(d.passed).toBe(false);
    expect(decideGate({ ...base, championFound: true, comparisons: [cmp({})] }).passed).toBe(true);
    expect(decideGate({ ...base, championFound: true }).passed).toBe(false); // champion but nothing compared, no thresholds
  });
  it('property: the gate never passes with a failed rule, a problem or force-fail', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean()),
        fc.boolean(),
        fc.boolean(),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        (oks, forced, problem, hi) => {
          const outcomes = oks.map((ok) => (ok ? pass : fail));
          const d = decideGate({
            outcomes,
            comparisons: [cmp({ diff: hi - 0.01, ci: [hi - 0.02, hi] })],
            maxRegression: { auc: 0 },
            championFound: true,
            forceFail: forced,
            problems: problem ? ['bad'] : [],
          });
          const shouldPass = oks.every(Boolean) && !forced && !problem && hi >= 0;
          expect(d.passed).toBe(shouldPass);
          expect(d.forced).toBe(forced);
        },
      ),
    );
  });
  it('regressionBeyond is undefined for non-finite input', () => {
    expect(regressionBeyond(cmp({ candidate: NaN }), 0)).toBeUndefined();
  });
});

describe('champion verdict wording (the verdict says what it means)', () => {
  // A drop of 0.015 against an allowance of 0.01: beyond it at the point estimate, but the
  // interval [-0.04, +0.01] straddles -0.01, so it is not significantly worse than the allowance.
  const straddles = cmp({ candidate: 0.714, diff: -0.015, ci: [-0.04, 0.01] });

  it('a drop beyond the allowance whose interval straddles it passes, but is not called "within"', () => {
    expect(regressionStanding(straddles, 0.01)).toBe('inconclusive');
    const d = decideGate({
      ...base,
      comparisons: [straddles],
      maxRegression: { auc: 0.01 },
      championFound: true,
    });
    expect(d.passed).toBe(true);
    const line = d.reasons.find((r) => r.startsWith('max-regression auc'))!;
    expect(line).toContain('not significantly worse than the allowance');
    expect(line).not.toContain('within');
  });
  it('warns when the interval is wider than the allowance itself', () => {
    const d = decideGate({
      ...base,
      comparisons: [straddles],
      maxRegression: { auc: 0.01 },
      championFound: true,
    });
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/interval of the difference is 0\.05 wide, wider than the allowance 0\.01/);
    expect(d.warnings[0]).toContain('Fix:');
  });
  it('a point estimate inside the allowance is "within"; a narrow interval gives no warning', () => {
    const ok = cmp({ diff: -0.005, ci: [-0.008, -0.002] });
    expect(regressionStanding(ok, 0.01)).toBe('within');
    expect(intervalWiderThanAllowance(ok, 0.01)).toBeUndefined();
    const d = decideGate({ ...base, comparisons: [ok], maxRegression: { auc: 0.01 }, championFound: true });
    expect(d.warnings).toEqual([]);
    expect(d.reasons.join('\n')).toContain('passed, within the allowance');
  });
  it('lower-is-better metrics mirror it', () => {
    const ll = cmp({ metric: 'log_loss', candidate: 0.5, champion: 0.48, diff: 0.02, ci: [-0.01, 0.05] });
    expect(regressionStanding(ll, 0.01)).toBe('inconclusive');
    expect(regressionStanding({ ...ll, ci: [0.011, 0.05] }, 0.01)).toBe('beyond');
    expect(regressionStanding({ ...ll, diff: 0.005 }, 0.01)).toBe('within');
  });
  it('no warning without an interval (registered metrics) or without an allowance', () => {
    expect(
      intervalWiderThanAllowance(cmp({ method: 'registered-metrics', ci: [-1, 1] }), 0.01),
    ).toBeUndefined();
    expect(intervalWiderThanAllowance(straddles, 0)).toBeUndefined();
  });
  it('standing is consistent with regressionBeyond for any comparison (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (diff, below, above, allowance) => {
          const c = cmp({ diff, ci: [diff - below, diff + above] });
          const s = regressionStanding(c, allowance);
          expect(s === 'beyond').toBe(regressionBeyond(c, allowance) === true);
          if (s === 'within') expect(diff).toBeGreaterThanOrEqual(-allowance);
          if (s === 'inconclusive') expect(diff).toBeLessThan(-allowance);
        },
      ),
    );
  });
});

describe('cases Stryker found untested', () => {
  it('a point estimate exactly at the allowance is within it (both directions)', () => {
    expect(regressionStanding(cmp({ diff: -0.25, ci: [-0.5, 0.125] }), 0.25)).toBe('within');
    expect(regressionStanding(cmp({ metric: 'log_loss', diff: 0.25, ci: [-0.125, 0.5] }), 0.25)).toBe(
      'within',
    );
  });

  it('an interval exactly as wide as the allowance is not "wider"; the warning names the confidence and the fix', () => {
    expect(intervalWiderThanAllowance(cmp({ ci: [-0.5, 0] }), 0.5)).toBeUndefined();
    expect(intervalWiderThanAllowance(cmp({ ci: [-0.5, 0.25], confidence: 0.9 }), 0.5)).toBe(
      'max-regression auc: the 90% interval of the difference is 0.75 wide, wider than the allowance 0.5: the test data cannot tell a drop of the allowed size from noise, so a real regression can pass. Fix: evaluate on more test rows, or raise the allowance to what the data can resolve',
    );
  });

  it('a wide interval around an unknown standing fails closed without the width warning', () => {
    const d = decideGate({
      ...base,
      championFound: true,
      comparisons: [cmp({ diff: NaN, ci: [-1, 1] })],
      maxRegression: { auc: 0.01 },
    });
    expect(d.passed).toBe(false);
    expect(d.warnings).toEqual([]);
  });

  it('each allowance uses the comparison of its own metric', () => {
    const d = decideGate({
      ...base,
      championFound: true,
      comparisons: [cmp({ metric: 'f1', diff: -0.5, ci: [-0.6, -0.4] }), cmp({})],
      maxRegression: { auc: 0.01 },
    });
    expect(d.passed).toBe(true);
  });

  it('a champion with nothing to compare and no allowance: no "allowance 0" note, nothing configured', () => {
    const d = decideGate({ ...base, championFound: true, outcomes: [pass] });
    expect(d.passed).toBe(true);
    expect(d.reasons).toEqual([pass.message]);
    expect(d.decidedBy).toBe('all rules passed: 1 threshold(s)');
  });

  it('a pass lists the rules that passed and each outcome; a failure lists each reason', () => {
    const ok = decideGate({
      ...base,
      championFound: true,
      outcomes: [pass, { ...pass, rule: 'f1 >= 0.5', message: 'f1 >= 0.5: passed (f1 = 0.6)' }, fail].slice(
        0,
        2,
      ),
      comparisons: [cmp({})],
      maxRegression: { auc: 0.01 },
    });
    expect(ok.decidedBy).toBe('all rules passed: 2 threshold(s), 1 champion rule(s)');
    expect(ok.reasons.slice(0, 2)).toEqual([
      'auc >= 0.7: passed (auc = 0.8)',
      'f1 >= 0.5: passed (f1 = 0.6)',
    ]);
    const bad = decideGate({ ...base, outcomes: [pass, fail] });
    expect(bad.passed).toBe(false);
    expect(bad.reasons[0]).toBe(fail.message);
    expect(bad.reasons).not.toContain(undefined);
    const forced = decideGate({ ...base, outcomes: [pass, fail], forceFail: true });
    expect(forced.reasons.slice(1)).toEqual([
      fail.message,
      'no champion yet (no Approved package in the group): gated on thresholds alone',
    ]);
  });
});
