/**
 * sagemaker-local's monitoring schedules run executions: an endpoint captures traffic, the
 * emulator's clock is moved to the next hour (never waited for), the scheduler's timer starts the
 * execution, a real processing job runs the Model Monitor analyzer stand-in over the hour's
 * capture against the baseline, and the reports, metrics and execution records are as AWS shows
 * them. Stop, delete and a server restart leave nothing running.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  CreateMonitoringScheduleCommand,
  DeleteMonitoringScheduleCommand,
  DescribeMonitoringScheduleCommand,
  DescribeProcessingJobCommand,
  ListMonitoringExecutionsCommand,
  StartMonitoringScheduleCommand,
  StopMonitoringScheduleCommand,
  type MonitoringExecutionSummary,
  type MonitoringScheduleConfig,
} from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { scanBaselineCsv } from '../../../src/monitor/baseline-csv.js';
import { constraintsJson, suggestConstraints } from '../../../src/monitor/constraints.js';
import { statisticsFromProfiles, statisticsJson } from '../../../src/monitor/statistics.js';
import { NO_DATA_REASON, RESTART_REASON } from '../../../local/monitoring/execution.js';
import {
  expectInjectedDrift,
  invokeRows,
  movableClock,
  startMonitoredEndpoint,
  trafficRow,
  type MonitoredEndpoint,
} from '../../helpers/monitor-traffic.js';
import { ROLE, eventually, putObjects, startEnv, type Env } from './helpers.js';

jest.setTimeout(240_000);

const BUCKET = 'monitoring-it';
const EP = 'mon-ep';
const HOUR = 3_600_000;
const ANALYZER = '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer';
/** A bring-your-own monitoring image that runs until stopped (sagemaker-local.yml mapping). */
const SLOW_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/slow-monitor:1';

let fx: MonitoredEndpoint;
let env: Env;
let rt: SageMakerRuntimeClient;
const { now: clock, toNextHour } = movableClock();
const row = trafficRow;

function scheduleConfig(
  expr: string,
  image = ANALYZER,
  extra: Record<string, string> = {},
): MonitoringScheduleConfig {
  return {
    ScheduleConfig: { ScheduleExpression: expr, ...extra },
    MonitoringType: 'DataQuality',
    MonitoringJobDefinition: {
      BaselineConfig: {
        ConstraintsResource: { S3Uri: `s3://${BUCKET}/baseline/constraints.json` },
        StatisticsResource: { S3Uri: `s3://${BUCKET}/baseline/statistics.json` },
      },
      MonitoringInputs: [
        { EndpointInput: { EndpointName: EP, LocalPath: '/opt/ml/processing/input/endpoint' } },
      ],
      MonitoringOutputConfig: {
        MonitoringOutputs: [
          { S3Output: { S3Uri: `s3://${BUCKET}/reports`, LocalPath: '/opt/ml/processing/output' } },
        ],
      },
      MonitoringResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 },
      },
      MonitoringAppSpecification: { ImageUri: image },
      Environment: { publish_cloudwatch_metrics: 'Enabled' },
      RoleArn: ROLE,
    },
  };
}

const invoke = (rows: string[]): Promise<void> => invokeRows(rt, EP, rows);

const executions = async (schedule: string): Promise<MonitoringExecutionSummary[]> =>
  (
    await env.sm.send(
      new ListMonitoringExecutionsCommand({ MonitoringScheduleName: schedule, SortBy: 'ScheduledTime' }),
    )
  ).MonitoringExecutionSummaries ?? [];

const FINISHED = new Set(['Completed', 'CompletedWithViolations', 'Failed', 'Stopped']);

/** The schedule's newest execution once it scheduled at `at` has finished (bounded polling). */
const finished = (schedule: string, at: number): Promise<MonitoringExecutionSummary> =>
  eventually(
    async () => {
      const e = (await executions(schedule)).find((x) => x.ScheduledTime?.getTime() === at);
      return e && FINISHED.has(e.MonitoringExecutionStatus!) ? e : undefined;
    },
    1200,
    100,
  );

