import type { StageNames } from '../../core/context.js';
import { ConfigurationError } from '../../core/errors.js';
import {
  parseInstanceType,
  parseNumber,
  parseRoleArn,
  parseS3Uri,
  parseSageMakerName,
  show,
  type Inputs,
} from '../../core/inputs.js';
import { resolveRegion } from '../../aws/clients.js';
import type { JobSpec, ResourceSpec } from '../../sagemaker/jobs.js';
import { defaultJobName, type RunContext } from '../../sagemaker/naming.js';
import {
  checkEnvironment,
  checkTags,
  parseChannels,
  parseHyperparameters,
  parseMetricDefinitions,
} from './structured-inputs.js';
import { parseCommand, parseProcessingInputs, parseProcessingOutputs } from './processing-inputs.js';

/** Everything the train action does, decided from its inputs before any AWS call. */
export interface TrainSettings {
  mode: TrainMode;
  jobName: string;
  /** 'input' when job-name was given; 'default' when derived from the run context. */
  jobNameSource: 'input' | 'default';
  stage: string;
  spec: JobSpec;
  wait: boolean;
  /** Milliseconds; undefined = wait as long as the job runs (bounded by max-runtime-minutes). */
  timeoutMs: number | undefined;
  streamLogs: boolean;
  reuse: boolean;
  region: string;
  forceFail: boolean;
}

export interface TrainContext {
  run: RunContext;
  /** The config section named by `config: file#section` (used as the stage label), if any. */
  configSection?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export const MODES = ['training-job', 'processing-job', 'pipeline'] as const;
export type TrainMode = 'training-job' | 'processing-job';

export const DEFAULTS = {
  instanceType: 'ml.m5.xlarge',
  instanceCount: 1,
  volumeSizeGb: 30,
  maxRuntimeMinutes: 60,
} as const;

/** SageMaker's limits: training 28 days, processing 7 days. */
export const MAX_RUNTIME_MINUTES = { 'training-job': 28 * 24 * 60, 'processing-job': 7 * 24 * 60 } as const;

/** The train action's input, output and state names (a unit test checks them against action.yml). */
export const TRAIN_NAMES = {
  action: 'train',
  inputs: [
    'mode',
    'job-name',
    'image',
    'role-arn',
    'instance-type',
    'instance-count',
    'volume-size-gb',
    'max-runtime-minutes',
    'hyperparameters',
    'inputs',
    'content-type',
    'output-path',
    'metric-definitions',
    'environment',
    'tags',
    'entrypoint',
    'arguments',
    'processing-inputs',
    'processing-outputs',
    'pipeline-name',
    'pipeline-definition',
    'pipeline-parameters',
    'wait',
    'timeout-minutes',
    'stream-logs',
    'reuse',
    'config',
    'region',
    'force-fail',
  ],
  outputs: [
    'job-name',
    'job-arn',
    'status',
    'model-artifact',
    'metrics',
    'outputs',
    'log-url',
    'execution-arn',
    'step-statuses',
    'model-package-arn',
  ],
  /** Saved by the main step for the post step. */
  state: ['job-name', 'job-kind', 'finished', 'pipeline-execution-arn', 'pipeline-stop-token'],
} as const satisfies StageNames;
export type TrainOutput = (typeof TRAIN_NAMES.outputs)[number];
export type TrainState = (typeof TRAIN_NAMES.state)[number];

const TRAINING_ONLY = ['hyperparameters', 'inputs', 'content-type', 'output-path', 'metric-definitions'];
const PROCESSING_ONLY = ['entrypoint', 'arguments', 'processing-inputs', 'processing-outputs'];
const PIPELINE_ONLY = ['pipeline-name', 'pipeline-definition', 'pipeline-parameters'];

const IMAGE_RE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]{0,254}$/;
const CONTENT_TYPE_RE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/;

