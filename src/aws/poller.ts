/**
 * The one polling loop of the kit. Every action that waits on AWS (training and processing jobs,
 * transform jobs, endpoints) polls through pollUntil, so the schedule, the timeout and the
 * cancellation behave the same everywhere. Time is injected (clock + sleep) so tests never wait.
 */
import { ConfigurationError } from '../core/errors.js';
import { parseDuration } from '../core/inputs.js';
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export interface PollOptions<T> {
  /** One Describe* call. Errors propagate (the SDK has already retried throttling). */
  describe: () => Promise<T>;
  /** Terminal state reached. */
  isDone: (value: T) => boolean;
  /** Called after every describe with the value and the time since polling started. */
  onUpdate?: (value: T, elapsedMs: number) => void | Promise<void>;
  /** Stop polling after this long (state 'timeout'); undefined = no limit. */
  timeoutMs?: number | undefined;
  /** Adaptive schedule bounds (defaults 2 s / 30 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** At most one describe per this interval on average (default 6.5 s). */
  budgetIntervalMs?: number;
  /** Wait this long before the first describe (e.g. the job was just created). Default 0. */
  initialDelayMs?: number;
  /** When true, the next describe comes after minDelayMs (e.g. the logs say the job is finishing). */
  hurry?: () => boolean;
  /**
   * Called every minDelayMs while waiting between two describes (e.g. to stream logs). It runs
   * before `hurry` is consulted, so what it learns can shorten the current wait.
   */
  onTick?: (elapsedMs: number) => void | Promise<void>;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
}

export type PollResult<T> =
  | { state: 'done'; value: T }
  | { state: 'timeout'; value: T | undefined }
  | { state: 'aborted'; value: T | undefined };

/**
 * SAGEMAKER_ACTIONS_POLL_INTERVAL: a fixed poll interval (e.g. `500ms`, `2s`) that replaces the
 * adaptive schedule (minimum delay, describe budget and back-off) of the actions' job waits.
 * For endpoints without AWS's API rate limits: actions/setup-local exports it for sagemaker-local,
 * where a job that ends is otherwise noticed up to a budget interval (6.5 s) late.
 */
export const POLL_INTERVAL_ENV = 'SAGEMAKER_ACTIONS_POLL_INTERVAL';
export const POLL_INTERVAL_LIMITS = { minMs: 100, maxMs: 60_000 };

/** The fixed poll interval in ms from the environment; undefined when unset or empty. */
export function pollIntervalFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[POLL_INTERVAL_ENV]?.trim();
  if (!raw) return undefined;
  const { minMs, maxMs } = POLL_INTERVAL_LIMITS;
  let ms = NaN;
  try {
    ms = parseDuration(POLL_INTERVAL_ENV, raw, 'ms');
  } catch {
    // reported below, as an environment variable rather than an input
  }
  if (!(ms >= minMs && ms <= maxMs))
    throw new ConfigurationError(
      `environment variable ${POLL_INTERVAL_ENV}=${JSON.stringify(raw)}: expected a duration from ${minMs}ms to ${maxMs / 1000}s (e.g. 500ms); unset it for the adaptive schedule`,
    );
  return ms;
}

/** The schedule bounds that make pollUntil describe every `ms` (no budget, no back-off). */
export function fixedSchedule(ms: number): {
  minDelayMs: number;
  maxDelayMs: number;
  budgetIntervalMs: number;
} {
  return { minDelayMs: ms, maxDelayMs: ms, budgetIntervalMs: ms };
}

export const DEFAULT_MIN_DELAY_MS = 2_000;
export const DEFAULT_MAX_DELAY_MS = 30_000;
/** Describe budget: on average at most one describe per this interval (burst of one). */
export const DEFAULT_BUDGET_INTERVAL_MS = 6_500;
/** While a job runs the gap between describes grows with its age: gap = elapsed × this factor. */
export const BACKOFF_FACTOR = 0.05;

export interface DelayOptions {
  minDelayMs: number;
  maxDelayMs: number;
  hurry: boolean;
  budgetIntervalMs?: number;
}

