import { appendFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { describeAwsError } from '../aws/errors.js';
import { loadConfig } from './config.js';
import { CancelledFailure, ConfigurationError, StageFailure, errorMessage } from './errors.js';
import { Inputs } from './inputs.js';
import { annotationText, createLogger, type Logger } from './log.js';
import { runIdentityFromEnv, type RunIdentity } from './run-identity.js';
import type { SignalSource } from './signals.js';
import { setAwsExecutionEnv } from '../aws/user-agent.js';

/**
 * The one action context every stage receives: a Logger (with folded groups and untrusted-text
 * blocks), typed outputs, the job summary, saved state, cancel signals, and the run identity.
 * runAction builds it, runs the body, and reports any failure exactly once.
 */

/** An action's input, output and state names, defined once per stage (settings.ts). */
export interface StageNames {
  action: string;
  inputs: readonly string[];
  outputs: readonly string[];
  state: readonly string[];
}

type Item<T extends readonly string[]> = T[number];

export interface ActionContext<N extends StageNames = StageNames> {
  readonly names: N;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly run: RunIdentity;
  /** SIGINT/SIGTERM source (the runner cancels with SIGINT, then SIGTERM). */
  readonly signals: SignalSource;
  /** The inputs with config-file values applied; unknown config keys are a ConfigurationError. */
  inputs(): Promise<Inputs>;
  setOutput(name: Item<N['outputs']>, value: string): void;
  /** Masks a value in the rest of the log (setSecret). */
  setSecret(value: string): void;
  saveState(name: Item<N['state']>, value: string): void;
  getState(name: Item<N['state']>): string;
  /** Appends Markdown to the job summary; a failure to write it is a warning. */
  writeSummary(markdown: string): Promise<void>;
  /**
   * force-fail: call after every input is validated and before any AWS call. Throws a
   * StageFailure labelled as forced when `forced` is true.
   */
  failIfForced(forced: boolean): void;
}

/** Test seams; production uses the defaults. */
export interface ContextOptions {
  signals?: SignalSource;
  env?: NodeJS.ProcessEnv;
  /** Called with 1 after a cancelled run failed (default process.exit). */
  exit?: (code: number) => void;
  /** Extra text for the failure line of the post step ("train (post)"). */
  label?: string;
}

export function createContext<N extends StageNames>(
  names: N,
  opts: ContextOptions = {},
): ActionContext<N> & { log: ReturnType<typeof createLogger> } {
  const env = opts.env ?? process.env;
  const log = createLogger();
  return {
    names,
    log,
    env,
    run: runIdentityFromEnv(env),
    signals: opts.signals ?? process,
    async inputs() {
      const configInput = core.getInput('config');
      const { values, shared } = await loadConfig(configInput, names.action, names.inputs, env);
      return new Inputs((n) => core.getInput(n), values, shared);
    },
    setOutput: (name, value) => {
      log.guard.close();
      core.setOutput(name, value);
    },
    setSecret: (value) => {
      log.guard.close();
      core.setSecret(value);
    },
    saveState: (name, value) => {
      log.guard.close();
      core.saveState(name, value);
    },
    getState: (name) => core.getState(name),
    async writeSummary(markdown) {
      // Appended directly: core.summary caches the file path of its first use in a process.
      const file = env['GITHUB_STEP_SUMMARY'];
      if (!file) {
        log.debug('GITHUB_STEP_SUMMARY is not set; no job summary written');
        return;
      }
      try {
        await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
      } catch (err) {
        log.warning(`could not write the job summary: ${errorMessage(err)}`);
      }
    },
    failIfForced(forced) {
      if (forced)
        throw new StageFailure(
          'force-fail is set: this stage failed on purpose (inputs were validated; no AWS call was made)',
          true,
        );
    },
  };
}

/** The message a failed step shows (pure): prefixed with the action, AWS errors mapped. */
export function failureMessage(label: string, err: unknown): string {
  if (err instanceof ConfigurationError) return `${label}: configuration error: ${errorMessage(err)}`;
  const aws = describeAwsError(err);
  if (aws) return `${label}: ${aws}`;
  return `${label}: ${errorMessage(err)}`;
}

/**
 * The one top-level wrapper: builds the context, runs the body, and calls setFailed exactly once
 * for any thrown value. Configuration errors, stage failures and AWS errors are shown without a
 * stack trace; unexpected errors get their stack in the debug log only. After a cancel the
 * process exits at once (open sockets or timers must not delay the exit).
 */
export async function runAction<N extends StageNames>(
  names: N,
  body: (ctx: ActionContext<N>) => Promise<void>,
  opts: ContextOptions = {},
): Promise<void> {
  setAwsExecutionEnv(opts.env ?? process.env);
  const ctx = createContext(names, opts);
  const label = opts.label ?? names.action;
  let cancelled = false;
  // Fail closed if the process runs out of work while the body still waits (a promise nothing
  // will settle, e.g. a worker thread that exited without answering): Node would exit 0 with no
  // outputs, a green step that did nothing.
  const stalled = (): void => {
    ctx.log.guard.close();
    core.setFailed(
      `${label}: internal error: the step stopped before it finished (it waited on work that will never end); its outputs are not set. Re-run it; if it happens again, report it with this log`,
    );
  };
  process.once('beforeExit', stalled);
  try {
    await body(ctx);
  } catch (err) {
    ctx.log.guard.close();
    cancelled = err instanceof CancelledFailure;
    if (err instanceof StageFailure && err.forced)
      await ctx.writeSummary(
        `### ❌ ${label}: failed on purpose (force-fail: true)\n\n${errorMessage(err)}\n`,
      );
    const known = err instanceof ConfigurationError || err instanceof StageFailure || describeAwsError(err);
    if (!known && err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(annotationText(failureMessage(label, err)));
  } finally {
    process.removeListener('beforeExit', stalled);
    ctx.log.guard.close();
  }
  if (cancelled) (opts.exit ?? ((code: number) => process.exit(code)))(1);
}
