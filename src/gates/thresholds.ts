/** The `thresholds` gate: metric -> condition (">= 0.70"), evaluated fail-closed. */
import { GateConfigError } from './errors.js';
import { metricNames } from '../metrics/report.js';
import type { ProblemType } from '../metrics/types.js';

export type ThresholdOp = '>=' | '>' | '<=' | '<' | '==';
export const THRESHOLD_OPS: readonly ThresholdOp[] = ['>=', '>', '<=', '<', '=='];

export interface ThresholdRule {
  metric: string;
  op: ThresholdOp;
  value: number;
  text: string;
}

export interface RuleOutcome {
  rule: string;
  metric: string;
  actual: number | undefined;
  passed: boolean;
  message: string;
}

const CONDITION_RE = /^\s*(>=|<=|==|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;
/** Metrics that cannot leave [0, 1]: a threshold outside it is a typo (e.g. 70 for 0.70). */
const UNBOUNDED = new Set(['log_loss', 'mae', 'mse', 'rmse', 'r2']);

function show(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function parseThresholds(map: Record<string, unknown>, problemType: ProblemType): ThresholdRule[] {
  const valid = metricNames(problemType);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new GateConfigError(
      `${show(map)} is not a map; expected metric: condition pairs such as {auc: ">= 0.70"}`,
    );
  }
  const rules: ThresholdRule[] = [];
  for (const [metric, condition] of Object.entries(map)) {
    if (!valid.includes(metric)) {
      throw new GateConfigError(
        `unknown metric ${show(metric)} for ${problemType}; valid metrics: ${valid.join(', ')}`,
      );
    }
    const m = typeof condition === 'string' ? CONDITION_RE.exec(condition) : null;
    if (!m) {
      throw new GateConfigError(
        `condition ${show(condition)} for ${metric} is not valid; write an operator (${THRESHOLD_OPS.join(', ')}) and a number, quoted, e.g. ${metric}: ">= 0.70"`,
      );
    }
    const op = m[1] as ThresholdOp;
    const value = Number(m[2]);
    if (!Number.isFinite(value)) {
      throw new GateConfigError(`${show(condition)} for ${metric}: the number is not finite`);
    }
    if (!UNBOUNDED.has(metric) && (value < 0 || value > 1)) {
      throw new GateConfigError(
        `${metric} ${show(condition)} can never be meaningful, ${metric} lies in [0, 1]; write a fraction, e.g. ${metric}: ">= 0.70"`,
      );
    }
    rules.push({ metric, op, value, text: `${metric} ${op} ${m[2]}` });
  }
  return rules;
}

function holds(actual: number, op: ThresholdOp, value: number): boolean {
  switch (op) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case '==':
      return actual === value;
  }
}

export function formatMetricValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || v === Math.trunc(v)
    ? String(v)
    : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** Every rule against the metrics; a missing or NaN metric fails its rule (fail closed). */
export function evaluateThresholds(rules: ThresholdRule[], metrics: Record<string, number>): RuleOutcome[] {
  return rules.map((rule) => {
    const actual = Object.prototype.hasOwnProperty.call(metrics, rule.metric)
      ? metrics[rule.metric]
      : undefined;
    if (actual === undefined || typeof actual !== 'number' || Number.isNaN(actual)) {
      return {
        rule: rule.text,
        metric: rule.metric,
        actual: actual === undefined ? undefined : NaN,
        passed: false,
        message: `${rule.text}: failed, ${rule.metric} is ${actual === undefined ? 'missing' : 'NaN (undefined for this data, e.g. AUC with only one class)'}; the gate fails closed. Fix: evaluate on data where ${rule.metric} is defined, or remove the threshold`,
      };
    }
    const passed = holds(actual, rule.op, rule.value);
    return {
      rule: rule.text,
      metric: rule.metric,
      actual,
      passed,
      message: passed
        ? `${rule.text}: passed (${rule.metric} = ${formatMetricValue(actual)})`
        : `${rule.text}: failed (${rule.metric} = ${formatMetricValue(actual)})`,
    };
  });
}
