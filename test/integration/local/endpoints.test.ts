/**
 * sagemaker-local endpoints with the real SDK clients: configs, create/describe/update/delete,
 * blue/green with alarm rollback, runtime invocations, metrics, alarms, data capture, tags,
 * restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteTagsCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListTagsCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DescribeEndpointCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { GetLogEventsCommand, DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListObjectsV2Command, GetObjectCommand } from '@aws-sdk/client-s3';
import { startEnv, removeDir, eventually, type Env } from './helpers.js';
import { createScriptModel } from '../../helpers/endpoint-models.js';

const BUCKET = 'ep-bucket';
let env: Env;
let rt: SageMakerRuntimeClient;

const describeEp = (name: string): Promise<DescribeEndpointCommandOutput> =>
  env.sm.send(new DescribeEndpointCommand({ EndpointName: name }));

async function waitStatus(name: string, done: (d: DescribeEndpointCommandOutput) => boolean) {
  return eventually(async () => {
    const d = await describeEp(name);
    return done(d) ? d : undefined;
  }, 1200);
}
const settled = (d: DescribeEndpointCommandOutput): boolean =>
  !['Creating', 'Updating', 'Deleting'].includes(d.EndpointStatus!);

async function config(name: string, model: string, extra: Record<string, unknown> = {}): Promise<void> {
  await env.sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: name,
      ProductionVariants: [
        { VariantName: 'AllTraffic', ModelName: model, InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
      ],
      ...extra,
    }),
  );
}

async function invoke(name: string, body = '1,2,3\n', extra: Record<string, unknown> = {}): Promise<string> {
  const out = await rt.send(
    new InvokeEndpointCommand({
      EndpointName: name,
      Body: Buffer.from(body),
      ContentType: 'text/csv',
      ...extra,
    }),
  );
  return Buffer.from(out.Body!).toString('utf8').trim();
}

async function errorAlarm(name: string, endpoint: string): Promise<void> {
  await env.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
      Dimensions: [
        { Name: 'EndpointName', Value: endpoint },
        { Name: 'VariantName', Value: 'AllTraffic' },
      ],
      Statistic: 'Sum',
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    }),
  );
}

beforeAll(async () => {
  env = await startEnv({ alarmEvaluationIntervalMs: 200 });
  rt = new SageMakerRuntimeClient(env.clientConfig);
  await createScriptModel(env.sm, env.s3, BUCKET, 'good-a', { mode: 'ok', value: 0.25 });
  await createScriptModel(env.sm, env.s3, BUCKET, 'good-b', { mode: 'ok', value: 0.75 });
  await createScriptModel(env.sm, env.s3, BUCKET, 'bad', { mode: 'fail' });
  await createScriptModel(env.sm, env.s3, BUCKET, 'crash', { mode: 'crash' });
});

afterAll(async () => {
  rt?.destroy();
  await env?.close();
  expect(env.local.context.processes.size).toBe(0);
  removeDir(env.dataDir);
});

describe('endpoint configs', () => {
  it('validates variants against the SDK enums and the models that exist', async () => {
    await expect(
      env.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'bad-type',
          ProductionVariants: [
            {
              VariantName: 'v',
              ModelName: 'good-a',
              InitialInstanceCount: 1,
              InstanceType: 'ml.x9.huge' as never,
            },
          ],
        }),
      ),
    ).rejects.toThrow(/instanceType.*enum value set/);
    await expect(config('no-model', 'missing-model')).rejects.toThrow(/Could not find model/);
    await expect(
      env.sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'nope' })),
    ).rejects.toThrow(/Could not find endpoint configuration/);
    await expect(
      env.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'shadow',
          ProductionVariants: [
            { VariantName: 'v', ModelName: 'good-a', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
          ],
          ShadowProductionVariants: [
            { VariantName: 's', ModelName: 'good-b', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
          ],
        }),
      ),
    ).rejects.toThrow(/ShadowProductionVariants/);
  });
});

describe('endpoint lifecycle', () => {
  it('creates, serves, reports metrics, lists, tags, refuses deleting a config in use', async () => {
    await config('cfg-a', 'good-a');
    await env.sm.send(
      new CreateEndpointCommand({
        EndpointName: 'ep1',
        EndpointConfigName: 'cfg-a',
        Tags: [{ Key: 'team', Value: 'ml' }],
      }),
    );
    const creating = await describeEp('ep1');
    expect(['Creating', 'InService']).toContain(creating.EndpointStatus);
    const d = await waitStatus('ep1', settled);
    expect(d.EndpointStatus).toBe('InService');
    expect(d.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 1,
    });
    expect(d.ProductionVariants?.[0]?.DeployedImages?.[0]?.ResolvedImage).toMatch(/@sha256:/);
    expect(await invoke('ep1')).toBe('0.25');

    const stats = await env.cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'EndpointName', Value: 'ep1' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
        StartTime: new Date(Date.now() - 600_000),
        EndTime: new Date(Date.now() + 60_000),
        Period: 60,
        Statistics: ['Sum'],
      }),
    );
    expect(stats.Datapoints?.reduce((s, p) => s + (p.Sum ?? 0), 0)).toBe(1);
    await expect(
      env.cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocations',
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(),
          Period: 45,
          Statistics: ['Sum'],
        }),
      ),
    ).rejects.toThrow(/multiple of 60/);
    const latency = await env.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(Date.now() - 600_000),
        EndTime: new Date(Date.now() + 60_000),
        MetricDataQueries: [
          {
            Id: 'lat',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/SageMaker',
                MetricName: 'ModelLatency',
                Dimensions: [
                  { Name: 'EndpointName', Value: 'ep1' },
                  { Name: 'VariantName', Value: 'AllTraffic' },
                ],
              },
              Period: 60,
              Stat: 'Average',
            },
          },
        ],
      }),
    );
    expect(latency.MetricDataResults?.[0]?.Values?.[0]).toBeGreaterThan(0);

    const list = await env.sm.send(new ListEndpointsCommand({ NameContains: 'ep1' }));
    expect(list.Endpoints?.map((e) => e.EndpointName)).toContain('ep1');
    const configs = await env.sm.send(new ListEndpointConfigsCommand({ SortBy: 'Name' }));
    expect(configs.EndpointConfigs?.map((c) => c.EndpointConfigName)).toContain('cfg-a');
    const models = await env.sm.send(new ListModelsCommand({ MaxResults: 100 }));
    expect(models.Models?.map((m) => m.ModelName)).toEqual(expect.arrayContaining(['good-a', 'bad']));

    const arn = d.EndpointArn!;
    await env.sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'stage', Value: 'prod' }] }));
    expect((await env.sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: 'stage', Value: 'prod' },
    ]);
    await env.sm.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['team'] }));
    expect((await env.sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'stage', Value: 'prod' },
    ]);
    await expect(
      env.sm.send(new ListTagsCommand({ ResourceArn: arn.replace('ep1', 'nothing') })),
    ).rejects.toThrow(/Could not find resource/);

    await expect(
      env.sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'cfg-a' })),
    ).rejects.toThrow(/in use by endpoint "ep1"/);
    await expect(
      env.sm.send(new UpdateEndpointCommand({ EndpointName: 'ep1', EndpointConfigName: 'cfg-a' })),
    ).rejects.toThrow(/already uses/);
    await expect(describeEp('missing')).rejects.toThrow(/Could not find endpoint/);
    await expect(invoke('missing')).rejects.toThrow(/Endpoint missing of account 000000000000 not found/);
  });

  it('moves weights with UpdateEndpointWeightsAndCapacities', async () => {
    await env.sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'ep1',
        DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredWeight: 2 }],
      }),
    );
    const d = await waitStatus('ep1', settled);
    expect(d.ProductionVariants?.[0]).toMatchObject({ CurrentWeight: 2, DesiredWeight: 2 });
    await expect(
      env.sm.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: 'ep1',
          DesiredWeightsAndCapacities: [{ VariantName: 'Nope', DesiredWeight: 1 }],
        }),
      ),
    ).rejects.toThrow(/not present/);
  });

  it('a canary update to a good model moves all traffic without dropping a request', async () => {
    await config('cfg-b', 'good-b');
    await errorAlarm('ep1-5xx', 'ep1');
    await env.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'ep1',
        EndpointConfigName: 'cfg-b',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'CANARY',
              WaitIntervalInSeconds: 1,
              CanarySize: { Type: 'CAPACITY_PERCENT', Value: 50 },
            },
            TerminationWaitInSeconds: 0,
            MaximumExecutionTimeoutInSeconds: 600,
          },
          AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'ep1-5xx' }] },
        },
      }),
    );
    const seen = new Set<string>();
    const statuses = new Set<string>();
    let failures = 0;
    for (let i = 0; i < 400; i++) {
      try {
        seen.add(await invoke('ep1'));
      } catch {
        failures += 1;
      }
      const d = await describeEp('ep1');
      for (const v of d.PendingDeploymentSummary?.ProductionVariants ?? [])
        for (const s of v.VariantStatus ?? []) statuses.add(s.Status!);
      if (settled(d)) break;
    }
    const d = await describeEp('ep1');
    expect(d.EndpointStatus).toBe('InService');
    expect(d.EndpointConfigName).toBe('cfg-b');
    expect(d.FailureReason).toBeUndefined();
    expect(d.LastDeploymentConfig?.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration?.Type).toBe('CANARY');
    expect(failures).toBe(0);
    expect(statuses.has('Baking')).toBe(true);
    expect(await invoke('ep1')).toBe('0.75');
    expect(seen.has('0.25') || seen.has('0.75')).toBe(true);
  });

  it('an update to a model answering 500s drives its alarm to ALARM and rolls back', async () => {
    await config('cfg-bad', 'bad');
    await env.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'ep1',
        EndpointConfigName: 'cfg-bad',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 },
            MaximumExecutionTimeoutInSeconds: 1800,
          },
          AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'ep1-5xx' }] },
        },
      }),
    );
    let modelError: { name?: string; OriginalStatusCode?: number; LogStreamArn?: string } | undefined;
    const d = await eventually(async () => {
      try {
        await invoke('ep1');
      } catch (err) {
        modelError ??= err as typeof modelError;
      }
      const x = await describeEp('ep1');
      return settled(x) ? x : undefined;
    }, 2000);
    expect(d.EndpointStatus).toBe('InService');
    expect(d.EndpointConfigName).toBe('cfg-b');
    expect(d.FailureReason).toMatch(/alarm ep1-5xx/);
    expect(modelError?.name).toBe('ModelError');
    expect(modelError?.OriginalStatusCode).toBe(500);
    expect(modelError?.LogStreamArn).toMatch(
      /log-group:\/aws\/sagemaker\/Endpoints\/ep1:log-stream:AllTraffic\//,
    );
    expect(await invoke('ep1')).toBe('0.75');
    const alarm = await env.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['ep1-5xx'] }));
    const history = await env.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: 'ep1-5xx', HistoryItemType: 'StateUpdate' }),
    );
    const summaries = history.AlarmHistoryItems?.map((h) => h.HistorySummary);
    expect(summaries).toContain('Alarm updated from OK to ALARM');
    // Still in ALARM, unless the rollback took longer than the alarm's 10 s period on a slow
    // machine: then the window holds no more errors and the history shows it returning to OK.
    const state = alarm.MetricAlarms?.[0]?.StateValue;
    expect(
      state === 'ALARM' || (state === 'OK' && summaries?.includes('Alarm updated from ALARM to OK')),
    ).toBe(true);
    const streams = await env.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: '/aws/sagemaker/Endpoints/ep1' }),
    );
    const events = await Promise.all(
      (streams.logStreams ?? []).map((s) =>
        env.logs.send(
          new GetLogEventsCommand({
            logGroupName: '/aws/sagemaker/Endpoints/ep1',
            logStreamName: s.logStreamName!,
          }),
        ),
      ),
    );
    expect(events.flatMap((e) => e.events ?? []).some((e) => /always fails/.test(e.message ?? ''))).toBe(
      true,
    );
  });

  it('a model that never answers /ping: create ends Failed, update stays on the old config', async () => {
    await config('cfg-crash', 'crash', {
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'crash',
          InitialInstanceCount: 1,
          InstanceType: 'ml.m5.large',
        },
      ],
    });
    await env.sm.send(
      new CreateEndpointCommand({ EndpointName: 'ep-crash', EndpointConfigName: 'cfg-crash' }),
    );
    const failed = await waitStatus('ep-crash', settled);
    expect(failed.EndpointStatus).toBe('Failed');
    expect(failed.FailureReason).toMatch(/did not pass the ping health check/);
    await expect(
      env.sm.send(new UpdateEndpointCommand({ EndpointName: 'ep-crash', EndpointConfigName: 'cfg-a' })),
    ).rejects.toThrow(/can only be deleted/);
    await env.sm.send(new DeleteEndpointCommand({ EndpointName: 'ep-crash' }));

    await env.sm.send(new UpdateEndpointCommand({ EndpointName: 'ep1', EndpointConfigName: 'cfg-crash' }));
    const d = await waitStatus('ep1', settled);
    expect(d.EndpointStatus).toBe('InService');
    expect(d.EndpointConfigName).toBe('cfg-b');
    expect(d.FailureReason).toMatch(/ping health check/);
    expect(await invoke('ep1')).toBe('0.75');
  });
});

describe('alarms', () => {
  it('PutMetricAlarm validates Period; SetAlarmState, DescribeAlarmsForMetric, DeleteAlarms', async () => {
    await expect(
      env.cw.send(
        new PutMetricAlarmCommand({
          AlarmName: 'bad-period',
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocations',
          Statistic: 'Sum',
          Period: 45,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      ),
    ).rejects.toThrow(/Period/);
    await errorAlarm('manual', 'nothing-here');
    await env.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'manual', StateValue: 'ALARM', StateReason: 'test' }),
    );
    const forMetric = await env.cw.send(
      new DescribeAlarmsForMetricCommand({
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: 'nothing-here' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
      }),
    );
    expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['manual']);
    // The next evaluation recomputes it from the metric (no data, notBreaching → OK).
    const ok = await eventually(async () => {
      const a = await env.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['manual'] }));
      return a.MetricAlarms?.[0]?.StateValue === 'OK' ? a : undefined;
    });
    expect(ok.MetricAlarms?.[0]?.StateReason).toMatch(/NonBreaching/);
    await expect(env.cw.send(new DeleteAlarmsCommand({ AlarmNames: ['manual', 'ghost'] }))).rejects.toThrow(
      /ghost/,
    );
    await env.cw.send(new DeleteAlarmsCommand({ AlarmNames: ['manual'] }));
    expect((await env.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['manual'] }))).MetricAlarms).toEqual(
      [],
    );
  });
});

describe('data capture and restarts', () => {
  it('captures sampled requests in the JSON Lines layout, and serves again after a restart', async () => {
    await env.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-capture',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'good-a',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.large',
          },
        ],
        DataCaptureConfig: {
          InitialSamplingPercentage: 100,
          DestinationS3Uri: `s3://${BUCKET}/capture`,
          CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
          CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'] },
        },
      }),
    );
    await env.sm.send(
      new CreateEndpointCommand({ EndpointName: 'ep-cap', EndpointConfigName: 'cfg-capture' }),
    );
    const d = await waitStatus('ep-cap', settled);
    expect(d.DataCaptureConfig).toMatchObject({
      EnableCapture: true,
      CaptureStatus: 'Started',
      CurrentSamplingPercentage: 100,
    });
    await invoke('ep-cap', '5,6\n', { InferenceId: 'req-1' });
    await rt
      .send(
        new InvokeEndpointCommand({
          EndpointName: 'ep-cap',
          Body: Buffer.from([0, 1, 2]),
          ContentType: 'application/x-binary',
        }),
      )
      .catch(() => undefined);
    const keys = await eventually(async () => {
      const l = await env.s3.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'capture/ep-cap/AllTraffic/' }),
      );
      return l.Contents?.length ? l.Contents.map((c) => c.Key!) : undefined;
    });
    expect(keys[0]).toMatch(
      /^capture\/ep-cap\/AllTraffic\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/\d{2}-\d{2}-\d{3}-[0-9a-f-]{36}\.jsonl$/,
    );
    const text = (
      await Promise.all(
        keys.map(async (k) =>
          (await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: k }))).Body!.transformToString(),
        ),
      )
    ).join('');
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const csv = records.find((r) => r.eventMetadata.inferenceId === 'req-1');
    expect(csv).toMatchObject({
      captureData: {
        endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data: '5,6\n', encoding: 'CSV' },
        endpointOutput: { mode: 'OUTPUT', data: '0.25\n', encoding: 'CSV' },
      },
      eventVersion: '0',
    });
    expect(csv.eventMetadata.eventId).toMatch(/^[0-9a-f-]{36}$/);
    const bin = records.find(
      (r) => r.captureData.endpointInput.observedContentType === 'application/x-binary',
    );
    expect(bin?.captureData.endpointInput).toMatchObject({ encoding: 'BASE64', data: 'AAEC' });

    // Restart on the same data dir: the endpoint still exists and serves.
    rt.destroy();
    const dataDir = env.dataDir;
    await env.local.stop();
    expect(env.local.context.processes.size).toBe(0);
    env = await startEnv({ alarmEvaluationIntervalMs: 200 }, dataDir);
    rt = new SageMakerRuntimeClient(env.clientConfig);
    expect((await describeEp('ep-cap')).EndpointStatus).toBe('InService');
    expect(await invoke('ep-cap')).toBe('0.25');
    await env.sm.send(new DeleteEndpointCommand({ EndpointName: 'ep-cap' }));
    await eventually(async () =>
      describeEp('ep-cap').then(
        () => undefined,
        () => true,
      ),
    );
  });
});
