/**
 * Other images through sagemaker-local.yml mappings: a training command and a serve command
 * (a tiny fake model server) driving a transform; a failing invocation fails the job; stop a
 * processing job.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeProcessingJobCommand,
  StopProcessingJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  FIXTURES,
  ROLE,
  eventually,
  putObjects,
  removeDir,
  startEnv,
  waitProcessing,
  waitTraining,
  waitTransform,
  type Env,
} from './helpers.js';

jest.setTimeout(120_000);
const BUCKET = 'map-bucket';
const IMAGE = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/scorer:3';

describe('sagemaker-local image mappings', () => {
  let env: Env;
  beforeAll(async () => {
    const trainer = join(mkdtempSync(join(tmpdir(), 'sml-map-')), 'trainer.py');
    writeFileSync(
      trainer,
      [
        'import json, os',
        'root = os.environ["SM_LOCAL_ROOT"]',
        'hp = json.load(open(os.path.join(root, "input/config/hyperparameters.json")))',
        'print("scale\\t" + hp["scale"])',
        'json.dump({"scale": float(hp["scale"])}, open(os.path.join(root, "model/model.json"), "w"))',
      ].join('\n'),
    );
    env = await startEnv({
      python: '/usr/bin/python3',
      config: {
        images: [
          {
            match: '*.dkr.ecr.*.amazonaws.com/team/scorer:*',
            command: ['/usr/bin/python3', trainer],
            serve: [
              '/usr/bin/python3',
              join(FIXTURES, 'fake_serve.py'),
              '--model-dir',
              '{model_dir}',
              '--port',
              '{port}',
            ],
          },
        ],
      },
    });
    await putObjects(env.s3, BUCKET, {
      'train/x.csv': '1\n',
      'in/a.csv': '1,2\n3,4\n',
      'in/b.csv': '10\n',
      'bad/c.csv': '1\nbad\n',
      'gz/a.csv.gz': gzipSync('1,1\n2,2\n'),
    });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('trains with the mapped command and transforms with the mapped server', async () => {
    await env.sm.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'mapped-train',
        RoleArn: ROLE,
        AlgorithmSpecification: {
          TrainingImage: IMAGE,
          TrainingInputMode: 'File',
          MetricDefinitions: [{ Name: 'scale', Regex: 'scale#011([0-9.]+)' }],
        },
        HyperParameters: { scale: '2' },
        InputDataConfig: [
          {
            ChannelName: 'train',
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/train/` } },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/models` },
        ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 5 },
        StoppingCondition: { MaxRuntimeInSeconds: 60 },
      }),
    );
    const d = await waitTraining(env.sm, 'mapped-train');
    expect(d.FailureReason).toBeUndefined();
    expect(d.FinalMetricDataList?.map((m) => [m.MetricName, m.Value])).toEqual([['scale', 2]]);
    await env.sm.send(
      new CreateModelCommand({
        ModelName: 'scorer',
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: d.ModelArtifacts!.S3ModelArtifacts! },
      }),
    );
    const base = {
      ModelName: 'scorer',
      TransformOutput: { S3OutputPath: `s3://${BUCKET}/out`, AssembleWith: 'Line' as const },
      TransformResources: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1 },
    };
    await env.sm.send(
      new CreateTransformJobCommand({
        ...base,
        TransformJobName: 'mapped-transform',
        BatchStrategy: 'SingleRecord',
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/in` } },
          ContentType: 'text/csv',
          SplitType: 'Line',
        },
      }),
    );
    const t = await waitTransform(env.sm, 'mapped-transform');
    expect(t.FailureReason).toBeUndefined();
    const a = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'out/a.csv.out' }));
    expect(await a.Body!.transformToString()).toBe('6.0\n14.0\n');
    const b = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'out/b.csv.out' }));
    expect(await b.Body!.transformToString()).toBe('20.0\n');

    await env.sm.send(
      new CreateTransformJobCommand({
        ...base,
        TransformJobName: 'mapped-transform-bad',
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/bad/` } },
          ContentType: 'text/csv',
          SplitType: 'Line',
        },
      }),
    );
    const bad = await waitTransform(env.sm, 'mapped-transform-bad');
    expect(bad.TransformJobStatus).toBe('Failed');
    expect(bad.FailureReason).toMatch(/HTTP 400: cannot parse row/);
  });

  it('reads gzip-compressed transform input (CompressionType Gzip)', async () => {
    await env.sm.send(
      new CreateTransformJobCommand({
        TransformJobName: 'mapped-transform-gz',
        ModelName: 'scorer',
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/gz/` } },
          ContentType: 'text/csv',
          SplitType: 'Line',
          CompressionType: 'Gzip',
        },
        TransformOutput: { S3OutputPath: `s3://${BUCKET}/out-gz/` },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      }),
    );
    const t = await waitTransform(env.sm, 'mapped-transform-gz');
    expect(t.FailureReason).toBeUndefined();
    const out = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'out-gz/a.csv.gz.out' }));
    expect(await out.Body!.transformToString()).toBe('4.0\n8.0\n');
  });

  it('fails a job whose image has no mapping with a FailureReason that says how to add one', async () => {
    await env.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'unmapped',
        RoleArn: ROLE,
        AppSpecification: { ImageUri: '1.dkr.ecr.us-east-1.amazonaws.com/unknown:1' },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 5 },
        },
      }),
    );
    const d = await waitProcessing(env.sm, 'unmapped');
    expect(d.ProcessingJobStatus).toBe('Failed');
    expect(d.FailureReason).toContain(
      "no local command for image '1.dkr.ecr.us-east-1.amazonaws.com/unknown:1'",
    );
  });

  it('stops a processing job', async () => {
    await env.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'proc-stop',
        RoleArn: ROLE,
        AppSpecification: {
          ImageUri: IMAGE,
          ContainerEntrypoint: ['python3', join(FIXTURES, 'sleep_script.py')],
        },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 5 },
        },
      }),
    );
    await eventually(async () => {
      const d = await env.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: 'proc-stop' }));
      return d.ProcessingStartTime ? d : undefined;
    });
    await env.sm.send(new StopProcessingJobCommand({ ProcessingJobName: 'proc-stop' }));
    const d = await waitProcessing(env.sm, 'proc-stop');
    expect(d.ProcessingJobStatus).toBe('Stopped');
  });
});
