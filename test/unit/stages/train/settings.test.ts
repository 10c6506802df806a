import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { Inputs } from '../../../../src/core/inputs.js';
import { parseTrainSettings, type TrainContext } from '../../../../src/stages/train/settings.js';
import { parseHyperparameters } from '../../../../src/stages/train/structured-inputs.js';
import type { ProcessingJobSpec, TrainingJobSpec } from '../../../../src/sagemaker/jobs.js';

const ctx: TrainContext = {
  run: { repository: 'octo/churn', workflow: 'CI', job: 'train', runId: '42', step: 'train' },
  env: { AWS_REGION: 'us-east-1' },
};
const training = {
  image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  'role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole',
  'output-path': 's3://bucket/models/',
  inputs:
    'train: s3://bucket/data/train/\nvalidation:\n  uri: s3://bucket/data/validation/\n  content-type: text/csv',
};
const processing = {
  mode: 'processing-job',
  image: 'my-image:latest',
  'role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole',
  entrypoint: 'python3 /opt/ml/processing/input/code/prep.py',
  'processing-inputs':
    'code: s3://bucket/code/\ndata: {s3: "s3://bucket/raw/", local-path: /opt/ml/processing/raw}',
  'processing-outputs': 'features: s3://bucket/features/',
};

function parse(raw: Record<string, string>, config: Record<string, unknown> = {}, c: TrainContext = ctx) {
  return parseTrainSettings(new Inputs((n) => raw[n] ?? '', config), c);
}
function error(raw: Record<string, string>, config: Record<string, unknown> = {}): string {
  try {
    parse(raw, config);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseTrainSettings: training-job', () => {
  test('defaults', () => {
    const s = parse(training);
    expect(s.mode).toBe('training-job');
    expect(s.jobNameSource).toBe('default');
    expect(s.jobName).toMatch(/^churn-train-42-[0-9a-f]{8}$/);
    expect(s).toMatchObject({
      wait: true,
      streamLogs: true,
      reuse: true,
      forceFail: false,
      timeoutMs: undefined,
      region: 'us-east-1',
    });
    const spec = s.spec as TrainingJobSpec;
    expect(spec.resources).toEqual({
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 3600,
    });
    expect(spec.channels).toEqual([
      {
        name: 'train',
        uri: 's3://bucket/data/train/',
        contentType: undefined,
        distribution: 'FullyReplicated',
      },
      {
        name: 'validation',
        uri: 's3://bucket/data/validation/',
        contentType: 'text/csv',
        distribution: 'FullyReplicated',
        inputMode: undefined,
      },
    ]);
  });

  test('content-type is the default of every channel; explicit values, job-name, timeout', () => {
    const s = parse({
      ...training,
      'content-type': 'text/csv',
      'job-name': 'my-job',
      'timeout-minutes': '1.5',
      wait: 'FALSE',
      'instance-count': '2',
    });
    expect((s.spec as TrainingJobSpec).channels.map((c) => c.contentType)).toEqual(['text/csv', 'text/csv']);
    expect(s).toMatchObject({ jobName: 'my-job', jobNameSource: 'input', timeoutMs: 90_000, wait: false });
    expect(s.spec.resources.instanceCount).toBe(2);
  });

  test('config file section supplies defaults; explicit inputs win; section name is the stage', () => {
    const s = parseTrainSettings(
      new Inputs((n) => ({ ...training, 'instance-type': 'ml.c5.2xlarge' })[n] ?? '', {
        'instance-type': 'ml.m5.large',
        'volume-size-gb': 50,
        hyperparameters: { eta: 0.2, num_round: 10 },
      }),
      { ...ctx, configSection: 'train-xgb' },
    );
    expect(s.spec.resources).toMatchObject({ instanceType: 'ml.c5.2xlarge', volumeSizeGb: 50 });
    expect((s.spec as TrainingJobSpec).hyperparameters).toEqual({ eta: '0.2', num_round: '10' });
    expect(s.stage).toBe('train-xgb');
    expect(s.jobName).toContain('train-xgb');
  });

  test('metric definitions as a map or a list', () => {
    const a = parse({ ...training, 'metric-definitions': 'auc: "validation-auc:([0-9.]+)"' })
      .spec as TrainingJobSpec;
    expect(a.metricDefinitions).toEqual([{ Name: 'auc', Regex: 'validation-auc:([0-9.]+)' }]);
    const b = parse({ ...training, 'metric-definitions': '[{"Name": "loss", "Regex": "loss=(\\\\S+)"}]' })
      .spec as TrainingJobSpec;
    expect(b.metricDefinitions).toEqual([{ Name: 'loss', Regex: 'loss=(\\S+)' }]);
  });
});

