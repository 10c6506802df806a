import { beforeEach, describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateTrainingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  CreateProcessingJobCommand,
  ListTagsCommand,
} from '@aws-sdk/client-sagemaker';
import { SPEC_DIGEST_TAG } from '../../../../src/sagemaker/spec-digest.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  postStop,
  runTrainJob,
  type TrainJobDeps,
  type TrainJobRequest,
} from '../../../../src/stages/train/run.js';
import { trainingJobApi } from '../../../../src/sagemaker/training.js';
import { processingJobApi } from '../../../../src/sagemaker/processing.js';
import type { ProcessingJobSpec, TrainingJobSpec } from '../../../../src/sagemaker/jobs.js';
import { fakeTime } from '../../../helpers/fake-time.js';
import { completed, newSageMaker, notFound, trainingDescription } from '../../../helpers/sagemaker-mocks.js';

const sm = mockClient(SageMakerClient);
const logs = mockClient(CloudWatchLogsClient);

const spec: TrainingJobSpec = {
  kind: 'training',
  image: 'img:1',
  roleArn: 'arn:aws:iam::123456789012:role/R',
  resources: { instanceType: 'ml.m5.xlarge', instanceCount: 1, volumeSizeGb: 30, maxRuntimeSeconds: 3600 },
  hyperparameters: { num_round: '10' },
  channels: [
    { name: 'train', uri: 's3://bucket/train/', distribution: 'FullyReplicated', contentType: 'text/csv' },
  ],
  outputPath: 's3://bucket/models',
  metricDefinitions: [],
  environment: { SECRET: 'hunter2' },
  tags: {},
};
const req = (over: Partial<TrainJobRequest> = {}): TrainJobRequest => ({
  spec,
  baseName: 'job',
  reuse: true,
  wait: true,
  timeoutMs: undefined,
  streamLogs: true,
  region: 'us-east-1',
  nameFromRun: true,
  ...over,
});

function harness(kind: 'training' | 'processing' = 'training') {
  const time = fakeTime();
  const lines: string[] = [];
  const warnings: string[] = [];
  const state: Record<string, string> = {};
  const signals = new EventEmitter();
  const client = newSageMaker();
  const deps: TrainJobDeps = {
    api: kind === 'training' ? trainingJobApi(client) : processingJobApi(client),
    logsClient: async () => new CloudWatchLogsClient({ region: 'us-east-1' }),
    log: {
      info: (l) => lines.push(l),
      warning: (w) => warnings.push(w),
      untrustedLine: (l) => lines.push(l),
    },
    saveState: (k, v) => (state[k] = v),
    signals: signals as unknown as TrainJobDeps['signals'],
    clock: time.clock,
    sleep: time.sleep,
    stopDelay: () => new Promise(() => {}), // the stop bound never fires unless a test wants it
  };
  return { time, lines, warnings, state, signals, deps };
}

/** Describe answers in sequence per job name; the last one repeats. */
function describeSequence(byName: Record<string, (ReturnType<typeof trainingDescription> | Error)[]>) {
  const seen: Record<string, number> = {};
  sm.on(DescribeTrainingJobCommand).callsFake((input: { TrainingJobName: string }) => {
    const seq = byName[input.TrainingJobName];
    if (!seq) throw notFound();
    const i = Math.min(seen[input.TrainingJobName] ?? 0, seq.length - 1);
    seen[input.TrainingJobName] = (seen[input.TrainingJobName] ?? 0) + 1;
    const v = seq[i]!;
    if (v instanceof Error) throw v;
    return v;
  });
}

/** Existing jobs carry the digest tag of `tagged` (default: the requested spec). */
function digestTags(tagged: TrainingJobSpec | null = spec) {
  sm.on(ListTagsCommand).resolves({
    Tags: tagged ? [{ Key: SPEC_DIGEST_TAG, Value: trainingJobApi(newSageMaker()).digestOf(tagged) }] : [],
  });
}

beforeEach(() => {
  sm.reset();
  logs.reset();
  logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [] });
  digestTags();
});

