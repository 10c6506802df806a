/** CreateTrainingJob, DescribeTrainingJob, StopTrainingJob, ListTrainingJobs. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { CHANNEL_NAME_RE, Checker, ENV_KEY_RE, ROLE_ARN_RE, S3_URI_RE, isObject } from '../../validate.js';
import { startTrainingJob } from '../../jobs/training.js';
import { TRAINING_MESSAGES, addTransition, type Transition } from '../../jobs/status.js';
import {
  checkJobName,
  getJobRecord,
  listJobs,
  publicFields,
  stopJob,
  toWire,
  type JobTable,
} from './common.js';
import { isBuiltinXgboost } from '../../config.js';
import { XGBOOST_METRIC_DEFINITIONS } from '../../jobs/metrics.js';
import { INSTANCE_TYPES } from './instance-types.js';

type Obj = Record<string, unknown>;
export const TRAINING_STATUSES = [
  'InProgress',
  'Completed',
  'Failed',
  'Stopping',
  'Stopped',
  'Deleting',
] as const;

export function validateCreateTrainingJob(req: Obj): void {
  const c = new Checker();
  checkJobName(c, 'TrainingJobName', req['TrainingJobName']);
  c.string('RoleArn', req['RoleArn'], { required: true, min: 20, max: 2048, pattern: ROLE_ARN_RE });
  c.stringMap('HyperParameters', req['HyperParameters'], { maxEntries: 100, keyMax: 256, valueMax: 2500 });
  c.stringMap('Environment', req['Environment'], {
    maxEntries: 100,
    keyMax: 512,
    valueMax: 512,
    keyPattern: ENV_KEY_RE,
  });
  if (c.object('AlgorithmSpecification', req['AlgorithmSpecification'], true)) {
    const a = req['AlgorithmSpecification'] as Obj;
    c.string('AlgorithmSpecification.TrainingImage', a['TrainingImage'], { max: 255 });
    c.enumOf(
      'AlgorithmSpecification.TrainingInputMode',
      a['TrainingInputMode'],
      ['Pipe', 'File', 'FastFile'],
      true,
    );
    if (a['TrainingImage'] === undefined && a['AlgorithmName'] === undefined) {
      c.errors.push(
        "Value null at 'algorithmSpecification.trainingImage' failed to satisfy constraint: TrainingImage or AlgorithmName must be provided",
      );
    }
    if (c.list('AlgorithmSpecification.MetricDefinitions', a['MetricDefinitions'], { max: 40 })) {
      (a['MetricDefinitions'] as unknown[]).forEach((m, i) => {
        const d = (isObject(m) ? m : {}) as Obj;
        c.string(`AlgorithmSpecification.MetricDefinitions.${i + 1}.Name`, d['Name'], {
          required: true,
          min: 1,
          max: 255,
        });
        c.string(`AlgorithmSpecification.MetricDefinitions.${i + 1}.Regex`, d['Regex'], {
          required: true,
          min: 1,
          max: 500,
        });
      });
    }
    c.list('AlgorithmSpecification.ContainerEntrypoint', a['ContainerEntrypoint'], { min: 1, max: 100 });
    c.list('AlgorithmSpecification.ContainerArguments', a['ContainerArguments'], { min: 1, max: 100 });
  }
  if (c.list('InputDataConfig', req['InputDataConfig'], { min: 1, max: 20 })) {
    const names = new Set<string>();
    (req['InputDataConfig'] as unknown[]).forEach((ch, i) => {
      const p = `InputDataConfig.${i + 1}`;
      const o = (isObject(ch) ? ch : {}) as Obj;
      if (
        c.string(`${p}.ChannelName`, o['ChannelName'], {
          required: true,
          min: 1,
          max: 64,
          pattern: CHANNEL_NAME_RE,
        })
      ) {
        if (names.has(o['ChannelName'] as string))
          c.errors.push(`Channel names must be unique: '${String(o['ChannelName'])}' appears twice`);
        names.add(o['ChannelName'] as string);
      }
      if (c.object(`${p}.DataSource`, o['DataSource'], true)) {
        const s3 = (o['DataSource'] as Obj)['S3DataSource'];
        if (c.object(`${p}.DataSource.S3DataSource`, s3)) {
          const s = s3 as Obj;
          c.enumOf(
            `${p}.DataSource.S3DataSource.S3DataType`,
            s['S3DataType'],
            ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse'],
            true,
          );
          c.string(`${p}.DataSource.S3DataSource.S3Uri`, s['S3Uri'], {
            required: true,
            max: 1024,
            pattern: S3_URI_RE,
          });
          c.enumOf(`${p}.DataSource.S3DataSource.S3DataDistributionType`, s['S3DataDistributionType'], [
            'FullyReplicated',
            'ShardedByS3Key',
          ]);
        }
      }
      c.enumOf(`${p}.CompressionType`, o['CompressionType'], ['None', 'Gzip']);
      c.enumOf(`${p}.InputMode`, o['InputMode'], ['Pipe', 'File', 'FastFile']);
    });
  }
  if (c.object('OutputDataConfig', req['OutputDataConfig'], true)) {
    c.string('OutputDataConfig.S3OutputPath', (req['OutputDataConfig'] as Obj)['S3OutputPath'], {
      required: true,
      max: 1024,
      pattern: S3_URI_RE,
    });
  }
  if (c.object('ResourceConfig', req['ResourceConfig'])) {
    const r = req['ResourceConfig'] as Obj;
    c.enumOf('ResourceConfig.InstanceType', r['InstanceType'], INSTANCE_TYPES.training);
    c.integer('ResourceConfig.InstanceCount', r['InstanceCount'], { min: 0 });
    c.integer('ResourceConfig.VolumeSizeInGB', r['VolumeSizeInGB'], { min: 0 });
  }
  if (c.object('StoppingCondition', req['StoppingCondition'])) {
    const sc = req['StoppingCondition'] as Obj;
    // 28 days is the documented maximum (the model itself has no upper bound).
    c.integer('StoppingCondition.MaxRuntimeInSeconds', sc['MaxRuntimeInSeconds'], {
      min: 1,
      max: MAX_TRAINING_RUNTIME_SECONDS,
    });
    c.integer('StoppingCondition.MaxWaitTimeInSeconds', sc['MaxWaitTimeInSeconds'], { min: 1 });
    c.integer('StoppingCondition.MaxPendingTimeInSeconds', sc['MaxPendingTimeInSeconds'], {
      min: 7200,
      max: MAX_TRAINING_RUNTIME_SECONDS,
    });
  }
  c.done();
  checkTrainingRules(req);
}

/** 28 days: the documented maximum of MaxRuntimeInSeconds for training. */
export const MAX_TRAINING_RUNTIME_SECONDS = 2_419_200;

