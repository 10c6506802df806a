/**
 * Batch-transform mode: the same model, run over an S3 prefix (or a local folder, uploaded first)
 * with a transform job, and the output validated: every input object has its `.out`, no output
 * file is empty, one prediction per input record, each numeric or JSON as configured.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Clock, Sleep } from '../../aws/poller.js';
import { StageFailure } from '../../core/errors.js';
import { parseS3Uri } from '../../core/inputs.js';
import { getObjectText, listKeys, uploadFile } from '../../aws/s3.js';
import { ensureModel } from '../../sagemaker/models.js';
import { startTransformJob, waitForTransformJob } from '../../sagemaker/transform.js';
import type { Logger } from '../../core/log.js';
import { resolveModel, type ResolvedModel } from './model-source.js';
import { traceableName, type DeployRun } from './names.js';
import type { DeploySettings } from './settings.js';

export interface TransformDeps {
  sm: SageMakerClient;
  s3: () => Promise<S3Client>;
  log: Logger;
  run: DeployRun;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  sleep?: Sleep;
  poll?: { minDelayMs: number; maxDelayMs: number };
}

export interface TransformResult {
  jobName: string;
  modelName: string;
  model: ResolvedModel;
  outputUri: string;
  files: number;
  records: number;
}

const slash = (p: string): string => (p.endsWith('/') ? p : `${p}/`);
const records = (text: string): string[] => text.split(/\r?\n/).filter((l) => l.trim() !== '');

/** Problems with one output file against its input. Pure. */
export function outputProblems(
  name: string,
  input: string,
  output: string | undefined,
  format: 'numeric' | 'json',
): string[] {
  if (output === undefined) return [`${name}: no output file (${name}.out) was written`];
  const outLines = records(output);
  if (outLines.length === 0) return [`${name}.out is empty`];
  const inCount = records(input).length;
  const problems: string[] = [];
  if (outLines.length !== inCount)
    problems.push(
      `${name}.out has ${outLines.length} predictions for ${inCount} input records (expected one per record)`,
    );
  const bad = outLines.findIndex((l) => {
    if (format === 'json') {
      try {
        JSON.parse(l);
        return false;
      } catch {
        return true;
      }
    }
    return l.split(',').some((v) => v.trim() === '' || !Number.isFinite(Number(v)));
  });
  if (bad >= 0)
    problems.push(
      // The line itself is not shown: transform output is data (it may hold personal data).
      `${name}.out line ${bad + 1} (${outLines[bad]!.length} characters; content not shown) is not ${format === 'json' ? 'JSON' : 'numeric'}`,
    );
  return problems;
}

function localFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...localFiles(p));
    else if (statSync(p).isFile() && !e.name.startsWith('.')) out.push(p);
  }
  return out.sort();
}

export async function runBatchTransform(s: DeploySettings, deps: TransformDeps): Promise<TransformResult> {
  const t = s.transform!;
  const s3 = await deps.s3();
  const model = await resolveModel(deps.sm, s.source, s.allowUnapproved, (l) => deps.log.info(l));
  const modelName = traceableName(s.endpointName, deps.run, [model.image, model.modelDataUrl]);
  await ensureModel(deps.sm, {
    name: modelName,
    image: model.image,
    modelDataUrl: model.modelDataUrl,
    roleArn: s.roleArn,
    ...(model.environment ? { environment: model.environment } : {}),
  });
  let inputUri = t.input;
  let outputUri = slash(t.output);
  if (!t.input.startsWith('s3://')) {
    const files = localFiles(t.input);
    if (files.length === 0) throw new StageFailure(`transform-input folder ${t.input} holds no files`);
    const out = parseS3Uri('transform-output', outputUri);
    inputUri = `s3://${out.bucket}/${out.key}input/`;
    for (const f of files)
      await uploadFile(
        s3,
        out.bucket,
        `${out.key}input/${relative(t.input, f).split('\\').join('/')}`,
        f,
        'text/csv',
      );
    outputUri = `s3://${out.bucket}/${out.key}output/`;
    deps.log.info(`uploaded ${files.length} file(s) from ${t.input} to ${inputUri}`);
  }
  const jobName = traceableName(`${s.endpointName}-bt`, deps.run, [modelName, inputUri, outputUri]);
  const started = await startTransformJob(deps.sm, {
    jobName,
    modelName,
    inputUri,
    outputUri,
    instanceType: s.instanceType,
    instanceCount: s.instanceCount,
  });
  deps.log.info(
    `transform job ${jobName}: ${started.attached ? 'attached (started by an earlier attempt)' : 'started'}`,
  );
  await waitForTransformJob(deps.sm, jobName, {
    timeoutMs: s.maxTimeS * 1000,
    onStatus: (status) => deps.log.info(`transform job ${jobName}: ${status}`),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.poll ? { poll: { ...deps.poll, budgetIntervalMs: deps.poll.minDelayMs } } : {}),
  });
  const inLoc = parseS3Uri('transform-input', inputUri);
  const outLoc = parseS3Uri('transform-output', outputUri);
  const inputs = (await listKeys(s3, inLoc.bucket, inLoc.key)).filter((o) => !o.key.endsWith('/'));
  const outputs = new Set((await listKeys(s3, outLoc.bucket, outLoc.key)).map((o) => o.key));
  const problems: string[] = [];
  let total = 0;
  for (const o of inputs) {
    const rel = o.key.slice(inLoc.key.length).replace(/^\//, '');
    const outKey = `${outLoc.key}${rel}.out`;
    const inText = await getObjectText(s3, inLoc.bucket, o.key);
    const outText = outputs.has(outKey) ? await getObjectText(s3, outLoc.bucket, outKey) : undefined;
    total += records(inText).length;
    problems.push(...outputProblems(rel, inText, outText, t.format));
  }
  if (problems.length)
    throw new StageFailure(
      `transform job ${jobName} completed but its output is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
  deps.log.info(`transform output validated: ${inputs.length} file(s), ${total} prediction(s), ${t.format}`);
  return { jobName, modelName, model, outputUri, files: inputs.length, records: total };
}
