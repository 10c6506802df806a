import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LogStreamer, logConsoleUrl } from '../../aws/logs.js';
import { DEFAULT_MIN_DELAY_MS, systemClock, systemSleep, type Clock, type Sleep } from '../../aws/poller.js';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { TrainState } from './settings.js';
import {
  consoleJobUrl,
  isNotStoppable,
  isTerminal,
  type JobApi,
  type JobSpec,
  type JobView,
} from '../../sagemaker/jobs.js';
import { createOrAttach, kindLabel, type ResolveAction, type Resolution } from './resolve-job.js';
import { stopOnSignal, type SignalSource } from '../../core/signals.js';
import { outcomeOf, waitForJob, type Outcome } from '../../sagemaker/wait-job.js';

/**
 * The train action's job lifecycle over plain typed arguments: create or re-attach, save the
 * state the post step needs, wait with live logs, and stop the job on timeout or cancel.
 */
export interface TrainJobRequest {
  spec: JobSpec;
  baseName: string;
  reuse: boolean;
  wait: boolean;
  timeoutMs: number | undefined;
  streamLogs: boolean;
  region: string;
  /**
   * True when the job name is derived from this run (default name with GITHUB_RUN_ID): a job of
   * that name can only come from an earlier attempt of this run. False for an explicit job-name.
   */
  nameFromRun: boolean;
}

export interface TrainJobDeps {
  api: JobApi;
  /** The CloudWatch Logs client, built on first use. */
  logsClient: () => Promise<CloudWatchLogsClient>;
  /** The action context's Logger: job log lines are untrusted, the rest is ours. */
  log: Pick<Logger, 'info' | 'warning' | 'untrustedLine'>;
  /** The context's saveState: the post step reads job-name, job-kind and finished. */
  saveState: (name: TrainState, value: string) => void;
  signals: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  minDelayMs?: number;
  maxDelayMs?: number;
  budgetIntervalMs?: number;
  /** Bound and timer for the stop call after a signal (tests inject a fake delay). */
  stopBoundMs?: number;
  stopDelay?: (ms: number) => Promise<void>;
}

export interface TrainJobResult {
  action: ResolveAction;
  name: string;
  arn: string;
  view: JobView | undefined;
  detached: boolean;
  outcome: Outcome;
  replaced: Resolution['replaced'];
  /** Whether an attached/reused job is known to come from an earlier attempt of this run. */
  fromThisRun: boolean;
  /** Time spent watching (not the job's duration). */
  watchedMs: number;
  describes: number;
  logUrl: string;
  consoleUrl: string;
}

