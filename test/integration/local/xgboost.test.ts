/**
 * The built-in XGBoost image end to end on sagemaker-local: training with the bundled runtime
 * (real xgboost under /usr/bin/python3), FinalMetricDataList through SageMaker's predefined
 * XGBoost regexes, a model.tar.gz holding xgboost-model, then CreateModel + a batch transform.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(120_000);
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DeleteModelCommand,
  DescribeModelCommand,
} from '@aws-sdk/client-sagemaker';
import {
  ROLE,
  XGB_IMAGE,
  putObjects,
  removeDir,
  startEnv,
  waitTraining,
  waitTransform,
  type Env,
} from './helpers.js';

const BUCKET = 'xgb-bucket';

/** A small, seeded, learnable binary problem: label = x0 + 0.5*x1 > 0.7 (with noise). */
function dataset(n: number, seed: number, withLabel: boolean): string {
  let s = seed;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rnd(), rnd(), rnd()];
    const label = x[0]! + 0.5 * x[1]! + 0.2 * (rnd() - 0.5) > 0.7 ? 1 : 0;
    rows.push([...(withLabel ? [label] : []), ...x.map((v) => v.toFixed(4))].join(','));
  }
  return `${rows.join('\n')}\n`;
}

describe('sagemaker-local built-in XGBoost', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({ python: '/usr/bin/python3' });
    await putObjects(env.s3, BUCKET, {
      'data/train/train.csv': dataset(300, 1, true),
      'data/validation/validation.csv': dataset(100, 2, true),
      'data/test/part-a.csv': dataset(7, 3, false),
      'data/test/more/part-b.csv': dataset(5, 4, false),
    });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('trains, then batch-transforms with the model', async () => {
    await env.sm.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'xgb-train',
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: XGB_IMAGE, TrainingInputMode: 'File' },
        HyperParameters: {
          objective: 'binary:logistic',
          num_round: '20',
          eval_metric: 'auc',
          max_depth: '3',
          eta: '0.3',
        },
        InputDataConfig: [
          {
            ChannelName: 'train',
            ContentType: 'text/csv',
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/data/train/` } },
          },
          {
            ChannelName: 'validation',
            ContentType: 'text/csv',
            DataSource: {
              S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/data/validation/` },
            },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/models` },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 600 },
      }),
    );
    const d = await waitTraining(env.sm, 'xgb-train');
    expect(d.FailureReason).toBeUndefined();
    expect(d.TrainingJobStatus).toBe('Completed');
    const metrics = Object.fromEntries((d.FinalMetricDataList ?? []).map((m) => [m.MetricName, m.Value]));
    expect(Object.keys(metrics).sort()).toEqual(['train:auc', 'validation:auc']);
    expect(metrics['validation:auc']).toBeGreaterThan(0.8);
    expect(d.AlgorithmSpecification?.MetricDefinitions?.map((m) => m.Name)).toContain('validation:auc');

    await env.sm.send(
      new CreateModelCommand({
        ModelName: 'xgb-model',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: XGB_IMAGE, ModelDataUrl: d.ModelArtifacts!.S3ModelArtifacts! },
      }),
    );
    const model = await env.sm.send(new DescribeModelCommand({ ModelName: 'xgb-model' }));
    expect(model.PrimaryContainer?.ModelDataUrl).toBe(`s3://${BUCKET}/models/xgb-train/output/model.tar.gz`);
    await expect(
      env.sm.send(new CreateModelCommand({ ModelName: 'xgb-model', PrimaryContainer: { Image: XGB_IMAGE } })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Cannot create already existing model'),
    });

    await env.sm.send(
      new CreateTransformJobCommand({
        TransformJobName: 'xgb-transform',
        ModelName: 'xgb-model',
        MaxPayloadInMB: 1,
        BatchStrategy: 'MultiRecord',
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/data/test/` } },
          ContentType: 'text/csv',
          SplitType: 'Line',
        },
        TransformOutput: {
          S3OutputPath: `s3://${BUCKET}/predictions/`,
          AssembleWith: 'Line',
          Accept: 'text/csv',
        },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      }),
    );
    const t = await waitTransform(env.sm, 'xgb-transform');
    expect(t.FailureReason).toBeUndefined();
    expect(t.TransformJobStatus).toBe('Completed');
    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'predictions/' }));
    expect(listed.Contents?.map((c) => c.Key).sort()).toEqual([
      'predictions/more/part-b.csv.out',
      'predictions/part-a.csv.out',
    ]);
    const out = await env.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'predictions/part-a.csv.out' }),
    );
    const scores = (await out.Body!.transformToString()).trim().split('\n').map(Number);
    expect(scores).toHaveLength(7);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }

    await env.sm.send(new DeleteModelCommand({ ModelName: 'xgb-model' }));
    await expect(env.sm.send(new DescribeModelCommand({ ModelName: 'xgb-model' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Could not find model'),
    });
  }, 120_000);

  it('fails a transform job that references a missing model at create time', async () => {
    await expect(
      env.sm.send(
        new CreateTransformJobCommand({
          TransformJobName: 'xgb-nomodel',
          ModelName: 'absent',
          TransformInput: {
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/data/test/` } },
          },
          TransformOutput: { S3OutputPath: `s3://${BUCKET}/x/` },
          TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Could not find model'),
    });
  });
});
