/**
 * monitor-gate's CloudWatch dashboard: invocation/error and latency widgets for each production
 * variant the endpoint really has (DescribeEndpoint; a variant need not be called AllTraffic),
 * drift per feature and violations. Every widget names only metrics that exist (ListMetrics with
 * the widget's exact dimensions, or published by this very run).
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { existingMetrics, putDashboard } from '../../aws/cloudwatch.js';
import type { Logger } from '../../core/log.js';
import { describeEndpoint } from '../../sagemaker/endpoints.js';
import { DATA_METRICS_NAMESPACE } from './report.js';

/** The per-variant endpoint metrics SageMaker publishes in AWS/SageMaker (EndpointName, VariantName). */
export const ENDPOINT_METRICS = [
  'Invocations',
  'Invocation4XXErrors',
  'Invocation5XXErrors',
  'ModelLatency',
  'OverheadLatency',
] as const;

export interface VariantMetrics {
  variant: string;
  /** the ENDPOINT_METRICS that exist for this variant */
  metrics: string[];
}

/** Dashboard body (pure): a widget only for metrics the caller verified to exist. */
export function dashboardBody(
  region: string,
  endpoint: string,
  schedule: string,
  variants: VariantMetrics[],
  monitorMetrics: string[],
): unknown {
  const widgets: unknown[] = [];
  let y = 0;
  const add = (title: string, metrics: unknown[]) => {
    if (metrics.length === 0) return;
    widgets.push({
      type: 'metric',
      x: 0,
      y,
      width: 24,
      height: 6,
      properties: { title, region, view: 'timeSeries', stat: 'Average', period: 300, metrics },
    });
    y += 6;
  };
  for (const { variant, metrics } of variants) {
    const ep = (m: string) => ['AWS/SageMaker', m, 'EndpointName', endpoint, 'VariantName', variant];
    add(`Invocations and errors: ${variant}`, metrics.filter((m) => /Invocations|Error/.test(m)).map(ep));
    add(`Latency: ${variant}`, metrics.filter((m) => /Latency/.test(m)).map(ep));
  }
  const mm = (m: string) => [DATA_METRICS_NAMESPACE, m, 'Endpoint', endpoint, 'MonitoringSchedule', schedule];
  add('Drift per feature', monitorMetrics.filter((m) => m.startsWith('feature_baseline_drift_')).map(mm));
  add('Violations', monitorMetrics.filter((m) => m.startsWith('violations_')).map(mm));
  return { widgets };
}

const VARIANT_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** The endpoint's variant names (in service now, and those an update is bringing up). */
export async function variantNames(sm: SageMakerClient, endpoint: string): Promise<string[] | undefined> {
  const d = await describeEndpoint(sm, endpoint);
  if (!d) return undefined;
  const names = [
    ...(d.ProductionVariants ?? []).map((v) => v.VariantName),
    ...(d.PendingDeploymentSummary?.ProductionVariants ?? []).map((v) => v.VariantName),
  ].filter((n): n is string => Boolean(n));
  // SageMaker's own constraint on variant names; anything else is not put in a log or a widget.
  return [...new Set(names)].filter((n) => VARIANT_NAME_RE.test(n));
}

export interface DashboardRequest {
  name: string;
  endpoint: string;
  schedule: string;
  /** metric names this run published in the data-metrics namespace (ListMetrics may lag on AWS) */
  published: string[];
}

export async function writeDashboard(
  clients: { cw: CloudWatchClient; sm: SageMakerClient },
  req: DashboardRequest,
  log: Logger,
): Promise<void> {
  const { cw, sm } = clients;
  const variants = await variantNames(sm, req.endpoint);
  if (!variants)
    log.info(`dashboard: endpoint ${req.endpoint} does not exist: no invocation or latency widgets`);
  const [perVariant, monitorMetrics] = await Promise.all([
    Promise.all(
      (variants ?? []).map(async (variant): Promise<VariantMetrics> => {
        const found = await existingMetrics(cw, 'AWS/SageMaker', {
          EndpointName: req.endpoint,
          VariantName: variant,
        });
        const missing = ENDPOINT_METRICS.filter((m) => !found.has(m));
        if (missing.length)
          log.info(
            `dashboard: variant ${variant}: no widget for ${missing.join(', ')} (no such metric for it yet)`,
          );
        return { variant, metrics: ENDPOINT_METRICS.filter((m) => found.has(m)) };
      }),
    ),
    existingMetrics(cw, DATA_METRICS_NAMESPACE, { Endpoint: req.endpoint, MonitoringSchedule: req.schedule }),
  ]);
  for (const m of req.published) monitorMetrics.add(m);
  const region = await cw.config.region();
  const problems = await putDashboard(
    cw,
    req.name,
    dashboardBody(region, req.endpoint, req.schedule, perVariant, [...monitorMetrics].sort()),
  );
  if (problems.length)
    log.untrustedBlock('CloudWatch reported dashboard validation messages:', problems.join('\n'));
  log.info(`dashboard ${req.name} written`);
}
