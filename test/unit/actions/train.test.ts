import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTagsCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient, DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { run, runPost, type TrainOverrides } from '../../../src/actions/train.js';
import { setupActionEnv, type ActionEnv } from '../../helpers/action-env.js';
import { captureStdout } from '../../helpers/capture.js';
import { fakeTime } from '../../helpers/fake-time.js';
import { completed, notFound, trainingDescription } from '../../helpers/sagemaker-mocks.js';

const sm = mockClient(SageMakerClient);
const logs = mockClient(CloudWatchLogsClient);

const training = {
  image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  'role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole',
  'output-path': 's3://bucket/models',
  inputs: 'train: s3://bucket/train/',
  'content-type': 'text/csv',
  hyperparameters: 'num_round: 10\neta: 0.20',
};
const github = {
  GITHUB_REPOSITORY: 'octo/churn',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'train',
  GITHUB_RUN_ID: '77',
  GITHUB_ACTION: 'train',
  AWS_REGION: 'us-east-1',
};

let env: ActionEnv | undefined;
function start(inputs: Record<string, string>, extra: Record<string, string> = github): ActionEnv {
  env = setupActionEnv(inputs, extra);
  return env;
}
function overrides(): TrainOverrides & { exits: number[] } {
  const t = fakeTime();
  const exits: number[] = [];
  return {
    clock: t.clock,
    sleep: t.sleep,
    signals: new EventEmitter(),
    stopDelay: () => new Promise(() => {}),
    exit: (c) => void exits.push(c),
    exits,
  };
}
const anyAwsCall = (): number => sm.calls().length + logs.calls().length;

beforeEach(() => {
  sm.reset();
  logs.reset();
  logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [] });
});
afterEach(() => {
  env?.restore();
  env = undefined;
});

