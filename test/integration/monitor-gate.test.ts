/**
 * actions/monitor-gate against sagemaker-local: run() in-process with the real SDK over HTTP.
 * A script-mode endpoint captures every request (no CaptureContentTypeHeader, so payloads are
 * captured base64-encoded as AWS does); the action reads that capture from S3, publishes metrics,
 * writes a dashboard, gates on alarms the emulator evaluates, creates/updates a data-quality
 * schedule, and gates on the schedule's latest execution (executions are recorded through the
 * emulator's hook; the violations report is written by a real sagemaker-local processing job).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  CreateProcessingJobCommand,
  DescribeMonitoringScheduleCommand,
  ListMonitoringSchedulesCommand,
} from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import {
  DescribeAlarmsCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
import { run } from '../../src/actions/monitor-gate.js';
// @ts-expect-error: plain ESM helper without type declarations
import { runActionBundle } from '../../scripts/lib/run-action.mjs';
import { recordMonitoringExecution } from '../../local/services/sagemaker/monitoring.js';
import { runWithInputs, type ActionRun } from '../helpers/evaluate-harness.js';
import {
  invokeRows as invoke,
  expectInjectedDrift,
  localActionEnv,
  startMonitoredEndpoint,
  type MonitoredEndpoint,
  trafficRow,
} from '../helpers/monitor-traffic.js';
import { ROLE, eventually, putObjects, waitProcessing, type Env } from './local/helpers.js';

jest.setTimeout(180_000);

const BUCKET = 'monitor-it';
const EP = 'mg-ep';
const SCHEDULE = `${EP}-data-quality`;
const NAMESPACE = 'aws/sagemaker/Endpoints/data-metrics';
let fx: MonitoredEndpoint;
let env: Env;
let rt: SageMakerRuntimeClient;
let dir: string;

const awsEnv = (runId = '7'): Record<string, string> =>
  localActionEnv(env.local.url, 'octo/monitor-it', runId);

const gate = (inputs: Record<string, string>, now?: number): Promise<ActionRun> =>
  runWithInputs(inputs, () => run({ exit: () => undefined, ...(now ? { now } : {}) }), awsEnv());

/** The step's own ::error:: line (the harness's `failure` is the first match anywhere, even quoted). */
const errorLine = (r: ActionRun): string | undefined => /^::error::(.*)$/m.exec(r.stdout)?.[1];

/** A capture check of the endpoint against the v2 baseline. */
const captureCheck = (extra: Record<string, string> = {}): Record<string, string> => ({
  mode: 'check',
  'endpoint-name': EP,
  'capture-uri': `s3://${BUCKET}/capture/${EP}`,
  'baseline-statistics': `s3://${BUCKET}/baseline/v2/statistics.json`,
  'baseline-constraints': `s3://${BUCKET}/baseline/v2/constraints.json`,
  ...extra,
});

const row = trafficRow;
const invokeRows = (rows: string[]): Promise<void> => invoke(rt, EP, rows);

async function captureCount(): Promise<number> {
  let n = 0;
  const page = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `capture/${EP}/` }));
  for (const o of page.Contents ?? []) {
    const body = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: o.Key }));
    n += (await body.Body!.transformToString()).split('\n').filter((l) => l.trim()).length;
  }
  return n;
}

beforeAll(async () => {
  // Executions here are recorded by hand: no timer starts real ones if the test crosses an hour.
  fx = await startMonitoredEndpoint({
    bucket: BUCKET,
    endpoint: EP,
    csv: false,
    local: { alarmEvaluationIntervalMs: 200, monitoringIntervalMs: 0 },
  });
  ({ env, rt, dir } = fx);
});

afterAll(async () => {
  await fx?.close();
});

