/**
 * Olist end to end on sagemaker-local: generate a small Olist data set (6,000 orders, seed 42),
 * preprocess it, train the built-in XGBoost on sagemaker-local, deploy it with data capture
 * (actions/deploy), write a baseline (actions/monitor-gate mode baseline), then replay traffic
 * with templates/olist/replay.ts and gate it with actions/monitor-gate mode check:
 *
 * - 400 production rows spread over the split's months, with injected drift (freight doubled, every
 *   order from a customer state the model never saw) and their labels as ground truth → drift
 *   violations, model quality computed from the production labels, ONE drift issue opened on a
 *   fake GitHub API (local/rehearse/github-api.ts on 127.0.0.1); the same check re-run (same run
 *   id) writes nothing, a later failing run comments on the same issue.
 * - 400 clean validation rows (the months right after the baseline's) → the check passes,
 *   comments on the issue and closes it.
 *
 * Sizes are kept small for a shared 2-core machine (the full production split is ~40,000 rows).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { generate } from '../../../templates/olist/generator/generate.js';
import { replay } from '../../../templates/olist/replay.js';
import { startGitHubApi, type GitHubApiStub } from '../../../local/rehearse/github-api.js';
import { run as deployRun } from '../../../src/actions/deploy.js';
import { run as monitorRun } from '../../../src/actions/monitor-gate.js';
import { runWithInputs, type ActionRun } from '../../helpers/evaluate-harness.js';
import {
  ROLE,
  XGB_IMAGE,
  eventually,
  putObjects,
  removeDir,
  startEnv,
  waitTraining,
  type Env,
} from '../local/helpers.js';

jest.setTimeout(600_000);

const PYTHON = process.env['OLIST_PYTHON'] ?? '/usr/bin/python3';
const CODE = resolve('templates/olist/code');
const ready = spawnSync(PYTHON, ['-c', 'import pandas, xgboost'], { encoding: 'utf8' }).status === 0;
if (!ready)
  console.warn(`SKIPPED olist monitor test: ${PYTHON} cannot import pandas/xgboost (set OLIST_PYTHON)`);
const suite = ready ? describe : describe.skip;

const BUCKET = 'olist-monitor';
const ENDPOINT = 'olist-ep';
const REPO = 'octo/olist';
const ROWS = 400;
let env: Env;
let gh: GitHubApiStub;
let root: string;
let rt: SageMakerRuntimeClient;
let splits: string;

const awsEnv = (runId: string): Record<string, string> => ({
  AWS_ENDPOINT_URL: env.local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: REPO,
  GITHUB_SHA: 'abcdef1234567890',
  GITHUB_RUN_ID: runId,
  GITHUB_API_URL: gh.url,
});

function uploadDir(dir: string, prefix: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[`${prefix}/${relative(dir, p)}`] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

/** Every data-capture record under the endpoint's folder (inference ids). */
async function capturedIds(): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await env.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `capture/${ENDPOINT}/`, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) {
      const body = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: o.Key }));
      for (const line of (await body.Body!.transformToString()).split('\n'))
        if (line.trim())
          ids.push(
            (JSON.parse(line) as { eventMetadata: { inferenceId?: string } }).eventMetadata.inferenceId ?? '',
          );
    }
    token = page.NextContinuationToken;
  } while (token);
  return ids;
}

const waitCaptured = (n: number) =>
  eventually(async () => ((await capturedIds()).length >= n ? true : undefined), 600, 100);

const check = (runId: string, since: string, extra: Record<string, string> = {}): Promise<ActionRun> =>
  runWithInputs(
    {
      mode: 'check',
      'endpoint-name': ENDPOINT,
      'capture-uri': `s3://${BUCKET}/capture/${ENDPOINT}`,
      since,
      'baseline-statistics': `s3://${BUCKET}/monitor/baseline/statistics.json`,
      'baseline-constraints': `s3://${BUCKET}/monitor/baseline/constraints.json`,
      'ground-truth-uri': `s3://${BUCKET}/ground-truth`,
      'quality-thresholds': '{auc: ">= 0.55"}',
      'min-join-rate': '0.9',
      'github-token': 'ghs_fake',
      ...extra,
    },
    () => monitorRun({ exit: () => undefined }),
    awsEnv(runId),
  );

