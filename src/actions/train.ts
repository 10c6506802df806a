import * as core from '../core/runner.js';
import { runAction, readInputs } from '../core/action.js';
import { parseConfigRef } from '../core/config.js';
import { StageFailure, awsErrorName, errorMessage } from '../core/errors.js';
import { createAwsClients, resolveRegion } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import type { JobApi, JobKind } from '../sagemaker/jobs.js';
import { trainingJobApi } from '../sagemaker/training.js';
import { processingJobApi } from '../sagemaker/processing.js';
import { parseTrainSettings, runContextFromEnv } from '../sagemaker/train-settings.js';
import { postDecision, postStop, runTrainJob } from '../sagemaker/run-train.js';
import type { SignalSource } from '../sagemaker/stop-on-signal.js';
import { trainOutputs, trainSummary } from '../sagemaker/train-report.js';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../core/errors.js';
import type { Inputs } from '../core/inputs.js';
import { MODES } from '../sagemaker/train-settings.js';
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

/** A job log line must never be read by the runner as a workflow command (`::set-output`...). */
export function neutralizeCommands(line: string): string {
  return /^\s*::/.test(line) ? line.replace('::', ':\u200b:') : line;
}

/** Appends to the job summary; a failure to write it is a warning, not a failed stage. */
async function writeSummary(markdown: string): Promise<void> {
  try {
    if (!(await core.appendSummary(markdown)))
      core.debug('GITHUB_STEP_SUMMARY is not set; no job summary written');
  } catch (err) {
    core.warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}

/** An AWS error fails the stage with its error name (AccessDeniedException: ...), not only its message. */
async function withAwsErrorName<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const name = awsErrorName(err);
    const fromAws = err instanceof Error && '$metadata' in err;
    if (name && fromAws && !err.message.startsWith(name)) {
      throw new StageFailure(`${name}: ${err.message}`);
    }
    throw err;
  }
}

async function apiFor(
  kind: JobKind,
  region: string,
): Promise<{ api: JobApi; clients: ReturnType<typeof createAwsClients> }> {
  // The AWS SDK is loaded here, only once the inputs are known to be valid.
  const clients = createAwsClients({ region });
  const sm = await clients.sagemaker();
  return { api: kind === 'training' ? trainingJobApi(sm) : processingJobApi(sm), clients };
}

/** What both modes take from the runner: warnings, state, signals, and the test seams. */
function runnerDeps(overrides: TrainOverrides) {
  return {
    warning: (line: string) => core.warning(line),
    saveState: (name: string, value: string) => core.saveState(name, value),
    signals: overrides.signals ?? process,
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
  };
}

/** Untrusted text (job logs, failure reasons) with workflow commands stopped around it. */
function printUntrusted(text: string): void {
  const token = randomBytes(16).toString('hex');
  core.info(`::stop-commands::${token}`);
  for (const line of text.split(/\r\n|[\r\n\u2028\u2029]/)) core.info(line);
  core.info(`::${token}::`);
}

/** mode: pipeline. Returns true when the workflow was cancelled. */
async function runPipelineMode(inputs: Inputs, stage: string, overrides: TrainOverrides): Promise<boolean> {
  const settings = parsePipelineSettings(inputs);
  const region = resolveRegion(inputs.optional('region'), process.env);
  if (inputs.boolean('force-fail', false))
    throw new StageFailure('force-fail is set: this stage failed on purpose (no pipeline was started)', true);
  let text: string;
  try {
    text = readFileSync(settings.definitionFile, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `input '${PIPELINE_INPUTS.definition}': cannot read ${settings.definitionFile} (${errorMessage(err)}); give a path relative to the repository root`,
    );
  }
  const definition = readPipelineDefinition(text, settings.definitionFile, PIPELINE_INPUTS.definition);
  const parameters = checkPipelineParameters(
    settings.parameters,
    definition.parameters,
    PIPELINE_INPUTS.parameters,
  );
  const token = executionToken(runContextFromEnv(process.env), settings.pipelineName);
  const clients = createAwsClients({ region });
  const sm = await clients.sagemaker();
  const training = trainingJobApi(sm);
  const result = await withAwsErrorName(() =>
    runPipeline(
      { ...settings, definition, parameters, token },
      {
        api: pipelineApi(sm),
        logsClient: () => clients.logs(),
        modelArtifact: async (name) => (await training.describe(name))?.modelArtifact,
        info: (line) => core.info(line),
        untrusted: printUntrusted,
        ...runnerDeps(overrides),
      },
    ),
  );
  for (const [name, value] of Object.entries(pipelineOutputs(result))) core.setOutput(name, value);
  await writeSummary(pipelineSummary(result, definition, region, stage));
  if (!result.outcome.ok) {
    if (result.outcome.cancelled) return true;
    throw new StageFailure(result.outcome.message);
  }
  core.info(`pipeline ${settings.pipelineName}: execution ${result.execution.status}`);
  return false;
}

