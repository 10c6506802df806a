import { afterEach, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import {
  CreateModelPackageCommand,
  CreateTransformJobCommand,
  StopTransformJobCommand,
  CreateModelCommand,
} from '@aws-sdk/client-sagemaker';
import { Inputs } from '../../../../src/core/inputs.js';
import { parseEvaluateSettings } from '../../../../src/stages/evaluate/settings.js';
import { runEvaluation, type EvaluateDeps } from '../../../../src/stages/evaluate/run.js';
import { binaryData, tempDir } from '../../../helpers/evaluate-data.js';
import { fakeAws } from '../../../helpers/evaluate-fake-aws.js';
import { fakeTime } from '../../../helpers/fake-time.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const ARTIFACT = 's3://bucket/jobs/train-1/output/model.tar.gz';
const CHAMPION_ARTIFACT = 's3://bucket/jobs/train-0/output/model.tar.gz';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function settingsOf(values: Record<string, string>) {
  return parseEvaluateSettings(new Inputs((n) => values[n] ?? ''));
}

const data = binaryData(400, 11);
const testCsv = data.labels.map((y, i) => [y, ...data.features[i]!].join(',')).join('\n') + '\n';
/** The "model": score = clipped first feature; the worse champion adds noise from the second. */
const goodModel = (lines: string[]): string =>
  lines
    .map((l) => Math.min(1, Math.max(0, 0.5 + (Number(l.split(',')[0]) - 0.5) * 0.6)).toFixed(6))
    .join('\n') + '\n';
const weakModel = (lines: string[]): string =>
  lines.map((l) => Number(l.split(',')[1]).toFixed(6)).join('\n') + '\n';

function setup(opts: Parameters<typeof fakeAws>[0]) {
  const aws = fakeAws(opts);
  aws.objects.set('bucket/data/test/test.csv', testCsv);
  const workDir = tempDir('eval-work-');
  cleanups.push(
    () => aws.restore(),
    () => rmSync(workDir, { recursive: true, force: true }),
  );
  const time = fakeTime();
  const infos: string[] = [];
  const deps: EvaluateDeps = {
    env: {
      RUNNER_TEMP: workDir,
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: 'abc123',
      GITHUB_REPOSITORY: 'octo/churn',
    },
    aws: () => aws.clients,
    workDir,
    log: {
      info: (m) => infos.push(m),
      warning: (m) => infos.push(`warning: ${m}`),
      untrusted: (t) => infos.push(t),
      untrustedBlock: (title, t) => infos.push(`${title} ${t}`),
    },
    clock: time.clock,
    sleep: time.sleep,
    poll: { minDelayMs: 10, maxDelayMs: 20, budgetIntervalMs: 10 },
    bootstrap: { iterations: 200, seed: 1 },
  };
  return { aws, deps, time, infos };
}

const base = {
  'model-artifact': ARTIFACT,
  'test-data': 's3://bucket/data/test/test.csv',
  'role-arn': ROLE,
  region: 'us-east-1',
};

describe('transform flow', () => {
  it('creates the model, strips the label, runs the transform as agreed, and computes metrics from the .out', async () => {
    const { aws, deps } = setup({ predict: (_u, lines) => goodModel(lines) });
    const out = await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.7"}' }), deps);
    expect(out.decision.passed).toBe(true);
    expect(out.result!.rows).toBe(400);

    const create = aws.sm.commandCalls(CreateTransformJobCommand)[0]!.args[0].input;
    expect(create.TransformInput).toMatchObject({
      ContentType: 'text/csv',
      SplitType: 'Line',
      CompressionType: 'None',
    });
    expect(create.TransformOutput).toMatchObject({ AssembleWith: 'Line', Accept: 'text/csv' });
    expect(create).toMatchObject({ MaxPayloadInMB: 6, BatchStrategy: 'MultiRecord' });
    expect(create.TransformResources).toEqual({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1 });
    const model = aws.sm.commandCalls(CreateModelCommand)[0]!.args[0].input;
    expect(model.PrimaryContainer).toEqual({
      Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
      ModelDataUrl: ARTIFACT,
    });
    expect(model.ExecutionRoleArn).toBe(ROLE);

    // Features next to the test data (not inside its prefix), without the label column.
    const features = aws.objects.get('bucket/data/evaluate/42-1/features/part-0.csv')!;
    expect(features.split('\n')[0]).toBe(testCsv.split('\n')[0]!.split(',').slice(1).join(','));
    expect(out.reportUri).toBe('s3://bucket/jobs/train-1/output/evaluation/evaluation.json');
    expect(
      JSON.parse(aws.objects.get('bucket/jobs/train-1/output/evaluation/evaluation.json')!),
    ).toHaveProperty('binary_classification_metrics');
  });

  it('re-uses an existing model with the same artifact instead of creating it again', async () => {
    const { aws, deps } = setup({ predict: (_u, lines) => goodModel(lines) });
    await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.7"}' }), deps);
    await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.7"}' }), {
      ...deps,
      env: { ...deps.env, GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(aws.sm.commandCalls(CreateModelCommand)).toHaveLength(1);
    expect(aws.sm.commandCalls(CreateTransformJobCommand)).toHaveLength(2);
  });

  it('fails closed when the transform output has a different row count', async () => {
    const { deps } = setup({ predict: (_u, lines) => goodModel(lines.slice(1)) });
    const out = await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.5"}' }), deps);
    expect(out.decision.passed).toBe(false);
    expect(out.decision.decidedBy).toBe('fail-closed');
    expect(out.decision.reasons[0]).toMatch(/399 predictions for 400 input rows/);
    expect(out.result).toBeUndefined();
  });

  it('fails closed on a NaN prediction, naming the output file and line', async () => {
    const { deps } = setup({ predict: (_u, lines) => goodModel(lines).replace(/^.*$/m, 'NaN') });
    const out = await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.5"}' }), deps);
    expect(out.decision.passed).toBe(false);
    expect(out.decision.reasons[0]).toMatch(/part-0\.csv\.out:1/);
  });

  it('stops the transform job and fails on timeout-minutes', async () => {
    const { aws, deps } = setup({
      predict: (_u, lines) => goodModel(lines),
      finalStatus: 'InProgress',
      inProgressPolls: 1e9,
    });
    const slow = { ...deps, poll: { minDelayMs: 5_000, maxDelayMs: 30_000 } };
    await expect(
      runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.5"}', 'timeout-minutes': '1' }), slow),
    ).rejects.toThrow(/did not finish within 1m 00s/);
    expect(aws.sm.commandCalls(StopTransformJobCommand)).toHaveLength(1);
  });

  it('stops the transform job when the workflow is cancelled (abort signal)', async () => {
    const { aws, deps } = setup({
      predict: (_u, lines) => goodModel(lines),
      finalStatus: 'InProgress',
      inProgressPolls: 1e9,
    });
    const controller = new AbortController();
    let sleeps = 0;
    const sleep = async (): Promise<void> => {
      if (++sleeps === 3) controller.abort();
    };
    await expect(
      runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.5"}' }), {
        ...deps,
        sleep,
        signal: controller.signal,
      }),
    ).rejects.toThrow(/cancelled/);
    expect(aws.sm.commandCalls(StopTransformJobCommand).length).toBeGreaterThanOrEqual(1);
  });

  it('reports a failed transform job with its reason', async () => {
    const { deps } = setup({ predict: (_u, lines) => goodModel(lines), finalStatus: 'Failed' });
    await expect(runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.5"}' }), deps)).rejects.toThrow(
      /ended Failed: ClientError: bad input/,
    );
  });
});

