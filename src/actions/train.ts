import * as core from '../core/runner.js';
import { runAction, readInputs } from '../core/action.js';
import { parseConfigRef } from '../core/config.js';
import { StageFailure, awsErrorName, errorMessage } from '../core/errors.js';
import { createAwsClients, resolveRegion } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import type { JobApi, JobKind } from '../sagemaker/jobs.js';
import { trainingJobApi } from '../sagemaker/training.js';
import { processingJobApi } from '../sagemaker/processing.js';
import { parseTrainSettings, runContextFromEnv } from '../stages/train/settings.js';
import { postDecision, postStop, runTrainJob } from '../stages/train/run.js';
import type { SignalSource } from '../core/signals.js';
import { trainOutputs, trainSummary } from '../stages/train/report.js';

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

export async function run(overrides: TrainOverrides = {}): Promise<void> {
  let cancelled = false;
  await runAction('train', async () => {
    const inputs = await readInputs('train');
    const configInput = core.getInput('config');
    const section = configInput.trim() ? parseConfigRef(configInput, 'train').section : undefined;
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
          warning: (line) => core.warning(line),
          saveState: (name, value) => core.saveState(name, value),
          signals: overrides.signals ?? process,
          ...(overrides.clock ? { clock: overrides.clock } : {}),
          ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
          ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
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
