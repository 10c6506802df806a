/**
 * What each step type does on sagemaker-local: the same Create/Describe/Stop handlers the API
 * serves (so a step's arguments are validated exactly like a direct call), then a wait for the
 * job to end. Returns the step's outcome, its Metadata (ListPipelineExecutionSteps) and its
 * properties (the Describe* output that `Get: Steps.<name>.…` reads).
 */
import { randomBytes } from 'node:crypto';
import type { LocalContext, Rec } from '../context.js';
import { AwsError } from '../protocol.js';
import { parseS3Uri } from '../s3store.js';
import * as models from '../services/sagemaker/models.js';
import * as processing from '../services/sagemaker/processing.js';
import * as registry from '../services/sagemaker/registry.js';
import { findGroup } from '../services/sagemaker/registry-groups.js';
import * as training from '../services/sagemaker/training.js';
import * as transform from '../services/sagemaker/transform.js';
import type { StepDef } from './definition.js';
import { evaluateConditions } from './conditions.js';
import { resolveValue, type Scope } from './expressions.js';
import type { StepEnd } from './scheduler.js';

type Obj = Record<string, unknown>;

export interface StepOutcome {
  status: StepEnd;
  failureReason?: string;
  metadata?: Obj;
  properties?: Obj;
  propertyFiles?: Record<string, unknown>;
  /** Why a declared property file could not be read (the step still Succeeded). */
  propertyFileErrors?: Record<string, string>;
  outcome?: boolean;
}

export interface StepRunContext {
  ctx: LocalContext;
  executionId: string;
  executionArn: string;
  scope: Scope;
  signal: AbortSignal;
  /** Called once the step's job exists (StepStatus Starting -> Executing). */
  onExecuting(metadata: Obj): void;
  /** How long to wait between looks at a running job (ms). */
  pollMs?: number;
}

const JOBS = {
  Training: {
    create: training.createTrainingJob,
    describe: training.describeTrainingJob,
    stop: training.stopTrainingJob,
    nameKey: 'TrainingJobName',
    arnKey: 'TrainingJobArn',
    statusKey: 'TrainingJobStatus',
    metadataKey: 'TrainingJob',
    table: (ctx: LocalContext) => ctx.state.trainingJobs,
  },
  Processing: {
    create: processing.createProcessingJob,
    describe: processing.describeProcessingJob,
    stop: processing.stopProcessingJob,
    nameKey: 'ProcessingJobName',
    arnKey: 'ProcessingJobArn',
    statusKey: 'ProcessingJobStatus',
    metadataKey: 'ProcessingJob',
    table: (ctx: LocalContext) => ctx.state.processingJobs,
  },
  Transform: {
    create: transform.createTransformJob,
    describe: transform.describeTransformJob,
    stop: transform.stopTransformJob,
    nameKey: 'TransformJobName',
    arnKey: 'TransformJobArn',
    statusKey: 'TransformJobStatus',
    metadataKey: 'TransformJob',
    table: (ctx: LocalContext) => ctx.state.transformJobs,
  },
} as const;

/**
 * Resource names as the service makes them for pipeline steps: `pipelines-<execution id>-<step>-<random>`
 * (observed shape), cut to the 63-character name limit, characters outside [a-z0-9-] replaced.
 */
export function stepResourceName(executionId: string, stepName: string): string {
  // Lower-cased, so the name is what the (lower-cased) ARN ends with.
  const step = stepName.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const head = `pipelines-${executionId}-${step}`.slice(0, 52).replace(/-+$/, '');
  return `${head}-${randomBytes(5).toString('hex')}`;
}

const failed = (reason: string): StepOutcome => ({ status: 'Failed', failureReason: reason.slice(0, 1024) });
const errorReason = (err: unknown): string =>
  err instanceof AwsError ? `${err.code}: ${err.message}` : `ClientError: ${(err as Error).message}`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function runJob(
  type: keyof typeof JOBS,
  step: StepDef,
  args: Obj,
  run: StepRunContext,
): Promise<StepOutcome> {
  const job = JOBS[type];
  const { ctx } = run;
  const name = stepResourceName(run.executionId, step.name);
  let arn: string;
  try {
    // The SDK drops the name fields from step arguments; the service names the job.
    arn = String((job.create(ctx, { ...args, [job.nameKey]: name }) as Obj)[job.arnKey]);
  } catch (err) {
    return failed(errorReason(err));
  }
  const metadata = { [job.metadataKey]: { Arn: arn } };
  run.onExecuting(metadata);
  let stopSent = false;
  for (;;) {
    if (ctx.closing) return { status: 'Stopped', metadata };
    const rec = job.table(ctx).get(name) as Rec | undefined;
    const status = rec?.[job.statusKey];
    if (status === 'Completed' || status === 'Failed' || status === 'Stopped') {
      const properties = job.describe(ctx, { [job.nameKey]: name }) as Obj;
      if (status === 'Completed') return { status: 'Succeeded', metadata, properties };
      if (status === 'Stopped') return { status: 'Stopped', metadata, properties };
      return {
        ...failed(String(rec?.['FailureReason'] ?? `${type} job ${name} failed`)),
        metadata,
        properties,
      };
    }
    if (run.signal.aborted && !stopSent && status === 'InProgress') {
      stopSent = true;
      try {
        job.stop(ctx, { [job.nameKey]: name });
      } catch {
        // it ended meanwhile: the next look sees its terminal status
      }
    }
    await sleep(run.pollMs ?? 100);
  }
}

