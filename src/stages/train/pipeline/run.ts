/**
 * `mode: pipeline` of the train action: upsert the pipeline (only when its definition changed),
 * start the execution with a run-derived ClientRequestToken (a re-run attaches to it), then follow
 * it: per-step progress from ListPipelineExecutionSteps (every page), the CloudWatch logs of
 * running training/processing/transform steps streamed as they run, StopPipelineExecution on
 * cancel (SIGINT/SIGTERM) or timeout. Everything AWS-side comes in through `deps`, so tests
 * drive it with aws-sdk-client-mock or sagemaker-local and never wait.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LogStreamer } from '../../../aws/logs.js';
import { systemClock, systemSleep, type Clock, type Sleep } from '../../../aws/poller.js';
import { errorMessage } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import {
  EXECUTION_DONE,
  STEP_DONE,
  type ExecutionView,
  type JobKind,
  type PipelineApi,
  type StepView,
  type UpsertResult,
} from '../../../sagemaker/pipelines.js';
import { stopOnSignal, type SignalSource } from '../../../core/signals.js';
import type { PipelineDefinitionInfo } from './definition.js';
import type { PipelineParameter } from './parameters.js';
import { progressLines } from './progress.js';

export const LOG_GROUPS: Record<JobKind, string> = {
  training: '/aws/sagemaker/TrainingJobs',
  processing: '/aws/sagemaker/ProcessingJobs',
  transform: '/aws/sagemaker/TransformJobs',
};

/** State keys the post step reads. */
export const PIPELINE_STATE = {
  arn: 'pipeline-execution-arn',
  token: 'pipeline-stop-token',
  finished: 'finished',
} as const;
export type PipelineState = (typeof PIPELINE_STATE)[keyof typeof PIPELINE_STATE];

export interface PipelineRunRequest {
  pipelineName: string;
  definition: PipelineDefinitionInfo;
  parameters: PipelineParameter[];
  roleArn: string;
  token: string;
  wait: boolean;
  timeoutMs: number | undefined;
  streamLogs: boolean;
}

export interface PipelineRunDeps {
  api: PipelineApi;
  logsClient: () => Promise<CloudWatchLogsClient>;
  /** S3 URI of a training job's model.tar.gz. */
  modelArtifact: (trainingJobName: string) => Promise<string | undefined>;
  /** The action context's Logger: job logs and failure reasons are untrusted, the rest is ours. */
  log: Pick<Logger, 'info' | 'warning' | 'untrusted' | 'untrustedLine'>;
  saveState: (name: PipelineState, value: string) => void;
  signals: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  stopDelay?: (ms: number) => Promise<void>;
  /** Poll interval bounds (ms); defaults 2 s growing to 15 s. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export type PipelineOutcome = { ok: true } | { ok: false; message: string; cancelled?: boolean };

export interface PipelineRunResult {
  pipelineName: string;
  upsert: UpsertResult;
  execution: ExecutionView;
  steps: StepView[];
  /** Started (or attached) but not waited for (`wait: false`). */
  detached: boolean;
  startedAt: number;
  endedAt: number;
  modelPackageArn?: string;
  modelArtifact?: string;
  outcome: PipelineOutcome;
}

/** The failure message for a finished execution (pure): which steps failed and why. */
export function pipelineOutcome(execution: ExecutionView, steps: readonly StepView[]): PipelineOutcome {
  const id = execution.arn.split('/').pop();
  if (execution.status === 'Succeeded') return { ok: true };
  const failed = steps.filter((s) => s.status === 'Failed');
  const detail = failed.length
    ? failed.map((s) => `step ${s.name} failed: ${s.failureReason ?? 'no FailureReason given'}`).join('; ')
    : (execution.failureReason ?? 'no FailureReason given');
  if (execution.status === 'Failed')
    return { ok: false, message: `pipeline execution ${id} Failed: ${detail}` };
  if (execution.status === 'Stopped')
    return { ok: false, message: `pipeline execution ${id} was stopped before it finished (status Stopped)` };
  return { ok: false, message: `pipeline execution ${id} ended in unexpected status ${execution.status}` };
}

