import { StageFailure, awsErrorName } from '../core/errors.js';

/** An AWS error fails the stage with its error name (AccessDeniedException: ...), not only its message. */
export async function withAwsErrorName<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const name = awsErrorName(err);
    if (name && err instanceof Error && '$metadata' in err && !err.message.startsWith(name))
      throw new StageFailure(`${name}: ${err.message}`);
    throw err;
  }
}