/** An ISO time at a whole second, after every record captured so far. */
async function nextSecond(): Promise<string> {
  const t = Math.ceil((Date.now() + 1) / 1000) * 1000;
  await new Promise((r) => setTimeout(r, t - Date.now() + 50));
  return new Date(t).toISOString();
}

beforeAll(async () => {
  if (!ready) return;
  root = mkdtempSync(join(tmpdir(), 'olist-monitor-'));
  env = await startEnv({ python: PYTHON });
  gh = await startGitHubApi(REPO);
  rt = new SageMakerRuntimeClient(env.clientConfig);
  await generate({ outDir: join(root, 'raw'), orders: 6000, seed: 42 });
  const pre = spawnSync(
    PYTHON,
    [
      join(CODE, 'preprocess.py'),
      '--input-dir',
      join(root, 'raw'),
      '--output-dir',
      join(root, 'out'),
      '--no-eda',
    ],
    { encoding: 'utf8' },
  );
  expect(pre.status).toBe(0);
  splits = join(root, 'out', 'splits');
  await putObjects(env.s3, BUCKET, uploadDir(splits, 'olist/splits'));
});

afterAll(async () => {
  rt?.destroy();
  await gh?.stop();
  if (env) {
    await env.close();
    removeDir(env.dataDir);
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

suite('olist: drift on a sagemaker-local endpoint opens and closes one drift issue', () => {
  test('train, deploy with capture, baseline, drifted production traffic, clean traffic', async () => {
    // Train the built-in XGBoost (the template's hyperparameters) on sagemaker-local.
    await env.sm.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'olist-xgb',
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: XGB_IMAGE, TrainingInputMode: 'File' },
        HyperParameters: {
          max_depth: '5',
          eta: '0.2',
          gamma: '4',
          min_child_weight: '6',
          subsample: '0.8',
          objective: 'binary:logistic',
          num_round: '50',
          eval_metric: 'auc',
        },
        InputDataConfig: ['train', 'validation'].map((c) => ({
          ChannelName: c,
          ContentType: 'text/csv',
          DataSource: {
            S3DataSource: {
              S3DataType: 'S3Prefix',
              S3Uri: `s3://${BUCKET}/olist/splits/${c}/`,
              S3DataDistributionType: 'FullyReplicated',
            },
          },
        })),
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/olist/models/` },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    const job = await waitTraining(env.sm, 'olist-xgb', 6000);
    expect(job.TrainingJobStatus).toBe('Completed');
    const artifact = job.ModelArtifacts!.S3ModelArtifacts!;

    // Deploy with data capture (every request).
    const dep = await runWithInputs(
      {
        'endpoint-name': ENDPOINT,
        'model-artifact': artifact,
        image: XGB_IMAGE,
        'role-arn': ROLE,
        'data-capture-percent': '100',
        'data-capture-uri': `s3://${BUCKET}/capture`,
      },
      () => deployRun({ exit: () => {}, poll: { minDelayMs: 100, maxDelayMs: 300 } }),
      awsEnv('1'),
    );
    expect(dep.failure).toBeUndefined();
    expect(dep.failed).toBe(false);

    // Baseline from the train split's features (header, no label).
    const base = await runWithInputs(
      {
        mode: 'baseline',
        'baseline-data': `s3://${BUCKET}/olist/splits/baseline/baseline.csv`,
        'output-uri': `s3://${BUCKET}/monitor/baseline`,
      },
      () => monitorRun({ exit: () => undefined }),
      awsEnv('1'),
    );
    expect(base.failure).toBeUndefined();
    expect(base.outputs['constraints-uri']).toBe(`s3://${BUCKET}/monitor/baseline/constraints.json`);

    // 1. Drifted production traffic with its labels.
    const t0 = await nextSecond();
    const drifted = await replay({
      splitsDir: splits,
      split: 'production',
      limit: ROWS,
      drift: { freightFactor: 2, unseenState: true },
      endpointName: ENDPOINT,
      runtime: rt,
      s3: env.s3,
      groundTruthUri: `s3://${BUCKET}/ground-truth`,
    });
    expect(drifted).toMatchObject({ sent: ROWS, failed: 0 });
    await waitCaptured(ROWS);

    const bad = await check('10', t0);
    expect(bad.failed).toBe(true);
    expect(bad.outputs['passed']).toBe('false');
    const violations = JSON.parse(bad.outputs['violations']!) as {
      feature_name: string;
      constraint_check_type: string;
    }[];
    const drift = violations
      .filter((v) => v.constraint_check_type === 'baseline_drift_check')
      .map((v) => v.feature_name);
    expect(drift).toEqual(expect.arrayContaining(['total_freight', 'freight_ratio', 'customer_state=SP']));
    // Model quality from the production labels, joined by inference id.
    const metrics = JSON.parse(bad.outputs['metrics']!) as {
      records: number;
      join_rate: number;
      quality: Record<string, number | null>;
    };
    expect(metrics.records).toBe(ROWS);
    expect(metrics.join_rate).toBe(1);
    expect(metrics.quality['auc']).toBeGreaterThan(0.6);
    expect(metrics.quality['auc']).toBeLessThan(0.9);
    const qKey = bad.outputs['report-uri']!.replace(
      /^s3:\/\/[^/]+\/(.*)constraint_violations\.json$/,
      '$1model_quality_statistics.json',
    );
    const qReport = JSON.parse(
      await (
        await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: qKey }))
      ).Body!.transformToString(),
    ) as { binary_classification_metrics: { auc: { value: number } } };
    expect(qReport.binary_classification_metrics.auc.value).toBeCloseTo(metrics.quality['auc']!, 10);
    expect(bad.summary).toMatch(/join rate 100\.0%/);
    expect(bad.outputs['issue-number']).toBe('100');
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ state: 'open', labels: ['model-drift'] });
    expect(gh.issues[0]!.title).toContain(ENDPOINT);
    expect(gh.issues[0]!.body).toMatch(/total\\?_freight/); // Markdown-escaped underscore

    // The same check re-run (same run id): no second issue, no comment.
    const again = await check('10', t0);
    expect(again.outputs['issue-number']).toBe('100');
    expect(gh.issues).toHaveLength(1);
    expect(gh.comments).toHaveLength(0);
    // A later failing run comments on the open issue.
    const later = await check('11', t0);
    expect(later.failed).toBe(true);
    expect(gh.issues).toHaveLength(1);
    expect(gh.comments).toHaveLength(1);

    // A quality bar the model cannot meet is a model_quality_check violation (no issue: no token).
    const strict = await check('13', t0, { 'quality-thresholds': '{auc: ">= 0.99"}', 'github-token': '' });
    expect(strict.failed).toBe(true);
    expect(JSON.parse(strict.outputs['violations']!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ feature_name: 'auc', constraint_check_type: 'model_quality_check' }),
      ]),
    );
    expect(gh.comments).toHaveLength(1);

    // 2. Clean traffic: validation rows, the months right after the baseline's.
    const t1 = await nextSecond();
    const clean = await replay({
      splitsDir: splits,
      split: 'validation',
      limit: ROWS,
      endpointName: ENDPOINT,
      runtime: rt,
      s3: env.s3,
      groundTruthUri: `s3://${BUCKET}/ground-truth`,
    });
    expect(clean).toMatchObject({ sent: ROWS, failed: 0 });
    await waitCaptured(2 * ROWS);
    const good = await check('12', t1);
    expect(good.failure).toBeUndefined();
    expect(good.outputs['passed']).toBe('true');
    expect(good.outputs['violations-count']).toBe('0');
    expect(good.outputs['issue-number']).toBe('100');
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.state).toBe('closed');
    expect(gh.comments).toHaveLength(2);
  });
});
