/**
 * actions/evaluate against sagemaker-local, the same code path as AWS (only AWS_ENDPOINT_URL
 * differs): train a small XGBoost with the train action → evaluate it with a batch transform →
 * register it (approve-on-pass) → a second, worse model is rejected against the approved champion
 * with max-regression, on a paired DeLong test of the two models' scores on the same rows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { LocalHandle } from '../../local/index.js';
import { removeDir, startEnv, type Env } from './local/helpers.js';
import { run as train } from '../../src/actions/train.js';
import { run as evaluate } from '../../src/actions/evaluate.js';
import { setupActionEnv, type ActionEnv } from '../helpers/action-env.js';
import { captureStdout } from '../helpers/capture.js';
// @ts-expect-error: plain ESM helper without type declarations
import { runActionBundle } from '../../scripts/lib/run-action.mjs';

const ROLE = 'arn:aws:iam::000000000000:role/SageMakerRole';
const XGB_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const BUCKET = 'evaluate-it';
const GROUP = 'churn-it';

/** XOR-like labels with 10% noise: depth-3 trees learn it, a single stump cannot. Label first, no header. */
function csv(n: number, seed: number): string {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rnd();
    const x2 = rnd();
    const x3 = rnd();
    let y = x1 > 0.5 !== x2 > 0.5 ? 1 : 0;
    if (rnd() < 0.1) y = 1 - y;
    rows.push(`${y},${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(4)}`);
  }
  return rows.join('\n') + '\n';
}

let localEnv: Env | undefined;
let local: LocalHandle;
let dataDir: string;
let s3: S3Client;
let sm: SageMakerClient;
let runId = 0;
const awsEnv = (): Record<string, string> => ({
  AWS_ENDPOINT_URL: local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/evaluate-it',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'evaluate',
  GITHUB_RUN_ID: `${Date.now()}${++runId}`,
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: '0123456789abcdef',
});

beforeAll(async () => {
  localEnv = await startEnv({ stopGraceMs: 1000 });
  ({ local, dataDir, s3, sm } = localEnv);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const put = (Key: string, Body: string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  await put('data/train/train.csv', csv(600, 1));
  await put('data/validation/validation.csv', csv(200, 2));
  await put('data/test/test.csv', csv(400, 3));
});

afterAll(async () => {
  await localEnv?.close();
  if (dataDir) removeDir(dataDir);
});

let env: ActionEnv | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
});

async function inProcess(
  body: () => Promise<void>,
  inputs: Record<string, string>,
): Promise<{ outputs: Record<string, string>; summary: string; out: string; exitCode: number | undefined }> {
  env?.restore();
  env = setupActionEnv(inputs, { ...awsEnv(), RUNNER_TEMP: mkdtempSync(join(dataDir, 'runner-')) });
  const out = captureStdout();
  await body();
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { outputs: env.outputs(), summary: env.summary(), out: out.text(), exitCode };
}

async function trainModel(name: string, hyperparameters: string): Promise<string> {
  const r = await inProcess(() => train({ exit: () => {} }), {
    image: XGB_IMAGE,
    'role-arn': ROLE,
    'job-name': name,
    'output-path': `s3://${BUCKET}/models`,
    inputs: `train: s3://${BUCKET}/data/train/\nvalidation: s3://${BUCKET}/data/validation/`,
    'content-type': 'text/csv',
    hyperparameters,
  });
  expect(r.exitCode).toBeUndefined();
  return r.outputs['model-artifact']!;
}

const fast = {
  poll: { minDelayMs: 200, maxDelayMs: 1000, budgetIntervalMs: 500 },
  bootstrap: { iterations: 300, seed: 3 },
};

