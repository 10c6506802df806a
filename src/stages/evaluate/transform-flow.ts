import { join } from 'node:path';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import { StageFailure } from '../../core/errors.js';
import type { ProblemType } from '../../metrics/types.js';
import { DataError, readPredictions } from '../../metrics/read.js';
import type { Clock, Sleep } from '../../aws/poller.js';
import { systemClock } from '../../aws/poller.js';
import { ensureModel } from '../../sagemaker/models.js';
import { deterministicModelName, transformJobName } from '../../sagemaker/naming.js';
import { startTransformJob, waitForTransformJob, type PollSchedule } from '../../sagemaker/transform.js';
import { writeFeatures } from './features.js';
import { downloadObject, listKeys, uploadFile } from '../../aws/s3.js';

export interface TransformContext {
  sm: SageMakerClient;
  s3: S3Client;
  /** The workflow run id (models are named after it, so re-runs re-use them). */
  runId: string;
  /** Identifies this attempt of the run (run id + attempt, or a local id): names jobs and S3 paths. */
  runKey: string;
  roleArn: string;
  instanceType: string;
  workDir: string;
  /** Absolute deadline (clock ms) for all transform jobs; undefined = none. */
  deadline?: number | undefined;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
  /** Poll bounds (tests pass small numbers). */
  poll?: PollSchedule | undefined;
  log: (message: string) => void;
  /** Names of transform jobs in progress (so a cancelled workflow can stop them). */
  activeJobs?: Set<string>;
}

export interface FeaturesUpload {
  bucket: string;
  key: string;
  uri: string;
  /** `s3://bucket/.../features/`: the transform input prefix (holds only this file). */
  prefixUri: string;
  rows: number;
  /** `s3://bucket/<base>evaluate/<run>/` under which the outputs go. */
  workPrefix: string;
}

/** `a/b/c/file.csv` → `a/b/` (the parent of the folder holding the file or prefix). */
export function siblingBase(key: string, isPrefix: boolean): string {
  const parts = key.split('/').filter((p) => p !== '');
  const folder = isPrefix ? parts : parts.slice(0, -1);
  const parent = folder.slice(0, -1);
  return parent.length ? `${parent.join('/')}/` : '';
}

/**
 * Writes the features-only CSV (label column stripped) and uploads it next to the test data:
 * `<parent of the test data folder>/evaluate/<run>/features/part-0.csv`. Never inside the test
 * data prefix itself, so a later run reading that prefix does not pick it up.
 */
export async function uploadFeatures(
  ctx: TransformContext,
  testFiles: string[],
  labelColumn: number,
  base: { bucket: string; prefix: string },
): Promise<FeaturesUpload> {
  const local = join(ctx.workDir, 'features', 'part-0.csv');
  const rows = await writeFeatures(testFiles, labelColumn, local);
  if (rows === 0)
    throw new DataError(
      `test-data ${testFiles.join(', ')}: no rows to score; check the file is the labelled test CSV`,
    );
  const workKey = `${base.prefix}evaluate/${ctx.runKey}/`;
  const key = `${workKey}features/part-0.csv`;
  await uploadFile(ctx.s3, base.bucket, key, local, 'text/csv');
  ctx.log(`uploaded ${rows} feature rows to s3://${base.bucket}/${key}`);
  return {
    bucket: base.bucket,
    key,
    uri: `s3://${base.bucket}/${key}`,
    prefixUri: `s3://${base.bucket}/${workKey}features/`,
    rows,
    workPrefix: `s3://${base.bucket}/${workKey}`,
  };
}

export interface ModelToScore {
  /** 'candidate' or 'champion': names the job, the model and the output folder. */
  label: 'candidate' | 'champion';
  image: string;
  modelDataUrl: string;
}

export interface TransformScores {
  scores: Float64Array;
  probabilities?: Float64Array[];
  rows: number;
  jobName: string;
  modelName: string;
  outputUri: string;
}