/** Parses and validates every input of the train action (pure apart from reading `inputs`). */
export function parseTrainSettings(inputs: Inputs, ctx: TrainContext): TrainSettings {
  const mode = inputs.choice('mode', MODES, 'training-job');
  if (mode === 'pipeline') {
    // The action reads mode first and parses pipeline mode with parsePipelineSettings.
    throw new Error("parseTrainSettings handles the job modes; mode 'pipeline' has parsePipelineSettings");
  }
  const other = mode === 'training-job' ? PROCESSING_ONLY : TRAINING_ONLY;
  inputs.rejectForMode([...other, ...PIPELINE_ONLY], mode);

  const modeHint = `mode '${mode}' needs it`;
  const image = inputs.required(
    'image',
    `${modeHint} (the container image URI, e.g. the XGBoost image of your region)`,
  );
  if (!IMAGE_RE.test(image)) {
    throw new ConfigurationError(
      `input 'image': ${show(image)} is not an image URI like 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag`,
    );
  }
  const roleArn = parseRoleArn(
    'role-arn',
    inputs.required('role-arn', `${modeHint} (the SageMaker execution role)`),
  );
  const instanceType = parseInstanceType(
    'instance-type',
    inputs.string('instance-type', DEFAULTS.instanceType),
  );
  const resources: ResourceSpec = {
    instanceType,
    instanceCount: inputs.integer('instance-count', DEFAULTS.instanceCount, { min: 1, max: 100 }),
    volumeSizeGb: inputs.integer('volume-size-gb', DEFAULTS.volumeSizeGb, { min: 1, max: 16384 }),
    maxRuntimeSeconds: Math.round(
      inputs.number('max-runtime-minutes', DEFAULTS.maxRuntimeMinutes, {
        min: 1 / 60,
        max: MAX_RUNTIME_MINUTES[mode],
      }) * 60,
    ),
  };
  const environment = checkEnvironment(
    'environment',
    inputs.secretStringMap('environment'),
    mode === 'training-job' ? 512 : 256,
  );
  const tags = checkTags('tags', inputs.stringMap('tags'));

  let spec: JobSpec;
  if (mode === 'training-job') {
    const contentType = inputs.optional('content-type');
    if (contentType !== undefined && !CONTENT_TYPE_RE.test(contentType)) {
      throw new ConfigurationError(
        `input 'content-type': ${show(contentType)} is not a MIME type like text/csv`,
      );
    }
    const channels = parseChannels('inputs', inputs.value('inputs'), contentType);
    if (channels.length === 0) {
      throw new ConfigurationError(
        `input 'inputs' is required: ${modeHint} (a map of channel: s3://bucket/prefix/, e.g. train: s3://my-bucket/train/)`,
      );
    }
    spec = {
      kind: 'training',
      image,
      roleArn,
      resources,
      hyperparameters: parseHyperparameters('hyperparameters', inputs.value('hyperparameters')),
      channels,
      outputPath: parseS3Uri(
        'output-path',
        inputs.required('output-path', `${modeHint} (where SageMaker writes model.tar.gz)`),
      ).uri,
      metricDefinitions: parseMetricDefinitions('metric-definitions', inputs.value('metric-definitions')),
      environment,
      tags,
    };
  } else {
    spec = {
      kind: 'processing',
      image,
      roleArn,
      resources,
      entrypoint: parseCommand('entrypoint', inputs.value('entrypoint')),
      arguments: parseCommand('arguments', inputs.value('arguments')),
      inputs: parseProcessingInputs('processing-inputs', inputs.value('processing-inputs')),
      outputs: parseProcessingOutputs('processing-outputs', inputs.value('processing-outputs')),
      environment,
      tags,
    };
  }

  const stage = ctx.configSection ?? (mode === 'training-job' ? 'train' : 'process');
  const explicitName = inputs.optional('job-name');
  const jobName =
    explicitName !== undefined
      ? parseSageMakerName('job-name', explicitName)
      : defaultJobName(ctx.run, stage);

  const timeoutText = inputs.optional('timeout-minutes');
  const timeoutMs =
    timeoutText === undefined
      ? undefined
      : parseNumber('timeout-minutes', timeoutText, { min: 0.01 }) * 60_000;

  return {
    mode,
    jobName,
    jobNameSource: explicitName !== undefined ? 'input' : 'default',
    stage,
    spec,
    wait: inputs.boolean('wait', true),
    timeoutMs,
    streamLogs: inputs.boolean('stream-logs', true),
    reuse: inputs.boolean('reuse', true),
    region: resolveRegion(inputs.optional('region'), ctx.env ?? process.env),
    forceFail: inputs.boolean('force-fail', false),
  };
}
