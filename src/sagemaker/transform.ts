import type {
  SageMakerClient,
  DescribeTransformJobCommandOutput,
  CreateTransformJobCommandInput,
  TransformInstanceType,
} from '@aws-sdk/client-sagemaker';
import { CancelledFailure, StageFailure } from '../core/errors.js';
import { isNotFound, isNotStoppable } from './jobs.js';
import { formatDuration } from '../core/render.js';
import { pollUntil, type Clock, type PollOptions, type Sleep } from '../aws/poller.js';

/** The schedule knobs of pollUntil (tests shorten them). */
export type PollSchedule = Pick<PollOptions<unknown>, 'minDelayMs' | 'maxDelayMs' | 'budgetIntervalMs'>;

export interface TransformSpec {
  jobName: string;
  modelName: string;
  /** S3 prefix of the (features-only) CSV input: every object under it is transformed. */
  inputUri: string;
  outputUri: string;
  instanceType: string;
  instanceCount?: number;
  tags?: { Key: string; Value: string }[];
}

/** The request the action sends: CSV lines in, one prediction per line out. */
export function transformRequest(spec: TransformSpec): CreateTransformJobCommandInput {
  return {
    TransformJobName: spec.jobName,
    ModelName: spec.modelName,
    MaxPayloadInMB: 6,
    BatchStrategy: 'MultiRecord' as const,
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix' as const, S3Uri: spec.inputUri } },
      ContentType: 'text/csv',
      CompressionType: 'None' as const,
      SplitType: 'Line' as const,
    },
    TransformOutput: { S3OutputPath: spec.outputUri, Accept: 'text/csv', AssembleWith: 'Line' as const },
    TransformResources: {
      InstanceType: spec.instanceType as TransformInstanceType,
      InstanceCount: spec.instanceCount ?? 1,
    },
    ...(spec.tags?.length ? { Tags: spec.tags } : {}),
  };
}

export async function describeTransformJob(
  sm: SageMakerClient,
  jobName: string,
): Promise<DescribeTransformJobCommandOutput | undefined> {
  const { DescribeTransformJobCommand } = await import('../aws/sdk-sagemaker.js');
  try {
    return await sm.send(new DescribeTransformJobCommand({ TransformJobName: jobName }));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Starts the transform job, or re-attaches to a job of the same name (a re-run of the same
 * workflow attempt) when its model and input are the same.
 */
export async function startTransformJob(
  sm: SageMakerClient,
  spec: TransformSpec,
): Promise<{ arn: string | undefined; attached: boolean }> {
  const existing = await describeTransformJob(sm, spec.jobName);
  if (existing) {
    const sameInput = existing.TransformInput?.DataSource?.S3DataSource?.S3Uri === spec.inputUri;
    if (existing.ModelName !== spec.modelName || !sameInput) {
      throw new StageFailure(
        `transform job ${spec.jobName} already exists for another model or input (${existing.ModelName}); re-run the workflow to get a new job name`,
      );
    }
    return { arn: existing.TransformJobArn, attached: true };
  }
  const { CreateTransformJobCommand } = await import('../aws/sdk-sagemaker.js');
  const out = await sm.send(new CreateTransformJobCommand(transformRequest(spec)));
  return { arn: out.TransformJobArn, attached: false };
}

export async function stopTransformJob(sm: SageMakerClient, jobName: string): Promise<void> {
  const { StopTransformJobCommand } = await import('../aws/sdk-sagemaker.js');
  try {
    await sm.send(new StopTransformJobCommand({ TransformJobName: jobName }));
  } catch (err) {
    // Already terminal or gone: nothing to stop.
    if (isNotStoppable(err) || isNotFound(err)) return;
    throw err;
  }
}

const TERMINAL = new Set(['Completed', 'Failed', 'Stopped']);

export interface WaitOptions {
  timeoutMs?: number | undefined;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
  /** Poll schedule bounds (defaults: 5 s min, 30 s max, the poller's describe budget). */
  poll?: PollSchedule | undefined;
  onStatus?: (status: string, elapsedMs: number) => void;
}

/**
 * Waits for the job to end. Completed → returns; Failed/Stopped → StageFailure with the reason;
 * timeout or abort (workflow cancelled) → stops the job, then StageFailure.
 */
export async function waitForTransformJob(
  sm: SageMakerClient,
  jobName: string,
  opts: WaitOptions = {},
): Promise<DescribeTransformJobCommandOutput> {
  let last: string | undefined;
  const result = await pollUntil<DescribeTransformJobCommandOutput>({
    describe: async () => {
      const d = await describeTransformJob(sm, jobName);
      if (!d) throw new StageFailure(`transform job ${jobName} disappeared while waiting for it`);
      return d;
    },
    isDone: (d) => TERMINAL.has(d.TransformJobStatus ?? ''),
    onUpdate: (d, elapsed) => {
      const status = d.TransformJobStatus ?? 'Unknown';
      if (status !== last) opts.onStatus?.(status, elapsed);
      last = status;
    },
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    minDelayMs: 5_000,
    maxDelayMs: 30_000,
    ...opts.poll,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (result.state === 'timeout') {
    await stopTransformJob(sm, jobName);
    throw new StageFailure(
      `transform job ${jobName} did not finish within ${formatDuration(opts.timeoutMs ?? 0)} (timeout-minutes); it was stopped`,
    );
  }
  if (result.state === 'aborted') {
    await stopTransformJob(sm, jobName);
    throw new CancelledFailure(`transform job ${jobName} was stopped because the workflow was cancelled`);
  }
  const d = result.value;
  if (d.TransformJobStatus !== 'Completed') {
    throw new StageFailure(
      `transform job ${jobName} ended ${d.TransformJobStatus}${d.FailureReason ? `: ${d.FailureReason}` : ''}; see CloudWatch log group /aws/sagemaker/TransformJobs`,
    );
  }
  return d;
}