export async function run(overrides: TrainOverrides = {}): Promise<void> {
  let cancelled = false;
  await runAction('train', async () => {
    const inputs = await readInputs('train');
    const configInput = core.getInput('config');
    const section = configInput.trim() ? parseConfigRef(configInput, 'train').section : undefined;
    if (inputs.choice('mode', MODES, 'training-job') === 'pipeline') {
      cancelled = await runPipelineMode(
        inputs,
        section && section !== 'train' ? section : 'pipeline',
        overrides,
      );
      if (cancelled) throw new StageFailure('cancelled: the pipeline execution was asked to stop');
      return;
    }
    const settings = parseTrainSettings(inputs, {
      run: runContextFromEnv(process.env),
      configSection: section && section !== 'train' ? section : undefined,
      env: process.env,
    });
    if (settings.forceFail) {
      throw new StageFailure('force-fail is set: this stage failed on purpose (no job was started)', true);
    }
    core.info(
      `${settings.mode}: job name ${settings.jobName}${settings.jobNameSource === 'default' ? ' (derived from the run: repository, workflow, job, run id, step, stage)' : ''}`,
    );
    if (settings.jobNameSource === 'default' && !process.env['GITHUB_RUN_ID']) {
      core.info(
        'GITHUB_RUN_ID is not set (not running in GitHub Actions): the default job name is the same on every run, so a Completed job of that name is reused; set job-name or reuse: false for a fresh job',
      );
    }
    const envKeys = Object.keys(settings.spec.environment);
    if (envKeys.length) core.info(`environment variables (values not shown): ${envKeys.join(', ')}`);

    const { api, clients } = await apiFor(settings.spec.kind, settings.region);
    const result = await withAwsErrorName(() =>
      runTrainJob(
        {
          spec: settings.spec,
          baseName: settings.jobName,
          reuse: settings.reuse,
          wait: settings.wait,
          timeoutMs: settings.timeoutMs,
          streamLogs: settings.streamLogs,
          region: settings.region,
        },
        {
          api,
          logsClient: () => clients.logs(),
          info: (line) => core.info(neutralizeCommands(line)),
          ...runnerDeps(overrides),
        },
      ),
    );
    for (const [name, value] of Object.entries(trainOutputs(result))) core.setOutput(name, value);
    await writeSummary(trainSummary(result, settings.stage));
    if (!result.outcome.ok) {
      cancelled = result.outcome.message.startsWith('cancelled');
      throw new StageFailure(result.outcome.message);
    }
    const status = result.detached
      ? 'started (detached)'
      : result.action === 'reused'
        ? 'reused (Completed earlier)'
        : 'Completed';
    core.info(`${settings.mode} ${result.name}: ${status}`);
  });
  // After a cancel, leave at once (open sockets or timers must not delay the exit).
  if (cancelled) (overrides.exit ?? ((code: number) => process.exit(code)))(1);
}

/** The post step: stops the job when the main step died before it finished (cancel, crash). */
export async function runPost(): Promise<void> {
  await runAction('train (post)', async () => {
    const pipelineArn = core.getState(PIPELINE_STATE.arn);
    if (pipelineArn) {
      const inputs = await readInputs('train');
      const clients = createAwsClients({ region: resolveRegion(inputs.optional('region')) });
      await withAwsErrorName(async () =>
        stopLeftRunning(
          {
            arn: pipelineArn,
            token: core.getState(PIPELINE_STATE.token),
            finished: core.getState(PIPELINE_STATE.finished),
          },
          pipelineApi(await clients.sagemaker()),
          (line) => core.info(line),
        ),
      );
      return;
    }
    const state = {
      jobName: core.getState('job-name'),
      kind: core.getState('job-kind'),
      finished: core.getState('finished'),
    };
    if (postDecision(state) === 'nothing') {
      core.info(
        state.jobName
          ? `post: ${state.jobName} finished or was detached in the main step; nothing to do`
          : 'post: no job was started; nothing to do',
      );
      return;
    }
    const kind: JobKind = state.kind === 'processing' ? 'processing' : 'training';
    const inputs = await readInputs('train');
    const region = resolveRegion(inputs.optional('region'));
    const { api } = await apiFor(kind, region);
    await withAwsErrorName(() => postStop(api, state.jobName, (line) => core.info(line)));
  });
}
