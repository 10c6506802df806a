/**
 * Training and processing jobs run for real against sagemaker-local through the real SDK:
 * script mode, processing with inputs/outputs, a failing script, a stop, logs and metrics.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(120_000);
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import {
  FIXTURES,
  ROLE,
  eventually,
  putObjects,
  removeDir,
  startEnv,
  waitProcessing,
  waitTraining,
  type Env,
} from './helpers.js';

const BUCKET = 'ml-bucket';
const IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-cpu-py310';

function scriptJob(
  name: string,
  program: string,
  hps: Record<string, string> = {},
): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: IMAGE,
      TrainingInputMode: 'File',
      MetricDefinitions: [{ Name: 'validation:auc', Regex: 'validation-auc:([0-9.]+)' }],
    },
    HyperParameters: {
      sagemaker_program: JSON.stringify(program),
      sagemaker_submit_directory: JSON.stringify(`s3://${BUCKET}/code/sourcedir.tar.gz`),
      ...hps,
    },
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/data/train/` } },
      },
    ],
    OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/models/` },
    ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 600 },
  };
}

describe('sagemaker-local jobs', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({ python: '/usr/bin/python3' });
    const tarFile = join(mkdtempSync(join(tmpdir(), 'sml-code-')), 'sourcedir.tar.gz');
    execFileSync('tar', ['-czf', tarFile, '-C', FIXTURES, 'train_script.py', 'sleep_script.py']);
    await putObjects(env.s3, BUCKET, {
      'data/train/part-1.csv': '1,0.5\n0,0.2\n',
      'data/train/part-2.csv': '1,0.9\n',
      'code/sourcedir.tar.gz': readFileSync(tarFile),
      'proc/in/a.csv': '1,2\n3\n',
      'proc/in/sub/b.csv': '4\n',
    });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('runs a script-mode training job to Completed with model.tar.gz, metrics, logs and transitions', async () => {
    const { TrainingJobArn } = await env.sm.send(
      new CreateTrainingJobCommand(scriptJob('script-ok', 'train_script.py', { rounds: '4' })),
    );
    expect(TrainingJobArn).toBe('arn:aws:sagemaker:us-east-1:000000000000:training-job/script-ok');
    const d = await waitTraining(env.sm, 'script-ok');
    expect(d.FailureReason).toBeUndefined();
    expect(d.TrainingJobStatus).toBe('Completed');
    expect(d.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual([
      'Starting',
      'Downloading',
      'Training',
      'Uploading',
      'Completed',
    ]);
    expect(
      d.SecondaryStatusTransitions?.every((t) => t.StartTime instanceof Date && t.EndTime instanceof Date),
    ).toBe(true);
    expect(d.TrainingStartTime!.getTime()).toBeLessThanOrEqual(d.TrainingEndTime!.getTime());
    expect(d.TrainingTimeInSeconds).toBeGreaterThanOrEqual(1);
    expect(d.ModelArtifacts?.S3ModelArtifacts).toBe(`s3://${BUCKET}/models/script-ok/output/model.tar.gz`);
    expect(d.FinalMetricDataList?.map((m) => [m.MetricName, m.Value])).toEqual([['validation:auc', 0.75]]);
    expect(d.HyperParameters?.['rounds']).toBe('4');

    // model.tar.gz is a real gzip tar holding what the script wrote to SM_MODEL_DIR
    const obj = await env.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'models/script-ok/output/model.tar.gz' }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'sml-model-'));
    writeFileSync(join(dir, 'model.tar.gz'), await obj.Body!.transformToByteArray());
    execFileSync('tar', ['-xzf', join(dir, 'model.tar.gz'), '-C', dir]);
    expect(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'))).toEqual({ rows: 3, job: 'script-ok' });
    const out = await env.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'models/script-ok/output/' }),
    );
    expect(out.Contents?.map((c) => c.Key).sort()).toEqual([
      'models/script-ok/output/model.tar.gz',
      'models/script-ok/output/output.tar.gz',
    ]);

    // logs: one stream <job>/algo-1-<epoch>, tabs as #011, readable with GetLogEvents pagination
    const streams = await env.logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        logStreamNamePrefix: 'script-ok/',
        orderBy: 'LogStreamName',
      }),
    );
    expect(streams.logStreams).toHaveLength(1);
    const stream = streams.logStreams![0]!.logStreamName!;
    expect(stream).toMatch(/^script-ok\/algo-1-\d{10}$/);
    const first = await env.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        logStreamName: stream,
        startFromHead: true,
        limit: 2,
      }),
    );
    expect(first.events?.map((e) => e.message)).toEqual([
      "read 3 rows from ['part-1.csv', 'part-2.csv']",
      expect.stringMatching(/^hps /),
    ]);
    const next = await env.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        logStreamName: stream,
        nextToken: first.nextForwardToken,
      }),
    );
    expect(next.events?.[0]?.message).toBe('[0]#011train-auc:0.5000#011validation-auc:0.4500');
    const end = await env.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        logStreamName: stream,
        nextToken: next.nextForwardToken,
      }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(next.nextForwardToken);
    const filtered = await env.logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        logStreamNamePrefix: 'script-ok/',
        filterPattern: '"validation-auc:0.7500"',
      }),
    );
    expect(filtered.events?.map((e) => e.message)).toEqual([
      '[3]#011train-auc:0.8000#011validation-auc:0.7500',
    ]);

    // metrics published under /aws/sagemaker/TrainingJobs, dimension TrainingJobName
    const stats = await env.cw.send(
      new GetMetricStatisticsCommand({
        Namespace: '/aws/sagemaker/TrainingJobs',
        MetricName: 'validation:auc',
        Dimensions: [{ Name: 'TrainingJobName', Value: 'script-ok' }],
        StartTime: new Date(Date.now() - 3600_000),
        EndTime: new Date(Date.now() + 60_000),
        Period: 7200,
        Statistics: ['Maximum', 'SampleCount'],
      }),
    );
    expect(stats.Datapoints?.[0]).toMatchObject({ Maximum: 0.75, SampleCount: 4 });
  });

  it('rejects a duplicate name with ResourceInUse and a missing job with ValidationException', async () => {
    await expect(
      env.sm.send(new CreateTrainingJobCommand(scriptJob('script-ok', 'train_script.py'))),
    ).rejects.toMatchObject({ name: 'ResourceInUse' });
    await expect(
      env.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'no-such-job' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Requested resource not found.',
    });
  });

  it('surfaces a failing script as Failed with the failure file as FailureReason', async () => {
    await env.sm.send(
      new CreateTrainingJobCommand(scriptJob('script-fail', 'train_script.py', { fail: 'yes' })),
    );
    const d = await waitTraining(env.sm, 'script-fail');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.SecondaryStatus).toBe('Failed');
    expect(d.FailureReason).toBe('AlgorithmError: ValueError: the label column has only one class');
  });

  it('fails a job whose channel has no objects with a ClientError', async () => {
    const job = scriptJob('script-nodata', 'train_script.py');
    job.InputDataConfig![0]!.DataSource!.S3DataSource!.S3Uri = `s3://${BUCKET}/data/empty/`;
    await env.sm.send(new CreateTrainingJobCommand(job));
    const d = await waitTraining(env.sm, 'script-nodata');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.FailureReason).toMatch(
      /^ClientError: No S3 objects found under S3 URL "s3:\/\/ml-bucket\/data\/empty\/"/,
    );
  });

  it('stops a running job: Stopping then Stopped', async () => {
    await env.sm.send(new CreateTrainingJobCommand(scriptJob('script-stop', 'sleep_script.py')));
    await eventually(async () => {
      const d = await env.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'script-stop' }));
      return d.SecondaryStatus === 'Training' ? d : undefined;
    });
    await env.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'script-stop' }));
    const stopping = await env.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'script-stop' }));
    expect(['Stopping', 'Stopped']).toContain(stopping.TrainingJobStatus);
    const d = await waitTraining(env.sm, 'script-stop');
    expect(d.TrainingJobStatus).toBe('Stopped');
    expect(d.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual([
      'Starting',
      'Downloading',
      'Training',
      'Stopping',
      'Stopped',
    ]);
    await expect(
      env.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'script-stop' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('enforces MaxRuntimeInSeconds: Stopped with MaxRuntimeExceeded', async () => {
    const job = scriptJob('script-timeout', 'sleep_script.py');
    job.StoppingCondition = { MaxRuntimeInSeconds: 1 };
    await env.sm.send(new CreateTrainingJobCommand(job));
    const d = await waitTraining(env.sm, 'script-timeout');
    expect(d.TrainingJobStatus).toBe('Stopped');
    expect(d.SecondaryStatus).toBe('MaxRuntimeExceeded');
  });

  it('lists training jobs with filters, sorting and pagination', async () => {
    const page1 = await env.sm.send(
      new ListTrainingJobsCommand({
        NameContains: 'script-',
        SortBy: 'Name',
        SortOrder: 'Ascending',
        MaxResults: 2,
      }),
    );
    expect(page1.TrainingJobSummaries?.map((s) => s.TrainingJobName)).toEqual([
      'script-fail',
      'script-nodata',
    ]);
    const page2 = await env.sm.send(
      new ListTrainingJobsCommand({
        NameContains: 'script-',
        SortBy: 'Name',
        SortOrder: 'Ascending',
        MaxResults: 2,
        NextToken: page1.NextToken,
      }),
    );
    expect(page2.TrainingJobSummaries?.map((s) => s.TrainingJobName)).toEqual(['script-ok', 'script-stop']);
    const failed = await env.sm.send(new ListTrainingJobsCommand({ StatusEquals: 'Failed' }));
    expect(failed.TrainingJobSummaries?.map((s) => s.TrainingJobName).sort()).toEqual([
      'script-fail',
      'script-nodata',
    ]);
  });

  it('runs a processing job: inputs downloaded, /opt/ml paths rewritten, outputs uploaded', async () => {
    await env.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'proc-ok',
        RoleArn: ROLE,
        AppSpecification: {
          ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
          ContainerEntrypoint: ['python3', join(FIXTURES, 'process.py')],
          ContainerArguments: ['--input', '/opt/ml/processing/input', '--output=/opt/ml/processing/output'],
        },
        ProcessingInputs: [
          {
            InputName: 'data',
            S3Input: {
              S3Uri: `s3://${BUCKET}/proc/in`,
              LocalPath: '/opt/ml/processing/input',
              S3DataType: 'S3Prefix',
              S3InputMode: 'File',
            },
          },
        ],
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: 'report',
              S3Output: {
                S3Uri: `s3://${BUCKET}/proc/out`,
                LocalPath: '/opt/ml/processing/output',
                S3UploadMode: 'EndOfJob',
              },
            },
          ],
        },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        },
        StoppingCondition: { MaxRuntimeInSeconds: 300 },
      }),
    );
    const d = await waitProcessing(env.sm, 'proc-ok');
    expect(d.FailureReason).toBeUndefined();
    expect(d.ProcessingJobStatus).toBe('Completed');
    const report = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'proc/out/report.json' }));
    expect(JSON.parse(await report.Body!.transformToString())).toEqual({ total: 10, files: 2 });
    const nested = await env.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'proc/out/nested/' }),
    );
    expect(nested.Contents?.map((c) => c.Key)).toEqual(['proc/out/nested/done.txt']);
    const events = await env.logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/aws/sagemaker/ProcessingJobs',
        logStreamNamePrefix: 'proc-ok/',
      }),
    );
    expect(events.events?.map((e) => e.message)).toContain('files#0112');
  });

  it('fails a processing job whose script exits non-zero, with the error in FailureReason', async () => {
    await env.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'proc-fail',
        RoleArn: ROLE,
        AppSpecification: {
          ImageUri: 'x.dkr.ecr.us-east-1.amazonaws.com/any:1',
          ContainerEntrypoint: ['python3', '-c', 'import sys; print("boom", file=sys.stderr); sys.exit(2)'],
        },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        },
      }),
    );
    const d = await waitProcessing(env.sm, 'proc-fail');
    expect(d.ProcessingJobStatus).toBe('Failed');
    expect(d.FailureReason).toMatch(/^AlgorithmError: .*exit code 2.*boom/s);
  });
});
