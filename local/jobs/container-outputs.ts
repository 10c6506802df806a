/**
 * What a processing container leaves besides its outputs, read when it exits 0:
 * `/opt/ml/output/message` (the job's ExitMessage; Model Monitor containers write
 * "Completed: ..." or "CompletedWithViolations: ..." there, which decides the monitoring
 * execution's status), and, when the job's Environment has `publish_cloudwatch_metrics=Enabled`,
 * the CloudWatch metric records under `/opt/ml/output/metrics/cloudwatch` (DG
 * model-monitor-byoc-cloudwatch: PutMetricData-shaped JSON, namespace chosen by the platform).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalContext } from '../context.js';
import type { Datapoint } from '../services/cloudwatch.js';
import { truncateReason } from './common.js';

type Obj = Record<string, unknown>;

/** `/opt/ml/output/message`, if the container wrote one (at most 1 KB, as ExitMessage). */
export function readExitMessage(root: string): string | undefined {
  try {
    const text = readFileSync(join(root, 'output', 'message'), 'utf8').trim();
    return text ? truncateReason(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The namespace Model Monitor publishes a container's metrics in: the one most AWS pages, blogs
 * and alarm code use for endpoints (the DG pages disagree; sagemaker.md §7), the batch one
 * without an endpoint.
 */
export const endpointMetricsNamespace = (env: Record<string, string>): string =>
  env['sagemaker_endpoint_name']
    ? 'aws/sagemaker/Endpoints/data-metrics'
    : 'aws/sagemaker/ModelMonitoring/data-metrics';

/** Parses one metric record; a description of what is wrong when it is not usable. */
export function metricRecord(raw: unknown, namespace: string): Datapoint | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
  const r = raw as Obj;
  if (typeof r['MetricName'] !== 'string' || !r['MetricName']) return 'MetricName is missing';
  const ts = typeof r['Timestamp'] === 'string' ? Date.parse(r['Timestamp']) : NaN;
  if (!Number.isFinite(ts)) return `${r['MetricName']}: Timestamp is missing or not ISO 8601`;
  const dims = r['Dimensions'] ?? [];
  if (
    !Array.isArray(dims) ||
    dims.some(
      (d: unknown) => typeof (d as Obj)?.['Name'] !== 'string' || typeof (d as Obj)['Value'] !== 'string',
    )
  )
    return `${r['MetricName']}: Dimensions must be a list of {Name, Value}`;
  const point: Datapoint = {
    namespace,
    metricName: r['MetricName'],
    dimensions: (dims as Obj[]).map((d) => ({ Name: String(d['Name']), Value: String(d['Value']) })),
    timestamp: ts,
    values: [],
    ...(typeof r['Unit'] === 'string' ? { unit: r['Unit'] } : {}),
  };
  const sv = r['StatisticValues'] as Obj | undefined;
  if (typeof r['Value'] === 'number' && Number.isFinite(r['Value']) && sv === undefined) {
    point.values = [r['Value']];
    return point;
  }
  const keys = ['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const;
  if (
    sv &&
    r['Value'] === undefined &&
    keys.every((k) => typeof sv[k] === 'number' && Number.isFinite(sv[k]))
  ) {
    point.stats = Object.fromEntries(keys.map((k) => [k, sv[k] as number])) as Datapoint['stats'];
    return point;
  }
  return `${r['MetricName']}: exactly one of a finite Value or StatisticValues {SampleCount, Sum, Minimum, Maximum} is required`;
}

/**
 * Publishes the container's metric records (one JSON object per line, in a file or in the files
 * of a folder). Guess: AWS documents no behaviour for malformed records; they are skipped with a
 * warning in the server log, the job's status is not changed.
 */
export function publishContainerMetrics(
  ctx: LocalContext,
  root: string,
  jobName: string,
  env: Record<string, string>,
): number {
  if (env['publish_cloudwatch_metrics'] !== 'Enabled') return 0;
  const where = join(root, 'output', 'metrics', 'cloudwatch');
  if (!existsSync(where)) return 0;
  const files = statSync(where).isDirectory()
    ? readdirSync(where, { recursive: true, encoding: 'utf8' })
        .map((f) => join(where, f))
        .filter((f) => statSync(f).isFile())
        .sort()
    : [where];
  const namespace = endpointMetricsNamespace(env);
  const points: Datapoint[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        ctx.logger.warn(`processing job ${jobName}: metric line ${i + 1} of ${file} is not JSON; skipped`);
        return;
      }
      const p = metricRecord(parsed, namespace);
      if (typeof p === 'string') ctx.logger.warn(`processing job ${jobName}: metric skipped: ${p}`);
      else points.push(p);
    });
  }
  if (points.length) ctx.metrics.putMany(points);
  return points.length;
}
