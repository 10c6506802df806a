/**
 * Typed, validated settings of actions/monitor-gate. Pure: inputs in, settings out; every bad
 * value is a ConfigurationError naming the input, the value and the fix.
 */
import type { StageNames } from '../../core/context.js';
import { ConfigurationError } from '../../core/errors.js';
import { parseDuration, parseS3Uri, parseSageMakerName, show, type Inputs } from '../../core/inputs.js';
import { parseThresholds, type ThresholdRule } from '../../gates/thresholds.js';
import { PROBLEM_TYPES, type ProblemType } from '../../metrics/types.js';
import { CHECK_TYPES } from '../../monitor/violations.js';

/** Input names of actions/monitor-gate. */
const I = {
  mode: 'mode',
  baselineData: 'baseline-data',
  features: 'features',
  outputUri: 'output-uri',
  comparisonThreshold: 'comparison-threshold',
  comparisonMethod: 'comparison-method',
  createSchedule: 'create-schedule',
  scheduleRoleArn: 'role-arn',
  endpointName: 'endpoint-name',
  violationsReport: 'violations-report',
  monitoringSchedule: 'monitoring-schedule',
  maxAge: 'max-age',
  captureUri: 'capture-uri',
  since: 'since',
  until: 'until',
  baselineStatistics: 'baseline-statistics',
  baselineConstraints: 'baseline-constraints',
  reportUri: 'report-uri',
  groundTruthUri: 'ground-truth-uri',
  problemType: 'problem-type',
  probabilityThreshold: 'probability-threshold',
  qualityThresholds: 'quality-thresholds',
  minJoinRate: 'min-join-rate',
  alarms: 'alarms',
  maxViolations: 'max-violations',
  ignoreFeatures: 'ignore-features',
  failOnGate: 'fail-on-gate',
  forceFail: 'force-fail',
  githubToken: 'github-token',
  publishMetrics: 'publish-metrics',
  dashboardName: 'dashboard-name',
  region: 'region',
  config: 'config',
} as const;

/** Output names. */
export const OUTPUTS = {
  passed: 'passed',
  violations: 'violations',
  violationsCount: 'violations-count',
  reportUri: 'report-uri',
  metrics: 'metrics',
  issueNumber: 'issue-number',
  statisticsUri: 'statistics-uri',
  constraintsUri: 'constraints-uri',
} as const;

/** The action's input, output and state names (a unit test checks them against action.yml). */
export const MONITOR_GATE_NAMES = {
  action: 'monitor-gate',
  inputs: Object.values(I),
  outputs: [
    OUTPUTS.passed,
    OUTPUTS.violations,
    OUTPUTS.violationsCount,
    OUTPUTS.reportUri,
    OUTPUTS.metrics,
    OUTPUTS.issueNumber,
    OUTPUTS.statisticsUri,
    OUTPUTS.constraintsUri,
  ],
  state: [],
} as const satisfies StageNames;
export { I as MONITOR_GATE_INPUTS };

export type Mode = 'baseline' | 'check';

export interface BaselineSettings {
  data: string;
  features: string | undefined;
  outputUri: string;
  comparisonThreshold: number;
  comparisonMethod: 'Simple' | 'Robust';
  createSchedule: boolean;
  roleArn: string | undefined;
}

export interface CheckSettings {
  violationsReport: string | undefined;
  monitoringSchedule: string | undefined;
  maxAgeMs: number;
  captureUri: string | undefined;
  sinceMs: number;
  untilMs: number;
  baselineStatistics: string | undefined;
  baselineConstraints: string | undefined;
  reportUri: string | undefined;
  groundTruthUri: string | undefined;
  problemType: ProblemType;
  probabilityThreshold: number;
  qualityThresholds: ThresholdRule[];
  minJoinRate: number;
  alarms: string[];
  /** total allowed, or per check type */
  maxViolations: number | Record<string, number>;
  ignoreFeatures: string[];
}

export interface MonitorGateSettings {
  mode: Mode;
  endpointName: string | undefined;
  baseline: BaselineSettings | undefined;
  check: CheckSettings | undefined;
  failOnGate: boolean;
  forceFail: boolean;
  githubToken: string | undefined;
  publishMetrics: boolean;
  dashboardName: string | undefined;
  region: string | undefined;
}

