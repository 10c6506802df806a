import { runAction, type ActionContext } from '../core/context.js';
import { parseConfigRef } from '../core/config.js';
import { CancelledFailure, StageFailure } from '../core/errors.js';
import type { SignalSource } from '../core/signals.js';
import { createAwsClients, resolveRegion, type AwsClients } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import type { JobApi, JobKind } from '../sagemaker/jobs.js';
import { trainingJobApi } from '../sagemaker/training.js';
import { processingJobApi } from '../sagemaker/processing.js';
import { TRAIN_NAMES, parseTrainSettings } from '../stages/train/settings.js';
import { postDecision, postStop, runTrainJob } from '../stages/train/run.js';
import { trainOutputs, trainSummary } from '../stages/train/report.js';

/** Test seams; production uses the defaults (process signals, real time). */
export interface TrainOverrides {
  signals?: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  stopDelay?: (ms: number) => Promise<void>;
  exit?: (code: number) => void;
}

type TrainContext = ActionContext<typeof TRAIN_NAMES>;

async function apiFor(kind: JobKind, region: string): Promise<{ api: JobApi; clients: AwsClients }> {
  // The AWS SDK is loaded here, only once the inputs are known to be valid.
  const clients = createAwsClients({ region });
  const sm = await clients.sagemaker();
  return { api: kind === 'training' ? trainingJobApi(sm) : processingJobApi(sm), clients };
}

async function train(ctx: TrainContext, overrides: TrainOverrides): Promise<void> {
  const inputs = await ctx.inputs();
  const configInput = inputs.optional('config') ?? '';
  const section = configInput ? parseConfigRef(configInput, 'train').section : undefined;
  const settings = parseTrainSettings(inputs, {
    run: ctx.run,
    configSection: section && section !== 'train' ? section : undefined,
    env: ctx.env,
  });
  // environment values may be secrets: masked before anything else is logged.
  for (const value of Object.values(settings.spec.environment)) if (value !== '') ctx.setSecret(value);
  ctx.failIfForced(settings.forceFail);
  const { log } = ctx;
  log.info(
    `${settings.mode}: job name ${settings.jobName}${settings.jobNameSource === 'default' ? ' (derived from the run: repository, workflow, job, run id, step, stage)' : ''}`,
  );
  if (settings.jobNameSource === 'default' && !ctx.run.runId) {
    log.info(
      'GITHUB_RUN_ID is not set (not running in GitHub Actions): the default job name is the same on every run, so a Completed job of that name is reused; set job-name or reuse: false for a fresh job',
    );
  }
  const envKeys = Object.keys(settings.spec.environment);
  if (envKeys.length) log.info(`environment variables (values not shown): ${envKeys.join(', ')}`);

  const { api, clients } = await apiFor(settings.spec.kind, settings.region);
  const result = await runTrainJob(
    {
      spec: settings.spec,
      baseName: settings.jobName,
      reuse: settings.reuse,
      wait: settings.wait,
      timeoutMs: settings.timeoutMs,
      streamLogs: settings.streamLogs,
      region: settings.region,
      nameFromRun: settings.jobNameSource === 'default' && Boolean(ctx.run.runId),
    },
    {
      api,
      logsClient: () => clients.logs(),
      log,
      saveState: (name, value) => ctx.saveState(name, value),
      signals: ctx.signals,
      ...(overrides.clock ? { clock: overrides.clock } : {}),
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
      ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
    },
  );
  const outputs = trainOutputs(result);
  for (const name of TRAIN_NAMES.outputs) ctx.setOutput(name, outputs[name]);
  await ctx.writeSummary(trainSummary(result, settings.stage));
  if (!result.outcome.ok) {
    if (result.outcome.cancelled) throw new CancelledFailure(result.outcome.message);
    throw new StageFailure(result.outcome.message);
  }
  const status = result.detached
    ? 'started (detached)'
    : result.action === 'reused'
      ? 'reused (Completed earlier)'
      : 'Completed';
  log.info(`${settings.mode} ${result.name}: ${status}`);
}

export async function run(overrides: TrainOverrides = {}): Promise<void> {
  await runAction(TRAIN_NAMES, (ctx) => train(ctx, overrides), {
    ...(overrides.signals ? { signals: overrides.signals } : {}),
    ...(overrides.exit ? { exit: overrides.exit } : {}),
  });
}

/** The post step: stops the job when the main step died before it finished (cancel, crash). */
export async function runPost(): Promise<void> {
  await runAction(
    TRAIN_NAMES,
    async (ctx) => {
      const state = {
        jobName: ctx.getState('job-name'),
        kind: ctx.getState('job-kind'),
        finished: ctx.getState('finished'),
      };
      if (postDecision(state) === 'nothing') {
        ctx.log.info(
          state.jobName
            ? `post: ${state.jobName} finished or was detached in the main step; nothing to do`
            : 'post: no job was started; nothing to do',
        );
        return;
      }
      const kind: JobKind = state.kind === 'processing' ? 'processing' : 'training';
      const inputs = await ctx.inputs();
      const region = resolveRegion(inputs.optional('region'));
      const { api } = await apiFor(kind, region);
      await postStop(api, state.jobName, (line) => ctx.log.info(line));
    },
    { label: 'train (post)' },
  );
}