const text = async (key: string): Promise<string> =>
  (await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();

const hourPath = (t: number): string => new Date(t).toISOString().slice(0, 13).replace(/[-T]/g, '/');

beforeAll(async () => {
  fx = await startMonitoredEndpoint({
    bucket: BUCKET,
    endpoint: EP,
    csv: true,
    local: {
      clock,
      monitoringIntervalMs: 100,
      config: { images: [{ match: '*/slow-monitor:*', command: ['sleep', '600'] }] },
    },
  });
  ({ env, rt } = fx);
  const scan = scanBaselineCsv([join(fx.dir, 'baseline.csv')]);
  const stats = statisticsFromProfiles(scan.names, scan.sink.profiles, scan.sink.rows);
  await putObjects(env.s3, BUCKET, {
    'baseline/statistics.json': JSON.stringify(statisticsJson(stats)),
    'baseline/constraints.json': JSON.stringify(constraintsJson(suggestConstraints(stats))),
  });
});

afterAll(async () => {
  await fx?.close();
});

describe('an hourly data-quality schedule', () => {
  const SCHEDULE = 'mon-hourly';

  test('runs at the hour on the hour before it: a processing job, reports in Model Monitor layout, metrics', async () => {
    await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: SCHEDULE,
        MonitoringScheduleConfig: scheduleConfig('cron(0 * ? * * *)'),
      }),
    );
    await invoke(Array.from({ length: 120 }, (_, i) => row(i, true)));
    expect(await executions(SCHEDULE)).toEqual([]);
    const at = toNextHour();
    const e = await finished(SCHEDULE, at);
    expect(e).toMatchObject({
      MonitoringScheduleName: SCHEDULE,
      MonitoringExecutionStatus: 'CompletedWithViolations',
      EndpointName: EP,
      MonitoringType: 'DataQuality',
    });
    expect(e.FailureReason).toBeUndefined();
    const jobName = e.ProcessingJobArn!.split('/').pop()!;
    expect(jobName).toMatch(/^model-monitoring-\d{12}-[0-9a-f]{24}$/);
    const job = await env.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: jobName }));
    const prefix = `reports/${EP}/${SCHEDULE}/${hourPath(at)}`;
    expect(job).toMatchObject({
      ProcessingJobStatus: 'Completed',
      ExitMessage: expect.stringMatching(
        /^CompletedWithViolations: Job completed successfully with \d+ violations\.$/,
      ),
      MonitoringScheduleArn: `arn:aws:sagemaker:us-east-1:000000000000:monitoring-schedule/${SCHEDULE}`,
      AppSpecification: { ImageUri: ANALYZER },
    });
    expect(job.ProcessingOutputConfig?.Outputs?.[0]?.S3Output?.S3Uri).toBe(`s3://${BUCKET}/${prefix}`);
    expect(job.Environment).toMatchObject({
      start_time: new Date(at - HOUR).toISOString().replace('.000', ''),
      end_time: new Date(at).toISOString().replace('.000', ''),
      sagemaker_endpoint_name: EP,
      sagemaker_monitoring_schedule_name: SCHEDULE,
      dataset_source: '/opt/ml/processing/input/endpoint',
    });
    const captureInput = job.ProcessingInputs?.find((i) => i.InputName === 'input_1');
    expect(captureInput?.S3Input?.S3Uri).toBe(
      `s3://${BUCKET}/capture/${EP}/AllTraffic/${hourPath(at - HOUR)}`,
    );

    const report = JSON.parse(await text(`${prefix}/constraint_violations.json`)) as {
      violations: { feature_name: string; constraint_check_type: string }[];
    };
    expectInjectedDrift(report.violations);
    const statistics = JSON.parse(await text(`${prefix}/statistics.json`)) as {
      dataset: { item_count: number };
    };
    expect(statistics.dataset.item_count).toBe(120);

    const metrics = await env.cw.send(
      new ListMetricsCommand({
        Namespace: 'aws/sagemaker/Endpoints/data-metrics',
        Dimensions: [
          { Name: 'Endpoint', Value: EP },
          { Name: 'MonitoringSchedule', Value: SCHEDULE },
        ],
      }),
    );
    const names = new Set(metrics.Metrics?.map((m) => m.MetricName));
    for (const m of ['feature_data_a', 'feature_non_null_state', 'feature_baseline_drift_a'])
      expect(names).toContain(m);

    const d = await env.sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: SCHEDULE }));
    expect(d.LastMonitoringExecutionSummary).toMatchObject({
      MonitoringExecutionStatus: 'CompletedWithViolations',
      ScheduledTime: new Date(at),
      ProcessingJobArn: e.ProcessingJobArn,
    });
    // The same hour never runs twice.
    expect(env.local.monitoring.tick()).toEqual([]);
    expect(await executions(SCHEDULE)).toHaveLength(1);
  });

  test('an hour with no capture: Failed with "Job inputs had no data", no processing job', async () => {
    const at = toNextHour();
    // The scheduler's own check, before its timer (nothing runs between these two statements).
    const started = env.local.monitoring.tick();
    expect(started.map((x) => [x['MonitoringExecutionStatus'], x['ScheduledTime']])).toEqual([
      ['Pending', at],
    ]);
    const e = await finished(SCHEDULE, at);
    expect(e.MonitoringExecutionStatus).toBe('Failed');
    expect(e.FailureReason).toBe(NO_DATA_REASON);
    expect(e.ProcessingJobArn).toBeUndefined();
  });

  test('clean traffic the next hour: Completed', async () => {
    await invoke(Array.from({ length: 120 }, (_, i) => row(i + 7000, false)));
    const at = toNextHour();
    const e = await finished(SCHEDULE, at);
    expect(e.MonitoringExecutionStatus).toBe('Completed');
    const job = await env.sm.send(
      new DescribeProcessingJobCommand({ ProcessingJobName: e.ProcessingJobArn!.split('/').pop()! }),
    );
    expect(job.ExitMessage).toBe('Completed: Job completed successfully with no violations.');
    await env.sm.send(new DeleteMonitoringScheduleCommand({ MonitoringScheduleName: SCHEDULE }));
    // The history stays after the schedule is deleted.
    expect((await executions(SCHEDULE)).length).toBe(3);
  });
});