/** The RegisterModel step's package and the training step's artifact, for the outputs. */
async function artifacts(
  steps: readonly StepView[],
  deps: PipelineRunDeps,
): Promise<{ modelPackageArn?: string; modelArtifact?: string }> {
  const out: { modelPackageArn?: string; modelArtifact?: string } = {};
  const registered = steps.filter((s) => s.status === 'Succeeded' && s.modelPackageArn);
  if (registered.length) out.modelPackageArn = registered[registered.length - 1]!.modelPackageArn!;
  // The last training step that succeeded (cached ones included: they point at the earlier job).
  const trained = steps.filter((s) => s.status === 'Succeeded' && s.job?.kind === 'training');
  const last = trained[trained.length - 1];
  if (last?.job) {
    try {
      const uri = await deps.modelArtifact(last.job.name);
      if (uri) out.modelArtifact = uri;
    } catch (err) {
      deps.log.warning(`could not read the model artifact of ${last.job.name}: ${errorMessage(err)}`);
    }
  }
  return out;
}

/** Log streamers of the steps whose jobs are running, keyed by job ARN. */
class StepLogs {
  private readonly streamers = new Map<string, { step: string; streamer: LogStreamer }>();
  constructor(private readonly deps: PipelineRunDeps) {}

  async update(steps: readonly StepView[]): Promise<void> {
    for (const s of steps) {
      if (!s.job || this.streamers.has(s.job.arn) || STEP_DONE.has(s.status) || s.cachedFrom) continue;
      const client = await this.deps.logsClient();
      const step = s.name;
      this.streamers.set(s.job.arn, {
        step,
        streamer: new LogStreamer({
          client,
          logGroup: LOG_GROUPS[s.job.kind],
          prefix: `${s.job.name}/`,
          write: (line) => this.deps.log.untrustedLine(`[${step}] ${line}`),
          warn: (m) => this.deps.log.warning(`${step}: ${m}`),
        }),
      });
    }
    for (const [arn, { streamer }] of this.streamers) {
      const step = steps.find((s) => s.job?.arn === arn);
      if (step && STEP_DONE.has(step.status)) {
        await streamer.drain();
        this.streamers.delete(arn);
      } else await streamer.poll();
    }
  }

  async drainAll(): Promise<void> {
    for (const { streamer } of this.streamers.values()) await streamer.drain();
    this.streamers.clear();
  }
}

