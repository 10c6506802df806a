/**
 * sagemaker-local fidelity as the real SDK clients see it: dashboards, monitoring schedules and
 * executions, List* paging before filtering, instance types, model data, built-in metric
 * definitions, versioned-package tags, runtime/spot rules, S3 UploadPartCopy and CreateBucket
 * re-creation, and AWS-shaped errors for protocols not served.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  DeleteDashboardsCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  PutDashboardCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  CreateMonitoringScheduleCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DeleteMonitoringScheduleCommand,
  DescribeMonitoringScheduleCommand,
  ListModelPackagesCommand,
  ListMonitoringExecutionsCommand,
  ListMonitoringSchedulesCommand,
  UpdateMonitoringScheduleCommand,
  type CreateTrainingJobCommandInput,
  type MonitoringScheduleConfig,
} from '@aws-sdk/client-sagemaker';
import { recordMonitoringExecution } from '../../../local/services/sagemaker/monitoring.js';
import { createScriptModel } from '../../helpers/endpoint-models.js';
import { ROLE, XGB_IMAGE, putObjects, removeDir, startEnv, type Env } from './helpers.js';

jest.setTimeout(120_000);

const BUCKET = 'compat-bucket';

function scheduleConfig(endpoint: string, expr = 'cron(0 * ? * * *)'): MonitoringScheduleConfig {
  return {
    ScheduleConfig: { ScheduleExpression: expr },
    MonitoringType: 'DataQuality',
    MonitoringJobDefinition: {
      MonitoringInputs: [
        { EndpointInput: { EndpointName: endpoint, LocalPath: '/opt/ml/processing/input' } },
      ],
      MonitoringOutputConfig: {
        MonitoringOutputs: [
          { S3Output: { S3Uri: `s3://${BUCKET}/monitor`, LocalPath: '/opt/ml/processing/output' } },
        ],
      },
      MonitoringResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 },
      },
      MonitoringAppSpecification: {
        ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer',
      },
      BaselineConfig: {
        ConstraintsResource: { S3Uri: `s3://${BUCKET}/baseline/constraints.json` },
        StatisticsResource: { S3Uri: `s3://${BUCKET}/baseline/statistics.json` },
      },
      RoleArn: ROLE,
    },
  };
}

function trainingJob(
  name: string,
  extra: Partial<CreateTrainingJobCommandInput> = {},
): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: XGB_IMAGE, TrainingInputMode: 'File' },
    HyperParameters: { num_round: '2' },
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/train/` } },
      },
    ],
    OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/out` },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...extra,
  };
}

describe('sagemaker-local compatibility and fidelity', () => {
  let env: Env;
  beforeAll(async () => {
    // Executions here are recorded by hand: no timer starts real ones if the test crosses an hour.
    env = await startEnv({ monitoringIntervalMs: 0 });
    await putObjects(env.s3, BUCKET, { 'model/model.tar.gz': 'not really a tarball' });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('serves CloudWatch dashboards: validation messages, get, list, delete all-or-none', async () => {
    const body = JSON.stringify({
      widgets: [
        {
          type: 'metric',
          properties: {
            region: 'us-east-1',
            metrics: [['AWS/SageMaker', 'Invocations', 'EndpointName', 'ep']],
          },
        },
      ],
    });
    const put = await env.cw.send(
      new PutDashboardCommand({ DashboardName: 'model-health', DashboardBody: body }),
    );
    expect(put.DashboardValidationMessages).toEqual([]);
    const got = await env.cw.send(new GetDashboardCommand({ DashboardName: 'model-health' }));
    expect(got).toMatchObject({
      DashboardName: 'model-health',
      DashboardBody: body,
      DashboardArn: 'arn:aws:cloudwatch::000000000000:dashboard/model-health',
    });
    const bad = await env.cw
      .send(
        new PutDashboardCommand({
          DashboardName: 'broken',
          DashboardBody: JSON.stringify({
            widgets: [{ type: 'metric', properties: { metrics: [['A', 'B', 3]] } }],
          }),
        }),
      )
      .then(
        () => ({}) as Record<string, unknown>,
        (e: unknown) => e as Record<string, unknown>,
      );
    // the query error code InvalidParameterInput is the modeled DashboardInvalidInputError in JS
    expect(bad).toMatchObject({ name: 'DashboardInvalidInputError', $metadata: { httpStatusCode: 400 } });
    expect(String(bad['message'])).toMatch(/^The dashboard body is invalid, there are 2 validation errors:/);
    expect(bad['DashboardValidationMessages']).toEqual([
      {
        DataPath: '/widgets/0/properties/metrics/0/2',
        Message: "Invalid metric field type, only 'String' type is allowed",
      },
      { DataPath: '/widgets/0/properties', Message: "Should have required property 'region'" },
    ]);
    await env.cw.send(new PutDashboardCommand({ DashboardName: 'other', DashboardBody: body }));
    const listed = await env.cw.send(new ListDashboardsCommand({ DashboardNamePrefix: 'model' }));
    expect(listed.DashboardEntries?.map((d) => d.DashboardName)).toEqual(['model-health']);
    expect(listed.DashboardEntries?.[0]?.LastModified).toBeInstanceOf(Date);
    expect(listed.DashboardEntries?.[0]?.Size).toBe(Buffer.byteLength(body));
    await expect(
      env.cw.send(new DeleteDashboardsCommand({ DashboardNames: ['other', 'missing'] })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((await env.cw.send(new ListDashboardsCommand({}))).DashboardEntries).toHaveLength(2);
    await env.cw.send(new DeleteDashboardsCommand({ DashboardNames: ['other', 'model-health'] }));
    await expect(env.cw.send(new GetDashboardCommand({ DashboardName: 'other' }))).rejects.toMatchObject({
      // query code ResourceNotFound: the SDK names it by its error registry
      name: expect.stringMatching(/^(ResourceNotFound|DashboardNotFoundError)$/),
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('serves monitoring schedules and lists executions sorted, filtered and paged', async () => {
    // A schedule needs its endpoint to exist (as on AWS).
    await expect(
      env.sm.send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: 'ep-data-quality',
          MonitoringScheduleConfig: scheduleConfig('ep'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Could not find endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/ep".',
    });
    await createScriptModel(env.sm, env.s3, BUCKET, 'monitored', { mode: 'ok', value: 0.5 });
    for (const ep of ['ep', 'ep2']) {
      await env.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: `${ep}-cfg`,
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: 'monitored',
              InitialInstanceCount: 1,
              InstanceType: 'ml.m5.large',
            },
          ],
        }),
      );
      await env.sm.send(new CreateEndpointCommand({ EndpointName: ep, EndpointConfigName: `${ep}-cfg` }));
    }
    const created = await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: 'ep-data-quality',
        MonitoringScheduleConfig: scheduleConfig('ep'),
      }),
    );
    expect(created.MonitoringScheduleArn).toBe(
      'arn:aws:sagemaker:us-east-1:000000000000:monitoring-schedule/ep-data-quality',
    );
    await expect(
      env.sm.send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: 'ep-data-quality',
          MonitoringScheduleConfig: scheduleConfig('ep'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceInUse' });
    await expect(
      env.sm.send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: 'bad-cron',
          MonitoringScheduleConfig: scheduleConfig('ep', 'rate(1 hour)'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/ScheduleExpression/),
    });
    const badType = scheduleConfig('ep');
    badType.MonitoringJobDefinition!.MonitoringResources!.ClusterConfig!.InstanceType =
      'ml.t2.medium' as never;
    await expect(
      env.sm.send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: 'bad-type',
          MonitoringScheduleConfig: badType,
        }),
      ),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        "Value 'ml.t2.medium' at 'monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value set",
      ),
    });
    await env.sm.send(
      new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: 'other-ep',
        MonitoringScheduleConfig: scheduleConfig('ep2'),
      }),
    );
    const d = await env.sm.send(
      new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: 'ep-data-quality' }),
    );
    expect(d).toMatchObject({
      MonitoringScheduleStatus: 'Scheduled',
      MonitoringType: 'DataQuality',
      EndpointName: 'ep',
    });
    expect(d.CreationTime).toBeInstanceOf(Date);
    expect(d.LastMonitoringExecutionSummary).toBeUndefined();
    const byEndpoint = await env.sm.send(new ListMonitoringSchedulesCommand({ EndpointName: 'ep2' }));
    expect(byEndpoint.MonitoringScheduleSummaries?.map((s) => s.MonitoringScheduleName)).toEqual([
      'other-ep',
    ]);
    // default order: CreationTime Descending
    const all = await env.sm.send(new ListMonitoringSchedulesCommand({}));
    expect(all.MonitoringScheduleSummaries?.map((s) => s.MonitoringScheduleName)).toEqual([
      'other-ep',
      'ep-data-quality',
    ]);
    await env.sm.send(
      new UpdateMonitoringScheduleCommand({
        MonitoringScheduleName: 'ep-data-quality',
        MonitoringScheduleConfig: scheduleConfig('ep', 'cron(0 0/6 ? * * *)'),
      }),
    );
    const updated = await env.sm.send(
      new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: 'ep-data-quality' }),
    );
    expect(updated.MonitoringScheduleConfig?.ScheduleConfig?.ScheduleExpression).toBe('cron(0 0/6 ? * * *)');

    expect(
      (await env.sm.send(new ListMonitoringExecutionsCommand({ MonitoringScheduleName: 'ep-data-quality' })))
        .MonitoringExecutionSummaries,
    ).toEqual([]);
    const ctx = env.local.context;
    const base = Date.parse('2024-05-01T00:00:00Z');
    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: 'ep-data-quality',
      MonitoringExecutionStatus: 'Completed',
      ScheduledTime: base,
    });
    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: 'ep-data-quality',
      MonitoringExecutionStatus: 'Failed',
      ScheduledTime: base + 3_600_000,
      FailureReason: 'Job inputs had no data',
    });
    recordMonitoringExecution(ctx, {
      MonitoringScheduleName: 'ep-data-quality',
      MonitoringExecutionStatus: 'CompletedWithViolations',
      ScheduledTime: base + 7_200_000,
    });
    const page1 = await env.sm.send(
      new ListMonitoringExecutionsCommand({
        MonitoringScheduleName: 'ep-data-quality',
        SortBy: 'ScheduledTime',
        MaxResults: 2,
      }),
    );
    expect(page1.MonitoringExecutionSummaries?.map((e) => e.MonitoringExecutionStatus)).toEqual([
      'CompletedWithViolations',
      'Failed',
    ]);
    expect(page1.MonitoringExecutionSummaries?.[1]?.FailureReason).toBe('Job inputs had no data');
    expect(page1.NextToken).toBeDefined();
    const page2 = await env.sm.send(
      new ListMonitoringExecutionsCommand({
        MonitoringScheduleName: 'ep-data-quality',
        SortBy: 'ScheduledTime',
        MaxResults: 2,
        NextToken: page1.NextToken,
      }),
    );
    expect(page2.MonitoringExecutionSummaries?.map((e) => e.ScheduledTime?.toISOString())).toEqual([
      '2024-05-01T00:00:00.000Z',
    ]);
    expect(page2.NextToken).toBeUndefined();
    // MaxResults applies before StatusEquals: the first window (2 newest) holds no Completed run
    const filtered = await env.sm.send(
      new ListMonitoringExecutionsCommand({
        MonitoringScheduleName: 'ep-data-quality',
        SortBy: 'ScheduledTime',
        StatusEquals: 'Completed',
        MaxResults: 2,
      }),
    );
    expect(filtered.MonitoringExecutionSummaries).toEqual([]);
    expect(filtered.NextToken).toBeDefined();
    const desc = await env.sm.send(
      new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: 'ep-data-quality' }),
    );
    expect(desc.LastMonitoringExecutionSummary?.MonitoringExecutionStatus).toBe('CompletedWithViolations');

    await env.sm.send(new DeleteMonitoringScheduleCommand({ MonitoringScheduleName: 'other-ep' }));
    await expect(
      env.sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: 'other-ep' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFound' });
  });

  it('ListModelPackages applies MaxResults before ModelApprovalStatus, with NextToken on empty pages', async () => {
    await env.sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'paging' }));
    const spec = { Containers: [{ Image: XGB_IMAGE, ModelDataUrl: `s3://${BUCKET}/model/model.tar.gz` }] };
    for (const status of ['Approved', 'PendingManualApproval', 'PendingManualApproval'] as const)
      await env.sm.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: 'paging',
          InferenceSpecification: spec,
          ModelApprovalStatus: status,
        }),
      );
    const query = {
      ModelPackageGroupName: 'paging',
      ModelApprovalStatus: 'Approved' as const,
      SortBy: 'CreationTime' as const,
      SortOrder: 'Descending' as const,
      MaxResults: 1,
    };
    const first = await env.sm.send(new ListModelPackagesCommand(query));
    expect(first.ModelPackageSummaryList).toEqual([]);
    expect(first.NextToken).toBeDefined();
    const found: string[] = [];
    let token = first.NextToken;
    while (token) {
      const page = await env.sm.send(new ListModelPackagesCommand({ ...query, NextToken: token }));
      found.push(...(page.ModelPackageSummaryList ?? []).map((p) => p.ModelPackageArn!));
      token = page.NextToken;
    }
    expect(found).toEqual(['arn:aws:sagemaker:us-east-1:000000000000:model-package/paging/1']);
    await expect(
      env.sm.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: 'paging',
          InferenceSpecification: spec,
          Tags: [{ Key: 'team', Value: 'ml' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Tags are not supported in Model Package versions. Please add them to the Model Package Group',
    });
  });

  it('CreateModel checks the model data exists', async () => {
    await expect(
      env.sm.send(
        new CreateModelCommand({
          ModelName: 'no-artifact',
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: XGB_IMAGE, ModelDataUrl: `s3://${BUCKET}/model/missing.tar.gz` },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: `Could not find model data at s3://${BUCKET}/model/missing.tar.gz.`,
    });
    const ok = await env.sm.send(
      new CreateModelCommand({
        ModelName: 'with-artifact',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: XGB_IMAGE, ModelDataUrl: `s3://${BUCKET}/model/model.tar.gz` },
      }),
    );
    expect(ok.ModelArn).toMatch(/model\/with-artifact$/);
  });

  it('refuses what CreateTrainingJob/CreateTransformJob refuse on AWS', async () => {
    const refuse = (input: CreateTrainingJobCommandInput, message: string | RegExp) =>
      expect(env.sm.send(new CreateTrainingJobCommand(input))).rejects.toMatchObject({
        name: 'ValidationException',
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      });
    await refuse(
      trainingJob('metric-defs', {
        AlgorithmSpecification: {
          TrainingImage: XGB_IMAGE,
          TrainingInputMode: 'File',
          MetricDefinitions: [{ Name: 'auc', Regex: 'auc:([0-9.]+)' }],
        },
      }),
      "You can't override the metric definitions for Amazon SageMaker algorithms. Please retry the request without specifying metric definitions.",
    );
    await refuse(
      trainingJob('too-long', { StoppingCondition: { MaxRuntimeInSeconds: 2_419_201 } }),
      /'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 2419200/,
    );
    await refuse(
      trainingJob('spot-no-wait', { EnableManagedSpotTraining: true }),
      /^Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds/,
    );
    await refuse(
      trainingJob('spot-short-wait', {
        EnableManagedSpotTraining: true,
        StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 1800 },
      }),
      /^Invalid MaxWaitTimeInSeconds/,
    );
    await refuse(
      trainingJob('wait-no-spot', {
        StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      }),
      'Invalid MaxWaitTimeInSeconds. It is only supported when EnableManagedSpotTraining is set to true',
    );
    await refuse(
      trainingJob('bad-type', {
        ResourceConfig: { InstanceType: 'ml.t2.medium' as never, InstanceCount: 1, VolumeSizeInGB: 10 },
      }),
      /Value 'ml.t2.medium' at 'resourceConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[.*ml\.m5\.xlarge/,
    );
    await expect(
      env.sm.send(
        new CreateTransformJobCommand({
          TransformJobName: 'bad-transform-type',
          ModelName: 'with-artifact',
          TransformInput: {
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/in/` } },
          },
          TransformOutput: { S3OutputPath: `s3://${BUCKET}/out/` },
          TransformResources: { InstanceType: 'ml.inf1.xlarge' as never, InstanceCount: 1 },
        }),
      ),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Value 'ml.inf1.xlarge' at 'transformResources.instanceType'"),
    });
  });

  it('serves UploadPartCopy with ranges, and CreateBucket of an owned bucket as us-east-1 does', async () => {
    await expect(env.s3.send(new CreateBucketCommand({ Bucket: BUCKET }))).resolves.toBeDefined();
    const source = Buffer.alloc(300_000, 0);
    for (let i = 0; i < source.length; i++) source[i] = (i * 7) % 251;
    await putObjects(env.s3, 'copy-src', { 'big.bin': source });
    await putObjects(env.s3, 'copy-dst', {});
    const { UploadId } = await env.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'copy-dst', Key: 'copied.bin' }),
    );
    const parts = [];
    for (const [n, range] of [
      [1, 'bytes=0-149999'],
      [2, 'bytes=150000-299999'],
    ] as const) {
      const r = await env.s3.send(
        new UploadPartCopyCommand({
          Bucket: 'copy-dst',
          Key: 'copied.bin',
          UploadId,
          PartNumber: n,
          CopySource: 'copy-src/big.bin',
          CopySourceRange: range,
        }),
      );
      expect(r.CopyPartResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
      parts.push({ PartNumber: n, ETag: r.CopyPartResult!.ETag! });
    }
    await env.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'copy-dst',
        Key: 'copied.bin',
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const got = await env.s3.send(new GetObjectCommand({ Bucket: 'copy-dst', Key: 'copied.bin' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(source).digest('hex'),
    );
    await expect(
      env.s3.send(
        new UploadPartCopyCommand({
          Bucket: 'copy-dst',
          Key: 'copied.bin',
          UploadId: 'nope',
          PartNumber: 1,
          CopySource: 'copy-src/big.bin',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    const { UploadId: u2 } = await env.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'copy-dst', Key: 'x' }),
    );
    await expect(
      env.s3.send(
        new UploadPartCopyCommand({
          Bucket: 'copy-dst',
          Key: 'x',
          UploadId: u2,
          PartNumber: 1,
          CopySource: 'copy-src/big.bin',
          CopySourceRange: 'bytes=0-300000',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('answers protocols it does not serve with AWS-shaped errors naming them', async () => {
    const sts = await fetch(env.local.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(sts.status).toBe(400);
    const xml = await sts.text();
    expect(xml).toContain('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>');
    expect(xml).toContain('Action=GetCallerIdentity Version=2011-06-15');
    const ddb = await fetch(env.local.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        'content-type': 'application/x-amz-json-1.0',
      },
      body: '{}',
    });
    expect(ddb.status).toBe(400);
    expect(ddb.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(((await ddb.json()) as { message: string }).message).toContain("'DynamoDB_20120810.ListTables'");
    const cwUnknown = await fetch(env.local.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=NoSuchThing&Version=2010-08-01',
    });
    expect(await cwUnknown.text()).toContain(
      '<Code>InvalidAction</Code><Message>The action NoSuchThing is not valid',
    );
  });
});
