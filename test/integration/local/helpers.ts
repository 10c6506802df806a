/** Shared fixtures for the sagemaker-local integration tests: a server on a free port, SDK clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client, CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  SageMakerClient,
  DescribeTrainingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { startLocal, type LocalHandle, type StartLocalOptions } from '../../../local/index.js';

export const ROLE = 'arn:aws:iam::000000000000:role/SageMakerRole';
export const XGB_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
export const FIXTURES = join(new URL('.', import.meta.url).pathname, 'fixtures');

export interface Env {
  local: LocalHandle;
  dataDir: string;
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts?: number;
    retryMode?: string;
  };
  s3: S3Client;
  sm: SageMakerClient;
  logs: CloudWatchLogsClient;
  cw: CloudWatchClient;
  close(): Promise<void>;
}

export async function startEnv(opts: StartLocalOptions = {}, dataDir?: string): Promise<Env> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'sml-it-'));
  const local = await startLocal({ port: 0, dataDir: dir, logger: 'silent', stopGraceMs: 2000, ...opts });
  const clientConfig = {
    endpoint: local.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' },
  };
  const s3 = new S3Client({ ...clientConfig, forcePathStyle: true });
  const sm = new SageMakerClient(clientConfig);
  const logs = new CloudWatchLogsClient(clientConfig);
  const cw = new CloudWatchClient(clientConfig);
  return {
    local,
    dataDir: dir,
    clientConfig,
    s3,
    sm,
    logs,
    cw,
    async close() {
      for (const c of [s3, sm, logs, cw]) c.destroy();
      await local.stop();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function putObjects(
  s3: S3Client,
  bucket: string,
  objects: Record<string, string | Buffer>,
): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((e: { name?: string }) => {
    if (e.name !== 'BucketAlreadyOwnedByYou' && e.name !== 'BucketAlreadyExists') throw e;
  });
  for (const [key, body] of Object.entries(objects))
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

const TERMINAL = new Set(['Completed', 'Failed', 'Stopped']);
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the job is terminal (bounded by attempts, not by wall-clock assertions). */
export async function waitTraining(sm: SageMakerClient, name: string, attempts = 1200) {
  for (let i = 0; i < attempts; i++) {
    const d = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    if (TERMINAL.has(d.TrainingJobStatus!)) return d;
    await pause(50);
  }
  throw new Error(`training job ${name} did not finish`);
}

export async function waitProcessing(sm: SageMakerClient, name: string, attempts = 1200) {
  for (let i = 0; i < attempts; i++) {
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
    if (TERMINAL.has(d.ProcessingJobStatus!)) return d;
    await pause(50);
  }
  throw new Error(`processing job ${name} did not finish`);
}

export async function waitTransform(sm: SageMakerClient, name: string, attempts = 1200) {
  for (let i = 0; i < attempts; i++) {
    const d = await sm.send(new DescribeTransformJobCommand({ TransformJobName: name }));
    if (TERMINAL.has(d.TransformJobStatus!)) return d;
    await pause(50);
  }
  throw new Error(`transform job ${name} did not finish`);
}

/** Polls a condition (bounded attempts). */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  attempts = 400,
  pauseMs = 50,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await pause(pauseMs);
  }
  throw new Error('condition not reached');
}