describe('a NOW schedule', () => {
  test('runs once, at once, over its DataAnalysisStartTime/EndTime offsets', async () => {
    await invoke(Array.from({ length: 30 }, (_, i) => row(i, false)));
    const created = clock();
    await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: 'mon-now',
        MonitoringScheduleConfig: scheduleConfig('NOW', ANALYZER, {
          DataAnalysisStartTime: '-PT1H',
          DataAnalysisEndTime: 'PT0H',
        }),
      }),
    );
    const [e] = await executions('mon-now');
    expect(e?.ScheduledTime!.getTime()).toBeGreaterThanOrEqual(Math.floor(created / 1000) * 1000);
    const done = await finished('mon-now', e!.ScheduledTime!.getTime());
    expect(done.MonitoringExecutionStatus).toBe('Completed');
    const job = await env.sm.send(
      new DescribeProcessingJobCommand({ ProcessingJobName: done.ProcessingJobArn!.split('/').pop()! }),
    );
    expect(Date.parse(job.Environment!['end_time']!) - Date.parse(job.Environment!['start_time']!)).toBe(
      HOUR,
    );
    toNextHour();
    expect(env.local.monitoring.tick()).toEqual([]);
    expect(await executions('mon-now')).toHaveLength(1);
  });

  test('offsets that are not durations, or span more than 24 hours, are refused', async () => {
    for (const [start, end, message] of [
      ['-1 hour', 'PT0H', /DataAnalysisStartTime '-1 hour' is not an ISO 8601 duration/],
      ['-P2D', 'PT0H', /more than 24 hours/],
    ] as const)
      await expect(
        env.sm.send(
          new CreateMonitoringScheduleCommand({
            MonitoringScheduleName: 'mon-bad-offsets',
            MonitoringScheduleConfig: scheduleConfig('NOW', ANALYZER, {
              DataAnalysisStartTime: start,
              DataAnalysisEndTime: end,
            }),
          }),
        ),
      ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(message) });
  });
});