export { transformJobName } from '../../sagemaker/naming.js';

/**
 * Scores the uploaded features with a batch transform of the model: CreateModel (or re-use),
 * CreateTransformJob, wait, download the `.out` files in input order, and validate one numeric
 * prediction per input row (fail closed).
 */
export async function scoreWithTransform(
  ctx: TransformContext,
  features: FeaturesUpload,
  model: ModelToScore,
  opts: { problemType: ProblemType; numClasses?: number | undefined },
): Promise<TransformScores> {
  const modelName = deterministicModelName(`eval-${model.label}`, ctx.runId, model.image, model.modelDataUrl);
  const ensured = await ensureModel(ctx.sm, {
    name: modelName,
    image: model.image,
    modelDataUrl: model.modelDataUrl,
    roleArn: ctx.roleArn,
  });
  ctx.log(
    `${model.label}: model ${modelName} ${ensured.created ? 'created' : 're-used'} (${model.modelDataUrl})`,
  );

  if (ctx.signal?.aborted) {
    throw new StageFailure(`the workflow was cancelled before the ${model.label} transform job started`);
  }
  const outputUri = `${features.workPrefix}${model.label}/predictions/`;
  const jobName = transformJobName(ctx.runKey, model.label, modelName, features.uri);
  const started = await startTransformJob(ctx.sm, {
    jobName,
    modelName,
    inputUri: features.prefixUri,
    outputUri,
    instanceType: ctx.instanceType,
  });
  ctx.log(`${model.label}: transform job ${jobName} ${started.attached ? 're-attached' : 'started'}`);
  const clock = ctx.clock ?? systemClock;
  ctx.activeJobs?.add(jobName);
  try {
    await waitForTransformJob(ctx.sm, jobName, {
      timeoutMs: ctx.deadline === undefined ? undefined : Math.max(0, ctx.deadline - clock.now()),
      clock,
      ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
      signal: ctx.signal,
      poll: ctx.poll,
      onStatus: (status, elapsed) =>
        ctx.log(`${model.label}: transform job ${jobName} ${status} after ${Math.round(elapsed / 1000)}s`),
    });
  } finally {
    ctx.activeJobs?.delete(jobName);
  }

  const files = await downloadOutputs(ctx, features, outputUri, model.label);
  const preds = await readPredictions(files, {
    problemType: opts.problemType,
    ...(opts.numClasses !== undefined ? { numClasses: opts.numClasses } : {}),
  });
  if (preds.rows !== features.rows) {
    throw new DataError(
      `${model.label} transform output ${files.join(', ')} has ${preds.rows} predictions for ${features.rows} input rows of ${features.uri}; ` +
        `every input row needs exactly one prediction (check the model's output format and that the input has no header)`,
    );
  }
  return { ...preds, jobName, modelName, outputUri };
}

async function downloadOutputs(
  ctx: TransformContext,
  features: FeaturesUpload,
  outputUri: string,
  label: string,
): Promise<string[]> {
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(outputUri)!;
  const bucket = m[1]!;
  const prefix = m[2]!;
  const expected = `${prefix}${features.key.split('/').pop()!}.out`;
  const outs = (await listKeys(ctx.s3, bucket, prefix)).map((o) => o.key).filter((k) => k.endsWith('.out'));
  // One input object → one `.out`: at <output>/<input name>.out (or, with prefix inputs, a sub-path of it).
  const key = outs.includes(expected) ? expected : outs.length === 1 ? outs[0] : undefined;
  if (!key) {
    throw new DataError(
      `${label} transform wrote ${outs.length ? outs.map((k) => `s3://${bucket}/${k}`).join(', ') : 'no .out files'} under ${outputUri}; expected s3://${bucket}/${expected}`,
    );
  }
  const file = join(ctx.workDir, label, 'part-0.csv.out');
  await downloadObject(ctx.s3, bucket, key, file);
  return [file];
}