describe('mode baseline with create-schedule', () => {
  test('creates a data-quality schedule for the endpoint; a re-run updates it, no duplicate', async () => {
    const inputs = {
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': `s3://${BUCKET}/baseline/v1`,
      'endpoint-name': EP,
      'create-schedule': 'true',
      'role-arn': ROLE,
    };
    const first = await gate(inputs);
    expect(first.failure).toBeUndefined();
    expect(first.outputs['constraints-uri']).toBe(`s3://${BUCKET}/baseline/v1/constraints.json`);
    expect(first.summary).toContain('(created)');
    const d1 = await env.sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: SCHEDULE }));
    expect(d1).toMatchObject({
      MonitoringScheduleStatus: 'Scheduled',
      MonitoringType: 'DataQuality',
      EndpointName: EP,
    });
    const def1 = d1.MonitoringScheduleConfig!.MonitoringJobDefinition!;
    expect(def1.BaselineConfig?.ConstraintsResource?.S3Uri).toBe(
      `s3://${BUCKET}/baseline/v1/constraints.json`,
    );
    expect(def1.BaselineConfig?.StatisticsResource?.S3Uri).toBe(`s3://${BUCKET}/baseline/v1/statistics.json`);
    expect(def1.MonitoringInputs?.[0]?.EndpointInput?.EndpointName).toBe(EP);
    expect(d1.MonitoringScheduleConfig?.ScheduleConfig?.ScheduleExpression).toBe('cron(0 * ? * * *)');

    const second = await gate({ ...inputs, 'output-uri': `s3://${BUCKET}/baseline/v2` });
    expect(second.failure).toBeUndefined();
    expect(second.summary).toContain('(updated)');
    const list = await env.sm.send(new ListMonitoringSchedulesCommand({ EndpointName: EP }));
    expect(list.MonitoringScheduleSummaries?.map((s) => s.MonitoringScheduleName)).toEqual([SCHEDULE]);
    const d2 = await env.sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: SCHEDULE }));
    expect(
      d2.MonitoringScheduleConfig?.MonitoringJobDefinition?.BaselineConfig?.ConstraintsResource?.S3Uri,
    ).toBe(`s3://${BUCKET}/baseline/v2/constraints.json`);
    expect(d2.CreationTime).toEqual(d1.CreationTime);
  });

  test('create-schedule for an endpoint that does not exist fails before writing anything', async () => {
    const r = await gate({
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': `s3://${BUCKET}/baseline/typo`,
      'endpoint-name': 'mg-epp',
      'create-schedule': 'true',
      'role-arn': ROLE,
    });
    expect(r.failed).toBe(true);
    expect(errorLine(r)).toMatch(/input 'endpoint-name': "mg-epp" is not an endpoint in us-east-1/);
    const written = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'baseline/typo' }));
    expect(written.KeyCount).toBe(0);
  });

  test('create-schedule with a local output-uri is a configuration error (the schedule needs S3)', async () => {
    const r = await gate({
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': join(dir, 'local-baseline'),
      'endpoint-name': EP,
      'create-schedule': 'true',
      'role-arn': ROLE,
    });
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/output-uri/);
  });
});

