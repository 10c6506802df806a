/** CreateProcessingJob, DescribeProcessingJob, StopProcessingJob, ListProcessingJobs. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { Checker, ENV_KEY_RE, ROLE_ARN_RE, S3_URI_RE, isObject } from '../../validate.js';
import { startProcessingJob } from '../../jobs/processing.js';
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

type Obj = Record<string, unknown>;
export const PROCESSING_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;
const LOCAL_PATH_RE = /^\/opt\/ml\/processing\/.*$/;

export function validateCreateProcessingJob(req: Obj): void {
  const c = new Checker();
  checkJobName(c, 'ProcessingJobName', req['ProcessingJobName']);
  c.string('RoleArn', req['RoleArn'], { required: true, min: 20, max: 2048, pattern: ROLE_ARN_RE });
  c.stringMap('Environment', req['Environment'], {
    maxEntries: 100,
    keyMax: 256,
    valueMax: 256,
    keyPattern: ENV_KEY_RE,
  });
  if (c.object('AppSpecification', req['AppSpecification'], true)) {
    const a = req['AppSpecification'] as Obj;
    c.string('AppSpecification.ImageUri', a['ImageUri'], { required: true, max: 255 });
    c.list('AppSpecification.ContainerEntrypoint', a['ContainerEntrypoint'], { min: 1, max: 100 });
    c.list('AppSpecification.ContainerArguments', a['ContainerArguments'], { min: 1, max: 256 });
  }
  if (c.object('ProcessingResources', req['ProcessingResources'], true)) {
    const cc = (req['ProcessingResources'] as Obj)['ClusterConfig'];
    if (c.object('ProcessingResources.ClusterConfig', cc, true)) {
      const o = cc as Obj;
      c.integer('ProcessingResources.ClusterConfig.InstanceCount', o['InstanceCount'], {
        required: true,
        min: 1,
        max: 100,
      });
      c.enumOf(
        'ProcessingResources.ClusterConfig.InstanceType',
        o['InstanceType'],
        INSTANCE_TYPES.processing,
        true,
      );
      c.integer('ProcessingResources.ClusterConfig.VolumeSizeInGB', o['VolumeSizeInGB'], {
        required: true,
        min: 1,
        max: 16384,
      });
    }
  }
  if (c.list('ProcessingInputs', req['ProcessingInputs'], { max: 10 })) {
    const names = new Set<string>();
    (req['ProcessingInputs'] as unknown[]).forEach((raw, i) => {
      const p = `ProcessingInputs.${i + 1}`;
      const o = (isObject(raw) ? raw : {}) as Obj;
      if (c.string(`${p}.InputName`, o['InputName'], { required: true })) {
        if (names.has(o['InputName'] as string))
          c.errors.push(`Input names must be unique: '${String(o['InputName'])}'`);
        names.add(o['InputName'] as string);
      }
      if (c.object(`${p}.S3Input`, o['S3Input'])) {
        const s = o['S3Input'] as Obj;
        c.string(`${p}.S3Input.S3Uri`, s['S3Uri'], { required: true, max: 1024, pattern: S3_URI_RE });
        c.string(`${p}.S3Input.LocalPath`, s['LocalPath'], {
          required: true,
          max: 256,
          pattern: LOCAL_PATH_RE,
        });
        c.enumOf(`${p}.S3Input.S3DataType`, s['S3DataType'], ['ManifestFile', 'S3Prefix'], true);
        c.enumOf(`${p}.S3Input.S3InputMode`, s['S3InputMode'], ['Pipe', 'File']);
        c.enumOf(`${p}.S3Input.S3DataDistributionType`, s['S3DataDistributionType'], [
          'FullyReplicated',
          'ShardedByS3Key',
        ]);
        c.enumOf(`${p}.S3Input.S3CompressionType`, s['S3CompressionType'], ['None', 'Gzip']);
      }
    });
  }
  const oc = req['ProcessingOutputConfig'];
  if (
    c.object('ProcessingOutputConfig', oc) &&
    c.list('ProcessingOutputConfig.Outputs', (oc as Obj)['Outputs'], { required: true, max: 10 })
  ) {
    ((oc as Obj)['Outputs'] as unknown[]).forEach((raw, i) => {
      const p = `ProcessingOutputConfig.Outputs.${i + 1}`;
      const o = (isObject(raw) ? raw : {}) as Obj;
      c.string(`${p}.OutputName`, o['OutputName'], { required: true });
      if (c.object(`${p}.S3Output`, o['S3Output'])) {
        const s = o['S3Output'] as Obj;
        c.string(`${p}.S3Output.S3Uri`, s['S3Uri'], { required: true, max: 1024, pattern: S3_URI_RE });
        c.string(`${p}.S3Output.LocalPath`, s['LocalPath'], { max: 256, pattern: LOCAL_PATH_RE });
        c.enumOf(`${p}.S3Output.S3UploadMode`, s['S3UploadMode'], ['Continuous', 'EndOfJob'], true);
      }
    });
  }
  if (c.object('StoppingCondition', req['StoppingCondition'])) {
    c.integer(
      'StoppingCondition.MaxRuntimeInSeconds',
      (req['StoppingCondition'] as Obj)['MaxRuntimeInSeconds'],
      { required: true, min: 1, max: 777600 },
    );
  }
  c.done();
}

export function createProcessingJob(ctx: LocalContext, req: Obj): Obj {
  validateCreateProcessingJob(req);
  return insertProcessingJob(ctx, req);
}

/**
 * Records a processing job and starts it. `extra`: service-set fields (a monitoring execution's
 * MonitoringScheduleArn). Model Monitor starts its jobs this way, past the public API's checks.
 */