/** An S3 URI (validated) or a local path. */
export function location(inputs: Inputs, name: string): string | undefined {
  const v = inputs.optional(name);
  if (v === undefined || v === '') return undefined;
  if (/^s3:\/\//i.test(v)) return parseS3Uri(name, v).uri;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${show(v)} is not valid; expected an S3 URI (s3://bucket/key) or a local path`,
    );
  }
  return v;
}

/** An ISO time or a duration before `now` (e.g. 24h, 90m, 2d). */
export function parseTimeInput(name: string, value: string, now: number): number {
  const v = value.trim();
  if (/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(v)) {
    const t = Date.parse(/T/.test(v) && !/(Z|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v);
    if (Number.isFinite(t)) return t;
  }
  try {
    return now - parseDuration(name, v, 'h');
  } catch {
    throw new ConfigurationError(
      `input '${name}': ${show(value)} is not valid; expected an ISO-8601 time (2026-11-30T10:00:00Z) or a duration before now such as 24h, 90m or 7d`,
    );
  }
}

function maxViolations(inputs: Inputs): number | Record<string, number> {
  const v = inputs.structured(I.maxViolations);
  if (v === undefined) return 0;
  if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v))) {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new ConfigurationError(
        `input '${I.maxViolations}': ${show(v)} is not valid; expected a whole number >= 0 or a map per check type`,
      );
    return n;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ConfigurationError(
      `input '${I.maxViolations}': ${show(v)} is not valid; expected a whole number or a map like {baseline_drift_check: 2, data_type_check: 0}`,
    );
  }
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) {
    if (!(CHECK_TYPES as readonly string[]).includes(k) && k !== 'model_quality_check') {
      throw new ConfigurationError(
        `input '${I.maxViolations}': unknown check type ${show(k)}; valid: ${[...CHECK_TYPES, 'model_quality_check'].join(', ')}`,
      );
    }
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new ConfigurationError(`input '${I.maxViolations}': ${k}: ${show(n)} is not a whole number >= 0`);
    }
    out[k] = n;
  }
  return out;
}

