import { pollUntil, systemClock, systemSleep, type Clock, type Sleep } from '../aws/poller.js';
import type { LogStreamer } from '../aws/logs.js';
import { isThrottling } from '../aws/errors.js';
import { isTerminal, type JobApi, type JobView } from './jobs.js';

/** `[mm:ss]` (or `[h:mm:ss]`) for an elapsed time. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `[${h}:${String(m).padStart(2, '0')}:${sec}]` : `[${String(m).padStart(2, '0')}:${sec}]`;
}

/**
 * Turns successive Describe answers into one line per status transition:
 * `[00:42] Training — Training image download completed. Training in progress.`
 * Training jobs list their SecondaryStatusTransitions (timed from the job's creation); processing
 * jobs only have a status, reported when it changes (timed from when watching started).
 */
export class TransitionReporter {
  private printed = 0;
  private lastStatus: string | undefined;

  constructor(private readonly write: (line: string) => void) {}

  update(view: JobView, watchedMs: number): void {
    if (view.transitions.length > 0) {
      const origin = view.creationTime?.getTime();
      for (let i = this.printed; i < view.transitions.length; i++) {
        const t = view.transitions[i]!;
        const at = origin !== undefined && t.startTime ? t.startTime.getTime() - origin : watchedMs;
        this.write(`${formatElapsed(at)} ${t.status}${t.message ? ` — ${t.message}` : ''}`);
      }
      // A transition's message can change while it is current; only new transitions are printed.
      this.printed = view.transitions.length;
      this.lastStatus = view.transitions[view.transitions.length - 1]!.status;
      return;
    }
    const status = view.secondaryStatus ?? view.status;
    if (status !== this.lastStatus) {
      const extra = view.status === 'Failed' && view.failureReason ? ` — ${view.failureReason}` : '';
      this.write(`${formatElapsed(watchedMs)} ${status}${extra}`);
      this.lastStatus = status;
    }
  }
}

export interface WaitOptions {
  api: JobApi;
  name: string;
  /** Streams the job's logs between describes (stream-logs: true). */
  streamer?: LogStreamer | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  sleep?: Sleep;
  minDelayMs?: number;
  maxDelayMs?: number;
  budgetIntervalMs?: number;
  /** Wait before the first describe (the job was just created or described). */
  initialDelayMs?: number;
  write: (line: string) => void;
}

export interface WaitResult {
  state: 'done' | 'timeout' | 'aborted';
  view: JobView | undefined;
  describes: number;
}

/** Secondary statuses that mean the end is near: look again soon. */
const FINISHING_STATUSES = new Set([
  'Uploading',
  'Stopping',
  'Completed',
  'Failed',
  'Stopped',
  'MaxRuntimeExceeded',
]);

export async function waitForJob(opts: WaitOptions): Promise<WaitResult> {
  const reporter = new TransitionReporter(opts.write);
  let describes = 0;
  let last: JobView | undefined;
  const { streamer } = opts;
  const result = await pollUntil<JobView | undefined>({
    describe: async () => {
      describes++;
      try {
        return await opts.api.describe(opts.name);
      } catch (err) {
        // The SDK already retried (adaptive mode); if it still is throttled, wait for the next turn.
        if (last !== undefined && isThrottling(err)) return last;
        throw err;
      }
    },
    isDone: (v) => v === undefined || isTerminal(v.status),
    onUpdate: async (v, elapsed) => {
      if (!v) return;
      last = v;
      // The job ended: print what it wrote in its last seconds before its final status lines.
      if (streamer && isTerminal(v.status)) await streamer.drain();
      reporter.update(v, elapsed);
    },
    onTick: streamer ? async () => void (await streamer.poll()) : undefined,
    hurry: () =>
      (streamer?.finishing ?? false) ||
      (last !== undefined &&
        (FINISHING_STATUSES.has(last.secondaryStatus ?? '') || last.status === 'Stopping')),
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    clock: opts.clock ?? systemClock,
    sleep: opts.sleep ?? systemSleep,
    ...(opts.minDelayMs !== undefined ? { minDelayMs: opts.minDelayMs } : {}),
    ...(opts.maxDelayMs !== undefined ? { maxDelayMs: opts.maxDelayMs } : {}),
    ...(opts.budgetIntervalMs !== undefined ? { budgetIntervalMs: opts.budgetIntervalMs } : {}),
    ...(opts.initialDelayMs !== undefined ? { initialDelayMs: opts.initialDelayMs } : {}),
  });
  if (result.state === 'done' && result.value === undefined) {
    throw new Error(
      `job ${opts.name} disappeared while it was being watched (Describe says it does not exist)`,
    );
  }
  // Read what the job wrote in its last seconds before reporting.
  if (streamer && result.state !== 'aborted') await streamer.drain();
  return { state: result.state, view: result.value ?? last, describes };
}

export type Outcome = { ok: true } | { ok: false; message: string; cancelled?: boolean };

/** Success or the failure message for a finished job (pure). */
export function outcomeOf(view: JobView, lastLines: string[]): Outcome {
  const what = `${view.kind === 'training' ? 'training' : 'processing'} job ${view.name}`;
  const logTail = lastLines.length ? `\nLast lines of the job log:\n${lastLines.join('\n')}` : '';
  if (view.status === 'Completed') return { ok: true };
  if (view.status === 'Failed') {
    if (view.failureReason && /MaxRuntime/i.test(view.failureReason)) {
      return {
        ok: false,
        message: `${what} exceeded max-runtime-minutes and was stopped by SageMaker (${view.failureReason})${logTail}`,
      };
    }
    const reason = view.failureReason ?? view.exitMessage ?? 'no FailureReason given';
    return { ok: false, message: `${what} failed: ${reason}${logTail}` };
  }
  if (view.status === 'Stopped') {
    if (view.secondaryStatus === 'MaxRuntimeExceeded') {
      return {
        ok: false,
        message: `${what} exceeded max-runtime-minutes: SageMaker stopped it (MaxRuntimeExceeded); raise max-runtime-minutes or make the job faster${logTail}`,
      };
    }
    if (view.secondaryStatus === 'MaxWaitTimeExceeded') {
      return {
        ok: false,
        message: `${what} exceeded its maximum wait time (MaxWaitTimeExceeded) and was stopped${logTail}`,
      };
    }
    return {
      ok: false,
      message: `${what} was stopped before it completed (status Stopped)${view.failureReason ? `: ${view.failureReason}` : ''}${logTail}`,
    };
  }
  return { ok: false, message: `${what} ended in unexpected status ${view.status}${logTail}` };
}