describe('mode check on the endpoint data capture', () => {
  // The baseline the checks use (also when this block runs on its own with -t).
  beforeAll(async () => {
    const b = await gate({
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': `s3://${BUCKET}/baseline/v2`,
    });
    expect(b.failure).toBeUndefined();
  });
  test('reads real capture, finds drift, publishes metrics and a dashboard naming only existing metrics', async () => {
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString();
    await invokeRows(Array.from({ length: 150 }, (_, i) => row(i, true)));
    await eventually(async () => ((await captureCount()) >= 150 ? true : undefined), 600, 100);
    const inputs = captureCheck({ since, 'publish-metrics': 'true', 'dashboard-name': 'mg-dashboard' });
    const r = await gate(inputs);
    expect(r.failed).toBe(true);
    expect(r.outputs['passed']).toBe('false');
    const violations = JSON.parse(r.outputs['violations']!) as {
      feature_name: string;
      constraint_check_type: string;
    }[];
    expectInjectedDrift(violations);
    expect(r.summary).toMatch(/150 record\(s\) in the window/);
    // The report is in S3 next to the capture, in Model Monitor's format.
    const reportUri = r.outputs['report-uri']!;
    expect(reportUri).toMatch(
      new RegExp(
        `^s3://${BUCKET}/capture/monitor-gate-reports/${EP}/\\d{4}/\\d{2}/\\d{2}/\\d{2}/constraint_violations\\.json$`,
      ),
    );
    const key = reportUri.slice(`s3://${BUCKET}/`.length);
    const report = JSON.parse(
      await (await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString(),
    ) as { violations: { feature_name: string }[] };
    expect(report.violations.length).toBe(violations.length);

    // Metrics in Model Monitor's namespace and names.
    const listed = await env.cw.send(
      new ListMetricsCommand({
        Namespace: NAMESPACE,
        Dimensions: [
          { Name: 'Endpoint', Value: EP },
          { Name: 'MonitoringSchedule', Value: 'monitor-gate' },
        ],
      }),
    );
    const names = new Set((listed.Metrics ?? []).map((m) => m.MetricName));
    for (const m of [
      'feature_baseline_drift_a',
      'feature_baseline_drift_b',
      'feature_non_null_state',
      'violations_total',
    ])
      expect(names).toContain(m);

    // Dashboard: every metric a widget names exists; the endpoint's invocation metrics are there.
    const dash = await env.cw.send(new GetDashboardCommand({ DashboardName: 'mg-dashboard' }));
    const body = JSON.parse(dash.DashboardBody!) as { widgets: { properties: { metrics: string[][] } }[] };
    const named = body.widgets.flatMap((w) => w.properties.metrics);
    expect(named.length).toBeGreaterThan(0);
    expect(named.map((m) => m[1])).toEqual(
      expect.arrayContaining(['Invocations', 'feature_baseline_drift_a']),
    );
    for (const [ns, metric, ...dims] of named) {
      const dimensions = [];
      for (let i = 0; i < dims.length; i += 2) dimensions.push({ Name: dims[i]!, Value: dims[i + 1]! });
      const found = await env.cw.send(
        new ListMetricsCommand({ Namespace: ns, MetricName: metric, Dimensions: dimensions }),
      );
      expect(`${ns} ${metric} ${found.Metrics?.length ?? 0}`).not.toBe(`${ns} ${metric} 0`);
    }
    // A re-run updates the same dashboard.
    await gate(inputs);
    const dashboards = await env.cw.send(new ListDashboardsCommand({ DashboardNamePrefix: 'mg-' }));
    expect(dashboards.DashboardEntries?.map((d) => d.DashboardName)).toEqual(['mg-dashboard']);
  });

  test('a baseline file that does not exist is a configuration error naming the input', async () => {
    const r = await gate({
      mode: 'check',
      'capture-uri': `s3://${BUCKET}/capture/${EP}`,
      'baseline-statistics': `s3://${BUCKET}/baseline/nope/statistics.json`,
      'baseline-constraints': `s3://${BUCKET}/baseline/v2/constraints.json`,
    });
    expect(r.failed).toBe(true);
    expect(errorLine(r)).toMatch(
      /input 'baseline-statistics': "s3:\/\/monitor-it\/baseline\/nope\/statistics.json" does not exist/,
    );
  });

  test('the committed bundle (dist/monitor-gate.js, its own scan worker) gives the in-process verdict', async () => {
    const inputs = captureCheck({ since: '2h' });
    const inProcess = await runWithInputs(inputs, () => run({ exit: () => undefined, workers: 1 }), awsEnv());
    const files = /capture: (\d+) file\(s\)/.exec(inProcess.summary)?.[1];
    expect(Number(files)).toBeGreaterThan(1); // more than one range: the bundle scans with workers
    const bundle = (await runActionBundle('actions/monitor-gate', { inputs, env: awsEnv() })) as {
      code: number;
      stdout: string;
      stderr: string;
      outputs: Record<string, string>;
    };
    expect(bundle.stdout).toMatch(/::error::monitor-gate: gate failed/);
    expect(bundle.code).toBe(1);
    expect(JSON.parse(bundle.outputs['violations']!)).toEqual(JSON.parse(inProcess.outputs['violations']!));
    expect(JSON.parse(bundle.outputs['metrics']!)).toEqual(JSON.parse(inProcess.outputs['metrics']!));
  });

  test('clean capture in a later window passes', async () => {
    const since = new Date(Math.ceil(Date.now() / 1000) * 1000).toISOString();
    await new Promise((r) => setTimeout(r, Date.parse(since) - Date.now() + 50));
    const before = await captureCount();
    await invokeRows(Array.from({ length: 150 }, (_, i) => row(i + 5000, false)));
    await eventually(async () => ((await captureCount()) >= before + 150 ? true : undefined), 600, 100);
    const r = await gate(captureCheck({ since }));
    expect(r.failure).toBeUndefined();
    expect(r.outputs['passed']).toBe('true');
    expect(r.summary).toMatch(/150 record\(s\) in the window/);
  });
});

describe('mode check with monitoring-schedule', () => {
  const scheduleCheck = (extra: Record<string, string> = {}) =>
    gate({ mode: 'check', 'monitoring-schedule': SCHEDULE, ...extra });
  // The schedule (created or updated: this block also runs on its own with -t).
  beforeAll(async () => {
    const b = await gate({
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': `s3://${BUCKET}/baseline/v2`,
      'endpoint-name': EP,
      'create-schedule': 'true',
      'role-arn': ROLE,
    });
    expect(b.failure).toBeUndefined();
  });

  test('no execution inside max-age fails closed', async () => {
    const ctx = env.local.context;
    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'Completed',
      ScheduledTime: Date.now() - 30 * 3600_000,
    });
    const r = await scheduleCheck();
    expect(r.failed).toBe(true);
    expect(r.outputs['passed']).toBe('false');
    expect(r.failure).toMatch(/no finished execution in the last 26 h/);
    const wider = await scheduleCheck({ 'max-age': '31h' });
    expect(wider.failure).toBeUndefined();
    expect(wider.outputs['passed']).toBe('true');
  });

  test('the newest finished execution decides, found on a later page past unfinished ones', async () => {
    const ctx = env.local.context;
    const now = Date.now();
    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'Completed',
      ScheduledTime: now - 3 * 3600_000,
    });
    // 12 newer unfinished executions: the first page (MaxResults 10) holds none that is finished.
    for (let i = 0; i < 12; i++)
      recordMonitoringExecution(ctx, {
        MonitoringScheduleName: SCHEDULE,
        MonitoringExecutionStatus: 'InProgress',
        ScheduledTime: now - 3600_000 + i * 1000,
      });
    const ok = await scheduleCheck();
    expect(ok.failure).toBeUndefined();
    expect(ok.outputs['passed']).toBe('true');

    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'Failed',
      ScheduledTime: now - 2 * 3600_000,
      FailureReason: 'Job inputs had no data ::error::injected',
    });
    const failed = await scheduleCheck();
    expect(failed.failed).toBe(true);
    expect(errorLine(failed)).toMatch(/is Failed; see its FailureReason in the log/);
    // the untrusted FailureReason is quoted between stop-commands, never as a workflow command
    expect(failed.stdout).toMatch(
      /::stop-commands::[0-9a-f]+\n[^]*Job inputs had no data ::error::injected[^]*\n::[0-9a-f]+::/,
    );
  });

  test('CompletedWithViolations: the violations come from the execution processing job output', async () => {
    const script = join(dir, 'violations.py');
    writeFileSync(
      script,
      [
        'import json, os, sys',
        '# the output folder comes as an argument: sagemaker-local maps /opt/ml paths in arguments',
        'out = sys.argv[1]',
        'os.makedirs(out, exist_ok=True)',
        "json.dump({'violations': [{'feature_name': 'a', 'constraint_check_type': 'baseline_drift_check',",
        "  'description': 'Numerical distance: 0.31 exceeds numerical threshold: 0.1'}]},",
        "  open(os.path.join(out, 'constraint_violations.json'), 'w'))",
        '',
      ].join('\n'),
    );
    await putObjects(env.s3, BUCKET, { 'monitoring/placeholder': 'x' });
    await env.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'mg-monitoring-run',
        RoleArn: ROLE,
        AppSpecification: {
          ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
          ContainerEntrypoint: ['python3', script],
          ContainerArguments: ['/opt/ml/processing/output'],
        },
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: 'result',
              S3Output: {
                S3Uri: `s3://${BUCKET}/monitoring/${EP}/${SCHEDULE}/run1`,
                LocalPath: '/opt/ml/processing/output',
                S3UploadMode: 'EndOfJob',
              },
            },
          ],
        },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 },
        },
      }),
    );
    const job = await waitProcessing(env.sm, 'mg-monitoring-run');
    expect(job.ProcessingJobStatus).toBe('Completed');
    recordMonitoringExecution(env.local.context, {
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'CompletedWithViolations',
      ScheduledTime: Date.now() - 1800_000,
      ProcessingJobArn: job.ProcessingJobArn!,
    });
    const r = await scheduleCheck();
    expect(r.failed).toBe(true);
    expect(JSON.parse(r.outputs['violations']!)).toEqual([
      {
        feature_name: 'a',
        constraint_check_type: 'baseline_drift_check',
        description: 'Numerical distance: 0.31 exceeds numerical threshold: 0.1',
      },
    ]);
    const allowed = await scheduleCheck({ 'max-violations': '{baseline_drift_check: 1}' });
    expect(allowed.failure).toBeUndefined();
    expect(allowed.outputs['passed']).toBe('true');

    // A newer execution whose processing job is gone: no report to read, the gate fails closed.
    recordMonitoringExecution(env.local.context, {
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'CompletedWithViolations',
      ScheduledTime: Date.now() - 900_000,
      ProcessingJobArn: job.ProcessingJobArn!.replace('mg-monitoring-run', 'mg-monitoring-gone'),
    });
    const gone = await scheduleCheck({ 'max-violations': '{baseline_drift_check: 1}' });
    expect(gone.failed).toBe(true);
    expect(errorLine(gone)).toMatch(/has violations but no report location; the gate fails closed/);
  });
});