/** Reads each declared property file from the processing output it names. */
async function readPropertyFiles(
  ctx: LocalContext,
  step: StepDef,
  args: Obj,
): Promise<Pick<StepOutcome, 'propertyFiles' | 'propertyFileErrors'>> {
  const files: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const outputs =
    ((args['ProcessingOutputConfig'] as Obj | undefined)?.['Outputs'] as Obj[] | undefined) ?? [];
  for (const pf of step.propertyFiles) {
    const output = outputs.find((o) => o['OutputName'] === pf.outputName);
    const base = (output?.['S3Output'] as Obj | undefined)?.['S3Uri'];
    if (typeof base !== 'string') {
      errors[pf.name] = `the step has no processing output named '${pf.outputName}'`;
      continue;
    }
    const uri = `${base.replace(/\/+$/, '')}/${pf.filePath.replace(/^\/+/, '')}`;
    try {
      const { bucket, key } = parseS3Uri(uri);
      const buf = await ctx.s3.getBuffer(bucket, key);
      if (!buf) {
        errors[pf.name] = `${uri} does not exist (the processing job did not write ${pf.filePath})`;
        continue;
      }
      files[pf.name] = JSON.parse(buf.toString('utf8'));
    } catch (err) {
      errors[pf.name] = `${uri} could not be read as JSON: ${(err as Error).message}`;
    }
  }
  return {
    ...(Object.keys(files).length ? { propertyFiles: files } : {}),
    ...(Object.keys(errors).length ? { propertyFileErrors: errors } : {}),
  };
}

async function createModelStep(step: StepDef, args: Obj, run: StepRunContext): Promise<StepOutcome> {
  const name = stepResourceName(run.executionId, step.name);
  try {
    const { ModelArn } = (await models.createModel(run.ctx, { ...args, ModelName: name })) as {
      ModelArn: string;
    };
    return {
      status: 'Succeeded',
      metadata: { Model: { Arn: ModelArn } },
      properties: models.describeModel(run.ctx, { ModelName: name }),
    };
  } catch (err) {
    return failed(errorReason(err));
  }
}

function registerModelStep(args: Obj, run: StepRunContext): StepOutcome {
  const { ctx } = run;
  try {
    const group = args['ModelPackageGroupName'];
    // The RegisterModel step creates a missing model package group (guess from the SDK's
    // behaviour; the API reference does not say).
    if (typeof group === 'string' && !group.startsWith('arn:') && !findGroup(ctx, group))
      registry.createModelPackageGroup(ctx, { ModelPackageGroupName: group });
    const req: Obj = {
      ...args,
      MetadataProperties: { GeneratedBy: run.executionArn, ...((args['MetadataProperties'] as Obj) ?? {}) },
    };
    const { ModelPackageArn } = registry.createModelPackage(ctx, req) as { ModelPackageArn: string };
    return {
      status: 'Succeeded',
      metadata: { RegisterModel: { Arn: ModelPackageArn } },
      properties: registry.describeModelPackage(ctx, { ModelPackageName: ModelPackageArn }),
    };
  } catch (err) {
    return failed(errorReason(err));
  }
}

/** Runs one step whose arguments are not resolved yet. */
export async function runStep(step: StepDef, run: StepRunContext): Promise<StepOutcome> {
  const resolve = (v: unknown): unknown => resolveValue(v, run.scope);
  if (step.type === 'Condition') {
    try {
      const outcome = evaluateConditions(step.arguments['Conditions'] as Obj[], resolve);
      const text = outcome ? 'True' : 'False';
      return {
        status: 'Succeeded',
        outcome,
        metadata: { Condition: { Outcome: text } },
        properties: { Outcome: text },
      };
    } catch (err) {
      return failed(`ClientError: the condition could not be evaluated: ${(err as Error).message}`);
    }
  }
  let args: Obj;
  try {
    args = resolve(step.arguments) as Obj;
  } catch (err) {
    return failed(`ClientError: ${(err as Error).message}`);
  }
  switch (step.type) {
    case 'Fail': {
      const msg = args['ErrorMessage'] === undefined ? '' : String(args['ErrorMessage']);
      return {
        status: 'Failed',
        failureReason: msg.slice(0, 1024),
        metadata: { Fail: { ErrorMessage: msg } },
      };
    }
    case 'Model':
      return createModelStep(step, args, run);
    case 'RegisterModel':
      return registerModelStep(args, run);
    case 'Processing': {
      const out = await runJob('Processing', step, args, run);
      return out.status === 'Succeeded' && step.propertyFiles.length
        ? { ...out, ...(await readPropertyFiles(run.ctx, step, args)) }
        : out;
    }
    default:
      return runJob(step.type, step, args, run);
  }
}

/** The arguments a step would run with (for the cache key), or undefined if they cannot be resolved yet. */
export function tryResolveArguments(step: StepDef, scope: Scope): Obj | undefined {
  try {
    return resolveValue(step.arguments, scope) as Obj;
  } catch {
    return undefined;
  }
}
