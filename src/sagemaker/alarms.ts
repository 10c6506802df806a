/**
 * CloudWatch alarms for endpoint rollouts: reading the rollback alarms' states (paging through
 * DescribeAlarms), checking they exist, and the default alarms the deploy stage can create
 * (5XX errors and model latency of the new variant, namespace AWS/SageMaker, dimensions
 * EndpointName and VariantName).
 */
import type { CloudWatchClient, PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';

export interface AlarmState {
  name: string;
  state: string;
  reason: string | undefined;
}

const cw = () => import('@aws-sdk/client-cloudwatch');

/** States of the named alarms (DescribeAlarms takes at most 100 names; pages followed). */
export async function alarmStates(client: CloudWatchClient, names: readonly string[]): Promise<AlarmState[]> {
  if (names.length === 0) return [];
  const { DescribeAlarmsCommand } = await cw();
  const out: AlarmState[] = [];
  for (let i = 0; i < names.length; i += 100) {
    let token: string | undefined;
    do {
      const page = await client.send(
        new DescribeAlarmsCommand({
          AlarmNames: names.slice(i, i + 100),
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          ...(token ? { NextToken: token } : {}),
        }),
      );
      for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])])
        out.push({
          name: a.AlarmName ?? '',
          state: a.StateValue ?? 'INSUFFICIENT_DATA',
          reason: a.StateReason,
        });
      token = page.NextToken;
    } while (token);
  }
  return out;
}

/** Names among `names` that CloudWatch does not know. */
export async function missingAlarms(client: CloudWatchClient, names: readonly string[]): Promise<string[]> {
  const found = new Set((await alarmStates(client, names)).map((a) => a.name));
  return names.filter((n) => !found.has(n));
}

/** The default rollback alarms for a variant: any 5XX error, and average model latency. */
export function defaultAlarmRequests(
  endpointName: string,
  variantName: string,
  prefix: string,
  latencyThresholdMicros: number,
): PutMetricAlarmCommandInput[] {
  const dims = [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'VariantName', Value: variantName },
  ];
  const base = {
    Namespace: 'AWS/SageMaker',
    Dimensions: dims,
    Period: 60,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    TreatMissingData: 'notBreaching',
    ComparisonOperator: 'GreaterThanThreshold' as const,
    ActionsEnabled: false,
  };
  return [
    {
      ...base,
      AlarmName: `${prefix}-5xx`,
      AlarmDescription: `sagemaker-actions deploy: ${endpointName}/${variantName} answered a 5XX error (rollback alarm)`,
      MetricName: 'Invocation5XXErrors',
      Statistic: 'Sum',
      Threshold: 0,
    },
    {
      ...base,
      AlarmName: `${prefix}-model-latency`,
      AlarmDescription: `sagemaker-actions deploy: ${endpointName}/${variantName} average ModelLatency above ${latencyThresholdMicros} µs (rollback alarm)`,
      MetricName: 'ModelLatency',
      Statistic: 'Average',
      Threshold: latencyThresholdMicros,
    },
  ];
}

/** PutMetricAlarm for each (create or overwrite), then checks each exists. Returns the names. */
export async function ensureAlarms(
  client: CloudWatchClient,
  requests: readonly PutMetricAlarmCommandInput[],
): Promise<string[]> {
  const { PutMetricAlarmCommand } = await cw();
  for (const r of requests) await client.send(new PutMetricAlarmCommand(r));
  const names = requests.map((r) => r.AlarmName!);
  const missing = await missingAlarms(client, names);
  if (missing.length)
    throw new Error(`CloudWatch does not show the alarms just created: ${missing.join(', ')}`);
  return names;
}