describe('champion / challenger', () => {
  it('scores a champion with a usable artifact on the same rows (DeLong + paired bootstrap) and rejects a worse candidate', async () => {
    const { aws, deps } = setup({
      predict: (url, lines) => (url === CHAMPION_ARTIFACT ? goodModel(lines) : weakModel(lines)),
      packages: [
        {
          arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1',
          approval: 'Approved',
          modelDataUrl: CHAMPION_ARTIFACT,
        },
      ],
    });
    const out = await runEvaluation(
      settingsOf({
        ...base,
        thresholds: '{auc: ">= 0.4"}',
        'model-package-group': 'g',
        'max-regression': '{auc: 0.01, accuracy: 0.01}',
      }),
      deps,
    );
    expect(aws.sm.commandCalls(CreateTransformJobCommand)).toHaveLength(2);
    const auc = out.decision.comparisons.find((c) => c.metric === 'auc')!;
    expect(auc.method).toBe('delong');
    expect(out.decision.comparisons.find((c) => c.metric === 'accuracy')!.method).toBe('paired-bootstrap');
    expect(auc.diff).toBeLessThan(0);
    expect(out.decision.passed).toBe(false);
    expect(out.decision.decidedBy).toMatch(/max-regression auc/);
    expect(out.champion!.arn).toMatch(/model-package\/g\/1$/);
  });

  it('without a usable champion artifact compares with its registered metrics (no CI) and says so', async () => {
    const good = setup({ predict: (_u, lines) => goodModel(lines) });
    const first = await runEvaluation(settingsOf({ ...base, thresholds: '{auc: ">= 0.4"}' }), good.deps);
    const report = JSON.stringify(first.result!.report);
    const { aws, deps } = setup({
      predict: (_u, lines) => weakModel(lines),
      packages: [
        {
          arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1',
          approval: 'Approved',
          reportUri: 's3://bucket/champ/evaluation.json',
        },
      ],
    });
    aws.objects.set('bucket/champ/evaluation.json', report);
    const out = await runEvaluation(
      settingsOf({
        ...base,
        thresholds: '{auc: ">= 0.4"}',
        'model-package-group': 'g',
        'max-regression': '{auc: 0.01}',
      }),
      deps,
    );
    expect(aws.sm.commandCalls(CreateTransformJobCommand)).toHaveLength(1);
    const auc = out.decision.comparisons.find((c) => c.metric === 'auc')!;
    expect(auc.method).toBe('registered-metrics');
    expect(auc.champion).toBeCloseTo(first.result!.metrics['auc']!, 12);
    expect(out.championHow).toMatch(/registered metrics.*plain difference/);
    expect(out.notes.join('\n')).toMatch(/not a usable model\.tar\.gz/);
    expect(out.decision.passed).toBe(false);
  });

  it('with no approved champion says so and gates on thresholds alone', async () => {
    const { deps } = setup({ predict: (_u, lines) => goodModel(lines), groupExists: true });
    const out = await runEvaluation(
      settingsOf({ ...base, thresholds: '{auc: ">= 0.7"}', 'model-package-group': 'g' }),
      deps,
    );
    expect(out.champion).toBeUndefined();
    expect(out.decision.passed).toBe(true);
    expect(out.notes.join('\n')).toMatch(/no Approved package in g/);
  });
});

