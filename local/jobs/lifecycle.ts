/**
 * The lifecycle every job kind shares: its flow started and tracked in ctx.flows, an unexpected
 * error turned into Failed/InternalServerError, the terminal status written to the kind's state
 * table, its process run under a stop handle, and its temporary root removed at the end.
 */
import type { LocalContext, Rec, State } from '../context.js';
import type { Collection } from '../store.js';
import { Tail, logJobEnd, removeJobRoot, truncateReason } from './common.js';
import { JobFailure, type Command } from './inputs.js';
import type { ProcessResult } from './process.js';

type Obj = Record<string, unknown>;

export type TerminalStatus = 'Completed' | 'Failed' | 'Stopped';

/** What sets one job kind apart: where its records live and how their fields are named. */
export interface JobDescriptor {
  /** Log kind, and the `<kind>/<name>` key of its stop handle in ctx.stoppers. */
  readonly kind: 'training' | 'processing' | 'transform';
  readonly table: (state: State) => Collection<Rec>;
  /** e.g. ProcessingJobStatus */
  readonly statusField: string;
  /** e.g. ProcessingEndTime */
  readonly endTimeField: string;
}

export type FinishJob = (ctx: LocalContext, name: string, status: TerminalStatus, patch: Obj) => void;

export interface JobLifecycle {
  readonly job: JobDescriptor;
  /** Key of the job's stop handle in ctx.stoppers. */
  stopperKey(name: string): string;
  /** Runs the flow in the background, tracked in ctx.flows; an unexpected error ends the job Failed. */
  start(ctx: LocalContext, name: string, run: (ctx: LocalContext, name: string) => Promise<void>): void;
  /** Writes the terminal status (nothing once the server is closing or the job is gone). */
  readonly finish: FinishJob;
  stopRequested(ctx: LocalContext, name: string): boolean;
  /** A JobFailure ends the job Failed (Stopped if a stop was requested); any other error is rethrown. */
  settle(ctx: LocalContext, name: string, err: unknown): void;
  /** Drops the stop handle and removes the temporary root (kept with SAGEMAKER_LOCAL_KEEP_ROOTS). */
  cleanup(ctx: LocalContext, name: string, root: string): void;
  /**
   * Runs the job's process under a stop handle, keeping the last 20 stderr lines. Undefined when
   * the server is shutting down; a process that could not be spawned is a ClientError JobFailure.
   */
  runProcess(
    ctx: LocalContext,
    name: string,
    opts: {
      cmd: Command;
      env: NodeJS.ProcessEnv;
      maxRuntimeMs: number;
      onLine: (line: string, stream: 'stdout' | 'stderr') => void;
    },
  ): Promise<{ result: ProcessResult; stderrTail: string[] } | undefined>;
}

/** The default terminal write: status, end time and LastModifiedTime over the record, then the log line. */
export function finishJob(
  ctx: LocalContext,
  job: JobDescriptor,
  name: string,
  status: TerminalStatus,
  patch: Obj,
): void {
  if (ctx.closing) return;
  const table = job.table(ctx.state);
  const rec = table.get(name);
  if (!rec) return;
  const now = ctx.now();
  table.put(name, {
    ...rec,
    [job.statusField]: status,
    [job.endTimeField]: now,
    LastModifiedTime: now,
    ...patch,
  } as Rec);
  logJobEnd(ctx, job.kind, name, status, patch);
}

/** MaxRuntimeInSeconds of a request's StoppingCondition (default one day), in milliseconds. */
export function maxRuntimeMs(req: Obj): number {
  const seconds = (req['StoppingCondition'] as Obj | undefined)?.['MaxRuntimeInSeconds'] as
    number | undefined;
  return (seconds ?? 86400) * 1000;
}

/** The lifecycle of one job kind; `finish` replaces the default terminal write (training's). */
export function jobLifecycle(
  job: JobDescriptor,
  finish: FinishJob = (ctx, name, status, patch) => finishJob(ctx, job, name, status, patch),
): JobLifecycle {
  const stopperKey = (name: string): string => `${job.kind}/${name}`;
  const stopRequested = (ctx: LocalContext, name: string): boolean =>
    job.table(ctx.state).get(name)?.[job.statusField] === 'Stopping';
  return {
    job,
    stopperKey,
    finish,
    stopRequested,
    start(ctx, name, run) {
      const flow = run(ctx, name).catch((err: unknown) => {
        ctx.logger.error(`${job.kind} job ${name}: ${(err as Error).stack ?? String(err)}`);
        finish(ctx, name, 'Failed', {
          FailureReason: truncateReason(`InternalServerError: ${(err as Error).message}`),
        });
      });
      ctx.flows.add(flow);
      void flow.finally(() => ctx.flows.delete(flow));
    },
    settle(ctx, name, err) {
      if (!(err instanceof JobFailure)) throw err;
      if (stopRequested(ctx, name)) finish(ctx, name, 'Stopped', {});
      else finish(ctx, name, 'Failed', { FailureReason: truncateReason(err.message) });
    },
    cleanup(ctx, name, root) {
      ctx.stoppers.delete(stopperKey(name));
      if (!process.env['SAGEMAKER_LOCAL_KEEP_ROOTS']) removeJobRoot(root);
      ctx.processes.untrackRoot(root);
    },
    async runProcess(ctx, name, { cmd, env, maxRuntimeMs, onLine }) {
      const tail = new Tail(20);
      const proc = ctx.processes.start({
        ...cmd,
        env,
        maxRuntimeMs,
        onLine: (line, stream) => {
          onLine(line, stream);
          if (stream === 'stderr') tail.push(line);
        },
      });
      ctx.stoppers.set(stopperKey(name), () => proc.stop('stop'));
      const result = await proc.done;
      ctx.stoppers.delete(stopperKey(name));
      if (ctx.closing || result.stopReason === 'shutdown') return undefined;
      if (result.spawnError)
        throw new JobFailure(`ClientError: cannot start ${cmd.command}: ${result.spawnError}`);
      return { result, stderrTail: tail.get() };
    },
  };
}
