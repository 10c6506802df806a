/**
 * constraint_violations.json in Model Monitor's format (sagemaker.md §7): writing and reading. An
 * unknown constraint_check_type fails closed: a gate must not pass over a check it cannot name.
 */
import { MonitorDataError } from './errors.js';
import { arr, isObj, parseJsonText, str } from './json-util.js';

export const CHECK_TYPES = [
  'data_type_check',
  'completeness_check',
  'baseline_drift_check',
  'missing_column_check',
  'extra_column_check',
  'categorical_values_check',
] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

/** Model-quality monitors write these as constraint_check_type (sagemaker.md §6). */
export const QUALITY_CHECK_TYPES = [
  'LessThanThreshold',
  'GreaterThanThreshold',
  'LessThanOrEqualToThreshold',
  'GreaterThanOrEqualToThreshold',
] as const;

export interface Violation {
  feature_name: string;
  constraint_check_type: string;
  description: string;
  /** model-quality violations name a metric instead of a feature */
  metric_name?: string;
}

export function violationsJson(violations: Violation[]): { violations: Violation[] } {
  return {
    violations: violations.map((v) => {
      const o: Violation = {
        feature_name: v.feature_name,
        constraint_check_type: v.constraint_check_type,
        description: v.description,
      };
      if (v.metric_name !== undefined) o.metric_name = v.metric_name;
      return o;
    }),
  };
}

const FIX = 'fix: gate a constraint_violations.json written by Model Monitor or by monitor-gate';

export function parseViolations(input: unknown, source: string): Violation[] {
  const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, FIX) : input;
  if (!isObj(doc)) throw new MonitorDataError(`${source}: the report is not a JSON object; ${FIX}`);
  return arr(doc, 'violations', source, FIX).map((raw, i) => {
    const where = `${source}: violations[${i}]`;
    if (!isObj(raw)) throw new MonitorDataError(`${where} is not an object; ${FIX}`);
    const type = str(raw, 'constraint_check_type', where, FIX);
    const known =
      (CHECK_TYPES as readonly string[]).includes(type) ||
      (QUALITY_CHECK_TYPES as readonly string[]).includes(type);
    if (!known) {
      throw new MonitorDataError(
        `${where}.constraint_check_type is ${JSON.stringify(type.slice(0, 60))}, which this gate does not know (known: ${[...CHECK_TYPES, ...QUALITY_CHECK_TYPES].join(', ')}); it fails closed rather than ignore a check; ${FIX}`,
      );
    }
    const metric = typeof raw.metric_name === 'string' ? raw.metric_name : undefined;
    const feature = typeof raw.feature_name === 'string' ? raw.feature_name : metric;
    if (feature === undefined)
      throw new MonitorDataError(`${where} names neither feature_name nor metric_name; ${FIX}`);
    const v: Violation = {
      feature_name: feature,
      constraint_check_type: type,
      description: typeof raw.description === 'string' ? raw.description : '',
    };
    if (metric !== undefined) v.metric_name = metric;
    return v;
  });
}
