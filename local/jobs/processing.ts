/**
 * A processing job, run for real: ProcessingInputs downloaded to their LocalPath (mapped from
 * /opt/ml/processing into the temp root), ContainerEntrypoint + ContainerArguments run with
 * /opt/ml paths rewritten, ProcessingOutputs uploaded after a successful exit.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocalContext } from '../context.js';
import { joinS3, parseS3Uri } from '../s3store.js';
import {
  LOG_GROUPS,
  algorithmFailure,
  baseJobEnv,
  jobLog,
  makeJobRoot,
  readFailureFile,
  truncateReason,
} from './common.js';
import { publishContainerMetrics, readExitMessage } from './container-outputs.js';
import { JobFailure, downloadS3Input, mappedCommand, resolveEntrypoint, type Command } from './inputs.js';
import { jobLifecycle, maxRuntimeMs } from './lifecycle.js';
import { mapContainerPath, rewriteArgument } from './paths.js';

type Obj = Record<string, unknown>;

const PROCESSING = jobLifecycle({
  kind: 'processing',
  table: (state) => state.processingJobs,
  statusField: 'ProcessingJobStatus',
  endTimeField: 'ProcessingEndTime',
});
const { finish, stopRequested } = PROCESSING;

export function startProcessingJob(ctx: LocalContext, name: string): void {
  PROCESSING.start(ctx, name, runProcessing);
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

async function runProcessing(ctx: LocalContext, name: string): Promise<void> {
  const rec = ctx.state.processingJobs.get(name)!;
  const req = rec['request'] as Obj;
  const app = req['AppSpecification'] as Obj;
  const root = makeJobRoot('processing', name, ctx);
  const log = jobLog(ctx, LOG_GROUPS.processing, name);
  try {
    mkdirSync(join(root, 'config'), { recursive: true });
    mkdirSync(join(root, 'output'), { recursive: true });
    writeFileSync(
      join(root, 'config', 'processingjobconfig.json'),
      JSON.stringify({ ...req, ProcessingJobArn: rec['ProcessingJobArn'] }),
    );
    writeFileSync(
      join(root, 'config', 'resourceconfig.json'),
      JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
    );
    for (const input of (req['ProcessingInputs'] as Obj[] | undefined) ?? []) {
      const s3 = input['S3Input'] as Obj | undefined;
      if (!s3)
        throw new JobFailure(
          `ClientError: input '${String(input['InputName'])}': sagemaker-local supports only S3Input`,
        );
      await downloadS3Input(
        ctx,
        String(s3['S3Uri']),
        mapContainerPath(String(s3['LocalPath']), root),
        String(s3['S3DataType'] ?? 'S3Prefix'),
      );
    }
    const outputs = (
      ((req['ProcessingOutputConfig'] as Obj | undefined)?.['Outputs'] as Obj[] | undefined) ?? []
    ).filter((o) => o['S3Output']);
    for (const o of outputs)
      mkdirSync(mapContainerPath(String((o['S3Output'] as Obj)['LocalPath']), root), { recursive: true });
    const args = ((app['ContainerArguments'] as string[] | undefined) ?? []).map((a) =>
      rewriteArgument(a, root),
    );
    const entry = app['ContainerEntrypoint'] as string[] | undefined;
    let cmd: Command;
    if (entry?.length)
      cmd = await resolveEntrypoint(
        ctx,
        entry.map((a) => rewriteArgument(a, root)),
        args,
        root,
      );
    else {
      const mapped = mappedCommand(ctx, String(app['ImageUri']), root);
      cmd = { ...mapped, args: [...mapped.args, ...args] };
    }
    if (stopRequested(ctx, name)) {
      finish(ctx, name, 'Stopped', {});
      return;
    }
    const env = baseJobEnv(
      ctx,
      { SM_LOCAL_ROOT: root, PROCESSING_JOB_NAME: name, PROCESSING_JOB_ARN: String(rec['ProcessingJobArn']) },
      (req['Environment'] ?? {}) as Record<string, string>,
    );
    if (!ctx.closing)
      ctx.state.processingJobs.put(name, {
        ...ctx.state.processingJobs.get(name)!,
        ProcessingStartTime: ctx.now(),
        LastModifiedTime: ctx.now(),
      });
    const run = await PROCESSING.runProcess(ctx, name, {
      cmd,
      env,
      maxRuntimeMs: maxRuntimeMs(req),
      onLine: (line) => log.write(line),
    });
    if (!run) return;
    const { result, stderrTail } = run;
    if (result.stopReason === 'timeout') {
      finish(ctx, name, 'Stopped', { ExitMessage: 'Processing job stopped: MaxRuntimeInSeconds exceeded' });
      return;
    }
    if (result.stopReason) {
      finish(ctx, name, 'Stopped', {});
      return;
    }
    if (result.code !== 0) {
      const failure = algorithmFailure(root, result.code, result.signal, stderrTail);
      finish(ctx, name, 'Failed', {
        FailureReason: failure,
        ExitMessage: truncateReason(readFailureFile(root) ?? stderrTail.join('\n')),
      });
      return;
    }
    for (const o of outputs) {
      const s3 = o['S3Output'] as Obj;
      const dir = mapContainerPath(String(s3['LocalPath']), root);
      const dest = String(s3['S3Uri']);
      try {
        const loc = parseS3Uri(dest);
        for (const file of listFiles(dir)) {
          if (!statSync(file).isFile()) continue;
          const key = joinS3(loc.key, relative(dir, file));
          await ctx.s3.putFile(loc.bucket, key, file);
        }
      } catch (err) {
        throw new JobFailure(
          `ClientError: cannot upload output '${String(o['OutputName'])}' to ${dest}: ${(err as Error).message}`,
        );
      }
    }
    publishContainerMetrics(ctx, root, name, (req['Environment'] ?? {}) as Record<string, string>);
    finish(ctx, name, 'Completed', { ExitMessage: readExitMessage(root) ?? '' });
  } catch (err) {
    PROCESSING.settle(ctx, name, err);
  } finally {
    PROCESSING.cleanup(ctx, name, root);
  }
}