describe('register', () => {
  it('creates the group when missing and registers Approved when approve-on-pass and the gate passed', async () => {
    const { aws, deps } = setup({ predict: (_u, lines) => goodModel(lines) });
    const out = await runEvaluation(
      settingsOf({
        ...base,
        thresholds: '{auc: ">= 0.7"}',
        'model-package-group': 'churn',
        register: 'true',
        'approve-on-pass': 'true',
      }),
      { ...deps, env: { ...deps.env, GITHUB_EVENT_NAME: 'push' } },
    );
    expect(out.modelPackageArn).toMatch(/model-package\/churn\/1$/);
    const input = aws.sm.commandCalls(CreateModelPackageCommand)[0]!.args[0].input;
    expect(input.ModelApprovalStatus).toBe('Approved');
    expect(input.InferenceSpecification).toEqual({
      Containers: [
        {
          Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
          ModelDataUrl: ARTIFACT,
        },
      ],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    });
    expect(input.ModelMetrics).toEqual({
      ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: out.reportUri } },
    });
    expect(input.CustomerMetadataProperties).toMatchObject({
      commit: 'abc123',
      gate_result: 'passed',
      run_url: 'https://github.com/octo/churn/actions/runs/42/attempts/1',
    });
  });

  it('registers PendingManualApproval when the gate failed, even with approve-on-pass', async () => {
    const { aws, deps } = setup({ predict: (_u, lines) => weakModel(lines), groupExists: true });
    const out = await runEvaluation(
      settingsOf({
        ...base,
        thresholds: '{auc: ">= 0.9"}',
        'model-package-group': 'churn',
        register: 'true',
        'approve-on-pass': 'true',
      }),
      deps,
    );
    expect(out.decision.passed).toBe(false);
    const input = aws.sm.commandCalls(CreateModelPackageCommand)[0]!.args[0].input;
    expect(input.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(input.CustomerMetadataProperties!['gate_result']).toBe('failed');
  });
});
