/**
 * actions/train against sagemaker-local: the same code path as AWS, only AWS_ENDPOINT_URL differs.
 * run() in-process (real SDK, real HTTP, real jobs), and the committed bundle through
 * scripts/lib/run-action.mjs (main step, SIGINT, post step).
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeProcessingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startLocal, type LocalHandle } from '../../local/index.js';
import { removeDir, startEnv, type Env } from './local/helpers.js';
import { run } from '../../src/actions/train.js';
import { setupActionEnv, type ActionEnv } from '../helpers/action-env.js';
import { captureStdout } from '../helpers/capture.js';
// @ts-expect-error: plain ESM helper without type declarations
import { runActionBundle, runPostStep } from '../../scripts/lib/run-action.mjs';

// Real jobs run here (seconds each); project-level testTimeout is not applied to single files.
jest.setTimeout(120_000);

const ROLE = 'arn:aws:iam::000000000000:role/SageMakerRole';
const XGB_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const PY_IMAGE = '000000000000.dkr.ecr.us-east-1.amazonaws.com/python-processing:latest';
const BUCKET = 'train-it';

const PROCESS_PY = `
import pathlib, sys
rows = pathlib.Path('/opt/ml/processing/input/data/rows.csv'.replace('/opt/ml', __import__('os').environ.get('SM_LOCAL_ROOT', '/opt/ml'))).read_text().split()
print('processing', len(rows), 'rows')
print('with#011tab')
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
(out / 'count.txt').write_text(str(len(rows)))
`;
const FAIL_PY = `
import sys
print('about to fail')
raise ValueError('the label column is missing')
`;
const SLEEP_PY = `
import time
print('sleeping', flush=True)
time.sleep(120)
`;

function tinyCsv(): string {
  // label first, no header (the XGBoost CSV contract); separable so training is meaningful
  const rows: string[] = [];
  for (let i = 0; i < 60; i++) {
    const x = (i % 10) / 10;
    const y = ((i * 7) % 10) / 10;
    rows.push(`${x + y > 1 ? 1 : 0},${x.toFixed(2)},${y.toFixed(2)}`);
  }
  return rows.join('\n') + '\n';
}

let localEnv: Env | undefined;
let local: LocalHandle;
let dataDir: string;
let s3: S3Client;
let sm: SageMakerClient;
const awsEnv = (): Record<string, string> => ({
  AWS_ENDPOINT_URL: local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/train-it',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'train',
  GITHUB_RUN_ID: String(Date.now()),
});

beforeAll(async () => {
  localEnv = await startEnv({ stopGraceMs: 1000 });
  ({ local, dataDir, s3, sm } = localEnv);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const put = (Key: string, Body: string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  await put('code/process.py', PROCESS_PY);
  await put('code-fail/fail.py', FAIL_PY);
  await put('code-sleep/sleep.py', SLEEP_PY);
  await put('data/rows.csv', 'a\nb\nc\n');
  await put('xgb/train/train.csv', tinyCsv());
  await put('xgb/validation/validation.csv', tinyCsv());
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

const processing = (name: string, code = 'code', script = 'process.py') => ({
  mode: 'processing-job',
  'job-name': name,
  image: PY_IMAGE,
  'role-arn': ROLE,
  'instance-type': 'ml.m5.large',
  entrypoint: `python3 /opt/ml/processing/input/code/${script}`,
  arguments: '/opt/ml/processing/output/result',
  'processing-inputs': `code: s3://${BUCKET}/${code}/\ndata: s3://${BUCKET}/data/`,
  'processing-outputs': `result: s3://${BUCKET}/out/${name}/`,
});

async function runInProcess(
  inputs: Record<string, string>,
): Promise<{ env: ActionEnv; out: string; exitCode: number | undefined }> {
  env = setupActionEnv(inputs, awsEnv());
  const out = captureStdout();
  await run({ exit: () => {} });
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  return { env, out: out.text(), exitCode };
}

describe('train action on sagemaker-local', () => {
  test('processing job: inputs downloaded, script run, outputs uploaded, logs streamed', async () => {
    const r = await runInProcess(processing('it-proc-1'));
    expect(r.exitCode).toBeUndefined();
    const o = r.env.outputs();
    expect(o['status']).toBe('Completed');
    expect(JSON.parse(o['outputs']!)).toEqual({ result: `s3://${BUCKET}/out/it-proc-1/` });
    expect(r.out).toContain('processing 3 rows');
    expect(r.out).toContain('with\ttab');
    const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'out/it-proc-1/count.txt' }));
    expect(await obj.Body!.transformToString()).toBe('3');
    expect(r.env.summary()).toContain('processing job succeeded');
  });

  test('second run with the same job name reuses the Completed job (no new job)', async () => {
    const r = await runInProcess(processing('it-proc-1'));
    expect(r.exitCode).toBeUndefined();
    expect(r.out).toContain('reused processing job it-proc-1');
    expect(r.env.summary()).toContain('reused');
  });

  test('built-in XGBoost training on a tiny CSV: model artifact and final metrics', async () => {
    const r = await runInProcess({
      image: XGB_IMAGE,
      'role-arn': ROLE,
      'job-name': 'it-xgb-1',
      'output-path': `s3://${BUCKET}/models`,
      inputs: `train: s3://${BUCKET}/xgb/train/\nvalidation: s3://${BUCKET}/xgb/validation/`,
      'content-type': 'text/csv',
      hyperparameters: 'objective: binary:logistic\nnum_round: 5\neval_metric: auc\nmax_depth: 2',
    });
    expect(r.exitCode).toBeUndefined();
    const o = r.env.outputs();
    expect(o['status']).toBe('Completed');
    expect(o['model-artifact']).toBe(`s3://${BUCKET}/models/it-xgb-1/output/model.tar.gz`);
    const metrics = JSON.parse(o['metrics']!) as Record<string, number>;
    expect(Object.keys(metrics)).toContain('validation:auc');
    expect(r.out).toMatch(/\[\d\d:\d\d\] Training/);
  });

  test('failing job: the step fails with FailureReason and the last log lines', async () => {
    const r = await runInProcess(processing('it-fail-1', 'code-fail', 'fail.py'));
    expect(r.exitCode).toBe(1);
    const error = r.out.split('\n').find((l) => l.startsWith('::error::'))!;
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: 'it-fail-1' }));
    expect(d.ProcessingJobStatus).toBe('Failed');
    expect(error).toContain(`processing job it-fail-1 failed: ${d.FailureReason!.split('\n')[0]}`);
    expect(r.out).toContain('Last lines of the job log:');
    expect(r.out).toContain('ValueError: the label column is missing');
  });

  test('timeout-minutes: the job is stopped, then the step fails', async () => {
    const r = await runInProcess({
      ...processing('it-timeout-1', 'code-sleep', 'sleep.py'),
      'timeout-minutes': '0.05',
    });
    expect(r.exitCode).toBe(1);
    expect(r.out).toContain('processing job it-timeout-1 was stopped after 0.05 minutes (timeout-minutes)');
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: 'it-timeout-1' }));
    expect(['Stopping', 'Stopped']).toContain(d.ProcessingJobStatus);
  });

  test('detach, then a second run re-attaches to the running job', async () => {
    const first = await runInProcess({
      ...processing('it-attach-1', 'code-sleep', 'sleep.py'),
      wait: 'false',
    });
    expect(first.exitCode).toBeUndefined();
    expect(first.env.outputs()['status']).toBe('InProgress');
    env!.restore();
    env = undefined;
    const second = await runInProcess({
      ...processing('it-attach-1', 'code-sleep', 'sleep.py'),
      'timeout-minutes': '0.03',
    });
    expect(second.out).toContain('re-attached to processing job it-attach-1 (InProgress)');
    expect(second.exitCode).toBe(1); // the re-attached wait then times out and stops it
  });
});

describe('the committed bundle (scripts/lib/run-action.mjs)', () => {
  test('main step runs a processing job to completion', async () => {
    const r = await runActionBundle('actions/train', { inputs: processing('it-bundle-1'), env: awsEnv() });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.outputs['status']).toBe('Completed');
    expect(r.state).toMatchObject({ 'job-name': 'it-bundle-1', 'job-kind': 'processing', finished: 'true' });
    const post = await runPostStep('actions/train', r);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('nothing to do');
  });

  test('SIGINT (workflow cancelled): the job is stopped at once and the step exits non-zero', async () => {
    let sent = false;
    const r = await runActionBundle('actions/train', {
      inputs: processing('it-cancel-1', 'code-sleep', 'sleep.py'),
      env: awsEnv(),
      onStdout: (_c: string, child: { kill(s: string): void }, all: string) => {
        if (!sent && all.includes('sleeping')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'received SIGINT (workflow cancelled): stopping processing job it-cancel-1 now',
    );
    expect(r.stdout).toContain('::error::train: cancelled (SIGINT)');
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: 'it-cancel-1' }));
    expect(['Stopping', 'Stopped']).toContain(d.ProcessingJobStatus);
  });

  test('post step stops a job the main step left running (main step killed)', async () => {
    let killed = false;
    const main = await runActionBundle('actions/train', {
      inputs: processing('it-post-1', 'code-sleep', 'sleep.py'),
      env: awsEnv(),
      onStdout: (_c: string, child: { kill(s: string): void }, all: string) => {
        if (!killed && all.includes('sleeping')) {
          killed = true;
          child.kill('SIGKILL');
        }
      },
    });
    expect(main.signal).toBe('SIGKILL');
    expect(main.state['finished']).toBeUndefined();
    const post = await runPostStep('actions/train', main);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('post: stop requested for it-post-1');
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: 'it-post-1' }));
    expect(['Stopping', 'Stopped']).toContain(d.ProcessingJobStatus);
  });
});

describe('throttling and 5xx from the service (sagemaker-local fault injection)', () => {
  let faulty: LocalHandle;
  let faultyDir: string;
  beforeAll(async () => {
    faultyDir = mkdtempSync(join(tmpdir(), 'train-it-faults-'));
    faulty = await startLocal({
      port: 0,
      dataDir: faultyDir,
      logger: 'silent',
      stopGraceMs: 1000,
      faults: 'throttle=0.3,error=0.05',
      seed: 3,
    });
    const client = new S3Client({
      endpoint: faulty.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' },
      forcePathStyle: true,
      maxAttempts: 15,
    });
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'code/process.py', Body: PROCESS_PY }));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'data/rows.csv', Body: 'a\nb\n' }));
    client.destroy();
  });
  afterAll(async () => {
    await faulty?.stop();
    rmSync(faultyDir, { recursive: true, force: true });
  });

  test('a processing job completes although 30 % of calls are throttled and 5 % fail with 5xx', async () => {
    env = setupActionEnv(processing('it-faults-1'), { ...awsEnv(), AWS_ENDPOINT_URL: faulty.url });
    const out = captureStdout();
    await run({ exit: () => {} });
    expect(out.text()).not.toContain('::error::');
    expect(env.outputs()['status']).toBe('Completed');
    expect(out.text()).toContain('processing 2 rows');
  });
});