describe('hyperparameters', () => {
  test('values are sent exactly as written', () => {
    expect(
      parseHyperparameters(
        'hyperparameters',
        'eta: 0.20\nnum_round: 1e3\nsilent: True\nobjective: "binary:logistic"\nx: 010',
      ),
    ).toEqual({
      eta: '0.20',
      num_round: '1e3',
      silent: 'True',
      objective: 'binary:logistic',
      x: '010',
    });
    expect(parseHyperparameters('hyperparameters', '{"eta": 0.20, "max_depth": 5}')).toEqual({
      eta: '0.20',
      max_depth: '5',
    });
  });

  test('property: a plain number written in YAML comes back as the same text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        expect(parseHyperparameters('hyperparameters', `v: ${text}`)).toEqual({ v: text });
      }),
    );
  });

  test('rejects nested values, too many entries, long values, malformed YAML', () => {
    expect(() => parseHyperparameters('hyperparameters', 'a: {b: 1}')).toThrow(/'a' must be a single value/);
    expect(() => parseHyperparameters('hyperparameters', 'a: [1, 2]')).toThrow(/'a' must be a single value/);
    const many = Array.from({ length: 101 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(() => parseHyperparameters('hyperparameters', many)).toThrow(
      /101 entries; SageMaker allows at most 100/,
    );
    expect(() => parseHyperparameters('hyperparameters', `a: ${'x'.repeat(2501)}`)).toThrow(/at most 2500/);
    expect(() => parseHyperparameters('hyperparameters', 'a: [1,')).toThrow(
      /input 'hyperparameters': not valid YAML/,
    );
    expect(() => parseHyperparameters('hyperparameters', 'a:')).toThrow(/'a' has no value/);
  });
});

describe('parseTrainSettings: processing-job', () => {
  test('entrypoint, inputs with default local paths, outputs', () => {
    const s = parse(processing);
    const spec = s.spec as ProcessingJobSpec;
    expect(s.jobName).toMatch(/^churn-process-42-/);
    expect(spec.entrypoint).toEqual(['python3', '/opt/ml/processing/input/code/prep.py']);
    expect(spec.inputs).toEqual([
      {
        name: 'code',
        uri: 's3://bucket/code/',
        localPath: '/opt/ml/processing/input/code',
        distribution: 'FullyReplicated',
        inputMode: 'File',
      },
      {
        name: 'data',
        uri: 's3://bucket/raw/',
        localPath: '/opt/ml/processing/raw',
        distribution: 'FullyReplicated',
        inputMode: 'File',
      },
    ]);
    expect(spec.outputs).toEqual([
      {
        name: 'features',
        uri: 's3://bucket/features/',
        localPath: '/opt/ml/processing/output/features',
        uploadMode: 'EndOfJob',
      },
    ]);
  });

  test('the image entrypoint is used when entrypoint is not given; arguments as a JSON list', () => {
    const { entrypoint: _e, ...rest } = processing;
    const spec = parse({ ...rest, arguments: '["--split", "0.2"]' }).spec as ProcessingJobSpec;
    expect(spec.entrypoint).toBeUndefined();
    expect(spec.arguments).toEqual(['--split', '0.2']);
  });
});