/**
 * Rules the service applies after the model's constraints, with the messages AWS returns
 * (the first two and the spot-less one observed in public reports; the wording for a missing
 * or too small MaxWaitTimeInSeconds with spot is believed, unverified): no custom MetricDefinitions for first-party algorithm images
 * (the built-in XGBoost image, script mode included), and managed spot training needs
 * MaxWaitTimeInSeconds >= MaxRuntimeInSeconds, which is refused without spot.
 */
function checkTrainingRules(req: Obj): void {
  const algo = req['AlgorithmSpecification'] as Obj;
  if (
    isBuiltinXgboost(algo['TrainingImage'] as string | undefined) &&
    (algo['MetricDefinitions'] as unknown[] | undefined)?.length
  ) {
    throw new AwsError(
      'ValidationException',
      "You can't override the metric definitions for Amazon SageMaker algorithms. Please retry the request without specifying metric definitions.",
    );
  }
  const sc = (req['StoppingCondition'] ?? {}) as Obj;
  const maxWait = sc['MaxWaitTimeInSeconds'] as number | undefined;
  const maxRuntime = (sc['MaxRuntimeInSeconds'] as number | undefined) ?? 86_400;
  if (req['EnableManagedSpotTraining'] === true) {
    if (maxWait === undefined || maxWait < maxRuntime)
      throw new AwsError(
        'ValidationException',
        'Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds',
      );
  } else if (maxWait !== undefined) {
    throw new AwsError(
      'ValidationException',
      'Invalid MaxWaitTimeInSeconds. It is only supported when EnableManagedSpotTraining is set to true',
    );
  }
}

