/**
 * The gate decision over plain data. Fails closed: upstream problems, forced failure, any failed
 * threshold, a champion regression beyond its allowance with statistical confidence, a champion
 * rule that cannot be evaluated, or nothing configured at all. `decidedBy` names the deciding rule.
 */
import { formatComparison, lowerIsBetter, type Comparison } from './champion.js';
import type { RuleOutcome } from './thresholds.js';

export interface GateDecision {
  passed: boolean;
  forced: boolean;
  decidedBy: string;
  reasons: string[];
  outcomes: RuleOutcome[];
  comparisons: Comparison[];
  /**
   * Things the user should know even when the gate passes: a champion comparison whose interval
   * is wider than its allowance cannot show a regression of that size either way.
   */
  warnings: string[];
}

export interface GateInput {
  outcomes: RuleOutcome[];
  comparisons: Comparison[];
  maxRegression: Record<string, number>;
  championFound: boolean;
  forceFail: boolean;
  /** Fail-closed problems found upstream (bad data, unreadable report, ...). */
  problems: string[];
}

const METHOD_PREFERENCE: Comparison['method'][] = ['delong', 'paired-bootstrap', 'registered-metrics'];

/** Whether a comparison shows a regression beyond `allowance` with statistical confidence (undefined = cannot tell). */
export function regressionBeyond(c: Comparison, allowance: number): boolean | undefined {
  const [lo, hi] = c.ci;
  if (![c.diff, lo, hi, c.candidate, c.champion].every(Number.isFinite)) return undefined;
  // Higher is better: the whole CI of (candidate - champion) lies below -allowance. Lower is better: above +allowance.
  return lowerIsBetter(c.metric) ? lo > allowance : hi < -allowance;
}

/**
 * Where a comparison stands against an allowance (pure):
 *   beyond        the whole interval is worse than the allowance: a regression, with confidence;
 *   within        even the point estimate is no worse than the allowance;
 *   inconclusive  the point estimate is worse than the allowance, but the interval straddles it:
 *                 not significantly worse than the allowance (the gate passes, but say so);
 *   unknown       a non-finite number anywhere: the gate fails closed.
 */
export type RegressionStanding = 'beyond' | 'within' | 'inconclusive' | 'unknown';

export function regressionStanding(c: Comparison, allowance: number): RegressionStanding {
  const beyond = regressionBeyond(c, allowance);
  if (beyond === undefined) return 'unknown';
  if (beyond) return 'beyond';
  const pointBeyond = lowerIsBetter(c.metric) ? c.diff > allowance : c.diff < -allowance;
  return pointBeyond ? 'inconclusive' : 'within';
}

/**
 * The interval is wider than the allowance: the test data cannot tell a drop of the allowed size
 * from noise (pure; undefined when it can, or when there is no interval or no allowance).
 */
export function intervalWiderThanAllowance(c: Comparison, allowance: number): string | undefined {
  if (c.method === 'registered-metrics' || !(allowance > 0)) return undefined;
  const width = c.ci[1] - c.ci[0];
  if (!Number.isFinite(width) || width <= allowance) return undefined;
  return (
    `max-regression ${c.metric}: the ${Math.round(c.confidence * 100)}% interval of the difference is ` +
    `${round4(width)} wide, wider than the allowance ${allowance}: the test data cannot tell a drop of ` +
    `the allowed size from noise, so a real regression can pass. Fix: evaluate on more test rows, or ` +
    `raise the allowance to what the data can resolve`
  );
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function pickComparison(comparisons: Comparison[], metric: string): Comparison | undefined {
  for (const method of METHOD_PREFERENCE) {
    const c = comparisons.find((x) => x.metric === metric && x.method === method);
    if (c) return c;
  }
  return undefined;
}

export function decideGate(input: GateInput): GateDecision {
  const { outcomes, comparisons, maxRegression, championFound, forceFail, problems } = input;
  const failures: { rule: string; reason: string }[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];

  for (const p of problems) failures.push({ rule: 'fail-closed', reason: p });

  for (const o of outcomes) {
    if (!o.passed) failures.push({ rule: `threshold ${o.rule}`, reason: o.message });
  }
  const passedThresholds = outcomes.filter((o) => o.passed).length;

  let championRules = 0;
  if (championFound) {
    let allowances = Object.entries(maxRegression);
    if (allowances.length === 0) {
      // No allowance configured: the candidate must not be significantly worse on anything compared.
      allowances = [...new Set(comparisons.map((c) => c.metric))].map((m) => [m, 0]);
      if (allowances.length > 0)
        notes.push('max-regression not set: allowing no statistically significant regression (allowance 0)');
    }
    for (const [metric, allowance] of allowances) {
      championRules++;
      const rule = `max-regression ${metric} (allowed drop ${allowance})`;
      const c = pickComparison(comparisons, metric);
      if (!c) {
        failures.push({
          rule,
          reason: `${rule}: no comparison with the champion for ${metric}; the gate fails closed. Fix: make the champion scorable on the test data, register ${metric} with the champion, or remove ${metric} from max-regression`,
        });
        continue;
      }
      const standing = regressionStanding(c, allowance);
      const line = formatComparison(c);
      const wide = intervalWiderThanAllowance(c, allowance);
      if (wide && standing !== 'unknown') warnings.push(wide);
      if (standing === 'unknown') {
        failures.push({ rule, reason: `${rule}: cannot be evaluated (${line}); the gate fails closed` });
      } else if (standing === 'beyond') {
        const how =
          c.method === 'registered-metrics'
            ? 'the registered metrics show'
            : `with ${Math.round(c.confidence * 1000) / 10}% confidence`;
        failures.push({
          rule,
          reason: `${rule}: ${line}: worse than the champion beyond the allowance, ${how}`,
        });
      } else if (standing === 'inconclusive') {
        notes.push(
          `${rule}: passed, not significantly worse than the allowance: the measured drop is beyond it, but the interval straddles it (${line})`,
        );
      } else {
        notes.push(`${rule}: passed, within the allowance (${line})`);
      }
    }
  } else {
    notes.push('no champion yet (no Approved package in the group): gated on thresholds alone');
  }

  if (outcomes.length === 0 && championRules === 0) {
    failures.push({
      rule: 'nothing configured',
      reason: championFound
        ? 'no thresholds configured and nothing could be compared with the champion: nothing passes by default. Fix: set `thresholds`, e.g. auc: ">= 0.70"'
        : 'no thresholds or champion rules configured: nothing passes by default. Fix: set `thresholds`, e.g. auc: ">= 0.70"',
    });
  }

  if (forceFail) {
    return {
      passed: false,
      forced: true,
      decidedBy: 'force-fail',
      reasons: [
        'force-fail: true: the gate was failed deliberately (forced), after computing and reporting everything',
        ...failures.map((f) => f.reason),
        ...notes,
      ],
      outcomes,
      comparisons,
      warnings,
    };
  }
  if (failures.length > 0) {
    return {
      passed: false,
      forced: false,
      decidedBy: failures[0]!.rule,
      reasons: [...failures.map((f) => f.reason), ...notes],
      outcomes,
      comparisons,
      warnings,
    };
  }
  const parts: string[] = [];
  if (passedThresholds > 0) parts.push(`${passedThresholds} threshold(s)`);
  if (championRules > 0) parts.push(`${championRules} champion rule(s)`);
  return {
    passed: true,
    forced: false,
    decidedBy: `all rules passed: ${parts.join(', ')}`,
    reasons: [...outcomes.map((o) => o.message), ...notes],
    outcomes,
    comparisons,
    warnings,
  };
}
