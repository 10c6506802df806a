import { beforeEach, describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreatePipelineCommand,
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  DescribeTrainingJobCommand,
  ListPipelineExecutionStepsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
  type PipelineExecutionStep,
} from '@aws-sdk/client-sagemaker';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { pipelineApi } from '../../../../../src/sagemaker/pipelines.js';
import { trainingJobApi } from '../../../../../src/sagemaker/training.js';
import { readPipelineDefinition } from '../../../../../src/stages/train/pipeline/definition.js';
import { pipelineOutputs, pipelineSummary } from '../../../../../src/stages/train/pipeline/report.js';
import {
  runPipeline,
  stopLeftRunning,
  type PipelineRunDeps,
} from '../../../../../src/stages/train/pipeline/run.js';
import { fakeTime } from '../../../../helpers/fake-time.js';
import { completed } from '../../../../helpers/sagemaker-mocks.js';

const sm = mockClient(SageMakerClient);
const logs = mockClient(CloudWatchLogsClient);
const OLIST = new URL('../../../../../templates/olist/pipeline.json', import.meta.url).pathname;
const definition = readPipelineDefinition(
  readFileSync(OLIST, 'utf8'),
  'pipeline.json',
  'pipeline-definition',
);
const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/olist/execution/abcdefghijkl';
const TRAIN_ARN =
  'arn:aws:sagemaker:us-east-1:123456789012:training-job/pipelines-abcdefghijkl-trainxgboost-1';
const T0 = 1_700_000_000_000;

const step = (
  name: string,
  status: string,
  over: Partial<PipelineExecutionStep> = {},
): PipelineExecutionStep => ({
  StepName: name,
  StepStatus: status as never,
  StartTime: new Date(T0 + 1000),
  ...(status === 'Executing' ? {} : { EndTime: new Date(T0 + 5000) }),
  ...over,
});

interface Harness {
  deps: PipelineRunDeps;
  lines: string[];
  untrusted: string[];
  state: Record<string, string>;
  signals: EventEmitter;
  time: ReturnType<typeof fakeTime>;
}

function harness(): Harness {
  const time = fakeTime(T0);
  const lines: string[] = [];
  const untrusted: string[] = [];
  const state: Record<string, string> = {};
  const signals = new EventEmitter();
  const client = new SageMakerClient({ region: 'us-east-1' });
  const training = trainingJobApi(client);
  return {
    lines,
    untrusted,
    state,
    signals,
    time,
    deps: {
      api: pipelineApi(client),
      logsClient: async () => new CloudWatchLogsClient({ region: 'us-east-1' }),
      modelArtifact: async (name) => (await training.describe(name))?.modelArtifact,
      log: {
        info: (l) => lines.push(l),
        untrusted: (t) => untrusted.push(t),
        untrustedLine: (t) => untrusted.push(t),
        warning: (l) => lines.push(`warning: ${l}`),
      },
      saveState: (k, v) => (state[k] = v),
      signals,
      clock: time.clock,
      sleep: time.sleep,
      stopDelay: () => new Promise(() => {}),
    },
  };
}

const request = (over = {}) => ({
  pipelineName: 'olist',
  definition,
  parameters: [{ Name: 'AucThreshold', Value: '0.7' }],
  roleArn: 'arn:aws:iam::123456789012:role/R',
  token: 'gh-1-0123456789abcdef0123456789abcdef',
  wait: true,
  timeoutMs: undefined,
  streamLogs: true,
  ...over,
});

beforeEach(() => {
  sm.reset();
  logs.reset();
  sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: definition.json });
  sm.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
  sm.on(DescribeTrainingJobCommand).resolves(completed('pipelines-abcdefghijkl-trainxgboost-1'));
  logs
    .on(DescribeLogStreamsCommand)
    .resolves({ logStreams: [{ logStreamName: 'pipelines-abcdefghijkl-trainxgboost-1/algo-1-1700000000' }] });
  logs.on(GetLogEventsCommand).resolves({
    events: [{ message: '::set-output name=x::pwned' }, { message: '[0]#011train-auc:0.7' }],
    nextForwardToken: 'f1',
  });
});

