/**
 * sagemaker-local's stand-in for Model Monitor's built-in analyzer image
 * (`<account>.dkr.ecr.<region>.amazonaws.com/sagemaker-model-monitor-analyzer`): a processing
 * container that follows the image's contract (sagemaker.md §7; DG model-monitor-byoc-contract-*)
 * and analyses the capture with the kit's own data-quality code (src/monitor, the code
 * monitor-gate's `mode: check` runs):
 *
 * - reads `dataset_source` (the capture in `<endpoint>/<variant>/yyyy/mm/dd/hh` folders),
 *   `start_time`/`end_time`, `baseline_statistics`/`baseline_constraints`;
 * - writes `statistics.json` and `constraint_violations.json` to `output_path`;
 * - with `publish_cloudwatch_metrics=Enabled` (and the constraints' `emit_metrics` not Disabled),
 *   writes the metric records to `/opt/ml/output/metrics/cloudwatch`;
 * - writes `/opt/ml/output/message` ("Completed: ..." / "CompletedWithViolations: ...", the wording
 *   AWS's own custom-monitor samples write), or `/opt/ml/output/failure` and exits 1.
 *
 * Paths under /opt/ml are mapped into the job's root (SM_LOCAL_ROOT). Only data quality on
 * endpoint capture is implemented; anything else fails with a message saying so.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listLocalFiles } from '../../../src/monitor/capture-files.js';
import { runChecks, type CheckResult } from '../../../src/monitor/checks.js';
import { parseConstraints } from '../../../src/monitor/constraints.js';
import { MonitorDataError } from '../../../src/monitor/errors.js';
import { reportJson } from '../../../src/monitor/json-util.js';
import { scanCapture } from '../../../src/monitor/scan-pool.js';
import { isNumeric, parseStatistics, statisticsJson } from '../../../src/monitor/statistics.js';
import { violationsJson } from '../../../src/monitor/violations.js';

type Env = Record<string, string | undefined>;

/** A failure the container reports in /opt/ml/output/failure. */
class AnalyzerFailure extends Error {}

export interface MetricRecord {
  MetricName: string;
  Timestamp: string;
  Dimensions: { Name: string; Value: string }[];
  Value?: number;
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  Unit?: string;
}

/**
 * The metrics Model Monitor's container publishes (DG model-monitor-interpreting-cloudwatch):
 * `feature_data_<f>` (numeric features: SampleCount, Sum, Min, Max), `feature_non_null_<f>`
 * (completeness) and `feature_baseline_drift_<f>` (the drift distance). Guesses: completeness is
 * published as the fraction of non-null values, and drift only for features it was computed for.
 */
export function metricRecords(
  result: CheckResult,
  timestamp: string,
  dimensions: { Name: string; Value: string }[],
): MetricRecord[] {
  const out: MetricRecord[] = [];
  for (const f of result.statistics.features) {
    const total = f.present + f.missing;
    if (isNumeric(f) && f.present > 0)
      out.push({
        MetricName: `feature_data_${f.name}`,
        Timestamp: timestamp,
        Dimensions: dimensions,
        StatisticValues: { SampleCount: f.present, Sum: f.sum, Minimum: f.min, Maximum: f.max },
      });
    if (total > 0)
      out.push({
        MetricName: `feature_non_null_${f.name}`,
        Timestamp: timestamp,
        Dimensions: dimensions,
        Value: f.present / total,
      });
  }
  for (const d of result.drift)
    if (Number.isFinite(d.distance))
      out.push({
        MetricName: `feature_baseline_drift_${d.name}`,
        Timestamp: timestamp,
        Dimensions: dimensions,
        Value: d.distance,
      });
  // CloudWatch metric names are at most 255 characters.
  return out.filter((m) => m.MetricName.length <= 255);
}

const required = (env: Env, key: string): string => {
  const v = env[key];
  if (!v) throw new AnalyzerFailure(`ClientError: the environment variable ${key} is not set`);
  return v;
};

const time = (env: Env, key: string): number => {
  const t = Date.parse(required(env, key));
  if (!Number.isFinite(t))
    throw new AnalyzerFailure(`ClientError: ${key} '${env[key]}' is not an ISO 8601 time`);
  return t;
};