export function insertProcessingJob(ctx: LocalContext, req: Obj, extra: Obj = {}): Obj {
  const name = req['ProcessingJobName'] as string;
  const arn = ctx.arn(`processing-job/${name.toLowerCase()}`);
  if (ctx.state.processingJobs.has(name))
    throw new AwsError(
      'ResourceInUse',
      `Job name must be unique within an AWS account and region, and a job with this name already exists (${arn})`,
    );
  const now = ctx.now();
  ctx.state.processingJobs.put(name, {
    seq: ctx.nextSeq(),
    request: req,
    ProcessingJobName: name,
    ProcessingJobArn: arn,
    ProcessingJobStatus: 'InProgress',
    CreationTime: now,
    LastModifiedTime: now,
    ...extra,
  });
  startProcessingJob(ctx, name);
  return { ProcessingJobArn: arn };
}

const ECHOED = [
  'ProcessingInputs',
  'ProcessingOutputConfig',
  'ProcessingResources',
  'StoppingCondition',
  'AppSpecification',
  'Environment',
  'NetworkConfig',
  'RoleArn',
  'ExperimentConfig',
];

const jobTable = (ctx: LocalContext): JobTable => ({
  kind: 'processing',
  table: ctx.state.processingJobs,
  nameKey: 'ProcessingJobName',
  statusKey: 'ProcessingJobStatus',
});

const getJob = (ctx: LocalContext, req: Obj): Rec => getJobRecord(jobTable(ctx), req);

export function describeProcessingJob(ctx: LocalContext, req: Obj): Obj {
  const rec = getJob(ctx, req);
  const request = rec['request'] as Obj;
  return toWire({
    ...Object.fromEntries(ECHOED.filter((k) => request[k] !== undefined).map((k) => [k, request[k]])),
    ...publicFields(rec),
  }) as Obj;
}

export function stopProcessingJob(ctx: LocalContext, req: Obj): Obj {
  return stopJob(ctx, jobTable(ctx), req);
}

export function listProcessingJobs(ctx: LocalContext, req: Obj): Obj {
  return listJobs(ctx.state.processingJobs.values(), req, {
    nameKey: 'ProcessingJobName',
    statusKey: 'ProcessingJobStatus',
    summaryKeys: [
      'ProcessingJobName',
      'ProcessingJobArn',
      'CreationTime',
      'ProcessingEndTime',
      'LastModifiedTime',
      'ProcessingJobStatus',
      'FailureReason',
      'ExitMessage',
    ],
    resultKey: 'ProcessingJobSummaries',
    statuses: PROCESSING_STATUSES,
  });
}