describe('runPipeline with the SDK mocked', () => {
  test('upsert: unchanged definitions are not updated (key order does not matter); changed ones are; missing pipelines are created', async () => {
    const h = harness();
    sm.on(DescribePipelineExecutionCommand).resolves({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: 'Executing',
      CreationTime: new Date(T0 + 10),
    });
    sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [] });
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(definition.json)).reverse()),
    );
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: reordered });
    expect((await runPipeline(request({ wait: false }), h.deps)).upsert).toBe('unchanged');
    expect(sm.commandCalls(UpdatePipelineCommand)).toHaveLength(0);
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: '{"Version":"2020-12-01","Steps":[]}' });
    expect((await runPipeline(request({ wait: false }), h.deps)).upsert).toBe('updated');
    expect(sm.commandCalls(UpdatePipelineCommand)[0]!.args[0].input).toMatchObject({
      PipelineName: 'olist',
      PipelineDefinition: definition.json,
    });
    sm.on(DescribePipelineCommand).rejects(
      Object.assign(new Error("Pipeline 'olist' does not exist."), { name: 'ResourceNotFound' }),
    );
    expect((await runPipeline(request({ wait: false }), h.deps)).upsert).toBe('created');
    expect(sm.commandCalls(CreatePipelineCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/R',
    });
    const start = sm.commandCalls(StartPipelineExecutionCommand)[0]!.args[0].input;
    expect(start).toEqual({
      PipelineName: 'olist',
      ClientRequestToken: request().token,
      PipelineParameters: [{ Name: 'AucThreshold', Value: '0.7' }],
    });
    expect(h.state).toMatchObject({ 'pipeline-execution-arn': ARN, finished: 'detached' });
  });

  test('waits with per-step progress over paged steps, streams step logs as untrusted text, reports artifacts', async () => {
    const h = harness();
    const executing = [
      step('CIChecks', 'Succeeded'),
      step('TrainXGBoost', 'Executing', { Metadata: { TrainingJob: { Arn: TRAIN_ARN } } }),
    ];
    const done = [
      step('CIChecks', 'Succeeded'),
      step('TrainXGBoost', 'Succeeded', { Metadata: { TrainingJob: { Arn: TRAIN_ARN } } }),
      step('RegisterModel', 'Succeeded', {
        Metadata: { RegisterModel: { Arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1' } },
      }),
    ];
    let round = 0;
    sm.on(ListPipelineExecutionStepsCommand).callsFake((input: { NextToken?: string }) => {
      const all = round < 2 ? executing : done;
      // two pages: the first step, then the rest
      return input.NextToken
        ? { PipelineExecutionSteps: all.slice(1) }
        : { PipelineExecutionSteps: all.slice(0, 1), NextToken: 'p2' };
    });
    sm.on(DescribePipelineExecutionCommand).callsFake(() => ({
      PipelineExecutionArn: ARN,
      CreationTime: new Date(T0 + 10),
      PipelineExecutionStatus: ++round < 3 ? 'Executing' : 'Succeeded',
    }));
    const r = await runPipeline(request(), h.deps);
    expect(r.outcome).toEqual({ ok: true });
    expect(r.modelPackageArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1');
    expect(r.modelArtifact).toBe(
      's3://bucket/models/pipelines-abcdefghijkl-trainxgboost-1/output/model.tar.gz',
    );
    expect(h.lines).toEqual(
      expect.arrayContaining([
        'pipeline olist: definition unchanged (no update)',
        `pipeline execution ${ARN}: started with AucThreshold=0.7`,
        '✔ CIChecks: Succeeded in 4s',
        '▶ TrainXGBoost: Executing (training job pipelines-abcdefghijkl-trainxgboost-1)',
        '✔ TrainXGBoost: Succeeded in 4s (training job pipelines-abcdefghijkl-trainxgboost-1)',
      ]),
    );
    // job log lines never reach the step log as trusted text
    expect(h.untrusted).toContain('[TrainXGBoost] ::set-output name=x::pwned');
    expect(h.untrusted).toContain('[TrainXGBoost] [0]\ttrain-auc:0.7');
    expect(h.lines.join('\n')).not.toContain('set-output');
    expect(h.state['finished']).toBe('true');
    const outputs = pipelineOutputs(r);
    expect(JSON.parse(outputs['step-statuses']!)).toEqual({
      CIChecks: 'Succeeded',
      TrainXGBoost: 'Succeeded',
      RegisterModel: 'Succeeded',
    });
    expect(pipelineSummary(r, definition, 'us-east-1', 'pipeline')).toContain(
      '[training job](https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/pipelines-abcdefghijkl-trainxgboost-1)',
    );
  });

  test('a failed execution: the outcome names the failed step and its reason; the summary fences it', async () => {
    const h = harness();
    sm.on(ListPipelineExecutionStepsCommand).resolves({
      PipelineExecutionSteps: [
        step('ForcedCIFailure', 'Failed', {
          FailureReason: 'ForceFailCI is true',
          Metadata: { Fail: { ErrorMessage: 'ForceFailCI is true' } },
        }),
      ],
    });
    sm.on(DescribePipelineExecutionCommand).resolves({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: 'Failed',
      FailureReason: 'Step failure: One or multiple steps failed.',
    });
    const r = await runPipeline(request(), h.deps);
    expect(r.outcome).toEqual({
      ok: false,
      message: 'pipeline execution abcdefghijkl Failed: step ForcedCIFailure failed: ForceFailCI is true',
    });
    expect(h.untrusted).toContain('ForceFailCI is true');
    const md = pipelineSummary(r, definition, 'us-east-1', 'pipeline');
    expect(md).toContain('**ForcedCIFailure**\n\n```text\nForceFailCI is true\n```');
    expect(md).toContain(':::failed');
  });

  test('SIGINT: StopPipelineExecution once, with the token; the outcome is cancelled', async () => {
    const h = harness();
    sm.on(ListPipelineExecutionStepsCommand).resolves({
      PipelineExecutionSteps: [step('TrainXGBoost', 'Executing')],
    });
    sm.on(DescribePipelineExecutionCommand).resolves({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: 'Executing',
    });
    sm.on(StopPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    h.deps.sleep = async (_ms, signal) => {
      if (!signal?.aborted) h.signals.emit('SIGINT');
    };
    const r = await runPipeline(request(), h.deps);
    expect(r.outcome).toMatchObject({ ok: false, cancelled: true });
    expect(sm.commandCalls(StopPipelineExecutionCommand).map((c) => c.args[0].input)).toEqual([
      { PipelineExecutionArn: ARN, ClientRequestToken: request().token },
    ]);
    expect(h.lines.join('\n')).toContain(
      `received SIGINT (workflow cancelled): stopping pipeline execution ${ARN}`,
    );
    expect(h.state['finished']).toBe('false');
  });

  test('timeout-minutes: stops the execution and follows it to Stopped', async () => {
    const h = harness();
    let stopped = false;
    sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [] });
    sm.on(StopPipelineExecutionCommand).callsFake(() => {
      stopped = true;
      return { PipelineExecutionArn: ARN };
    });
    sm.on(DescribePipelineExecutionCommand).callsFake(() => ({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: stopped ? 'Stopped' : 'Executing',
    }));
    const r = await runPipeline(request({ timeoutMs: 60_000 }), h.deps);
    expect(stopped).toBe(true);
    expect(r.execution.status).toBe('Stopped');
    expect(r.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('did not finish within timeout-minutes'),
    });
  });

  test('the post step stops an execution left running, and only then', async () => {
    const lines: string[] = [];
    const api = pipelineApi(new SageMakerClient({ region: 'us-east-1' }));
    sm.on(DescribePipelineExecutionCommand).resolves({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: 'Executing',
    });
    sm.on(StopPipelineExecutionCommand).resolves({});
    await stopLeftRunning({ arn: ARN, token: 't', finished: 'false' }, api, (l) => lines.push(l));
    expect(sm.commandCalls(StopPipelineExecutionCommand)).toHaveLength(1);
    await stopLeftRunning({ arn: ARN, token: 't', finished: 'true' }, api, (l) => lines.push(l));
    await stopLeftRunning({ arn: '', token: '', finished: '' }, api, (l) => lines.push(l));
    sm.on(DescribePipelineExecutionCommand).resolves({
      PipelineExecutionArn: ARN,
      PipelineExecutionStatus: 'Stopped',
    });
    await stopLeftRunning({ arn: ARN, token: 't', finished: 'false' }, api, (l) => lines.push(l));
    expect(sm.commandCalls(StopPipelineExecutionCommand)).toHaveLength(1);
    expect(lines).toEqual([
      `post: StopPipelineExecution requested for ${ARN} (it was Executing)`,
      `post: pipeline execution ${ARN} finished or was detached; nothing to do`,
      'post: no pipeline execution was started; nothing to do',
      `post: pipeline execution ${ARN} is Stopped; nothing to stop`,
    ]);
  });
});