/**
 * The pure schedule: how long to wait after `attempt` describes (≥ 1), `elapsedMs` after polling
 * started. Three rules, the strictest wins:
 *   - never sooner than minDelayMs;
 *   - a budget: describe number n+1 not before n × budgetIntervalMs, so there are never more than
 *     1 + elapsed / budgetIntervalMs describes (time saved while backing off can later be spent
 *     quickly when `hurry` is set);
 *   - unless hurried, back off with the job's age (elapsed × BACKOFF_FACTOR: a job that has run
 *     for 10 minutes is unlikely to end in the next 2 seconds), capped at maxDelayMs.
 */
export function nextDelay(attempt: number, elapsedMs: number, opts: DelayOptions): number {
  const min = Math.max(0, opts.minDelayMs);
  const max = Math.max(min, opts.maxDelayMs);
  const interval = opts.budgetIntervalMs ?? DEFAULT_BUDGET_INTERVAL_MS;
  const elapsed = Math.max(0, elapsedMs);
  const budget = Math.max(0, Math.max(1, attempt) * interval - elapsed);
  if (opts.hurry) return Math.round(Math.max(min, budget));
  const backoff = Math.min(max, Math.max(min, elapsed * BACKOFF_FACTOR));
  return Math.round(Math.max(backoff, budget));
}

/** Describes until done, timed out or aborted, sleeping on the adaptive schedule in between. */
export async function pollUntil<T>(opts: PollOptions<T>): Promise<PollResult<T>> {
  const clock = opts.clock ?? systemClock;
  const sleep = opts.sleep ?? systemSleep;
  const minDelayMs = opts.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const maxDelayMs = opts.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const { signal, timeoutMs } = opts;
  const start = clock.now();
  const elapsed = (): number => clock.now() - start;
  let last: T | undefined;
  const budgetIntervalMs = opts.budgetIntervalMs ?? DEFAULT_BUDGET_INTERVAL_MS;
  if (opts.initialDelayMs && opts.initialDelayMs > 0) {
    await sleep(opts.initialDelayMs, signal);
    if (signal?.aborted) return { state: 'aborted', value: undefined };
  }

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) return { state: 'aborted', value: last };
    const value = await opts.describe();
    last = value;
    await opts.onUpdate?.(value, elapsed());
    if (opts.isDone(value)) return { state: 'done', value };
    if (signal?.aborted) return { state: 'aborted', value: last };
    if (timeoutMs !== undefined && elapsed() >= timeoutMs) return { state: 'timeout', value: last };

    let wait = nextDelay(attempt + 1, elapsed(), {
      minDelayMs,
      maxDelayMs,
      budgetIntervalMs,
      hurry: opts.hurry?.() ?? false,
    });
    if (timeoutMs !== undefined) wait = Math.min(wait, Math.max(0, timeoutMs - elapsed()));
    // Sleep in slices of at most minDelayMs so that onTick (log streaming) runs regularly and a
    // hurry signal raised meanwhile cuts the wait short.
    const waitStart = clock.now();
    for (;;) {
      const left = wait - (clock.now() - waitStart);
      if (left <= 0) break;
      await sleep(Math.min(left, Math.max(1, minDelayMs)), signal);
      if (signal?.aborted) return { state: 'aborted', value: last };
      await opts.onTick?.(elapsed());
      // Hurried meanwhile: describe as soon as the minimum delay and the budget allow.
      if (opts.hurry?.()) {
        const describedAt = waitStart - start;
        const hurriedAt =
          describedAt +
          nextDelay(attempt + 1, describedAt, { minDelayMs, maxDelayMs, budgetIntervalMs, hurry: true });
        if (elapsed() >= hurriedAt) break;
      }
    }
    if (timeoutMs !== undefined && elapsed() >= timeoutMs) {
      // One last look: the job may have finished during the final wait.
      const final = await opts.describe();
      last = final;
      await opts.onUpdate?.(final, elapsed());
      if (opts.isDone(final)) return { state: 'done', value: final };
      return { state: 'timeout', value: final };
    }
  }
}