export function createTrainingJob(ctx: LocalContext, req: Obj): Obj {
  validateCreateTrainingJob(req);
  const name = req['TrainingJobName'] as string;
  // ARN name part lower-cased as commonly observed (sagemaker.md: unverified).
  const arn = ctx.arn(`training-job/${name.toLowerCase()}`);
  if (ctx.state.trainingJobs.has(name)) {
    throw new AwsError(
      'ResourceInUse',
      `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${arn})`,
    );
  }
  const resource = req['ResourceConfig'] as Obj | undefined;
  if (resource && typeof resource['InstanceCount'] === 'number' && resource['InstanceCount'] > 1) {
    ctx.logger.warn(
      `training job ${name}: InstanceCount ${resource['InstanceCount']} runs as a single local process (algo-1)`,
    );
  }
  const now = ctx.now();
  const outputPath = String((req['OutputDataConfig'] as Obj)['S3OutputPath']).replace(/\/+$/, '');
  const rec: Rec = {
    seq: ctx.nextSeq(),
    request: req,
    TrainingJobName: name,
    TrainingJobArn: arn,
    ModelArtifacts: { S3ModelArtifacts: `${outputPath}/${name}/output/model.tar.gz` },
    TrainingJobStatus: 'InProgress',
    SecondaryStatus: 'Starting',
    SecondaryStatusTransitions: addTransition([], 'Starting', TRAINING_MESSAGES['Starting']!, now),
    CreationTime: now,
    LastModifiedTime: now,
  };
  ctx.state.trainingJobs.put(name, rec);
  startTrainingJob(ctx, name);
  return { TrainingJobArn: arn };
}

const ECHOED = [
  'HyperParameters',
  'AlgorithmSpecification',
  'RoleArn',
  'InputDataConfig',
  'OutputDataConfig',
  'ResourceConfig',
  'VpcConfig',
  'StoppingCondition',
  'EnableNetworkIsolation',
  'EnableInterContainerTrafficEncryption',
  'EnableManagedSpotTraining',
  'CheckpointConfig',
  'Environment',
  'RetryStrategy',
  'DebugHookConfig',
  'ExperimentConfig',
  'ProfilerConfig',
  'TensorBoardOutputConfig',
];

const jobTable = (ctx: LocalContext): JobTable => ({
  kind: 'training',
  table: ctx.state.trainingJobs,
  nameKey: 'TrainingJobName',
  statusKey: 'TrainingJobStatus',
});

const getJob = (ctx: LocalContext, req: Obj): Rec => getJobRecord(jobTable(ctx), req);

export function describeTrainingJob(ctx: LocalContext, req: Obj): Obj {
  const rec = getJob(ctx, req);
  const request = rec['request'] as Obj;
  const echoed = Object.fromEntries(
    ECHOED.filter((k) => request[k] !== undefined).map((k) => [k, request[k]]),
  );
  const algo = echoed['AlgorithmSpecification'] as Obj | undefined;
  const hps = (request['HyperParameters'] ?? {}) as Obj;
  if (
    algo &&
    isBuiltinXgboost(algo['TrainingImage'] as string | undefined) &&
    !(algo['MetricDefinitions'] as unknown[] | undefined)?.length &&
    !hps['sagemaker_program']
  ) {
    // the service fills in the algorithm's predefined metric definitions for built-in images
    echoed['AlgorithmSpecification'] = { ...algo, MetricDefinitions: XGBOOST_METRIC_DEFINITIONS };
  }
  const out = { ...echoed, ...publicFields(rec) };
  if (!out['StoppingCondition']) out['StoppingCondition'] = { MaxRuntimeInSeconds: 86400 };
  if ((out['FinalMetricDataList'] as unknown[] | undefined)?.length === 0) delete out['FinalMetricDataList'];
  return toWire(out) as Obj;
}

export function stopTrainingJob(ctx: LocalContext, req: Obj): Obj {
  return stopJob(ctx, jobTable(ctx), req, (rec, now) => ({
    SecondaryStatus: 'Stopping',
    SecondaryStatusTransitions: addTransition(
      rec['SecondaryStatusTransitions'] as Transition[],
      'Stopping',
      TRAINING_MESSAGES['Stopping']!,
      now,
    ),
  }));
}

export function listTrainingJobs(ctx: LocalContext, req: Obj): Obj {
  return listJobs(ctx.state.trainingJobs.values(), req, {
    nameKey: 'TrainingJobName',
    statusKey: 'TrainingJobStatus',
    summaryKeys: [
      'TrainingJobName',
      'TrainingJobArn',
      'CreationTime',
      'TrainingEndTime',
      'LastModifiedTime',
      'TrainingJobStatus',
      'SecondaryStatus',
    ],
    resultKey: 'TrainingJobSummaries',
    statuses: TRAINING_STATUSES,
  });
}