describe('train action run()', () => {
  test('success: outputs, state and summary', async () => {
    const e = start(training);
    const out = captureStdout();
    sm.on(DescribeTrainingJobCommand)
      .rejectsOnce(notFound())
      .resolvesOnce(trainingDescription('x'))
      .callsFake((i: { TrainingJobName: string }) => completed(i.TrainingJobName));
    sm.on(CreateTrainingJobCommand).resolves({
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/x',
    });
    await run(overrides());
    expect(process.exitCode).toBeUndefined();
    const o = e.outputs();
    expect(o['job-name']).toMatch(/^churn-train-77-[0-9a-f]{8}$/);
    expect(o).toMatchObject({ status: 'Completed', metrics: '{"validation:auc":0.91}' });
    expect(JSON.parse(o['outputs']!)).toEqual({
      model: `s3://bucket/models/${o['job-name']}/output/model.tar.gz`,
      output: `s3://bucket/models/${o['job-name']}/output/output.tar.gz`,
    });
    expect(o['log-url']).toContain('us-east-1.console.aws.amazon.com/cloudwatch');
    expect(e.state()).toEqual({ 'job-name': o['job-name'], 'job-kind': 'training', finished: 'true' });
    const summary = e.summary();
    expect(summary).toContain('succeeded');
    expect(summary).toContain('| **Billable seconds** | 120 |');
    expect(summary).toContain('ml.m5.xlarge × 1');
    expect(summary).toContain('| validation:auc | 0.91 |');
    expect(summary).toContain('sagemaker/home?region=us-east-1#/jobs/');
    expect(sm.commandCalls(CreateTrainingJobCommand)[0]!.args[0].input.HyperParameters).toEqual({
      num_round: '10',
      eta: '0.20',
    });
    expect(out.text()).toContain('training-job: job name churn-train-77-');
  });

  test('a reused job: log and summary say reused', async () => {
    // A first attempt creates the job; its Create request carries the spec digest tag.
    start(training);
    captureStdout();
    sm.on(DescribeTrainingJobCommand)
      .rejectsOnce(notFound())
      .callsFake((i: { TrainingJobName: string }) => completed(i.TrainingJobName));
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    await run(overrides());
    const tags = sm.commandCalls(CreateTrainingJobCommand)[0]!.args[0].input.Tags;
    env?.restore();
    process.exitCode = undefined;
    sm.reset();
    logs.reset();
    logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [] });

    // The re-run finds it Completed, with the same spec: reused, no second job.
    const e = start(training);
    const out = captureStdout();
    sm.on(DescribeTrainingJobCommand).callsFake((i: { TrainingJobName: string }) =>
      completed(i.TrainingJobName),
    );
    sm.on(ListTagsCommand).resolves({ Tags: tags });
    await run(overrides());
    expect(sm.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    expect(process.exitCode).toBeUndefined();
    expect(e.summary()).toContain('reused (Completed in an earlier attempt of this run; no new job)');
    expect(out.text()).toMatch(/reused training job churn-train-77-\w+: it already Completed/);
  });

  test('a failed job fails the step once with the reason; outputs still name the job', async () => {
    const e = start(training);
    const out = captureStdout();
    sm.on(DescribeTrainingJobCommand)
      .rejectsOnce(notFound())
      .callsFake((i: { TrainingJobName: string }) =>
        trainingDescription(i.TrainingJobName, {
          TrainingJobStatus: 'Failed',
          FailureReason: 'ClientError: no data',
        }),
      );
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    await run(overrides());
    expect(process.exitCode).toBe(1);
    const errors = out.lines().filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::train: training job churn-train-77-\w+ failed: ClientError: no data/,
    );
    expect(e.outputs()['status']).toBe('Failed');
  });

  test('environment values are masked before anything else is printed', async () => {
    start({ ...training, environment: 'API_TOKEN: s3cr3t-value\nEMPTY: ""', 'force-fail': 'true' });
    const out = captureStdout();
    await run(overrides());
    const lines = out.lines();
    expect(lines[0]).toBe('::add-mask::s3cr3t-value');
    expect(lines.filter((l) => l.includes('s3cr3t-value'))).toEqual(['::add-mask::s3cr3t-value']);
  });

  test('a multi-line environment value is masked whole and line by line', async () => {
    start({ ...training, environment: 'KEY: "line-one-x\\nline-two-y"', 'force-fail': 'true' });
    const out = captureStdout();
    await run(overrides());
    const masks = out.lines().filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toEqual([
      '::add-mask::line-one-x%0Aline-two-y',
      '::add-mask::line-one-x',
      '::add-mask::line-two-y',
    ]);
  });

  test('a failed job outputs no model-artifact and no outputs', async () => {
    const e = start(training);
    captureStdout();
    sm.on(DescribeTrainingJobCommand)
      .rejectsOnce(notFound())
      .callsFake((i: { TrainingJobName: string }) =>
        trainingDescription(i.TrainingJobName, { TrainingJobStatus: 'Failed', FailureReason: 'x' }),
      );
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    await run(overrides());
    expect(e.outputs()['status']).toBe('Failed');
    expect(e.outputs()['model-artifact']).toBe('');
    expect(e.outputs()['outputs']).toBe('{}');
    expect(e.summary()).not.toContain('model.tar.gz');
  });

  test('force-fail validates, then fails on purpose without any AWS call', async () => {
    start({ ...training, 'force-fail': 'true' });
    const out = captureStdout();
    await run(overrides());
    expect(process.exitCode).toBe(1);
    expect(out.text()).toContain(
      '::error::train: force-fail is set: this stage failed on purpose (inputs were validated; no AWS call was made)',
    );
    expect(anyAwsCall()).toBe(0);
  });

  test('SAGEMAKER_ACTIONS_POLL_INTERVAL: the job is looked at every interval, its end seen within one', async () => {
    start(training, { ...github, SAGEMAKER_ACTIONS_POLL_INTERVAL: '500ms' });
    captureStdout();
    const o = overrides();
    const t = fakeTime();
    const ends = t.clock.now() + 9_750;
    sm.on(DescribeTrainingJobCommand)
      .rejectsOnce(notFound())
      .callsFake((i: { TrainingJobName: string }) =>
        t.clock.now() >= ends ? completed(i.TrainingJobName) : trainingDescription(i.TrainingJobName),
      );
    sm.on(CreateTrainingJobCommand).resolves({
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/x',
    });
    await run({ ...o, clock: t.clock, sleep: t.sleep });
    expect(process.exitCode).toBeUndefined();
    expect(new Set(t.sleeps)).toEqual(new Set([500]));
    expect(t.clock.now() - ends).toBeGreaterThanOrEqual(0);
    expect(t.clock.now() - ends).toBeLessThanOrEqual(500);
  });

  test('a malformed SAGEMAKER_ACTIONS_POLL_INTERVAL fails the step before any AWS call', async () => {
    start(training, { ...github, SAGEMAKER_ACTIONS_POLL_INTERVAL: 'soon' });
    const out = captureStdout();
    await run(overrides());
    expect(process.exitCode).toBe(1);
    expect(out.text()).toContain(
      '::error::train: configuration error: environment variable SAGEMAKER_ACTIONS_POLL_INTERVAL="soon": expected a duration',
    );
    expect(anyAwsCall()).toBe(0);
  });

  test('force-fail with a bad input reports the bad input', async () => {
    start({ ...training, 'force-fail': 'true', 'instance-count': 'many' });
    const out = captureStdout();
    await run(overrides());
    expect(out.text()).toContain(
      `::error::train: configuration error: input 'instance-count': "many" is not valid`,
    );
  });

  test.each([
    [
      'unknown mode',
      { mode: 'batch' },
      `input 'mode': "batch" is not valid; expected one of: training-job, processing-job, pipeline`,
    ],
    ['malformed YAML', { hyperparameters: 'a: [' }, `input 'hyperparameters': not valid YAML or JSON`],
    [
      'non-numeric',
      { 'max-runtime-minutes': 'an hour' },
      `input 'max-runtime-minutes': "an hour" is not valid; expected a number`,
    ],
    ['invalid name', { 'job-name': '-bad' }, `input 'job-name': "-bad" is not valid`],
    [
      'invalid S3 URI',
      { 'output-path': 'https://bucket' },
      `input 'output-path': "https://bucket" is not valid; expected an S3 URI`,
    ],
    ['missing for the mode', { image: '' }, `input 'image' is required: mode 'training-job' needs it`],
  ])('bad input (%s) fails before any AWS call, one error, no stack trace', async (_l, bad, expected) => {
    start({ ...training, ...bad });
    const out = captureStdout();
    await run(overrides());
    expect(process.exitCode).toBe(1);
    const errors = out.lines().filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`train: configuration error: ${expected}`);
    expect(out.text()).not.toMatch(/\n\s+at /);
    expect(anyAwsCall()).toBe(0);
  });

  test('config file section gives defaults (and the stage label)', async () => {
    const e = start({ config: 'PLACEHOLDER' });
    const file = join(e.dir, 'kit.yml');
    writeFileSync(
      file,
      `defaults:\n  region: us-east-1\nxgb:\n  image: img:1\n  role-arn: arn:aws:iam::123456789012:role/R\n  output-path: s3://bucket/m\n  inputs: {train: s3://bucket/t/}\n  wait: false\n`,
    );
    process.env['INPUT_CONFIG'] = `${file}#xgb`;
    captureStdout();
    sm.on(DescribeTrainingJobCommand).rejects(notFound());
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    await run(overrides());
    expect(process.exitCode).toBeUndefined();
    expect(e.outputs()['job-name']).toMatch(/^churn-xgb-77-/);
    expect(e.outputs()['status']).toBe('InProgress');
  });

  test('SIGINT during the wait: Stop called, step fails as cancelled, process exits 1', async () => {
    start(training);
    const out = captureStdout();
    const o = overrides();
    let n = 0;
    sm.on(DescribeTrainingJobCommand).callsFake((i: { TrainingJobName: string }) => {
      n++;
      if (n === 1) throw notFound();
      if (n === 3) (o.signals as EventEmitter).emit('SIGINT');
      return trainingDescription(i.TrainingJobName);
    });
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    sm.on(StopTrainingJobCommand).resolves({});
    await run(o);
    expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
    expect(out.text()).toMatch(
      /::error::train: cancelled \(SIGINT\): stop requested for training job churn-train-77-/,
    );
    expect(o.exits).toEqual([1]);
  });
});

