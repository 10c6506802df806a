/**
 * CloudWatch metric-alarm evaluation as a pure function over datapoints: statistic per period,
 * the last EvaluationPeriods periods, DatapointsToAlarm ("M out of N"), the comparison, and
 * TreatMissingData. The store (cloudwatch-alarms.ts) calls it on a clock.
 */
import { aggregate, statisticValue } from './metric-stats.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export const COMPARISONS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const TREAT_MISSING = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;

export interface AlarmRule {
  statistic: string;
  periodSeconds: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparison: Comparison;
  treatMissingData: string;
}

export interface PointLike {
  timestamp: number;
  values: number[];
  stats?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
}

export interface Evaluation {
  /** undefined: keep the current state (TreatMissingData ignore with no data). */
  state: AlarmState | undefined;
  reason: string;
  /** The evaluated periods, newest first: start time and value (undefined = missing). */
  periods: { start: number; value: number | undefined }[];
}

export function breaches(value: number, threshold: number, op: Comparison): boolean {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

const OP_WORDS: Record<Comparison, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

const fmtTime = (ms: number): string => {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
const fmtNum = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/**
 * Evaluates the rule at `now`. Periods are aligned to the period boundary (as CloudWatch aligns
 * them) and the newest period is the one containing `now`, partial or not.
 * Guess (noted): CloudWatch may skip a partial newest period for delayed metrics; AWS/SageMaker
 * invocation metrics are emitted per minute and alarms on them do fire within the minute.
 */
export function evaluateRule(rule: AlarmRule, points: PointLike[], now: number): Evaluation {
  const periodMs = rule.periodSeconds * 1000;
  const newestStart = Math.floor(now / periodMs) * periodMs;
  const periods: { start: number; value: number | undefined }[] = [];
  for (let k = 0; k < rule.evaluationPeriods; k++) {
    const start = newestStart - k * periodMs;
    const inside = points.filter((p) => p.timestamp >= start && p.timestamp < start + periodMs);
    const value = inside.length ? statisticValue(aggregate(inside), rule.statistic) : undefined;
    periods.push({ start, value: value !== undefined && Number.isFinite(value) ? value : undefined });
  }
  const present = periods.filter((p) => p.value !== undefined);
  const missing = periods.length - present.length;
  let breaching = present.filter((p) => breaches(p.value!, rule.threshold, rule.comparison)).length;
  if (rule.treatMissingData === 'breaching') breaching += missing;
  const m = rule.datapointsToAlarm;
  const shown = present
    .slice(0, 5)
    .map((p) => `${fmtNum(p.value!)} (${fmtTime(p.start)})`)
    .join(', ');
  const words = OP_WORDS[rule.comparison];
  if (breaching >= m) {
    return {
      state: 'ALARM',
      periods,
      reason: `Threshold Crossed: ${breaching} out of the last ${rule.evaluationPeriods} datapoints [${shown}] ${breaching === 1 ? 'was' : 'were'} ${words} the threshold (${fmtNum(rule.threshold)}) (minimum ${m} datapoint${m === 1 ? '' : 's'} for OK -> ALARM transition).`,
    };
  }
  if (present.length === 0) {
    if (rule.treatMissingData === 'notBreaching' || rule.treatMissingData === 'breaching') {
      return {
        state: 'OK',
        periods,
        reason: `Threshold Crossed: no datapoints were received for ${rule.evaluationPeriods} period${rule.evaluationPeriods === 1 ? '' : 's'} and ${rule.evaluationPeriods} missing datapoint${rule.evaluationPeriods === 1 ? ' was' : 's were'} treated as [NonBreaching].`,
      };
    }
    if (rule.treatMissingData === 'ignore') return { state: undefined, periods, reason: '' };
    return {
      state: 'INSUFFICIENT_DATA',
      periods,
      reason: `Insufficient Data: ${rule.evaluationPeriods} datapoint${rule.evaluationPeriods === 1 ? ' was' : 's were'} unknown.`,
    };
  }
  return {
    state: 'OK',
    periods,
    reason: `Threshold Crossed: ${present.length} datapoint${present.length === 1 ? '' : 's'} [${shown}] ${present.length === 1 ? 'was' : 'were'} not ${words} the threshold (${fmtNum(rule.threshold)}).`,
  };
}

/** Periods CloudWatch accepts: 10, 30 or a multiple of 60 seconds for alarms. */
export const validAlarmPeriod = (p: number): boolean =>
  Number.isInteger(p) && (p === 10 || p === 30 || (p >= 60 && p % 60 === 0));

/** Periods CloudWatch accepts for metric queries: 1, 5, 10, 30 or a multiple of 60 seconds. */
export const validQueryPeriod = (p: number): boolean =>
  Number.isInteger(p) && (p === 1 || p === 5 || p === 10 || p === 30 || (p >= 60 && p % 60 === 0));
