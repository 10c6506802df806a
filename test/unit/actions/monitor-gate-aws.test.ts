/** monitor-gate's AWS paths with aws-sdk-client-mock: monitoring schedules, alarms, metrics, dashboard. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeEndpointCommand,
  DescribeProcessingJobCommand,
  ListMonitoringExecutionsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutDashboardCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { join } from 'node:path';
import { run } from '../../../src/actions/monitor-gate.js';
import { runWithInputs } from '../../helpers/evaluate-harness.js';

const sm = mockClient(SageMakerClient);
const cw = mockClient(CloudWatchClient);
afterEach(() => {
  sm.reset();
  cw.reset();
});
const env = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'y',
  AWS_ENDPOINT_URL: undefined,
};
const NOW = Date.parse('2026-11-30T12:00:00Z');
const go = (inputs: Record<string, string>) =>
  runWithInputs(inputs, () => run({ now: NOW, workers: 1, exit: () => undefined }), env);

describe('monitor-gate with AWS (mocked)', () => {
  it('fails closed on a Failed monitoring execution, pages past executions still running', async () => {
    sm.on(ListMonitoringExecutionsCommand)
      .resolvesOnce({
        MonitoringExecutionSummaries: [
          {
            MonitoringScheduleName: 's',
            ScheduledTime: new Date(NOW - 3600_000),
            CreationTime: new Date(),
            LastModifiedTime: new Date(),
            MonitoringExecutionStatus: 'InProgress',
          },
        ],
        NextToken: 't2',
      })
      .resolvesOnce({
        MonitoringExecutionSummaries: [
          {
            MonitoringScheduleName: 's',
            ScheduledTime: new Date(NOW - 7200_000),
            CreationTime: new Date(),
            LastModifiedTime: new Date(),
            MonitoringExecutionStatus: 'Failed',
            FailureReason: '::error::injected <b>reason</b>',
          },
        ],
      });
    const r = await go({ 'monitoring-schedule': 'olist-dq' });
    expect(r.failed).toBe(true);
    const errors = [...r.stdout.matchAll(/^::error::(.*)$/gm)].map((m) => m[1]);
    expect(errors.at(-1)).toMatch(/latest monitoring execution of olist-dq .* is Failed/);
    expect(sm.commandCalls(ListMonitoringExecutionsCommand)).toHaveLength(2);
    expect(sm.commandCalls(ListMonitoringExecutionsCommand)[1]!.args[0].input.NextToken).toBe('t2');
    // the FailureReason is printed only inside a stop-commands block
    expect(r.stdout).toMatch(/::stop-commands::[^\n]+\n[^\n]*::error::injected/);
  });

  it('passes on a Completed execution; none inside max-age fails closed', async () => {
    sm.on(ListMonitoringExecutionsCommand).resolves({
      MonitoringExecutionSummaries: [
        {
          MonitoringScheduleName: 's',
          ScheduledTime: new Date(NOW - 3600_000),
          CreationTime: new Date(),
          LastModifiedTime: new Date(),
          MonitoringExecutionStatus: 'Completed',
          ProcessingJobArn: 'arn:aws:sagemaker:us-east-1:1:processing-job/job-1',
        },
      ],
    });
    sm.on(DescribeProcessingJobCommand).resolves({
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: 'o',
            S3Output: { S3Uri: 's3://b/reports', LocalPath: '/x', S3UploadMode: 'EndOfJob' },
          },
        ],
      },
    } as never);
    const ok = await go({ 'monitoring-schedule': 'olist-dq' });
    expect(ok.failure).toBeUndefined();
    expect(ok.outputs['passed']).toBe('true');
    sm.reset();
    sm.on(ListMonitoringExecutionsCommand).resolves({ MonitoringExecutionSummaries: [] });
    const none = await go({ 'monitoring-schedule': 'olist-dq', 'max-age': '2h' });
    expect(none.failure).toMatch(/no finished execution in the last 2 h/);
  });

  it('reports an alarm whose metric had no data in its window as misconfigured', async () => {
    cw.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'cpu',
          StateValue: 'OK',
          MetricName: 'CPUUtilization',
          Namespace: 'AWS/SageMaker',
          Period: 300,
          EvaluationPeriods: 3,
          Dimensions: [{ Name: 'EndpointName', Value: 'e' }],
        },
        {
          AlarmName: '5xx',
          StateValue: 'OK',
          MetricName: 'Invocation5XXErrors',
          Namespace: 'AWS/SageMaker',
          Period: 60,
          EvaluationPeriods: 1,
        },
      ],
    });
    cw.on(GetMetricStatisticsCommand, { MetricName: 'CPUUtilization' }).resolves({ Datapoints: [] });
    cw.on(GetMetricStatisticsCommand, { MetricName: 'Invocation5XXErrors' }).resolves({
      Datapoints: [{ SampleCount: 3 }],
    });
    const r = await go({ alarms: 'cpu, 5xx' });
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(
      /alarm cpu is misconfigured: its metric had no data in its whole evaluation window/,
    );
    expect(r.summary).toContain('none (misconfigured)');
    const window = cw.commandCalls(GetMetricStatisticsCommand, { MetricName: 'CPUUtilization' })[0]!.args[0]
      .input;
    expect(window.EndTime!.getTime() - window.StartTime!.getTime()).toBe(900_000);
  });

  it('publishes metrics in Model Monitor namespace and writes a dashboard of metrics that exist', async () => {
    sm.on(DescribeEndpointCommand).resolves({ ProductionVariants: [{ VariantName: 'AllTraffic' }] });
    cw.on(PutMetricDataCommand).resolves({});
    cw.on(ListMetricsCommand, { Namespace: 'AWS/SageMaker' }).resolves({
      Metrics: [{ MetricName: 'Invocations' }, { MetricName: 'ModelLatency' }],
    });
    cw.on(ListMetricsCommand, { Namespace: 'aws/sagemaker/Endpoints/data-metrics' }).resolves({
      Metrics: [],
    });
    cw.on(PutDashboardCommand).resolves({});
    const report = join(process.cwd(), 'test/fixtures/monitor/constraint_violations.json');
    const r = await go({
      'violations-report': report,
      'max-violations': '5',
      'endpoint-name': 'olist-endpoint',
      'publish-metrics': 'true',
      'dashboard-name': 'olist',
    });
    expect(r.failure).toBeUndefined();
    const put = cw.commandCalls(PutMetricDataCommand)[0]!.args[0].input;
    expect(put.Namespace).toBe('aws/sagemaker/Endpoints/data-metrics');
    expect(put.MetricData![0]!.Dimensions).toEqual([
      { Name: 'Endpoint', Value: 'olist-endpoint' },
      { Name: 'MonitoringSchedule', Value: 'monitor-gate' },
    ]);
    const body = JSON.parse(cw.commandCalls(PutDashboardCommand)[0]!.args[0].input.DashboardBody!);
    const named = body.widgets.flatMap((w: { properties: { metrics: string[][] } }) =>
      w.properties.metrics.map((m) => m[1]),
    );
    expect(named).toEqual(expect.arrayContaining(['Invocations', 'ModelLatency', 'violations_total']));
    expect(named).not.toContain('Invocation5XXErrors');
  });

  it("names the endpoint's real variants in the dashboard (not AllTraffic), each with only its existing metrics", async () => {
    sm.on(DescribeEndpointCommand).resolves({
      EndpointName: 'olist-endpoint',
      ProductionVariants: [{ VariantName: 'champion' }, { VariantName: 'challenger-v2' }],
      // a variant name SageMaker would never return is left out of widgets and logs
      PendingDeploymentSummary: {
        EndpointConfigName: 'next',
        ProductionVariants: [{ VariantName: 'challenger-v2' }, { VariantName: 'bad name <b>' }],
      },
    });
    const listed: Record<string, string[]> = {
      champion: ['Invocations', 'Invocation5XXErrors', 'ModelLatency'],
      'challenger-v2': ['Invocations'],
    };
    cw.on(ListMetricsCommand).callsFake(
      (input: { Namespace?: string; Dimensions?: { Name: string; Value: string }[] }) => {
        if (input.Namespace !== 'AWS/SageMaker') return { Metrics: [] };
        const variant = input.Dimensions?.find((d) => d.Name === 'VariantName')?.Value ?? '';
        expect(input.Dimensions).toContainEqual({ Name: 'EndpointName', Value: 'olist-endpoint' });
        return { Metrics: (listed[variant] ?? []).map((MetricName) => ({ MetricName })) };
      },
    );
    cw.on(PutDashboardCommand).resolves({});
    const r = await go({
      'violations-report': join(process.cwd(), 'test/fixtures/monitor/constraint_violations.json'),
      'max-violations': '5',
      'endpoint-name': 'olist-endpoint',
      'dashboard-name': 'olist',
    });
    expect(r.failure).toBeUndefined();
    const body = JSON.parse(cw.commandCalls(PutDashboardCommand)[0]!.args[0].input.DashboardBody!) as {
      widgets: { properties: { title: string; metrics: string[][] } }[];
    };
    const named = body.widgets.flatMap((w) => w.properties.metrics);
    expect(named.every((m) => m[0] === 'AWS/SageMaker')).toBe(true);
    expect(named.map((m) => `${m[5]}:${m[1]}`).sort()).toEqual([
      'challenger-v2:Invocations',
      'champion:Invocation5XXErrors',
      'champion:Invocations',
      'champion:ModelLatency',
    ]);
    expect(named.some((m) => m.includes('AllTraffic'))).toBe(false);
    const variantsAsked = cw
      .commandCalls(ListMetricsCommand)
      .map((c) => c.args[0].input.Dimensions?.find((d) => d.Name === 'VariantName')?.Value)
      .filter(Boolean)
      .sort();
    expect(variantsAsked).toEqual(['challenger-v2', 'champion']);
    expect(r.stdout).toMatch(
      /variant challenger-v2: no widget for Invocation4XXErrors, Invocation5XXErrors, ModelLatency, OverheadLatency/,
    );
    expect(r.stdout).not.toMatch(/bad name/);
  });

  it('a dashboard for an endpoint that does not exist has no endpoint widgets', async () => {
    sm.on(DescribeEndpointCommand).rejects(
      Object.assign(new Error('Could not find endpoint "gone".'), { name: 'ValidationException' }),
    );
    cw.on(ListMetricsCommand).resolves({ Metrics: [] });
    cw.on(PutDashboardCommand).resolves({});
    const r = await go({
      'violations-report': join(process.cwd(), 'test/fixtures/monitor/constraint_violations.json'),
      'max-violations': '5',
      'endpoint-name': 'gone',
      'dashboard-name': 'olist',
    });
    expect(r.failure).toBeUndefined();
    expect(r.stdout).toMatch(/dashboard: endpoint gone does not exist: no invocation or latency widgets/);
    const body = JSON.parse(cw.commandCalls(PutDashboardCommand)[0]!.args[0].input.DashboardBody!) as {
      widgets: unknown[];
    };
    expect(body.widgets).toEqual([]);
  });
});
