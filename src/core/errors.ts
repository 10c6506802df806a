/**
 * One path to failure. A ConfigurationError is a user mistake (bad input, bad config file):
 * its message names the input, the value and the fix, and is shown without a stack trace.
 * Everything else is internal or a failure of the stage itself (a job that failed, a gate
 * that did not pass); the top-level wrapper reports every thrown value exactly once.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** The stage ran and failed (job Failed/Stopped, timeout, forced failure). No stack trace. */
export class StageFailure extends Error {
  override readonly name: string = 'StageFailure';
  constructor(
    message: string,
    readonly forced = false,
  ) {
    super(message);
  }
}

/** The workflow was cancelled (SIGINT/SIGTERM) and the stage stopped what it had started. */
export class CancelledFailure extends StageFailure {
  override readonly name = 'CancelledFailure';
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/** Name of an AWS SDK error (e.g. ValidationException, ThrottlingException), or undefined. */
export function awsErrorName(err: unknown): string | undefined {
  if (
    err &&
    typeof err === 'object' &&
    'name' in err &&
    typeof (err as { name: unknown }).name === 'string'
  ) {
    return (err as { name: string }).name;
  }
  return undefined;
}