describe('every bad input fails with a message naming the input and the value', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'unknown mode',
      { ...training, mode: 'trianing-job' },
      /input 'mode': "trianing-job" is not valid; expected one of: training-job, processing-job, pipeline/,
    ],
    [
      'pipeline input in a job mode',
      { ...training, 'pipeline-name': 'olist' },
      /input 'pipeline-name' does not apply to mode 'training-job'/,
    ],
    ['malformed YAML', { ...training, inputs: 'train: [s3://x' }, /input 'inputs': not valid YAML/],
    [
      'non-numeric count',
      { ...training, 'instance-count': 'two' },
      /input 'instance-count': "two" is not valid; expected a whole number/,
    ],
    ['non-numeric volume', { ...training, 'volume-size-gb': '30GB' }, /input 'volume-size-gb': "30GB"/],
    [
      'runtime too long',
      { ...training, 'max-runtime-minutes': '50000' },
      /input 'max-runtime-minutes': "50000" is not valid; expected at most 40320/,
    ],
    ['processing runtime too long', { ...processing, 'max-runtime-minutes': '20000' }, /at most 10080/],
    ['bad timeout', { ...training, 'timeout-minutes': 'soon' }, /input 'timeout-minutes': "soon"/],
    ['bad boolean', { ...training, wait: 'yes' }, /input 'wait': "yes" is not valid; expected true or false/],
    ['invalid job name', { ...training, 'job-name': 'my_job' }, /input 'job-name': "my_job" is not valid/],
    [
      'invalid S3 URI',
      { ...training, 'output-path': 'bucket/models' },
      /input 'output-path': "bucket\/models" is not valid; expected an S3 URI/,
    ],
    [
      'invalid bucket',
      { ...training, inputs: 'train: s3://Bad_Bucket/x' },
      /input 'inputs': "s3:\/\/Bad_Bucket\/x".*bucket 'Bad_Bucket'/,
    ],
    [
      'invalid channel name',
      { ...training, inputs: '"tr ain": s3://bucket/x' },
      /input 'inputs': channel name "tr ain"/,
    ],
    [
      'bad distribution',
      { ...training, inputs: 'train: {uri: "s3://bucket/x", distribution: Sharded}' },
      /distribution "Sharded" is not allowed; expected one of: FullyReplicated, ShardedByS3Key/,
    ],
    [
      'unknown channel key',
      { ...training, inputs: 'train: {uri: "s3://bucket/x", contenttype: text/csv}' },
      /unknown key 'contenttype'/,
    ],
    [
      'bad role',
      { ...training, 'role-arn': 'SageMakerRole' },
      /input 'role-arn': "SageMakerRole" is not valid; expected an IAM role ARN/,
    ],
    [
      'bad instance type',
      { ...training, 'instance-type': 'm5.xlarge' },
      /input 'instance-type': "m5.xlarge" is not valid; expected a SageMaker instance type/,
    ],
    ['bad image', { ...training, image: 'my image' }, /input 'image': "my image" is not an image URI/],
    ['bad env key', { ...training, environment: '1ABC: x' }, /input 'environment': variable name "1ABC"/],
    [
      'bad regex',
      { ...training, 'metric-definitions': 'auc: "auc:([0-9.]+"' },
      /input 'metric-definitions': the regex of 'auc' .* does not compile/,
    ],
    [
      'regex without group',
      { ...training, 'metric-definitions': 'auc: "auc:[0-9.]+"' },
      /needs a capture group/,
    ],
    [
      'bad content-type',
      { ...training, 'content-type': 'csv' },
      /input 'content-type': "csv" is not a MIME type/,
    ],
    ['missing image', { ...training, image: '' }, /input 'image' is required: mode 'training-job' needs it/],
    [
      'missing role',
      { ...processing, 'role-arn': '' },
      /input 'role-arn' is required: mode 'processing-job' needs it/,
    ],
    [
      'missing inputs',
      { ...training, inputs: '' },
      /input 'inputs' is required: mode 'training-job' needs it/,
    ],
    ['missing output-path', { ...training, 'output-path': '' }, /input 'output-path' is required/],
    [
      'training input in processing mode',
      { ...processing, hyperparameters: 'a: 1' },
      /input 'hyperparameters' does not apply to mode 'processing-job'/,
    ],
    [
      'processing input in training mode',
      { ...training, entrypoint: 'python3 x.py' },
      /input 'entrypoint' does not apply to mode 'training-job'/,
    ],
    [
      'local path outside /opt/ml/processing',
      { ...processing, 'processing-outputs': 'x: {s3: "s3://bucket/x", local-path: /tmp/x}' },
      /'x' local-path "\/tmp\/x" must be under \/opt\/ml\/processing\//,
    ],
    ['bad region', { ...training, region: 'mars-1' }, /input 'region': "mars-1" is not an AWS region/],
    ['bad force-fail', { ...training, 'force-fail': 'maybe' }, /input 'force-fail': "maybe"/],
  ];
  test.each(cases)('%s', (_label, raw, expected) => {
    expect(error(raw)).toMatch(expected);
  });

  test('environment values are never shown in messages', () => {
    const msg = error({ ...training, environment: `API_TOKEN: ${'s'.repeat(600)}` });
    expect(msg).toContain("the value of 'API_TOKEN' is longer than 512 characters (value not shown)");
    expect(msg).not.toContain('sss');
  });

  test('no region anywhere', () => {
    expect(() => parse(training, {}, { ...ctx, env: {} })).toThrow(/no AWS region/);
  });
});