const readJson = (path: string, what: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AnalyzerFailure(`ClientError: cannot read the ${what} ${path}: ${(err as Error).message}`);
  }
};

/** Runs the analysis; returns the exit message. Throws AnalyzerFailure / MonitorDataError. */
export async function analyze(env: Env, workers?: number): Promise<string> {
  const root = env['SM_LOCAL_ROOT'];
  const at = (p: string): string => (root && p.startsWith('/opt/ml/') ? join(root, p.slice(8)) : p);
  const format = env['dataset_format'] ?? '';
  if (!format.includes('sagemakerCaptureJson'))
    throw new AnalyzerFailure(
      `ClientError: sagemaker-local's Model Monitor analyzer reads endpoint data capture only (dataset_format ${format || 'not set'}); batch transform and other datasets are not emulated`,
    );
  const analysis = env['analysis_type'];
  if (analysis && analysis !== 'DATA_QUALITY')
    throw new AnalyzerFailure(
      `ClientError: sagemaker-local's Model Monitor analyzer implements data quality only, not analysis_type ${analysis}`,
    );
  if (!env['baseline_statistics'] || !env['baseline_constraints'])
    throw new AnalyzerFailure(
      "ClientError: sagemaker-local's Model Monitor analyzer needs a baseline: set the schedule's BaselineConfig StatisticsResource and ConstraintsResource",
    );
  const sinceMs = time(env, 'start_time');
  const untilMs = time(env, 'end_time');
  const statsPath = at(env['baseline_statistics']);
  const constraintsPath = at(env['baseline_constraints']);
  const baseline = parseStatistics(readJson(statsPath, 'baseline statistics'), env['baseline_statistics']);
  const constraints = parseConstraints(
    readJson(constraintsPath, 'baseline constraints'),
    env['baseline_constraints'],
  );
  const files = listLocalFiles(at(required(env, 'dataset_source')));
  const scan = await scanCapture({
    files,
    sinceMs,
    untilMs,
    featureNames: constraints.features.map((f) => f.name),
    collectPredictions: false,
    requireInput: true,
    ...(workers ? { workers } : {}),
  });
  if (scan.records === 0)
    throw new AnalyzerFailure(
      `no data-capture records between ${env['start_time']} and ${env['end_time']} in ${files.length} file(s) (${scan.outsideWindow} record(s) outside the window)`,
    );
  const result = runChecks(baseline, constraints, scan.sink);
  const out = at(required(env, 'output_path'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'statistics.json'), reportJson(statisticsJson(result.statistics)));
  writeFileSync(join(out, 'constraint_violations.json'), reportJson(violationsJson(result.violations)));
  if (env['publish_cloudwatch_metrics'] === 'Enabled' && constraints.config.emitMetrics) {
    const endpoint = env['sagemaker_endpoint_name'];
    const schedule = env['sagemaker_monitoring_schedule_name'] ?? '';
    const dims = [
      ...(endpoint ? [{ Name: 'Endpoint', Value: endpoint }] : []),
      { Name: 'MonitoringSchedule', Value: schedule },
    ];
    const records = metricRecords(result, env['metric_time'] ?? env['end_time']!, dims);
    const dir = at('/opt/ml/output/metrics/cloudwatch');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metrics.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
  const n = result.violations.length;
  return n > 0
    ? `CompletedWithViolations: Job completed successfully with ${n} violations.`
    : 'Completed: Job completed successfully with no violations.';
}

/** The container's entry: exit 0 with the message written, or 1 with the failure written. */
export async function main(env: Env = process.env): Promise<number> {
  const root = env['SM_LOCAL_ROOT'];
  const outputDir = root ? join(root, 'output') : '/opt/ml/output';
  mkdirSync(outputDir, { recursive: true });
  try {
    const message = await analyze(env);
    writeFileSync(join(outputDir, 'message'), message);
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (err) {
    const known = err instanceof AnalyzerFailure || err instanceof MonitorDataError;
    const message = known ? (err as Error).message : `InternalServerError: ${(err as Error).message}`;
    if (!known) process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    writeFileSync(join(outputDir, 'failure'), message);
    process.stderr.write(`${message}\n`);
    return 1;
  }
}