export function parseMonitorGateSettings(inputs: Inputs, now = Date.now()): MonitorGateSettings {
  const mode = inputs.choice(I.mode, ['baseline', 'check'] as const, 'check');
  const endpointRaw = inputs.optional(I.endpointName);
  const endpointName = endpointRaw ? parseSageMakerName(I.endpointName, endpointRaw) : undefined;
  const common = {
    mode,
    endpointName,
    failOnGate: inputs.boolean(I.failOnGate, true),
    forceFail: inputs.boolean(I.forceFail, false),
    githubToken: inputs.optional(I.githubToken) || undefined,
    publishMetrics: inputs.boolean(I.publishMetrics, false),
    dashboardName: inputs.optional(I.dashboardName) || undefined,
    region: inputs.optional(I.region) || undefined,
  };
  if (common.dashboardName && !/^[A-Za-z0-9_-]{1,255}$/.test(common.dashboardName)) {
    throw new ConfigurationError(
      `input '${I.dashboardName}': ${show(common.dashboardName)} is not valid; CloudWatch dashboard names use letters, digits, - and _ (1-255)`,
    );
  }
  if ((common.publishMetrics || common.dashboardName) && !endpointName) {
    throw new ConfigurationError(
      `input '${I.endpointName}' is required with ${common.publishMetrics ? I.publishMetrics : I.dashboardName}: metrics are published per endpoint`,
    );
  }
  if (mode === 'baseline') {
    const data = location(inputs, I.baselineData);
    if (!data)
      throw new ConfigurationError(
        `input '${I.baselineData}' is required in mode baseline: a CSV (S3 URI or local path) of the features the endpoint receives`,
      );
    const outputUri = location(inputs, I.outputUri);
    if (!outputUri)
      throw new ConfigurationError(
        `input '${I.outputUri}' is required in mode baseline: where statistics.json and constraints.json go (S3 URI or local folder)`,
      );
    const createSchedule = inputs.boolean(I.createSchedule, false);
    if (createSchedule && !endpointName)
      throw new ConfigurationError(`input '${I.endpointName}' is required with create-schedule: true`);
    const roleArn = inputs.optional(I.scheduleRoleArn) || undefined;
    if (createSchedule && !roleArn)
      throw new ConfigurationError(
        `input '${I.scheduleRoleArn}' is required with create-schedule: true (the monitoring job's execution role)`,
      );
    if (createSchedule && !outputUri.startsWith('s3://'))
      throw new ConfigurationError(
        `input '${I.outputUri}': ${show(outputUri)} must be an S3 URI with create-schedule: true (the schedule reads the baseline from S3)`,
      );
    return {
      ...common,
      baseline: {
        data,
        features: inputs.optional(I.features) || undefined,
        outputUri,
        comparisonThreshold: inputs.number(I.comparisonThreshold, 0.1, { min: 0, max: 1 }),
        comparisonMethod: inputs.choice(I.comparisonMethod, ['Simple', 'Robust'] as const, 'Robust'),
        createSchedule,
        roleArn,
      },
      check: undefined,
    };
  }
  const problemType = inputs.choice(I.problemType, PROBLEM_TYPES, 'binary-classification');
  const check: CheckSettings = {
    violationsReport: location(inputs, I.violationsReport),
    monitoringSchedule: inputs.optional(I.monitoringSchedule)
      ? parseSageMakerName(I.monitoringSchedule, inputs.optional(I.monitoringSchedule)!)
      : undefined,
    maxAgeMs: inputs.optionalDuration(I.maxAge, 'h') ?? 26 * 3600_000,
    captureUri: location(inputs, I.captureUri),
    sinceMs: 0,
    untilMs: 0,
    baselineStatistics: location(inputs, I.baselineStatistics),
    baselineConstraints: location(inputs, I.baselineConstraints),
    reportUri: location(inputs, I.reportUri),
    groundTruthUri: location(inputs, I.groundTruthUri),
    problemType,
    probabilityThreshold: inputs.number(I.probabilityThreshold, 0.5, { min: 0, max: 1 }),
    qualityThresholds: parseThresholds(inputs.map(I.qualityThresholds), problemType),
    minJoinRate: inputs.number(I.minJoinRate, 0.5, { min: 0, max: 1 }),
    alarms: inputs
      .list(I.alarms)
      .flatMap((a) => a.split(','))
      .map((a) => a.trim())
      .filter(Boolean),
    maxViolations: maxViolations(inputs),
    ignoreFeatures: inputs
      .list(I.ignoreFeatures)
      .flatMap((a) => a.split(','))
      .map((a) => a.trim())
      .filter(Boolean),
  };
  check.untilMs = inputs.optional(I.until) ? parseTimeInput(I.until, inputs.optional(I.until)!, now) : now;
  check.sinceMs = inputs.optional(I.since)
    ? parseTimeInput(I.since, inputs.optional(I.since)!, now)
    : check.untilMs - 24 * 3600_000;
  if (check.sinceMs >= check.untilMs) {
    throw new ConfigurationError(
      `inputs 'since'/'until': the window ${new Date(check.sinceMs).toISOString()} .. ${new Date(check.untilMs).toISOString()} is empty; fix: since must be before until`,
    );
  }
  const sources = [
    check.violationsReport,
    check.monitoringSchedule,
    check.captureUri,
    check.groundTruthUri,
    check.alarms.length ? 'alarms' : undefined,
  ].filter(Boolean);
  if (sources.length === 0) {
    throw new ConfigurationError(
      `mode check needs at least one source: set violations-report, monitoring-schedule, capture-uri (with baseline-statistics and baseline-constraints), ground-truth-uri (with capture-uri) or alarms`,
    );
  }
  if (
    check.captureUri &&
    !check.groundTruthUri &&
    (!check.baselineStatistics || !check.baselineConstraints)
  ) {
    throw new ConfigurationError(
      `inputs 'baseline-statistics' and 'baseline-constraints' are required with capture-uri: the capture is checked against a baseline (mode: baseline writes one)`,
    );
  }
  if (check.groundTruthUri && !check.captureUri) {
    throw new ConfigurationError(
      `input 'capture-uri' is required with ground-truth-uri: ground truth is joined with the captured predictions`,
    );
  }
  if (check.groundTruthUri && check.qualityThresholds.length === 0) {
    throw new ConfigurationError(
      `input 'quality-thresholds' is required with ground-truth-uri, e.g. {auc: ">= 0.70"}: a model-quality gate with no threshold would always pass`,
    );
  }
  return { ...common, baseline: undefined, check };
}
