import { errorMessage } from './errors.js';

/**
 * Cancellation: the runner sends SIGINT, waits 7.5 s, sends SIGTERM, waits 2.5 s, then kills.
 * On the first signal we call Stop* at once (once), abort the wait, and give the stop call a
 * bounded time; the main flow then fails the step. A second signal is only logged. The signal
 * source is injected (process in production, an EventEmitter in tests).
 */
export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  removeListener(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface StopOnSignalOptions {
  source: SignalSource;
  /** Describes what will be stopped, for the log (e.g. "training job x"). */
  what: () => string | undefined;
  /** The Stop* call; undefined when there is nothing to stop yet. */
  stop: () => Promise<void>;
  log: (message: string) => void;
  /** Upper bound on waiting for the stop call (default 5 s, within the runner's 7.5 s). */
  boundMs?: number;
  /** Resolves after ms (injected so tests never wait). */
  delay?: (ms: number) => Promise<void>;
}

export interface StopOnSignal {
  /** Aborted on the first signal. */
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly received: string | undefined;
  /** Settles when the stop call finished or the bound passed: true if the stop call succeeded. */
  stopped(): Promise<boolean>;
  dispose(): void;
}

const defaultDelay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });

export function stopOnSignal(opts: StopOnSignalOptions): StopOnSignal {
  const controller = new AbortController();
  const bound = opts.boundMs ?? 5_000;
  const delay = opts.delay ?? defaultDelay;
  let received: string | undefined;
  let stopPromise: Promise<boolean> = Promise.resolve(false);

  const handler = (name: 'SIGINT' | 'SIGTERM') => (): void => {
    if (received) {
      opts.log(`received ${name} while stopping; still waiting for the stop request`);
      return;
    }
    received = name;
    const what = opts.what();
    opts.log(
      `received ${name} (workflow cancelled): ${what ? `stopping ${what} now` : 'no job started yet'}`,
    );
    const call = what
      ? opts.stop().then(
          () => {
            opts.log(`stop requested for ${what}`);
            return true;
          },
          (err: unknown) => {
            opts.log(`could not stop ${what}: ${errorMessage(err)} (the post step will try again)`);
            return false;
          },
        )
      : Promise.resolve(true);
    const timeout = delay(bound).then(() => {
      opts.log(
        `the stop request did not answer within ${Math.round(bound / 1000)} s (the post step will check the job)`,
      );
      return false;
    });
    stopPromise = Promise.race([call, timeout]);
    controller.abort();
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  opts.source.on('SIGINT', onInt);
  opts.source.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    stopped: () => stopPromise,
    dispose() {
      opts.source.removeListener('SIGINT', onInt);
      opts.source.removeListener('SIGTERM', onTerm);
    },
  };
}
