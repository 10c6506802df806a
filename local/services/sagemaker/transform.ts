/** CreateTransformJob, DescribeTransformJob, StopTransformJob, ListTransformJobs. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { Checker, ENV_KEY_RE, MODEL_NAME_RE, S3_URI_RE } from '../../validate.js';
import { startTransformJob } from '../../jobs/transform.js';
import { INSTANCE_TYPES } from './instance-types.js';
import {
  checkJobName,
  getJobRecord,
  listJobs,
  publicFields,
  stopJob,
  toWire,
  type JobTable,
} from './common.js';
import { couldNotFindModel } from './models.js';

type Obj = Record<string, unknown>;
export const TRANSFORM_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;

export function validateCreateTransformJob(req: Obj): void {
  const c = new Checker();
  checkJobName(c, 'TransformJobName', req['TransformJobName']);
  c.string('ModelName', req['ModelName'], { required: true, max: 63, pattern: MODEL_NAME_RE });
  c.integer('MaxConcurrentTransforms', req['MaxConcurrentTransforms'], { min: 0 });
  c.integer('MaxPayloadInMB', req['MaxPayloadInMB'], { min: 0, max: 100 });
  c.enumOf('BatchStrategy', req['BatchStrategy'], ['MultiRecord', 'SingleRecord']);
  c.stringMap('Environment', req['Environment'], {
    maxEntries: 16,
    keyMax: 1024,
    valueMax: 10240,
    keyPattern: ENV_KEY_RE,
  });
  if (c.object('TransformInput', req['TransformInput'], true)) {
    const ti = req['TransformInput'] as Obj;
    if (c.object('TransformInput.DataSource', ti['DataSource'], true)) {
      const s3 = (ti['DataSource'] as Obj)['S3DataSource'];
      if (c.object('TransformInput.DataSource.S3DataSource', s3, true)) {
        c.enumOf(
          'TransformInput.DataSource.S3DataSource.S3DataType',
          (s3 as Obj)['S3DataType'],
          ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse'],
          true,
        );
        c.string('TransformInput.DataSource.S3DataSource.S3Uri', (s3 as Obj)['S3Uri'], {
          required: true,
          max: 1024,
          pattern: S3_URI_RE,
        });
      }
    }
    c.enumOf('TransformInput.CompressionType', ti['CompressionType'], ['None', 'Gzip']);
    c.enumOf('TransformInput.SplitType', ti['SplitType'], ['None', 'Line', 'RecordIO', 'TFRecord']);
  }
  if (c.object('TransformOutput', req['TransformOutput'], true)) {
    const to = req['TransformOutput'] as Obj;
    c.string('TransformOutput.S3OutputPath', to['S3OutputPath'], {
      required: true,
      max: 1024,
      pattern: S3_URI_RE,
    });
    c.enumOf('TransformOutput.AssembleWith', to['AssembleWith'], ['None', 'Line']);
  }
  if (c.object('TransformResources', req['TransformResources'], true)) {
    const tr = req['TransformResources'] as Obj;
    c.enumOf('TransformResources.InstanceType', tr['InstanceType'], INSTANCE_TYPES.transform, true);
    c.integer('TransformResources.InstanceCount', tr['InstanceCount'], { required: true, min: 1 });
  }
  c.done();
  const dp = req['DataProcessing'] as Obj | undefined;
  if (
    dp &&
    ((dp['JoinSource'] ?? 'None') !== 'None' ||
      (dp['InputFilter'] ?? '$') !== '$' ||
      (dp['OutputFilter'] ?? '$') !== '$')
  ) {
    throw new AwsError(
      'ValidationException',
      'sagemaker-local does not support DataProcessing (InputFilter, OutputFilter, JoinSource) yet',
    );
  }
  const ti = req['TransformInput'] as Obj;
  const ds = (ti['DataSource'] as Obj)['S3DataSource'] as Obj;
  if (ds['S3DataType'] !== 'S3Prefix')
    throw new AwsError(
      'ValidationException',
      `sagemaker-local supports S3DataType S3Prefix only, not ${String(ds['S3DataType'])}`,
    );
}

export function createTransformJob(ctx: LocalContext, req: Obj): Obj {
  validateCreateTransformJob(req);
  const name = req['TransformJobName'] as string;
  const arn = ctx.arn(`transform-job/${name.toLowerCase()}`);
  if (ctx.state.transformJobs.has(name))
    throw new AwsError(
      'ResourceInUse',
      `Job name must be unique within an AWS account and region, and a job with this name already exists (${arn})`,
    );
  const model = ctx.state.models.get(req['ModelName'] as string);
  if (!model) throw couldNotFindModel(ctx, req['ModelName'] as string);
  const now = ctx.now();
  ctx.state.transformJobs.put(name, {
    seq: ctx.nextSeq(),
    request: req,
    TransformJobName: name,
    TransformJobArn: arn,
    TransformJobStatus: 'InProgress',
    ModelArn: model['ModelArn'],
    CreationTime: now,
    TransformStartTime: now,
    LastModifiedTime: now,
  });
  startTransformJob(ctx, name);
  return { TransformJobArn: arn };
}

const ECHOED = [
  'ModelName',
  'MaxConcurrentTransforms',
  'ModelClientConfig',
  'MaxPayloadInMB',
  'BatchStrategy',
  'Environment',
  'TransformInput',
  'TransformOutput',
  'DataCaptureConfig',
  'TransformResources',
  'DataProcessing',
  'ExperimentConfig',
];

const jobTable = (ctx: LocalContext): JobTable => ({
  kind: 'transform',
  table: ctx.state.transformJobs,
  nameKey: 'TransformJobName',
  statusKey: 'TransformJobStatus',
});

const getJob = (ctx: LocalContext, req: Obj): Rec => getJobRecord(jobTable(ctx), req);

export function describeTransformJob(ctx: LocalContext, req: Obj): Obj {
  const rec = getJob(ctx, req);
  const request = rec['request'] as Obj;
  const out = {
    ...Object.fromEntries(ECHOED.filter((k) => request[k] !== undefined).map((k) => [k, request[k]])),
    ...publicFields(rec),
  };
  out['MaxPayloadInMB'] ??= 6;
  out['BatchStrategy'] ??= 'MultiRecord';
  out['MaxConcurrentTransforms'] ??= 1;
  return toWire(out) as Obj;
}

export function stopTransformJob(ctx: LocalContext, req: Obj): Obj {
  return stopJob(ctx, jobTable(ctx), req);
}

export function listTransformJobs(ctx: LocalContext, req: Obj): Obj {
  return listJobs(ctx.state.transformJobs.values(), req, {
    nameKey: 'TransformJobName',
    statusKey: 'TransformJobStatus',
    summaryKeys: [
      'TransformJobName',
      'TransformJobArn',
      'CreationTime',
      'TransformEndTime',
      'LastModifiedTime',
      'TransformJobStatus',
      'FailureReason',
    ],
    resultKey: 'TransformJobSummaries',
    statuses: TRANSFORM_STATUSES,
  });
}