describe('evaluate action on sagemaker-local', () => {
  let championArn: string;

  test('train → evaluate with a batch transform → register Approved (approve-on-pass)', async () => {
    const artifact = await trainModel(
      'it-eval-good',
      'objective: binary:logistic\nnum_round: 30\nmax_depth: 3\neta: 0.3',
    );
    const r = await inProcess(() => evaluate(fast), {
      'model-artifact': artifact,
      'test-data': `s3://${BUCKET}/data/test/test.csv`,
      'role-arn': ROLE,
      thresholds: '{auc: ">= 0.8"}',
      'model-package-group': GROUP,
      register: 'true',
      'approve-on-pass': 'true',
      'timeout-minutes': '10',
    });
    expect(r.out).not.toContain('::error::');
    expect(r.exitCode).toBeUndefined();
    expect(r.outputs['passed']).toBe('true');
    const metrics = JSON.parse(r.outputs['metrics']!) as Record<string, number>;
    expect(metrics['auc']).toBeGreaterThan(0.8);
    expect(r.outputs['champion-package-arn']).toBe('');
    expect(r.outputs['report-uri']).toBe(artifact.replace(/model\.tar\.gz$/, 'evaluation/evaluation.json'));
    championArn = r.outputs['model-package-arn']!;
    expect(championArn).toMatch(new RegExp(`model-package/${GROUP}/1$`));

    const pkg = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: championArn }));
    expect(pkg.ModelApprovalStatus).toBe('Approved');
    expect(pkg.InferenceSpecification?.Containers?.[0]).toMatchObject({
      Image: XGB_IMAGE,
      ModelDataUrl: artifact,
    });
    expect(pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri).toBe(r.outputs['report-uri']);
    expect(pkg.CustomerMetadataProperties).toMatchObject({
      commit: '0123456789abcdef',
      gate_result: 'passed',
    });
    const key = r.outputs['report-uri']!.slice(`s3://${BUCKET}/`.length);
    const report = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString(),
    );
    expect(report['binary_classification_metrics']['auc']['value']).toBeCloseTo(metrics['auc']!, 12);
    expect(r.summary).toContain('```mermaid');
  }, 240_000);

  test('a second, worse model is rejected against the approved champion (paired DeLong, max-regression)', async () => {
    expect(championArn).toBeDefined();
    const artifact = await trainModel(
      'it-eval-weak',
      'objective: binary:logistic\nnum_round: 1\nmax_depth: 1',
    );
    const r = await inProcess(() => evaluate(fast), {
      'model-artifact': artifact,
      'test-data': `s3://${BUCKET}/data/test/`,
      'role-arn': ROLE,
      thresholds: '{auc: ">= 0.3"}',
      'model-package-group': GROUP,
      'max-regression': '{auc: 0.02}',
      register: 'true',
      'approve-on-pass': 'true',
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['passed']).toBe('false');
    expect(r.outputs['champion-package-arn']).toBe(championArn);
    const error = r.out.split('\n').find((l) => l.startsWith('::error::'))!;
    expect(error).toContain('max-regression auc');
    expect(r.summary).toMatch(/AUC 0\.\d+ vs champion 0\.\d+, -0\.\d+, 95% CI \[-0\.\d+, -0\.\d+\]/);
    expect(r.summary).toContain('paired tests');
    // Registered for the record, but not approved: the champion stays the champion.
    const pkg = await sm.send(
      new DescribeModelPackageCommand({ ModelPackageName: r.outputs['model-package-arn']! }),
    );
    expect(pkg.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(pkg.CustomerMetadataProperties?.['gate_result']).toBe('failed');
  }, 240_000);
});

describe('the committed bundle (actions/evaluate -> dist/evaluate.js)', () => {
  test('runs like the runner runs it, with local files only, no AWS configuration and without the AWS SDK', async () => {
    const dir = mkdtempSync(join(dataDir, 'bundle-'));
    const test = csv(300, 9);
    writeFileSync(join(dir, 'test.csv'), test);
    // A decent score: the XOR rule with a little blur.
    const preds = test
      .trim()
      .split('\n')
      .map((l) => {
        const [, a, b] = l.split(',').map(Number);
        return (a! > 0.5 !== b! > 0.5 ? 0.8 : 0.2) + (a! - 0.5) * 0.1;
      });
    writeFileSync(join(dir, 'preds.csv'), preds.map((p) => p.toFixed(4)).join('\n') + '\n');
    // A copy of the repository's actions/evaluate and dist/ keeping only the chunks the evaluate
    // entry loads at start (listed in dist/index.js), not the lazily loaded ones (the AWS SDK,
    // @actions/github): local paths must not need them.
    const repo = join(dir, 'repo');
    const bundle = join(repo, 'actions', 'evaluate');
    cpSync('actions/evaluate', bundle, { recursive: true });
    cpSync('dist', join(repo, 'dist'), { recursive: true });
    const index = readFileSync(join(repo, 'dist', 'index.js'), 'utf8');
    const startChunks = /"?evaluate"?:\(\)=>Promise\.all\(\[([^\]]*)\]/.exec(index)?.[1];
    expect(startChunks).toBeDefined();
    const keep = new Set([...startChunks!.matchAll(/\.e\((\d+)\)/g)].map((m) => `${m[1]}.index.js`));
    expect(keep.size).toBeGreaterThan(0);
    let removed = 0;
    for (const f of readdirSync(join(repo, 'dist')))
      if (/^\d+\.index\.js$/.test(f) && !keep.has(f)) {
        rmSync(join(repo, 'dist', f));
        removed++;
      }
    expect(removed).toBeGreaterThan(0);
    const r = await runActionBundle(bundle, {
      inputs: {
        'test-data': join(dir, 'test.csv'),
        predictions: join(dir, 'preds.csv'),
        thresholds: '{auc: ">= 0.75"}',
      },
      env: {
        RUNNER_TEMP: dir,
        AWS_REGION: undefined,
        AWS_DEFAULT_REGION: undefined,
        AWS_ENDPOINT_URL: undefined,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        GITHUB_EVENT_NAME: 'push',
      },
    });
    expect(r.stdout).not.toContain('::error::');
    expect(r.code).toBe(0);
    expect(r.outputs['passed']).toBe('true');
    expect(JSON.parse(r.outputs['metrics'])['auc']).toBeGreaterThan(0.75);
    expect(r.summary).toContain('## Evaluate: ✅ **passed**');
  }, 60_000);
});
