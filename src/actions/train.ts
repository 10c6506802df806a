import { runAction, type ActionContext } from '../core/context.js';
import { parseConfigRef } from '../core/config.js';
import { CancelledFailure, ConfigurationError, StageFailure, errorMessage } from '../core/errors.js';
import type { SignalSource } from '../core/signals.js';
import { createAwsClients, resolveRegion, type AwsClients } from '../aws/clients.js';
import { fixedSchedule, pollIntervalFromEnv, type Clock, type Sleep } from '../aws/poller.js';
import type { JobApi, JobKind } from '../sagemaker/jobs.js';
import { trainingJobApi } from '../sagemaker/training.js';
import { processingJobApi } from '../sagemaker/processing.js';
import { MODES, TRAIN_NAMES, parseTrainSettings } from '../stages/train/settings.js';
import { postDecision, postStop, runTrainJob } from '../stages/train/run.js';
import { trainOutputs, trainSummary } from '../stages/train/report.js';
import { readFileSync } from 'node:fs';
import type { Inputs } from '../core/inputs.js';
import { pipelineApi } from '../sagemaker/pipelines.js';
import { readPipelineDefinition } from '../stages/train/pipeline/definition.js';
import { checkPipelineParameters } from '../stages/train/pipeline/parameters.js';
import { pipelineOutputs, pipelineSummary } from '../stages/train/pipeline/report.js';
import { PIPELINE_STATE, runPipeline, stopLeftRunning } from '../stages/train/pipeline/run.js';
import { PIPELINE_INPUTS, parsePipelineSettings } from '../stages/train/pipeline/settings.js';
import { executionToken } from '../stages/train/pipeline/token.js';

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

/** The definition file of pipeline mode, read from the workspace (the step's working directory). */
function readDefinitionFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `input '${PIPELINE_INPUTS.definition}': cannot read ${file} (${errorMessage(err)}); give a path relative to the repository root`,
    );
  }
}

/** mode: pipeline: create/update the pipeline, run it, report it (see src/stages/train/pipeline). */
async function trainPipeline(
  ctx: TrainContext,
  inputs: Inputs,
  stage: string,
  overrides: TrainOverrides,
): Promise<void> {
  const settings = parsePipelineSettings(inputs, ctx.env);
  const definition = readPipelineDefinition(
    readDefinitionFile(settings.definitionFile),
    settings.definitionFile,
    PIPELINE_INPUTS.definition,
  );
  const parameters = checkPipelineParameters(
    settings.parameters,
    definition.parameters,
    PIPELINE_INPUTS.parameters,
  );
  const pollInterval = pollIntervalFromEnv(ctx.env);
  ctx.failIfForced(settings.forceFail);
  if (!ctx.run.runId)
    ctx.log.info(
      'GITHUB_RUN_ID is not set (not running in GitHub Actions): every run starts a new pipeline execution',
    );
  const clients = createAwsClients({ region: settings.region });
  const sm = await clients.sagemaker();
  const training = trainingJobApi(sm);
  const result = await runPipeline(
    { ...settings, definition, parameters, token: executionToken(ctx.run, settings.pipelineName) },
    {
      api: pipelineApi(sm),
      logsClient: () => clients.logs(),
      modelArtifact: async (name) => (await training.describe(name))?.modelArtifact,
      log: ctx.log,
      saveState: (name, value) => ctx.saveState(name, value),
      signals: ctx.signals,
      ...(pollInterval ? { minDelayMs: pollInterval, maxDelayMs: pollInterval } : {}),
      ...(overrides.clock ? { clock: overrides.clock } : {}),
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
      ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
    },
  );
  const outputs = pipelineOutputs(result);
  for (const name of TRAIN_NAMES.outputs) ctx.setOutput(name, outputs[name]);
  await ctx.writeSummary(pipelineSummary(result, definition, settings.region, stage));
  if (!result.outcome.ok) {
    if (result.outcome.cancelled) throw new CancelledFailure(result.outcome.message);
    throw new StageFailure(result.outcome.message);
  }
  ctx.log.info(`pipeline ${settings.pipelineName}: execution ${result.execution.status}`);
}

async function train(ctx: TrainContext, overrides: TrainOverrides): Promise<void> {
  const inputs = await ctx.inputs();
  const configInput = inputs.optional('config') ?? '';
  const section = configInput ? parseConfigRef(configInput, 'train').section : undefined;
  if (inputs.choice('mode', MODES, 'training-job') === 'pipeline')
    return trainPipeline(ctx, inputs, section && section !== 'train' ? section : 'pipeline', overrides);
  const settings = parseTrainSettings(inputs, {
    run: ctx.run,
    configSection: section && section !== 'train' ? section : undefined,
    env: ctx.env,
  });
  // environment values may be secrets: masked before anything else is logged.
  // The runner masks line by line, so a multi-line value is also masked one line at a time.
  for (const value of Object.values(settings.spec.environment)) {
    if (value === '') continue;
    ctx.setSecret(value);
    const lines = value.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) for (const line of lines) ctx.setSecret(line);
  }
  const pollInterval = pollIntervalFromEnv(ctx.env);
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
      ...(pollInterval ? fixedSchedule(pollInterval) : {}),
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
      const pipelineArn = ctx.getState(PIPELINE_STATE.arn);
      if (pipelineArn) {
        const inputs = await ctx.inputs();
        const clients = createAwsClients({ region: resolveRegion(inputs.optional('region')) });
        await stopLeftRunning(
          {
            arn: pipelineArn,
            token: ctx.getState(PIPELINE_STATE.token),
            finished: ctx.getState(PIPELINE_STATE.finished),
          },
          pipelineApi(await clients.sagemaker()),
          (line) => ctx.log.info(line),
        );
        return;
      }
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