export async function runTrainJob(req: TrainJobRequest, deps: TrainJobDeps): Promise<TrainJobResult> {
  const { api } = deps;
  const info = (line: string): void => deps.log.info(line);
  const warning = (line: string): void => deps.log.warning(line);
  const clock = deps.clock ?? systemClock;
  const label = kindLabel(api);
  let current: string | undefined;
  const sig = stopOnSignal({
    source: deps.signals,
    what: () => (current ? `${label} ${current}` : undefined),
    stop: () => stopJob(api, current!),
    log: info,
    ...(deps.stopBoundMs !== undefined ? { boundMs: deps.stopBoundMs } : {}),
    ...(deps.stopDelay ? { delay: deps.stopDelay } : {}),
  });
  try {
    const res = await createOrAttach(api, req.spec, req.baseName, req.reuse, {
      info,
      beforeCreate: (name) => {
        // Saved before the Create call: the name is deterministic, and a SIGKILL during the
        // call must leave the post step able to stop the job.
        deps.saveState('job-name', name);
        deps.saveState('job-kind', api.kind);
      },
    });
    current = res.name;
    deps.saveState('job-name', res.name);
    deps.saveState('job-kind', api.kind);
    const base = {
      action: res.action,
      name: res.name,
      arn: res.arn,
      replaced: res.replaced,
      logUrl: logConsoleUrl(req.region, api.logGroup, res.name),
      consoleUrl: consoleJobUrl(req.region, api.kind, res.name),
      fromThisRun: req.nameFromRun,
    };
    const origin = req.nameFromRun
      ? 'an earlier attempt of this run'
      : 'an earlier run or attempt with the same spec (job-name is fixed)';
    if (res.action === 'created') info(`created ${label} ${res.name}`);
    if (res.action === 'attached') {
      info(
        `re-attached to ${label} ${res.name} (${res.view?.status}): it was started by ${origin}; no new job is created`,
      );
    }
    if (res.action === 'reused') {
      deps.saveState('finished', 'true');
      info(`reused ${label} ${res.name}: it already Completed in ${origin}; no new job is created`);
      return { ...base, view: res.view, detached: false, outcome: { ok: true }, watchedMs: 0, describes: 0 };
    }
    if (sig.received) {
      // The signal came while the job was being created: stop it now.
      await sig.stopped();
      await stopJob(api, res.name).catch((err: unknown) =>
        warning(`could not stop ${res.name}: ${errorMessage(err)}`),
      );
      return {
        ...base,
        view: res.view,
        detached: false,
        outcome: cancelled(sig.received, label, res.name),
        watchedMs: 0,
        describes: 0,
      };
    }
    if (!req.wait) {
      deps.saveState('finished', 'true');
      info(`wait is false: leaving ${label} ${res.name} running (detached); follow it at ${base.consoleUrl}`);
      return { ...base, view: res.view, detached: true, outcome: { ok: true }, watchedMs: 0, describes: 0 };
    }

    const streamer = req.streamLogs
      ? new LogStreamer({
          client: await deps.logsClient(),
          logGroup: api.logGroup,
          prefix: `${res.name}/`,
          // Job log lines are untrusted: printed with workflow commands stopped.
          write: (line) => deps.log.untrustedLine(line),
          warn: warning,
        })
      : undefined;
    const started = clock.now();
    const waited = await waitForJob({
      api,
      name: res.name,
      streamer,
      timeoutMs: req.timeoutMs,
      signal: sig.signal,
      clock,
      sleep: deps.sleep ?? systemSleep,
      // Status messages and FailureReasons come from AWS: untrusted.
      write: (line) => deps.log.untrustedLine(line),
      // The job was just created or described: the first look comes after the minimum delay.
      initialDelayMs: deps.minDelayMs ?? DEFAULT_MIN_DELAY_MS,
      ...(deps.minDelayMs !== undefined ? { minDelayMs: deps.minDelayMs } : {}),
      ...(deps.maxDelayMs !== undefined ? { maxDelayMs: deps.maxDelayMs } : {}),
      ...(deps.budgetIntervalMs !== undefined ? { budgetIntervalMs: deps.budgetIntervalMs } : {}),
    });
    const watched = { watchedMs: clock.now() - started, describes: waited.describes, detached: false };
    const lastLines = streamer?.lastLines(20) ?? [];

    if (waited.state === 'aborted') {
      const ok = await sig.stopped();
      if (ok) deps.saveState('finished', 'true');
      return {
        ...base,
        ...watched,
        view: waited.view,
        outcome: cancelled(sig.received ?? 'signal', label, res.name),
      };
    }
    if (waited.state === 'timeout') {
      const minutes = formatMinutes(req.timeoutMs ?? 0);
      info(`timeout-minutes (${minutes}) reached: stopping ${label} ${res.name}`);
      await stopJob(api, res.name);
      deps.saveState('finished', 'true');
      const tail = lastLines.length ? `\nLast lines of the job log:\n${lastLines.join('\n')}` : '';
      return {
        ...base,
        ...watched,
        view: waited.view,
        outcome: {
          ok: false,
          message: `${label} ${res.name} was stopped after ${minutes} minutes (timeout-minutes)${tail}`,
        },
      };
    }
    deps.saveState('finished', 'true');
    const view = waited.view!;
    return { ...base, ...watched, view, outcome: outcomeOf(view, lastLines) };
  } finally {
    sig.dispose();
  }
}

function cancelled(signalName: string, label: string, name: string): Outcome {
  return {
    ok: false,
    cancelled: true,
    message: `cancelled (${signalName}): stop requested for ${label} ${name}`,
  };
}

function formatMinutes(ms: number): string {
  const m = ms / 60_000;
  return Number.isInteger(m) ? String(m) : m.toFixed(2).replace(/0+$/, '');
}

/** Stop*, treating "already finished" as done. */
export async function stopJob(api: JobApi, name: string): Promise<void> {
  try {
    await api.stop(name);
  } catch (err) {
    if (!isNotStoppable(err)) throw err;
  }
}

/** What the post step does with the state the main step saved (pure decision). */
export function postDecision(state: {
  jobName: string;
  kind: string;
  finished: string;
}): 'nothing' | 'check' {
  if (!state.jobName || state.finished === 'true') return 'nothing';
  return 'check';
}

/** The post step: stop the job if the main step died before it finished. Returns what was done. */
export async function postStop(
  api: JobApi,
  name: string,
  info: (line: string) => void,
): Promise<'stopped' | 'already-ended' | 'missing'> {
  const view = await api.describe(name);
  if (!view) {
    info(`post: ${kindLabel(api)} ${name} does not exist; nothing to stop`);
    return 'missing';
  }
  if (isTerminal(view.status) || view.status === 'Stopping') {
    info(`post: ${kindLabel(api)} ${name} is ${view.status}; nothing to stop`);
    return 'already-ended';
  }
  info(
    `post: the main step ended before ${kindLabel(api)} ${name} finished (${view.status}); stopping it so nothing keeps running`,
  );
  await stopJob(api, name);
  info(`post: stop requested for ${name}`);
  return 'stopped';
}
