/**
 * CloudWatch for monitor-gate: publishing metrics in Model Monitor's namespace and names,
 * checking that metrics exist (ListMetrics, paged), writing a dashboard, and reading alarms with
 * a check that the alarm's metric had data in its evaluation window.
 */
import type { CloudWatchClient, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { collectAll } from './paging.js';

export interface Datum {
  name: string;
  value: number;
  dimensions: Record<string, string>;
  unit?: 'None' | 'Count';
}

/** PutMetricData in batches (the API takes at most 1000 metrics per call; 500 keeps requests small). */
export async function putMetrics(
  cw: CloudWatchClient,
  namespace: string,
  data: Datum[],
  at: Date,
): Promise<number> {
  const { PutMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
  for (let i = 0; i < data.length; i += 500) {
    await cw.send(
      new PutMetricDataCommand({
        Namespace: namespace,
        MetricData: data.slice(i, i + 500).map((d) => ({
          MetricName: d.name,
          Value: d.value,
          Unit: d.unit ?? 'None',
          Timestamp: at,
          Dimensions: Object.entries(d.dimensions).map(([Name, Value]) => ({ Name, Value })),
        })),
      }),
    );
  }
  return data.length;
}

/** Names of the metrics that exist in the namespace with exactly these dimension values. */
export async function existingMetrics(
  cw: CloudWatchClient,
  namespace: string,
  dimensions: Record<string, string>,
): Promise<Set<string>> {
  const { ListMetricsCommand } = await import('@aws-sdk/client-cloudwatch');
  const metrics = await collectAll(async (token) => {
    const page = await cw.send(
      new ListMetricsCommand({
        Namespace: namespace,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
        NextToken: token,
      }),
    );
    return { items: page.Metrics ?? [], next: page.NextToken };
  });
  return new Set(metrics.flatMap((m) => (m.MetricName ? [m.MetricName] : [])));
}

export async function putDashboard(cw: CloudWatchClient, name: string, body: unknown): Promise<string[]> {
  const { PutDashboardCommand } = await import('@aws-sdk/client-cloudwatch');
  const res = await cw.send(
    new PutDashboardCommand({ DashboardName: name, DashboardBody: JSON.stringify(body) }),
  );
  return (res.DashboardValidationMessages ?? []).map((m) => `${m.DataPath ?? ''}: ${m.Message ?? ''}`);
}

export interface AlarmCheck {
  name: string;
  state: string;
  reason: string;
  /** the alarm's metric had no datapoint in its whole evaluation window */
  noData: boolean;
  found: boolean;
}

export async function checkAlarms(cw: CloudWatchClient, names: string[], now: Date): Promise<AlarmCheck[]> {
  if (names.length === 0) return [];
  const { DescribeAlarmsCommand, GetMetricStatisticsCommand } = await import('@aws-sdk/client-cloudwatch');
  const alarms: MetricAlarm[] = [];
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100);
    alarms.push(
      ...(await collectAll(async (token) => {
        const page = await cw.send(new DescribeAlarmsCommand({ AlarmNames: batch, NextToken: token }));
        return { items: page.MetricAlarms ?? [], next: page.NextToken };
      })),
    );
  }
  const byName = new Map(alarms.map((a) => [a.AlarmName, a]));
  const out: AlarmCheck[] = [];
  for (const name of names) {
    const a = byName.get(name);
    if (!a) {
      out.push({ name, state: 'MISSING', reason: 'no such alarm', noData: false, found: false });
      continue;
    }
    let noData = false;
    if (a.MetricName && a.Namespace && a.Period) {
      const windowMs = a.Period * 1000 * Math.max(1, a.EvaluationPeriods ?? 1);
      const stats = await cw.send(
        new GetMetricStatisticsCommand({
          Namespace: a.Namespace,
          MetricName: a.MetricName,
          Dimensions: a.Dimensions,
          StartTime: new Date(now.getTime() - windowMs),
          EndTime: now,
          Period: a.Period,
          Statistics: ['SampleCount'],
        }),
      );
      noData = (stats.Datapoints ?? []).length === 0;
    }
    out.push({ name, state: a.StateValue ?? 'UNKNOWN', reason: a.StateReason ?? '', noData, found: true });
  }
  return out;
}
