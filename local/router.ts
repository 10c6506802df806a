/**
 * Which service a request is for, decided like the real endpoints would: JSON-RPC services by
 * their X-Amz-Target prefix, SageMaker Runtime by path, everything else is S3.
 */
export type Route =
  | { service: 'sagemaker' | 'logs' | 'cloudwatch'; operation: string }
  | { service: 'runtime'; endpointName: string }
  /** A form-encoded `Action=...&Version=...` request (query protocol: CloudWatch for botocore). */
  | { service: 'query' }
  /** An X-Amz-Target naming a service sagemaker-local does not serve (answered with an error). */
  | { service: 'unknown-target'; target: string }
  | { service: 's3' };

export const TARGET_PREFIXES = new Map<string, 'sagemaker' | 'logs' | 'cloudwatch'>([
  ['SageMaker', 'sagemaker'],
  ['Logs_20140328', 'logs'],
  ['GraniteServiceVersion20100801', 'cloudwatch'],
]);

const INVOCATIONS_RE = /^\/endpoints\/([^/]+)\/invocations\/?$/;

export function routeRequest(
  method: string,
  path: string,
  target: string | undefined,
  contentType?: string,
  search?: URLSearchParams,
): Route {
  if (target) {
    const dot = target.indexOf('.');
    const prefix = dot === -1 ? target : target.slice(0, dot);
    const service = TARGET_PREFIXES.get(prefix);
    if (service && method === 'POST') return { service, operation: target.slice(dot + 1) };
    if (!service) return { service: 'unknown-target', target };
  }
  // S3 never takes a form-encoded POST on `/`; query-protocol services always do (or GET with
  // Action and Version in the URL).
  if (path === '/' && method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? ''))
    return { service: 'query' };
  if (path === '/' && search?.has('Action') && search.has('Version')) return { service: 'query' };
  const m = method === 'POST' ? INVOCATIONS_RE.exec(path) : null;
  if (m) return { service: 'runtime', endpointName: decodeURIComponent(m[1]!) };
  return { service: 's3' };
}
