/** Seeds a fresh sagemaker-local from a {@link SeedPlan}: buckets, commands, folder uploads. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ConfigurationError, StageFailure } from '../../core/errors.js';
import { parseS3Uri } from '../../core/inputs.js';
import type { SeedPlan } from './settings.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

function runCommand(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', ['-eo', 'pipefail', '-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (c: Buffer): void => {
      for (const line of String(c).split('\n')) if (line.trim()) log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new StageFailure(`seed command failed (exit ${code}): ${command}`)),
    );
  });
}

export async function seed(opts: {
  plan: SeedPlan;
  s3: S3Client;
  workspace: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Output of the seed commands (code of the repository, possibly a fork's): untrusted. */
  commandOutput: (line: string) => void;
}): Promise<{ buckets: number; commands: number; files: number }> {
  const { plan, s3, log } = opts;
  for (const bucket of plan.buckets) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw err;
    }
    log(`bucket ${bucket}`);
  }
  for (const command of plan.run) {
    log(`$ ${command}`);
    await runCommand(command, opts.workspace, opts.env, opts.commandOutput);
  }
  let files = 0;
  for (const { from, to } of plan.upload) {
    const dir = resolve(opts.workspace, from);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new ConfigurationError(`local.upload: ${from} is not a folder of the workspace`);
    const { bucket, key } = parseS3Uri('local.upload', to);
    const list = filesUnder(dir);
    for (const f of list) {
      const rel = relative(dir, f).split('\\').join('/');
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${key}${rel}`, Body: readFileSync(f) }));
    }
    files += list.length;
    log(`uploaded ${list.length} file(s) from ${from} to ${to}`);
  }
  return { buckets: plan.buckets.length, commands: plan.run.length, files };
}
