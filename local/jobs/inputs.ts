/** Downloading job inputs from S3 and resolving what command runs for an image. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalContext } from '../context.js';
import { findImageMapping, isBuiltinXgboost } from '../config.js';
import { parseS3Uri } from '../s3store.js';
import { unpackArchive } from './archive.js';
import { XGBOOST_RUNTIME } from './common.js';

/** A job-side failure with the FailureReason AWS would show. */
export class JobFailure extends Error {}

export function noObjectsReason(uri: string, region: string): string {
  const { bucket } = parseS3Uri(uri);
  return (
    `ClientError: No S3 objects found under S3 URL "${uri}" given in input data source. Please ensure that the bucket ` +
    `exists in the selected region (${region}), that objects exist under that S3 prefix, and that the role has ` +
    `"s3:ListBucket" permissions on bucket "${bucket}".`
  );
}

/** Downloads an S3Prefix (or single object) into dir; fails the job when nothing is there. */
export async function downloadS3Input(
  ctx: LocalContext,
  uri: string,
  dir: string,
  dataType = 'S3Prefix',
): Promise<number> {
  if (dataType !== 'S3Prefix')
    throw new JobFailure(`ClientError: sagemaker-local supports only S3DataType S3Prefix, not ${dataType}`);
  let loc;
  try {
    loc = parseS3Uri(uri);
  } catch {
    throw new JobFailure(`ClientError: '${uri}' is not an s3:// URI`);
  }
  mkdirSync(dir, { recursive: true });
  let n: number;
  try {
    n = await ctx.s3.downloadPrefix(loc.bucket, loc.key, dir);
  } catch {
    throw new JobFailure(noObjectsReason(uri, ctx.region));
  }
  if (n === 0) throw new JobFailure(noObjectsReason(uri, ctx.region));
  return n;
}

/** Downloads and unpacks a script-mode sagemaker_submit_directory (s3://.../sourcedir.tar.gz). */
export async function fetchSubmitDirectory(ctx: LocalContext, uri: string, codeDir: string): Promise<void> {
  const loc = (() => {
    try {
      return parseS3Uri(uri);
    } catch {
      throw new JobFailure(
        `ClientError: sagemaker_submit_directory '${uri}' must be an s3:// URI of a .tar.gz`,
      );
    }
  })();
  const file = join(codeDir, '..', 'sourcedir.tar.gz');
  try {
    await ctx.s3.downloadTo(loc.bucket, loc.key, file);
  } catch {
    throw new JobFailure(`ClientError: sagemaker_submit_directory ${uri} does not exist`);
  }
  try {
    await unpackArchive(file, codeDir);
  } catch (err) {
    throw new JobFailure(
      `ClientError: cannot unpack sagemaker_submit_directory ${uri}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

export interface Command {
  command: string;
  args: string[];
  cwd: string;
}

async function python(ctx: LocalContext): Promise<string> {
  const p = await ctx.python.resolve();
  if (!p) throw new JobFailure(ctx.python.missingReason());
  return p;
}

/** An entrypoint of python/python3 runs with the Python that can import xgboost. */
export async function resolveEntrypoint(
  ctx: LocalContext,
  entry: string[],
  args: string[],
  cwd: string,
): Promise<Command> {
  const [first, ...rest] = entry;
  if (!first) throw new JobFailure('ClientError: ContainerEntrypoint is empty');
  const command = /^(\/usr\/(local\/)?bin\/)?python3?(\.\d+)?$/.test(first) ? await python(ctx) : first;
  return { command, args: [...rest, ...args], cwd };
}

export async function xgboostCommand(ctx: LocalContext, mode: 'train', cwd: string): Promise<Command> {
  if (!existsSync(XGBOOST_RUNTIME)) {
    throw new JobFailure(`ClientError: the bundled XGBoost runtime is missing (${XGBOOST_RUNTIME})`);
  }
  return { command: await python(ctx), args: [XGBOOST_RUNTIME, mode], cwd };
}

/** Model Monitor's built-in analyzer image, any region, tagged or not. */
export const isModelMonitorAnalyzer = (image: string): boolean =>
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/sagemaker-model-monitor-analyzer(:[\w.-]+)?$/.test(
    image,
  );

/** The analyzer's stand-in (runtimes/model-monitor), run by the server's own node. */
export const MODEL_MONITOR_ANALYZER = new URL('../runtimes/model-monitor/container.mjs', import.meta.url)
  .pathname;

/**
 * Command from the images mapping of sagemaker-local.yml; without a mapping, Model Monitor's
 * analyzer image runs sagemaker-local's own analyzer.
 */
export function mappedCommand(ctx: LocalContext, image: string, cwd: string): Command {
  const mapping = findImageMapping(ctx.config.images, image);
  if (!mapping?.command && isModelMonitorAnalyzer(image))
    return { command: process.execPath, args: [MODEL_MONITOR_ANALYZER], cwd };
  if (!mapping?.command) {
    throw new JobFailure(
      `ClientError: sagemaker-local has no local command for image '${image}': add one under 'images:' in sagemaker-local.yml ` +
        `(e.g. - match: "${image.replace(/:[^:/]+$/, ':*')}"\n  command: ["python3", "train.py"])`,
    );
  }
  const [command, ...args] = mapping.command;
  return { command: command!, args, cwd };
}

export { isBuiltinXgboost };