describe('stopping and deleting leave nothing running', () => {
  /** Processes besides the monitoring job's (the endpoint's serving process). */
  let base = 0;
  async function running(schedule: string): Promise<MonitoringExecutionSummary> {
    await invoke([row(1, false)]);
    base = env.local.context.processes.size;
    const at = toNextHour();
    const e = await eventually(async () => {
      const x = (await executions(schedule)).find((y) => y.ScheduledTime?.getTime() === at);
      return x?.MonitoringExecutionStatus === 'InProgress' ? x : undefined;
    });
    await eventually(async () => (env.local.context.processes.size === base + 1 ? true : undefined));
    return e;
  }
  const nothingRunning = () =>
    eventually(async () => (env.local.context.processes.size === base ? true : undefined));

  test('StopMonitoringSchedule stops the running execution and starts nothing more; Start resumes', async () => {
    await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: 'mon-slow',
        MonitoringScheduleConfig: scheduleConfig('cron(0 * ? * * *)', SLOW_IMAGE),
      }),
    );
    const e = await running('mon-slow');
    await env.sm.send(new StopMonitoringScheduleCommand({ MonitoringScheduleName: 'mon-slow' }));
    const stopped = await finished('mon-slow', e.ScheduledTime!.getTime());
    expect(stopped.MonitoringExecutionStatus).toBe('Stopped');
    await nothingRunning();
    const d = await env.sm.send(
      new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: 'mon-slow' }),
    );
    expect(d.MonitoringScheduleStatus).toBe('Stopped');
    toNextHour();
    expect(env.local.monitoring.tick()).toEqual([]);
    await env.sm.send(new StartMonitoringScheduleCommand({ MonitoringScheduleName: 'mon-slow' }));
    // Hours that passed while it was stopped are not caught up.
    expect(env.local.monitoring.tick()).toEqual([]);
  });

  test('DeleteMonitoringSchedule stops the running execution', async () => {
    const e = await running('mon-slow');
    await env.sm.send(new DeleteMonitoringScheduleCommand({ MonitoringScheduleName: 'mon-slow' }));
    const stopped = await finished('mon-slow', e.ScheduledTime!.getTime());
    expect(stopped.MonitoringExecutionStatus).toBe('Stopped');
    await nothingRunning();
  });

  test('an execution running when the server stops reads Failed after a restart', async () => {
    await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: 'mon-restart',
        MonitoringScheduleConfig: scheduleConfig('cron(0 * ? * * *)', SLOW_IMAGE),
      }),
    );
    const e = await running('mon-restart');
    const dataDir = env.dataDir;
    rt.destroy();
    await env.close();
    expect(env.local.context.processes.size).toBe(0);
    env = await startEnv({ clock, monitoringIntervalMs: 0 }, dataDir);
    rt = new SageMakerRuntimeClient(env.clientConfig);
    Object.assign(fx, { env, rt });
    const after = (await executions('mon-restart')).find(
      (x) => x.ScheduledTime?.getTime() === e.ScheduledTime!.getTime(),
    );
    expect(after).toMatchObject({ MonitoringExecutionStatus: 'Failed', FailureReason: RESTART_REASON });
    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'reports/' }));
    expect(listed.KeyCount).toBeGreaterThan(0);
  });
});
