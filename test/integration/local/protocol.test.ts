/** Error shapes and read APIs as the SDK sees them: Logs, CloudWatch (query-compatible), SageMaker validation, faults. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ROLE, XGB_IMAGE, removeDir, startEnv, type Env } from './helpers.js';

jest.setTimeout(60_000);

describe('sagemaker-local wire protocol', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('answers ResourceNotFoundException before a log group exists, InvalidParameterException on bad combinations', async () => {
    await expect(
      env.logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamNamePrefix: 'job/',
          orderBy: 'LogStreamName',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    await expect(
      env.logs.send(new GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 's' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(env.logs.send(new FilterLogEventsCommand({ logGroupName: '/nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    env.local.context.logs.append('/g', 's1', 'hello');
    await expect(
      env.logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: '/g',
          logStreamNamePrefix: 's',
          orderBy: 'LastEventTime',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      env.logs.send(new GetLogEventsCommand({ logGroupName: '/g', logStreamName: 'other' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
  });

  it('stores and aggregates CloudWatch metrics; errors carry the query-compatible code', async () => {
    const t = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await env.cw.send(
      new PutMetricDataCommand({
        Namespace: 'kit/eval',
        MetricData: [
          { MetricName: 'auc', Dimensions: [{ Name: 'Model', Value: 'a' }], Value: 0.5, Timestamp: t },
          {
            MetricName: 'auc',
            Dimensions: [{ Name: 'Model', Value: 'a' }],
            Values: [0.7, 0.9],
            Timestamp: new Date(t.getTime() + 1000),
          },
          { MetricName: 'auc', Dimensions: [{ Name: 'Model', Value: 'b' }], Value: 0.1, Timestamp: t },
        ],
      }),
    );
    const stats = await env.cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'kit/eval',
        MetricName: 'auc',
        Dimensions: [{ Name: 'Model', Value: 'a' }],
        StartTime: new Date(t.getTime() - 60_000),
        EndTime: new Date(t.getTime() + 60_000),
        Period: 120,
        Statistics: ['Average', 'Minimum', 'Maximum', 'SampleCount', 'Sum'],
      }),
    );
    expect(stats.Datapoints).toHaveLength(1);
    expect(stats.Datapoints![0]).toMatchObject({ Minimum: 0.5, Maximum: 0.9, SampleCount: 3 });
    expect(stats.Datapoints![0]!.Average).toBeCloseTo(0.7);
    expect(stats.Datapoints![0]!.Timestamp).toBeInstanceOf(Date);
    const data = await env.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(t.getTime() - 60_000),
        EndTime: new Date(t.getTime() + 60_000),
        MetricDataQueries: [
          {
            Id: 'm1',
            MetricStat: {
              Metric: {
                Namespace: 'kit/eval',
                MetricName: 'auc',
                Dimensions: [{ Name: 'Model', Value: 'b' }],
              },
              Period: 60,
              Stat: 'Maximum',
            },
          },
        ],
      }),
    );
    expect(data.MetricDataResults?.[0]).toMatchObject({ Id: 'm1', Values: [0.1], StatusCode: 'Complete' });
    const list = await env.cw.send(
      new ListMetricsCommand({ Namespace: 'kit/eval', Dimensions: [{ Name: 'Model', Value: 'b' }] }),
    );
    expect(list.Metrics).toEqual([
      { Namespace: 'kit/eval', MetricName: 'auc', Dimensions: [{ Name: 'Model', Value: 'b' }] },
    ]);
    await expect(
      env.cw.send(
        new PutMetricDataCommand({ Namespace: 'AWS/SageMaker', MetricData: [{ MetricName: 'x', Value: 1 }] }),
      ),
    ).rejects.toMatchObject({
      // the SDK maps the x-amzn-query-error code to the modeled exception, as with AWS
      name: 'InvalidParameterValueException',
      Code: 'InvalidParameterValue',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      env.cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'kit/eval',
          MetricName: 'auc',
          StartTime: t,
          EndTime: t,
          Period: 60,
        }),
      ),
    ).rejects.toMatchObject({ name: 'MissingRequiredParameterException' });
  });

  it('validates CreateTrainingJob like AWS (names, limits, enums, required members)', async () => {
    const base = {
      TrainingJobName: 'valid-name',
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: XGB_IMAGE, TrainingInputMode: 'File' as const },
      OutputDataConfig: { S3OutputPath: 's3://b/out' },
      ResourceConfig: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1, VolumeSizeInGB: 5 },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    };
    await expect(
      env.sm.send(new CreateTrainingJobCommand({ ...base, TrainingJobName: 'bad_name!' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value 'bad_name!' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      ),
    });
    await expect(
      env.sm.send(new CreateTrainingJobCommand({ ...base, HyperParameters: { long: 'x'.repeat(2501) } })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Map value must have length less than or equal to 2500'),
    });
    await expect(
      env.sm.send(new CreateTrainingJobCommand({ ...base, RoleArn: 'not-a-role-arn-at-all' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      env.sm.send(
        new CreateTrainingJobCommand({
          ...base,
          AlgorithmSpecification: { TrainingImage: XGB_IMAGE, TrainingInputMode: 'Stream' as never },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must satisfy enum value set: [Pipe, File, FastFile]'),
    });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '1']));
    await expect(
      env.sm.send(new CreateTrainingJobCommand({ ...base, HyperParameters: many })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(env.sm.send(new ListTrainingJobsCommand({ MaxResults: 101 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});

describe('sagemaker-local injected 5xx faults', () => {
  it('answers InternalFailure/ServiceUnavailable with 500/503 that the SDK classifies as transient', async () => {
    const env = await startEnv({ faults: 'error=1', seed: 7 });
    try {
      const sm = new SageMakerClient({ ...env.clientConfig, maxAttempts: 1 });
      const statuses = new Set<number>();
      for (let i = 0; i < 8; i++) {
        const err = (await sm.send(new ListTrainingJobsCommand({})).catch((e: unknown) => e)) as {
          name: string;
          $metadata: { httpStatusCode: number };
        };
        expect(['InternalFailure', 'ServiceUnavailable']).toContain(err.name);
        statuses.add(err.$metadata.httpStatusCode);
      }
      expect([...statuses].sort()).toEqual([500, 503]);
      const logs = new CloudWatchLogsClient({ ...env.clientConfig, maxAttempts: 1 });
      const cw = new CloudWatchClient({ ...env.clientConfig, maxAttempts: 1 });
      await expect(logs.send(new FilterLogEventsCommand({ logGroupName: '/x' }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: expect.any(Number) },
      });
      await expect(cw.send(new ListMetricsCommand({}))).rejects.toMatchObject({
        name: expect.stringMatching(/^(InternalFailure|ServiceUnavailable)$/),
      });
      for (const c of [sm, logs, cw]) c.destroy();
    } finally {
      await env.close();
      removeDir(env.dataDir);
    }
  });
});