describe('runTrainJob: create and wait', () => {
  test('creates a job when none exists, prints transitions, streams logs, saves state', async () => {
    const h = harness();
    const running = trainingDescription('job', {
      SecondaryStatus: 'Training',
      SecondaryStatusTransitions: completed('job').SecondaryStatusTransitions!.slice(0, 2),
    });
    describeSequence({ job: [notFound(), running, running, running, completed('job')] });
    sm.on(CreateTrainingJobCommand).resolves({
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/job',
    });
    logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [{ logStreamName: 'job/algo-1-1700000000' }] });
    logs
      .on(GetLogEventsCommand)
      .resolvesOnce({ events: [{ message: '[0]#011train-auc:0.8' }], nextForwardToken: 't1' })
      .resolves({ events: [], nextForwardToken: 't1' });

    const r = await runTrainJob(req(), h.deps);
    expect(r.action).toBe('created');
    expect(r.outcome).toEqual({ ok: true });
    expect(r.view?.metrics).toEqual({ 'validation:auc': 0.91 });
    const create = sm.commandCalls(CreateTrainingJobCommand)[0]!.args[0].input;
    expect(create).toMatchObject({
      TrainingJobName: 'job',
      HyperParameters: { num_round: '10' },
      AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
    });
    expect(h.lines).toContain('[00:42] Training — Training image download completed. Training in progress.');
    expect(h.lines).toContain('[00:00] Starting — Preparing the instances for training');
    expect(h.lines.filter((l) => l.startsWith('[02:10] Completed'))).toHaveLength(1);
    expect(h.lines).toContain('[0]\ttrain-auc:0.8');
    expect(h.state).toEqual({ 'job-name': 'job', 'job-kind': 'training', finished: 'true' });
    expect(h.lines.join('\n')).not.toContain('hunter2');
  });

  test('failure: the message has the FailureReason and the last log lines', async () => {
    const h = harness();
    describeSequence({
      job: [
        notFound(),
        trainingDescription('job', { SecondaryStatus: 'Training' }),
        trainingDescription('job', {
          TrainingJobStatus: 'Failed',
          SecondaryStatus: 'Failed',
          FailureReason: 'AlgorithmError: label column missing',
        }),
      ],
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [{ logStreamName: 'job/algo-1-1700000000' }] });
    logs
      .on(GetLogEventsCommand)
      .resolvesOnce({
        events: Array.from({ length: 30 }, (_, i) => ({ message: `line ${i}` })),
        nextForwardToken: 't1',
      })
      .resolves({ events: [], nextForwardToken: 't1' });
    const r = await runTrainJob(req(), h.deps);
    expect(r.outcome.ok).toBe(false);
    const msg = (r.outcome as { message: string }).message;
    expect(msg).toContain('training job job failed: AlgorithmError: label column missing');
    expect(msg).toContain('line 29');
    expect(msg).toContain('line 10');
    expect(msg).not.toContain('line 9\n');
    expect(h.state['finished']).toBe('true');
  });

  test('MaxRuntimeExceeded and Stopped have their own messages', async () => {
    const h = harness();
    // reuse: the Stopped job is replaced by job-r2, which then hits its max runtime
    describeSequence({
      job: [trainingDescription('job', { TrainingJobStatus: 'Stopped', SecondaryStatus: 'Stopped' })],
      'job-r2': [
        notFound(),
        trainingDescription('job-r2', {
          TrainingJobStatus: 'Stopped',
          SecondaryStatus: 'MaxRuntimeExceeded',
        }),
      ],
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn2' });
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r.name).toBe('job-r2');
    expect((r.outcome as { message: string }).message).toMatch(
      /exceeded max-runtime-minutes: SageMaker stopped it \(MaxRuntimeExceeded\)/,
    );

    sm.reset();
    const h2 = harness();
    describeSequence({
      x: [notFound(), trainingDescription('x', { TrainingJobStatus: 'Stopped', SecondaryStatus: 'Stopped' })],
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    const r2 = await runTrainJob(req({ baseName: 'x', streamLogs: false }), h2.deps);
    expect((r2.outcome as { message: string }).message).toBe(
      'training job x was stopped before it completed (status Stopped)',
    );
  });
});

describe('runTrainJob: re-run behaviour', () => {
  test('an InProgress job of that name is re-attached: no Create', async () => {
    const h = harness();
    describeSequence({
      job: [trainingDescription('job', { SecondaryStatus: 'Training' }), completed('job')],
    });
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r.action).toBe('attached');
    expect(r.outcome.ok).toBe(true);
    expect(sm.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    expect(h.lines.some((l) => l.startsWith('re-attached to training job job (InProgress)'))).toBe(true);
  });

  test('a Completed job is reused: no Create, no wait', async () => {
    const h = harness();
    describeSequence({ job: [completed('job')] });
    const r = await runTrainJob(req(), h.deps);
    expect(r.action).toBe('reused');
    expect(r.view?.modelArtifact).toBe('s3://bucket/models/job/output/model.tar.gz');
    expect(sm.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    expect(sm.commandCalls(DescribeTrainingJobCommand)).toHaveLength(1);
    expect(h.lines.some((l) => l.startsWith('reused training job job: it already Completed'))).toBe(true);
  });

  test('a Completed job of another spec is not reused: the error names the fields and the way out', async () => {
    const h = harness();
    describeSequence({ job: [completed('job')] });
    digestTags({ ...spec, hyperparameters: { num_round: '99' }, outputPath: 's3://bucket/other' });
    const err = await runTrainJob(req(), h.deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /training job job already exists \(Completed\) and would be reused, but its spec differs from the requested one in: HyperParameters, OutputDataConfig\./,
    );
    expect((err as Error).message).toContain('set a new job-name');
    expect((err as Error).message).toContain('reuse: false');
    expect(sm.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    expect(sm.commandCalls(ListTagsCommand)[0]!.args[0].input.ResourceArn).toBe(
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/job',
    );
  });

  test('an InProgress job of another spec (or with no digest tag) is not re-attached', async () => {
    const h = harness();
    describeSequence({ job: [trainingDescription('job')] });
    digestTags({ ...spec, image: 'img:2' });
    await expect(runTrainJob(req(), h.deps)).rejects.toThrow(
      /would be re-attached, but its spec differs from the requested one in: AlgorithmSpecification\./,
    );
    digestTags(null); // a job with no digest tag (created outside this kit)
    await expect(runTrainJob(req(), h.deps)).rejects.toThrow(/it carries no spec digest tag/);
    expect(sm.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    expect(h.state['job-name']).toBeUndefined();
  });

  test('environment values count: a changed secret is a changed spec (without echoing it)', async () => {
    const h = harness();
    describeSequence({ job: [completed('job')] });
    digestTags({ ...spec, environment: { SECRET: 'other' } });
    const err = (await runTrainJob(req(), h.deps).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/differs from the requested one in: Environment\./);
    expect(err.message).not.toContain('hunter2');
  });

  test('an explicit job-name: the reuse line does not claim an earlier attempt of this run', async () => {
    const h = harness();
    describeSequence({ job: [completed('job')] });
    const r = await runTrainJob(req({ nameFromRun: false }), h.deps);
    expect(r).toMatchObject({ action: 'reused', fromThisRun: false });
    expect(h.lines.join('\n')).not.toContain('earlier attempt of this run');
    expect(h.lines).toContain(
      'reused training job job: it already Completed in an earlier run or attempt with the same spec (job-name is fixed); no new job is created',
    );
  });

  test('the job name is in state before CreateTrainingJob is sent (a kill during Create orphans nothing)', async () => {
    const h = harness();
    describeSequence({ job: [notFound(), completed('job')] });
    let stateAtCreate: Record<string, string> | undefined;
    sm.on(CreateTrainingJobCommand).callsFake(() => {
      stateAtCreate = { ...h.state };
      return { TrainingJobArn: 'arn' };
    });
    await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(stateAtCreate).toEqual({ 'job-name': 'job', 'job-kind': 'training' });
    const tags = sm.commandCalls(CreateTrainingJobCommand)[0]!.args[0].input.Tags;
    expect(tags).toContainEqual({
      Key: SPEC_DIGEST_TAG,
      Value: trainingJobApi(newSageMaker()).digestOf(spec),
    });
  });

  test('Failed/Stopped jobs are replaced by the next free attempt suffix', async () => {
    const h = harness();
    describeSequence({
      job: [trainingDescription('job', { TrainingJobStatus: 'Failed', FailureReason: 'x' })],
      'job-r2': [trainingDescription('job-r2', { TrainingJobStatus: 'Stopped' })],
      'job-r3': [notFound(), completed('job-r3')],
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn3' });
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r.action).toBe('created');
    expect(r.name).toBe('job-r3');
    expect(r.replaced).toEqual([
      { name: 'job', status: 'Failed' },
      { name: 'job-r2', status: 'Stopped' },
    ]);
    expect(sm.commandCalls(CreateTrainingJobCommand)[0]!.args[0].input.TrainingJobName).toBe('job-r3');
  });

  test('a replacement attempt still running is re-attached', async () => {
    const h = harness();
    describeSequence({
      job: [trainingDescription('job', { TrainingJobStatus: 'Failed' })],
      'job-r2': [trainingDescription('job-r2'), completed('job-r2')],
    });
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r).toMatchObject({ action: 'attached', name: 'job-r2' });
  });

  test('reuse: false always creates fresh, with a suffix when the name exists', async () => {
    const h = harness();
    describeSequence({ job: [completed('job')], 'job-r2': [notFound(), completed('job-r2')] });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    const r = await runTrainJob(req({ reuse: false, streamLogs: false }), h.deps);
    expect(r).toMatchObject({ action: 'created', name: 'job-r2' });
  });

  test('detach (wait: false): started, state finished so the post step leaves it running', async () => {
    const h = harness();
    describeSequence({ job: [notFound()] });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    const r = await runTrainJob(req({ wait: false }), h.deps);
    expect(r).toMatchObject({ detached: true, action: 'created', outcome: { ok: true } });
    expect(h.state).toEqual({ 'job-name': 'job', 'job-kind': 'training', finished: 'true' });
    expect(sm.commandCalls(DescribeTrainingJobCommand)).toHaveLength(1);
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
  });
});

describe('runTrainJob: timeout, cancel, throttling', () => {
  test('timeout-minutes exceeded: the job is stopped, then the stage fails', async () => {
    const h = harness();
    describeSequence({ job: [notFound(), trainingDescription('job', { SecondaryStatus: 'Training' })] });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    sm.on(StopTrainingJobCommand).resolves({});
    const start = h.time.clock.now();
    const r = await runTrainJob(req({ timeoutMs: 5 * 60_000, streamLogs: false }), h.deps);
    expect((r.outcome as { message: string }).message).toBe(
      'training job job was stopped after 5 minutes (timeout-minutes)',
    );
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(h.time.clock.now() - start).toBe(5 * 60_000);
    expect(h.state['finished']).toBe('true');
  });

  test('SIGINT: Stop is called at once and once, the wait ends, the outcome says cancelled', async () => {
    const h = harness();
    let describes = 0;
    sm.on(DescribeTrainingJobCommand).callsFake(() => {
      describes++;
      if (describes === 1) throw notFound();
      if (describes === 4) {
        h.signals.emit('SIGINT');
        h.signals.emit('SIGTERM');
      }
      return trainingDescription('job', { SecondaryStatus: 'Training' });
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    sm.on(StopTrainingJobCommand).resolves({});
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r.outcome).toEqual({
      ok: false,
      cancelled: true,
      message: 'cancelled (SIGINT): stop requested for training job job',
    });
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(describes).toBe(4);
    expect(h.lines).toContain('received SIGINT (workflow cancelled): stopping training job job now');
    expect(h.lines).toContain('received SIGTERM while stopping; still waiting for the stop request');
    expect(h.state['finished']).toBe('true');
    expect(h.signals.listenerCount('SIGINT')).toBe(0);
  });

  test('SIGINT and a stop call that does not answer: bounded, state left unfinished for the post step', async () => {
    const h = harness();
    let describes = 0;
    sm.on(DescribeTrainingJobCommand).callsFake(() => {
      describes++;
      if (describes === 1) throw notFound();
      if (describes === 2) h.signals.emit('SIGINT');
      return trainingDescription('job');
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    sm.on(StopTrainingJobCommand).callsFake(() => new Promise(() => {}));
    const bounds: number[] = [];
    const r = await runTrainJob(req({ streamLogs: false }), {
      ...h.deps,
      stopDelay: async (ms) => void bounds.push(ms),
    });
    expect(r.outcome.ok).toBe(false);
    expect(bounds).toEqual([5000]);
    expect(h.state['finished']).toBeUndefined();
    expect(h.lines.some((l) => l.includes('did not answer within 5 s'))).toBe(true);
  });

  test('a describe still throttled after the SDK retries is tolerated while waiting', async () => {
    const h = harness();
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: {},
    });
    describeSequence({
      job: [notFound(), trainingDescription('job'), throttled, throttled, completed('job')],
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    const r = await runTrainJob(req({ streamLogs: false }), h.deps);
    expect(r.outcome.ok).toBe(true);
  });
});

describe('processing jobs', () => {
  const pspec: ProcessingJobSpec = {
    kind: 'processing',
    image: 'img:1',
    roleArn: 'arn:aws:iam::123456789012:role/R',
    resources: { instanceType: 'ml.m5.xlarge', instanceCount: 1, volumeSizeGb: 30, maxRuntimeSeconds: 600 },
    entrypoint: ['python3', '/opt/ml/processing/input/code/p.py'],
    inputs: [
      {
        name: 'code',
        uri: 's3://b/code/',
        localPath: '/opt/ml/processing/input/code',
        distribution: 'FullyReplicated',
        inputMode: 'File',
      },
    ],
    outputs: [
      { name: 'out', uri: 's3://b/out/', localPath: '/opt/ml/processing/output/out', uploadMode: 'EndOfJob' },
    ],
    environment: {},
    tags: { team: 'ml' },
  };
  test('create → complete; outputs by name; status changes printed', async () => {
    const h = harness('processing');
    const base = {
      ProcessingJobName: 'p',
      ProcessingJobArn: 'arn:p',
      CreationTime: new Date(),
      ProcessingResources: {
        ClusterConfig: { InstanceType: 'ml.m5.xlarge' as const, InstanceCount: 1, VolumeSizeInGB: 30 },
      },
      AppSpecification: { ImageUri: 'img:1' },
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: 'out',
            S3Output: {
              S3Uri: 's3://b/out/',
              LocalPath: '/opt/ml/processing/output/out',
              S3UploadMode: 'EndOfJob' as const,
            },
          },
        ],
      },
    };
    sm.on(DescribeProcessingJobCommand)
      .rejectsOnce(
        Object.assign(new Error('Could not find requested job with name p'), { name: 'ValidationException' }),
      )
      .resolvesOnce({ ...base, ProcessingJobStatus: 'InProgress' })
      .resolves({ ...base, ProcessingJobStatus: 'Completed' });
    sm.on(CreateProcessingJobCommand).resolves({ ProcessingJobArn: 'arn:p' });
    const r = await runTrainJob(req({ spec: pspec, baseName: 'p', streamLogs: false }), h.deps);
    expect(r.outcome.ok).toBe(true);
    expect(r.view?.outputs).toEqual({ out: 's3://b/out/' });
    const create = sm.commandCalls(CreateProcessingJobCommand)[0]!.args[0].input;
    expect(create.AppSpecification).toEqual({
      ImageUri: 'img:1',
      ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/p.py'],
    });
    expect(create.Tags).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: SPEC_DIGEST_TAG, Value: expect.stringMatching(/^AppSpecification=[0-9a-f]{8} /) },
    ]);
    expect(create.ProcessingInputs![0]!.S3Input).toMatchObject({
      S3Uri: 's3://b/code/',
      LocalPath: '/opt/ml/processing/input/code',
    });
    expect(h.lines.filter((l) => / (InProgress|Completed)$/.test(l))).toHaveLength(2);
  });
});

describe('post step', () => {
  test('stops a job that is still InProgress', async () => {
    describeSequence({ job: [trainingDescription('job')] });
    sm.on(StopTrainingJobCommand).resolves({});
    const lines: string[] = [];
    expect(await postStop(trainingJobApi(newSageMaker()), 'job', (l) => lines.push(l))).toBe('stopped');
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(lines.join('\n')).toContain('stopping it so nothing keeps running');
  });

  test('does nothing for a job that already ended or is stopping', async () => {
    describeSequence({
      a: [completed('a')],
      b: [trainingDescription('b', { TrainingJobStatus: 'Stopping' })],
    });
    const api = trainingJobApi(newSageMaker());
    expect(await postStop(api, 'a', () => {})).toBe('already-ended');
    expect(await postStop(api, 'b', () => {})).toBe('already-ended');
    expect(await postStop(api, 'missing', () => {})).toBe('missing');
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
  });

  test('processing kind uses StopProcessingJob', async () => {
    sm.on(DescribeProcessingJobCommand).resolves({
      ProcessingJobName: 'p',
      ProcessingJobArn: 'a',
      ProcessingJobStatus: 'InProgress',
      CreationTime: new Date(),
      ProcessingResources: undefined,
      AppSpecification: undefined,
    });
    sm.on(StopProcessingJobCommand).resolves({});
    expect(await postStop(processingJobApi(newSageMaker()), 'p', () => {})).toBe('stopped');
    expect(sm.commandCalls(StopProcessingJobCommand)).toHaveLength(1);
  });
});