describe('train action runPost()', () => {
  test('main step did not finish: describes and stops the job', async () => {
    start(training);
    process.env['STATE_job-name'] = 'j1';
    process.env['STATE_job-kind'] = 'training';
    const out = captureStdout();
    sm.on(DescribeTrainingJobCommand).resolves(trainingDescription('j1'));
    sm.on(StopTrainingJobCommand).resolves({});
    await runPost();
    expect(sm.commandCalls(StopTrainingJobCommand)[0]!.args[0].input).toEqual({ TrainingJobName: 'j1' });
    expect(out.text()).toContain('post: stop requested for j1');
    expect(process.exitCode).toBeUndefined();
  });

  test('finished or detached in the main step: nothing to do, no AWS call', async () => {
    start(training);
    process.env['STATE_job-name'] = 'j1';
    process.env['STATE_finished'] = 'true';
    const out = captureStdout();
    await runPost();
    expect(anyAwsCall()).toBe(0);
    expect(out.text()).toContain('nothing to do');
  });

  test('no job started: nothing to do', async () => {
    start(training);
    captureStdout();
    await runPost();
    expect(anyAwsCall()).toBe(0);
  });

  test('state from a real main step (file commands) is honoured by the post step', async () => {
    const e = start({ ...training, wait: 'false' });
    captureStdout();
    sm.on(DescribeTrainingJobCommand).rejects(notFound());
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: 'arn' });
    await run(overrides());
    e.loadStateForPost();
    sm.reset();
    await runPost();
    expect(sm.calls()).toHaveLength(0); // detached: post must not stop it
  });
});

// Job log lines are printed between ::stop-commands:: markers: see test/unit/core/log.test.ts.
