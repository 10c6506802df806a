import { awsErrorName, errorMessage } from '../core/errors.js';

/**
 * The one place that classifies AWS errors: throttling, not found, already exists, not stoppable,
 * and the known errors a user can fix (permissions, quotas, credentials), mapped to a message
 * that keeps the AWS error name and says what to do.
 */

export { awsErrorName };

/** Error names that mean "slow down" (SageMaker, CloudWatch Logs, S3 and the SDK's own). */
export const THROTTLING_ERRORS: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'SlowDown',
]);

export function isThrottling(err: unknown): boolean {
  return THROTTLING_ERRORS.has(awsErrorName(err) ?? '');
}

/** True for an error the SDK parsed from an AWS answer (it carries $metadata). */
export function isAwsError(err: unknown): err is Error & { $metadata: unknown } {
  return err instanceof Error && '$metadata' in err;
}

/**
 * Describe* of something missing: SageMaker answers ValidationException "Requested resource not
 * found." (training) or "Could not find ..." (other kinds); its model also lists ResourceNotFound;
 * S3 HEAD answers NotFound, GET NoSuchKey.
 */
export function isNotFound(err: unknown): boolean {
  const name = awsErrorName(err);
  if (
    name === 'ResourceNotFound' ||
    name === 'ResourceNotFoundException' ||
    name === 'NotFound' ||
    name === 'NoSuchKey'
  )
    return true;
  return (
    name === 'ValidationException' && /not (be )?found|could not find|does not exist/i.test(errorMessage(err))
  );
}

/** Create* of a name that exists already. */
export function isAlreadyExists(err: unknown): boolean {
  const name = awsErrorName(err);
  if (name === 'ResourceInUse' || name === 'ConflictException') return true;
  return name === 'ValidationException' && /already exist|must be unique|in use/i.test(errorMessage(err));
}

/** Stop* of a job that is not running any more (already terminal): nothing to do. */
export function isNotStoppable(err: unknown): boolean {
  return (
    awsErrorName(err) === 'ValidationException' &&
    /status|not in progress|already|cannot be stopped/i.test(errorMessage(err))
  );
}

/** The fix for AWS errors a user can do something about, by error name. */
const FIXES: Record<string, string> = {
  AccessDenied:
    'the role the workflow assumed is not allowed this call; add the action named above to its policy (templates/iam has a least-privilege policy) and check that the SageMaker execution role can be passed (iam:PassRole)',
  AccessDeniedException:
    'the role the workflow assumed is not allowed this call; add the action named above to its policy (templates/iam has a least-privilege policy) and check that the SageMaker execution role can be passed (iam:PassRole)',
  ResourceLimitExceeded:
    'an account quota was reached (instances of this type, concurrent jobs or endpoints); stop unused jobs/endpoints, use another instance type, or request a quota increase in Service Quotas',
  ExpiredToken:
    'the AWS credentials expired; configure them in the same job right before this step (aws-actions/configure-aws-credentials) and raise role-duration-seconds for long jobs',
  ExpiredTokenException:
    'the AWS credentials expired; configure them in the same job right before this step (aws-actions/configure-aws-credentials) and raise role-duration-seconds for long jobs',
  UnrecognizedClientException:
    'the AWS credentials are not valid for this region or account; check the credentials step (aws-actions/configure-aws-credentials) and the region input',
  InvalidClientTokenId:
    'the AWS credentials are not valid for this region or account; check the credentials step (aws-actions/configure-aws-credentials) and the region input',
};

const THROTTLING_FIX =
  'AWS kept throttling this call after every retry; run fewer jobs or workflows at once against this account and region, or re-run the workflow';

/**
 * The message a failed step shows for an AWS error: the error name first (`AccessDeniedException:
 * ...`), then the fix when the error is a known one. undefined when err is not an AWS error.
 */
export function describeAwsError(err: unknown): string | undefined {
  const name = awsErrorName(err);
  if (!name || !isAwsError(err)) return undefined;
  const message = err.message && err.message !== name ? err.message : '';
  const head = message.startsWith(name) ? message : message ? `${name}: ${message}` : name;
  const fix = FIXES[name] ?? (THROTTLING_ERRORS.has(name) ? THROTTLING_FIX : undefined);
  return fix ? `${head}. Fix: ${fix}` : head;
}