export async function runPipeline(
  req: PipelineRunRequest,
  deps: PipelineRunDeps,
): Promise<PipelineRunResult> {
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? systemSleep;
  const startedAt = clock.now();
  const upsert = await deps.api.upsert({
    name: req.pipelineName,
    definitionJson: req.definition.json,
    roleArn: req.roleArn,
  });
  deps.log.info(
    upsert === 'unchanged'
      ? `pipeline ${req.pipelineName}: definition unchanged (no update)`
      : `pipeline ${req.pipelineName}: ${upsert} from the definition file`,
  );
  let arn: string | undefined;
  const stopper = stopOnSignal({
    source: deps.signals,
    what: () => (arn ? `pipeline execution ${arn}` : undefined),
    stop: () => deps.api.stop(arn!, req.token),
    log: (line) => deps.log.info(line),
    ...(deps.stopDelay ? { delay: deps.stopDelay } : {}),
  });
  try {
    arn = await deps.api.start({ name: req.pipelineName, token: req.token, parameters: req.parameters });
    deps.saveState(PIPELINE_STATE.arn, arn);
    deps.saveState(PIPELINE_STATE.token, req.token);
    deps.saveState(PIPELINE_STATE.finished, 'false');
    let execution = await deps.api.describe(arn);
    const attached = execution.creationTime !== undefined && execution.creationTime < startedAt;
    deps.log.info(
      `pipeline execution ${arn}: ${attached ? `attached to the execution this run started earlier (${execution.status})` : 'started'}` +
        (req.parameters.length
          ? ` with ${req.parameters.map((p) => `${p.Name}=${p.Value}`).join(', ')}`
          : ''),
    );
    const base = { pipelineName: req.pipelineName, upsert, startedAt };
    if (!req.wait) {
      deps.saveState(PIPELINE_STATE.finished, 'detached');
      const steps = await deps.api.steps(arn);
      return { ...base, execution, steps, detached: true, endedAt: clock.now(), outcome: { ok: true } };
    }
    const seen = new Map<string, string>();
    const logs = req.streamLogs ? new StepLogs(deps) : undefined;
    let steps: StepView[] = [];
    let delay = deps.minDelayMs ?? 2_000;
    let timedOut = false;
    for (;;) {
      steps = await deps.api.steps(arn);
      for (const line of progressLines(seen, steps, clock.now())) {
        deps.log.info(line.text);
        if (line.untrusted) deps.log.untrusted(line.untrusted);
      }
      await logs?.update(steps);
      execution = await deps.api.describe(arn);
      if (EXECUTION_DONE.has(execution.status) || stopper.signal.aborted) break;
      if (req.timeoutMs !== undefined && clock.now() - startedAt > req.timeoutMs) {
        timedOut = true;
        deps.log.info(`timeout-minutes reached: stopping pipeline execution ${arn}`);
        await deps.api.stop(arn, req.token);
        break;
      }
      await sleep(delay, stopper.signal);
      delay = Math.min(deps.maxDelayMs ?? 15_000, Math.round(delay * 1.5));
    }
    if (stopper.signal.aborted) {
      await stopper.stopped();
      steps = await deps.api.steps(arn).catch(() => steps);
      return {
        ...base,
        execution,
        steps,
        detached: false,
        endedAt: clock.now(),
        outcome: {
          ok: false,
          cancelled: true,
          message: `cancelled (${stopper.received}): StopPipelineExecution requested for ${arn}`,
        },
      };
    }
    if (timedOut) {
      // Follow the stop to its end: nothing may be left running.
      for (let i = 0; i < 120 && !EXECUTION_DONE.has(execution.status); i++) {
        await sleep(deps.minDelayMs ?? 2_000);
        execution = await deps.api.describe(arn);
      }
    }
    await logs?.drainAll();
    steps = await deps.api.steps(arn);
    for (const line of progressLines(seen, steps, clock.now())) {
      deps.log.info(line.text);
      if (line.untrusted) deps.log.untrusted(line.untrusted);
    }
    if (EXECUTION_DONE.has(execution.status)) deps.saveState(PIPELINE_STATE.finished, 'true');
    const outcome: PipelineOutcome = timedOut
      ? {
          ok: false,
          message: `pipeline execution ${arn.split('/').pop()} did not finish within timeout-minutes; it was stopped (status ${execution.status})`,
        }
      : pipelineOutcome(execution, steps);
    return {
      ...base,
      execution,
      steps,
      detached: false,
      endedAt: clock.now(),
      ...(await artifacts(steps, deps)),
      outcome,
    };
  } finally {
    stopper.dispose();
  }
}

/** The post step: stop an execution the main step left running (cancelled, crashed). */
export async function stopLeftRunning(
  state: { arn: string; token: string; finished: string },
  api: PipelineApi,
  info: (line: string) => void,
): Promise<void> {
  if (!state.arn || state.finished === 'true' || state.finished === 'detached') {
    info(
      state.arn
        ? `post: pipeline execution ${state.arn} finished or was detached; nothing to do`
        : 'post: no pipeline execution was started; nothing to do',
    );
    return;
  }
  const current = await api.describe(state.arn);
  if (EXECUTION_DONE.has(current.status) || current.status === 'Stopping') {
    info(`post: pipeline execution ${state.arn} is ${current.status}; nothing to stop`);
    return;
  }
  await api.stop(state.arn, state.token);
  info(`post: StopPipelineExecution requested for ${state.arn} (it was ${current.status})`);
}