describe('mode check with alarms', () => {
  test('an OK alarm with data passes; an alarm whose metric never has data is misconfigured', async () => {
    const dims = [
      { Name: 'EndpointName', Value: EP },
      { Name: 'VariantName', Value: 'AllTraffic' },
    ];
    await env.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'mg-invocations',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: dims,
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1e9,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
    // The reference system's mistake: an endpoint CPU alarm in a namespace where the metric never appears.
    await env.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'mg-cpu-wrong-namespace',
        Namespace: 'AWS/SageMaker/Endpoints',
        MetricName: 'CPUUtilization',
        Dimensions: dims,
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 90,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
    // An alarm that is firing: at least one invocation in 5 minutes.
    await env.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'mg-firing',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: dims,
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
    await invokeRows([row(1, false), row(2, false)]);
    await eventually(async () => {
      const a = await env.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['mg-firing'] }));
      return a.MetricAlarms?.[0]?.StateValue === 'ALARM' ? true : undefined;
    });
    await eventually(async () => {
      const a = await env.cw.send(
        new DescribeAlarmsCommand({ AlarmNames: ['mg-invocations', 'mg-cpu-wrong-namespace'] }),
      );
      return a.MetricAlarms?.length === 2 && a.MetricAlarms.every((x) => x.StateValue === 'OK')
        ? true
        : undefined;
    });
    const good = await gate({ mode: 'check', alarms: 'mg-invocations' });
    expect(good.failure).toBeUndefined();
    expect(good.outputs['passed']).toBe('true');
    const bad = await gate({ mode: 'check', alarms: 'mg-invocations, mg-cpu-wrong-namespace, mg-missing' });
    expect(bad.failed).toBe(true);
    expect(bad.failure).toMatch(/alarm mg-cpu-wrong-namespace is misconfigured/);
    expect(bad.failure).toMatch(/alarm mg-missing does not exist/);
    expect(bad.failure).not.toMatch(/mg-invocations is/);
    const firing = await gate({ mode: 'check', alarms: 'mg-firing' });
    expect(firing.failed).toBe(true);
    expect(errorLine(firing)).toMatch(/alarm mg-firing is ALARM/);
  });
});
