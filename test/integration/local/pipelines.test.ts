/**
 * SageMaker Pipelines on sagemaker-local through the real SDK: a definition in the SageMaker
 * Python SDK's own format (every step type, parameters of every type, Get/Join/JsonGet, DependsOn,
 * conditions with If/Else branches, caching) runs for real; the API behaves as AWS documents.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  DescribeModelPackageCommand,
  DescribePipelineCommand,
  DescribePipelineDefinitionForExecutionCommand,
  DescribePipelineExecutionCommand,
  DescribeProcessingJobCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelineExecutionsCommand,
  ListPipelineParametersForExecutionCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
  type PipelineExecutionStep,
} from '@aws-sdk/client-sagemaker';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  FIXTURES as LOCAL_FIXTURES,
  ROLE,
  eventually,
  putObjects,
  removeDir,
  startEnv,
  type Env,
} from './helpers.js';

jest.setTimeout(240_000);

const FIXTURES = new URL('../../fixtures/pipelines/', import.meta.url).pathname;
const DEFINITION = readFileSync(`${FIXTURES}sdk-pipeline.json`, 'utf8');
const BUCKET = 'sdk-fixture';

function rawCsv(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = (i % 17) / 17;
    const y = ((i * 7) % 13) / 13;
    rows.push(`${x + y > 1 ? 1 : 0},${x.toFixed(3)},${y.toFixed(3)}`);
  }
  return rows.join('\n') + '\n';
}

let env: Env;
beforeAll(async () => {
  env = await startEnv();
  await putObjects(env.s3, BUCKET, {
    'raw/raw.csv': rawCsv(200),
    'code/preprocess.py': readFileSync(`${FIXTURES}preprocess.py`),
    'code/audit.py': readFileSync(`${FIXTURES}audit.py`),
    'code/sleep.py': readFileSync(`${LOCAL_FIXTURES}/sleep_script.py`),
  });
  await env.sm.send(
    new CreatePipelineCommand({ PipelineName: 'sdk-format', PipelineDefinition: DEFINITION, RoleArn: ROLE }),
  );
});
afterAll(async () => {
  await env?.close();
  if (env) removeDir(env.dataDir);
});

async function waitExecution(arn: string) {
  return eventually(
    async () => {
      const d = await env.sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
      return ['Succeeded', 'Failed', 'Stopped'].includes(d.PipelineExecutionStatus!) ? d : undefined;
    },
    2400,
    100,
  );
}

async function allSteps(arn: string): Promise<PipelineExecutionStep[]> {
  const out: PipelineExecutionStep[] = [];
  let NextToken: string | undefined;
  do {
    const page = await env.sm.send(
      new ListPipelineExecutionStepsCommand({
        PipelineExecutionArn: arn,
        MaxResults: 2,
        NextToken,
        SortOrder: 'Ascending',
      }),
    );
    out.push(...(page.PipelineExecutionSteps ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

const overlap = (a: PipelineExecutionStep, b: PipelineExecutionStep): boolean =>
  a.StartTime!.getTime() < b.EndTime!.getTime() && b.StartTime!.getTime() < a.EndTime!.getTime();

describe('an SDK-format definition runs for real', () => {
  let first: string;

  test('every step type, in dependency order, independent steps in parallel', async () => {
    ({ PipelineExecutionArn: first } = (await env.sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'sdk-format',
        PipelineParameters: [{ Name: 'Rounds', Value: '4' }],
        PipelineExecutionDisplayName: 'first-run',
      }),
    )) as { PipelineExecutionArn: string });
    expect(first).toMatch(
      /^arn:aws:sagemaker:us-east-1:000000000000:pipeline\/sdk-format\/execution\/[a-z0-9]{12}$/,
    );
    const d = await waitExecution(first);
    const steps = await allSteps(first);
    const by = Object.fromEntries(steps.map((s) => [s.StepName!, s]));
    expect(d.PipelineExecutionStatus).toBe('Succeeded');
    expect(d.PipelineExperimentConfig).toEqual({
      ExperimentName: 'sdk-format',
      TrialName: first.split('/').pop(),
    });
    expect(steps.map((s) => [s.StepName, s.StepStatus])).toEqual([
      ['Preprocess', 'Succeeded'],
      ['Audit', 'Succeeded'],
      ['Train', 'Succeeded'],
      ['CreateModel-CreateModel', 'Succeeded'],
      ['BatchScore', 'Succeeded'],
      ['CheckData', 'Succeeded'],
      ['RegisterModel-RegisterModel', 'Succeeded'],
    ]);
    expect(by['Preprocess']!.StepDisplayName).toBe('Preprocess data');
    expect(by['Preprocess']!.Metadata?.ProcessingJob?.Arn).toMatch(
      /processing-job\/pipelines-[a-z0-9]{12}-preprocess-/,
    );
    expect(by['Train']!.Metadata?.TrainingJob?.Arn).toMatch(/training-job\//);
    expect(by['CreateModel-CreateModel']!.Metadata?.Model?.Arn).toMatch(/:model\//);
    expect(by['BatchScore']!.Metadata?.TransformJob?.Arn).toMatch(/transform-job\//);
    expect(by['CheckData']!.Metadata?.Condition?.Outcome).toBe('True');
    // Audit (1 s) and Train start together once Preprocess is done
    expect(overlap(by['Audit']!, by['Train']!)).toBe(true);
    // the registered package points at the trained model and at the execution that made it
    const pkg = await env.sm.send(
      new DescribeModelPackageCommand({
        ModelPackageName: by['RegisterModel-RegisterModel']!.Metadata!.RegisterModel!.Arn!,
      }),
    );
    expect(pkg.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(pkg.MetadataProperties?.GeneratedBy).toBe(first);
    expect(pkg.InferenceSpecification?.Containers?.[0]?.ModelDataUrl).toMatch(
      /\/model\/pipelines-.*\/output\/model\.tar\.gz$/,
    );
    // the transform really scored the test features
    const id = first.split('/').pop();
    const scores = await env.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `sdk-run/${id}/scores/test.csv.out` }),
    );
    expect((await scores.Body!.transformToString()).trim().split('\n')).toHaveLength(60);
    // parameters as given and defaulted
    const params = await env.sm.send(
      new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: first, MaxResults: 100 }),
    );
    expect(params.PipelineParameters).toEqual(
      expect.arrayContaining([
        { Name: 'Rounds', Value: '4' },
        { Name: 'Eta', Value: '0.3' },
      ]),
    );
    const def = await env.sm.send(
      new DescribePipelineDefinitionForExecutionCommand({ PipelineExecutionArn: first }),
    );
    expect(def.PipelineDefinition).toBe(DEFINITION);
  });

  test('a second run hits the step cache (same arguments), one step at a time', async () => {
    const { PipelineExecutionArn: second } = await env.sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'sdk-format',
        PipelineParameters: [{ Name: 'Rounds', Value: '4' }],
        ParallelismConfiguration: { MaxParallelExecutionSteps: 1 },
      }),
    );
    expect((await waitExecution(second!)).PipelineExecutionStatus).toBe('Succeeded');
    const steps = await allSteps(second!);
    const by = Object.fromEntries(steps.map((s) => [s.StepName!, s]));
    expect(by['Preprocess']!.CacheHitResult?.SourcePipelineExecutionArn).toBe(first);
    expect(by['Preprocess']!.Metadata).toEqual(
      (await allSteps(first)).find((s) => s.StepName === 'Preprocess')!.Metadata,
    );
    // Train's arguments reference Preprocess's (cached, identical) output: a hit too
    expect(by['Train']!.CacheHitResult?.SourcePipelineExecutionArn).toBe(first);
    expect(by['Audit']!.CacheHitResult).toBeUndefined();
    for (let i = 0; i < steps.length; i++)
      for (let j = i + 1; j < steps.length; j++) expect(overlap(steps[i]!, steps[j]!)).toBe(false);
    // a different hyperparameter is a cache miss for Train only
    const { PipelineExecutionArn: third } = await env.sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'sdk-format',
        PipelineParameters: [{ Name: 'Rounds', Value: '3' }],
      }),
    );
    expect((await waitExecution(third!)).PipelineExecutionStatus).toBe('Succeeded');
    const third3 = Object.fromEntries((await allSteps(third!)).map((s) => [s.StepName!, s]));
    expect(third3['Preprocess']!.CacheHitResult).toBeDefined();
    expect(third3['Train']!.CacheHitResult).toBeUndefined();
  });

  test('the Else branch: a Fail step with a joined message fails the execution', async () => {
    const { PipelineExecutionArn: arn } = await env.sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'sdk-format',
        PipelineParameters: [
          { Name: 'MinRows', Value: '100000' },
          { Name: 'Rounds', Value: '4' },
        ],
      }),
    );
    const d = await waitExecution(arn!);
    expect(d.PipelineExecutionStatus).toBe('Failed');
    expect(d.FailureReason).toBe('Step failure: One or multiple steps failed.');
    const steps = await allSteps(arn!);
    const fail = steps.find((s) => s.StepName === 'NotEnoughData')!;
    expect(fail.StepStatus).toBe('Failed');
    expect(fail.FailureReason).toBe('Only 200 rows; need at least 100000');
    expect(fail.Metadata?.Fail?.ErrorMessage).toBe('Only 200 rows; need at least 100000');
    expect(steps.find((s) => s.StepName === 'RegisterModel-RegisterModel')).toBeUndefined();
    const list = await env.sm.send(
      new ListPipelineExecutionsCommand({ PipelineName: 'sdk-format', MaxResults: 100 }),
    );
    expect(list.PipelineExecutionSummaries![0]).toMatchObject({
      PipelineExecutionArn: arn,
      PipelineExecutionStatus: 'Failed',
      PipelineExecutionFailureReason: 'Step failure: One or multiple steps failed.',
    });
  });
});

const sleepDefinition = JSON.stringify({
  Version: '2020-12-01',
  Parameters: [],
  Steps: [
    {
      Name: 'Sleep',
      Type: 'Processing',
      Arguments: {
        ProcessingResources: {
          ClusterConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
        },
        AppSpecification: {
          ImageUri: 'some/image:1',
          ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/sleep.py'],
        },
        RoleArn: ROLE,
        ProcessingInputs: [
          {
            InputName: 'code',
            S3Input: {
              S3Uri: `s3://${BUCKET}/code/sleep.py`,
              LocalPath: '/opt/ml/processing/input/code',
              S3DataType: 'S3Prefix',
              S3InputMode: 'File',
            },
          },
        ],
      },
    },
    { Name: 'After', Type: 'Fail', Arguments: { ErrorMessage: 'never reached' }, DependsOn: ['Sleep'] },
  ],
});

describe('the Pipelines API', () => {
  test('StopPipelineExecution stops the running job; the execution ends Stopped, nothing left running', async () => {
    await env.sm.send(
      new CreatePipelineCommand({
        PipelineName: 'sleeper',
        PipelineDefinition: sleepDefinition,
        RoleArn: ROLE,
      }),
    );
    const { PipelineExecutionArn: arn } = await env.sm.send(
      new StartPipelineExecutionCommand({ PipelineName: 'sleeper' }),
    );
    const running = await eventually(async () => {
      const s = (await allSteps(arn!))[0];
      return s?.StepStatus === 'Executing' ? s : undefined;
    });
    const job = running.Metadata!.ProcessingJob!.Arn!.split('/').pop()!;
    await eventually(async () =>
      (await env.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: job })))
        .ProcessingJobStatus === 'InProgress' && env.local.context.processes.size > 0
        ? true
        : undefined,
    );
    await env.sm.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(
      (await env.sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })))
        .PipelineExecutionStatus,
    ).toMatch(/Stopping|Stopped/);
    const d = await waitExecution(arn!);
    expect(d.PipelineExecutionStatus).toBe('Stopped');
    const steps = await allSteps(arn!);
    expect(steps.map((s) => [s.StepName, s.StepStatus])).toEqual([['Sleep', 'Stopped']]);
    expect(
      (await env.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: job }))).ProcessingJobStatus,
    ).toBe('Stopped');
    // nothing left running (a transform server of an earlier test may take a moment to exit)
    await eventually(async () => (env.local.context.processes.size === 0 ? true : undefined));
    await expect(
      env.sm.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  test('StartPipelineExecution is idempotent on ClientRequestToken; parameters are checked', async () => {
    const token = 'run-12345-attempt-token-0000000000';
    const start = (params: { Name: string; Value: string }[]) =>
      env.sm.send(
        new StartPipelineExecutionCommand({
          PipelineName: 'sleeper',
          ClientRequestToken: token,
          PipelineParameters: params,
        }),
      );
    await env.sm.send(
      new UpdatePipelineCommand({
        PipelineName: 'sleeper',
        PipelineDefinition: sleepDefinition.replace(
          '"Parameters":[]',
          '"Parameters":[{"Name":"N","Type":"Integer","DefaultValue":1}]',
        ),
      }),
    );
    const a = await start([{ Name: 'N', Value: '2' }]);
    const b = await start([{ Name: 'N', Value: '2' }]);
    expect(b.PipelineExecutionArn).toBe(a.PipelineExecutionArn);
    await expect(start([{ Name: 'N', Value: '3' }])).rejects.toMatchObject({ name: 'ConflictException' });
    await env.sm.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: a.PipelineExecutionArn }));
    await waitExecution(a.PipelineExecutionArn!);
    const bad = (params: { Name: string; Value: string }[]) =>
      env.sm.send(new StartPipelineExecutionCommand({ PipelineName: 'sleeper', PipelineParameters: params }));
    await expect(bad([{ Name: 'N', Value: '1.5' }])).rejects.toThrow(/'1.5' is not a valid Integer/);
    await expect(bad([{ Name: 'Nope', Value: '1' }])).rejects.toThrow(
      /not declared by the pipeline \(declared: N\)/,
    );
    expect(
      (await env.sm.send(new DescribePipelineCommand({ PipelineName: 'sleeper' }))).PipelineDefinition,
    ).toContain('"Name":"N"');
  });

  test('create/describe/list/delete: errors as AWS, List pages before filtering', async () => {
    await expect(
      env.sm.send(
        new CreatePipelineCommand({
          PipelineName: 'sleeper',
          PipelineDefinition: sleepDefinition,
          RoleArn: ROLE,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('already exists'),
    });
    await expect(
      env.sm.send(
        new CreatePipelineCommand({
          PipelineName: 'broken',
          PipelineDefinition: '{"Steps": [{"Name": "A", "Type": "Tuning"}]}',
          RoleArn: ROLE,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("'Tuning' is not supported"),
    });
    await expect(env.sm.send(new DescribePipelineCommand({ PipelineName: 'missing' }))).rejects.toMatchObject(
      { name: 'ResourceNotFound' },
    );
    const arn = (await env.sm.send(new DescribePipelineCommand({ PipelineName: 'sdk-format' }))).PipelineArn!;
    expect((await env.sm.send(new DescribePipelineCommand({ PipelineName: arn }))).PipelineName).toBe(
      'sdk-format',
    );
    // newest first; a page of one that holds 'sleeper' filtered out by the prefix is empty + NextToken
    const page = await env.sm.send(new ListPipelinesCommand({ PipelineNamePrefix: 'sdk', MaxResults: 1 }));
    expect(page.PipelineSummaries).toEqual([]);
    expect(page.NextToken).toBeDefined();
    const next = await env.sm.send(
      new ListPipelinesCommand({ PipelineNamePrefix: 'sdk', MaxResults: 1, NextToken: page.NextToken }),
    );
    expect(next.PipelineSummaries!.map((p) => p.PipelineName)).toEqual(['sdk-format']);
    expect(next.PipelineSummaries![0]!.LastExecutionTime).toBeInstanceOf(Date);
    await env.sm.send(new DeletePipelineCommand({ PipelineName: 'sleeper' }));
    await expect(env.sm.send(new DescribePipelineCommand({ PipelineName: 'sleeper' }))).rejects.toMatchObject(
      { name: 'ResourceNotFound' },
    );
  });
});

describe('restart', () => {
  test('an execution running when sagemaker-local stops reads Failed after a restart, with the reason', async () => {
    const own = await startEnv();
    try {
      await putObjects(own.s3, BUCKET, {
        'code/sleep.py': readFileSync(`${LOCAL_FIXTURES}/sleep_script.py`),
      });
      await own.sm.send(
        new CreatePipelineCommand({
          PipelineName: 'sleeper',
          PipelineDefinition: sleepDefinition,
          RoleArn: ROLE,
        }),
      );
      const { PipelineExecutionArn: arn } = await own.sm.send(
        new StartPipelineExecutionCommand({ PipelineName: 'sleeper' }),
      );
      await eventually(async () => (own.local.context.processes.size > 0 ? true : undefined));
      await own.close();
      const again = await startEnv({}, own.dataDir);
      try {
        const d = await again.sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
        expect(d.PipelineExecutionStatus).toBe('Failed');
        expect(d.FailureReason).toMatch(/sagemaker-local restarted while the pipeline execution was running/);
        const steps = await again.sm.send(
          new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn }),
        );
        expect(steps.PipelineExecutionSteps!.map((s) => s.StepStatus)).toEqual(['Failed']);
      } finally {
        await again.close();
      }
    } finally {
      removeDir(own.dataDir);
    }
  });
});
