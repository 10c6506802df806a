/**
 * CloudWatch's operation table: metric operations (MetricStore) and alarm operations
 * (AlarmStore). Requests and results are JSON-shaped (the SDK's member names), so both the
 * JSON 1.0 protocol served in server.ts and a form-encoded query protocol layer can call this.
 */
import { AwsError } from '../protocol.js';
import { requestObject } from '../validate.js';
import { AlarmStore } from './cloudwatch-alarms.js';
import type { MetricStore } from './cloudwatch.js';

export function handleCloudWatch(
  metrics: MetricStore,
  alarms: AlarmStore,
  operation: string,
  body: unknown,
): unknown {
  if (!AlarmStore.OPERATIONS.includes(operation)) return metrics.handle(operation, body);
  try {
    return alarms.handle(operation, requestObject(body));
  } catch (err) {
    // CloudWatch's query-compatible code for request validation failures.
    if (err instanceof AwsError && err.code === 'ValidationException')
      throw new AwsError('ValidationError', err.message);
    throw err;
  }
}
