/**
 * actions/train `mode: pipeline` on sagemaker-local with the Olist reference pipeline
 * (templates/olist/pipeline.json) on generated Olist data: success with a registered package,
 * ForceFailCI through its Fail step, an AUC threshold the model cannot meet, cancel mid-execution
 * (Stopped, nothing left running), and a re-run attaching to the same execution.
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  DescribeModelPackageCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelineExecutionsCommand,
} from '@aws-sdk/client-sagemaker';
import { generate } from '../../templates/olist/generator/generate.js';
import { eventually, putObjects, removeDir, startEnv, type Env } from './local/helpers.js';
import { run, runPost } from '../../src/actions/train.js';
import { setupActionEnv, type ActionEnv } from '../helpers/action-env.js';
import { captureStdout } from '../helpers/capture.js';

jest.setTimeout(300_000);

const PYTHON = process.env['OLIST_PYTHON'] ?? '/usr/bin/python3';
const CODE = resolve('templates/olist/code');
const ROLE = 'arn:aws:iam::000000000000:role/SageMakerPipelineRole';
const ready = spawnSync(PYTHON, ['-c', 'import pandas, sklearn, xgboost'], { encoding: 'utf8' }).status === 0;
if (!ready) console.warn(`SKIPPED train pipeline tests: ${PYTHON} cannot import pandas/sklearn/xgboost`);
const suite = ready ? describe : describe.skip;

let localEnv: Env;
let work: string;
beforeAll(async () => {
  if (!ready) return;
  work = mkdtempSync(join(tmpdir(), 'train-pipeline-'));
  await generate({ outDir: join(work, 'raw'), orders: 3000, seed: 7 });
  const pre = spawnSync(
    PYTHON,
    [
      join(CODE, 'preprocess.py'),
      '--input-dir',
      join(work, 'raw'),
      '--output-dir',
      join(work, 'out'),
      '--no-eda',
    ],
    {
      encoding: 'utf8',
    },
  );
  if (pre.status !== 0) throw new Error(`preprocess.py failed: ${pre.stderr}`);
  localEnv = await startEnv({ stopGraceMs: 1000 });
  const objects: Record<string, Buffer> = {};
  const splits = join(work, 'out', 'splits');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)],
    );
  for (const f of walk(splits)) objects[`olist/splits/${relative(splits, f)}`] = readFileSync(f);
  for (const f of readdirSync(CODE).filter((f) => f.endsWith('.py')))
    objects[`olist/code/${f}`] = readFileSync(join(CODE, f));
  await putObjects(localEnv.s3, 'sagemaker-actions-olist', objects);
});
afterAll(async () => {
  await localEnv?.close();
  if (localEnv) removeDir(localEnv.dataDir);
  if (work) rmSync(work, { recursive: true, force: true });
});

let env: ActionEnv | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
});

const awsEnv = (runId: string): Record<string, string> => ({
  AWS_ENDPOINT_URL: localEnv.local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/olist',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'pipeline',
  GITHUB_RUN_ID: runId,
  GITHUB_ACTION: 'pipeline',
});

const inputs = (pipeline: string, params: string, extra: Record<string, string> = {}) => ({
  mode: 'pipeline',
  'pipeline-name': pipeline,
  'pipeline-definition': 'templates/olist/pipeline.json',
  'pipeline-parameters': params,
  'role-arn': ROLE,
  ...extra,
});

async function runAction(
  input: Record<string, string>,
  runId: string,
  signals?: EventEmitter,
): Promise<{ env: ActionEnv; out: string; exitCode: number | undefined }> {
  env = setupActionEnv(input, awsEnv(runId));
  const out = captureStdout();
  // Fast polling against the local emulator (the defaults are 2-15 s for AWS).
  await run({
    exit: () => {},
    sleep: (ms, signal) => fastSleep(ms, signal),
    ...(signals ? { signals } : {}),
    stopDelay: () => new Promise(() => {}),
  });
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  return { env, out: out.text(), exitCode };
}

function fastSleep(_ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 150);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

const errorLine = (out: string): string => out.split('\n').find((l) => l.startsWith('::error::')) ?? '';

suite('train action, mode pipeline, on the Olist reference pipeline', () => {
  test('ForceFailCI=false: Succeeded, the model registered PendingManualApproval, summary with the DAG', async () => {
    const r = await runAction(inputs('olist', 'ForceFailCI: false\nAucThreshold: 0.5'), 'run-1');
    expect(errorLine(r.out)).toBe('');
    expect(r.exitCode).toBeUndefined();
    const o = r.env.outputs();
    expect(o['status']).toBe('Succeeded');
    expect(JSON.parse(o['step-statuses']!)).toEqual({
      CIChecks: 'Succeeded',
      ForceFailCICheck: 'Succeeded',
      TrainXGBoost: 'Succeeded',
      EvaluateModel: 'Succeeded',
      AUCQualityGate: 'Succeeded',
      RegisterModel: 'Succeeded',
    });
    expect(o['model-artifact']).toMatch(
      /^s3:\/\/sagemaker-actions-olist\/olist\/models\/pipelines-[a-z0-9]+-trainxgboost-[a-f0-9]+\/output\/model\.tar\.gz$/,
    );
    const pkg = await localEnv.sm.send(
      new DescribeModelPackageCommand({ ModelPackageName: o['model-package-arn']! }),
    );
    expect(pkg.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri).toMatch(/\/evaluation\/evaluation\.json$/);
    expect(r.out).toContain('pipeline olist: created from the definition file');
    expect(r.out).toMatch(/✔ TrainXGBoost: Succeeded in .* \(training job pipelines-/);
    expect(r.out).toContain('[TrainXGBoost] '); // the training job's log, streamed
    const summary = r.env.summary();
    expect(summary).toContain('```mermaid\nflowchart TD');
    expect(summary).toMatch(/RegisterModel<br\/><small>RegisterModel · Succeeded/);
    expect(summary).toMatch(/ForcedCIFailure<br\/><small>Fail · not run<\/small>"\]:::notrun/);
  });

  test('ForceFailCI=true: Failed at the Fail step with its message; nothing trained', async () => {
    const r = await runAction(inputs('olist', 'ForceFailCI: "true"'), 'run-2');
    expect(r.exitCode).toBe(1);
    expect(r.env.outputs()['status']).toBe('Failed');
    const statuses = JSON.parse(r.env.outputs()['step-statuses']!) as Record<string, string>;
    expect(statuses).toEqual({
      CIChecks: 'Succeeded',
      ForceFailCICheck: 'Succeeded',
      ForcedCIFailure: 'Failed',
    });
    expect(errorLine(r.out)).toContain(
      'step ForcedCIFailure failed: ForceFailCI is true: the CI stage failed on purpose',
    );
    expect(r.out).toContain('pipeline olist: definition unchanged (no update)');
    expect(r.env.summary()).toContain('#### Failure reasons');
    expect(r.env.outputs()['model-package-arn']).toBe('');
  });

  test('an AUC threshold the model cannot meet: Failed at FailQualityGate, nothing registered', async () => {
    const r = await runAction(inputs('olist', 'AucThreshold: 0.99'), 'run-3');
    expect(r.exitCode).toBe(1);
    const statuses = JSON.parse(r.env.outputs()['step-statuses']!) as Record<string, string>;
    expect(statuses['FailQualityGate']).toBe('Failed');
    expect(statuses['RegisterModel']).toBeUndefined();
    expect(errorLine(r.out)).toContain('step FailQualityGate failed: Model did not meet the AUC threshold');
    // the training step's cache (CacheConfig, same arguments) was hit: the artifact is the first run's
    expect(r.out).toMatch(/✔ TrainXGBoost: Succeeded in .* \(cache hit: reused execution [a-z0-9]{12}\)/);
  });

  test('bad pipeline-parameters fail before anything is created or started', async () => {
    const before = (
      await localEnv.sm.send(new ListPipelineExecutionsCommand({ PipelineName: 'olist', MaxResults: 100 }))
    ).PipelineExecutionSummaries!.length;
    const r = await runAction(inputs('olist', 'AucThreshold: high\nNope: 1'), 'run-4');
    expect(r.exitCode).toBe(1);
    expect(errorLine(r.out)).toContain("input 'pipeline-parameters': 'AucThreshold' is Float");
    expect(errorLine(r.out)).toContain("'Nope' is not a parameter of the pipeline");
    const after = (
      await localEnv.sm.send(new ListPipelineExecutionsCommand({ PipelineName: 'olist', MaxResults: 100 }))
    ).PipelineExecutionSummaries!.length;
    expect(after).toBe(before);
  });

  test('cancel mid-execution: StopPipelineExecution, the execution ends Stopped, nothing left running; post has nothing to do', async () => {
    const signals = new EventEmitter();
    const sm = localEnv.sm;
    // a separate pipeline, so the training step is not a cache hit of the runs above
    const pending = runAction(inputs('olist-cancel', ''), 'run-5', signals);
    const training = await eventually(
      async () => {
        const list = await sm
          .send(new ListPipelineExecutionsCommand({ PipelineName: 'olist-cancel' }))
          .catch(() => undefined);
        const arn = list?.PipelineExecutionSummaries?.[0]?.PipelineExecutionArn;
        if (!arn) return undefined;
        const steps = await sm.send(new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn }));
        const t = steps.PipelineExecutionSteps?.find(
          (s) => s.StepName === 'TrainXGBoost' && s.StepStatus === 'Executing',
        );
        return t ? arn : undefined;
      },
      1200,
      100,
    );
    signals.emit('SIGINT');
    const r = await pending;
    expect(r.exitCode).toBe(1);
    expect(r.out).toContain('received SIGINT (workflow cancelled): stopping pipeline execution');
    const d = await eventually(
      async () => {
        const x = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: training }));
        return x.PipelineExecutionStatus === 'Stopped' ? x : undefined;
      },
      600,
      100,
    );
    expect(d.PipelineExecutionStatus).toBe('Stopped');
    await eventually(async () => (localEnv.local.context.processes.size === 0 ? true : undefined));
    const steps = (await sm.send(new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: training })))
      .PipelineExecutionSteps!;
    expect(steps.find((s) => s.StepName === 'TrainXGBoost')!.StepStatus).toBe('Stopped');
    // the post step sees the saved execution and finds it already stopped
    r.env.loadStateForPost();
    const out = captureStdout();
    await runPost();
    expect(out.text()).toContain(`post: pipeline execution ${training} is Stopped; nothing to stop`);
  });

  test('a re-run of the same run attaches to the same execution instead of starting another', async () => {
    const first = await runAction(inputs('olist-rerun', 'AucThreshold: 0.5', { wait: 'false' }), 'run-6');
    expect(first.exitCode).toBeUndefined();
    const arn = first.env.outputs()['execution-arn']!;
    expect(first.env.outputs()['status']).toBe('Executing');
    env!.restore();
    env = undefined;
    const second = await runAction(inputs('olist-rerun', 'AucThreshold: 0.5'), 'run-6');
    expect(second.env.outputs()['execution-arn']).toBe(arn);
    expect(second.out).toContain(
      `pipeline execution ${arn}: attached to the execution this run started earlier`,
    );
    expect(second.env.outputs()['status']).toBe('Succeeded');
    const all = await localEnv.sm.send(new ListPipelineExecutionsCommand({ PipelineName: 'olist-rerun' }));
    expect(all.PipelineExecutionSummaries!.map((e) => e.PipelineExecutionArn)).toEqual([arn]);
  });
});
