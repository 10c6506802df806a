/**
 * AWS wire-protocol helpers shared by the JSON services: the error type the handlers throw,
 * and how an error or a result is written back the way the real service does.
 */
export type ServiceKind = 'sagemaker' | 'logs' | 'cloudwatch' | 'runtime' | 's3';

/** An error answered AWS-style: `code` becomes the SDK exception name. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Sender or Receiver (used by CloudWatch's awsQueryCompatible header). */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
    /** Modeled members the error carries besides the message (e.g. DashboardValidationMessages). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const validation = (message: string): AwsError => new AwsError('ValidationException', message);
export const NOT_FOUND_MESSAGE = 'Requested resource not found.';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CONTENT_TYPE: Record<'sagemaker' | 'logs' | 'cloudwatch', string> = {
  sagemaker: 'application/x-amz-json-1.1',
  logs: 'application/x-amz-json-1.1',
  cloudwatch: 'application/x-amz-json-1.0',
};

/**
 * JSON-RPC error shape: HTTP status, `x-amzn-ErrorType` header and `{"__type","message"}` body.
 * CloudWatch (awsQueryCompatible) also carries `x-amzn-query-error: <Code>;<Sender|Receiver>`,
 * which the SDK uses as the error name.
 */
export function jsonErrorResponse(
  service: 'sagemaker' | 'logs' | 'cloudwatch',
  err: AwsError,
  requestId: string,
): WireResponse {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE[service],
    'x-amzn-errortype': err.code,
    'x-amzn-requestid': requestId,
  };
  if (service === 'cloudwatch') headers['x-amzn-query-error'] = `${err.code};${err.fault}`;
  return {
    status: err.status,
    headers,
    body: JSON.stringify({ __type: err.code, message: err.message, ...err.details }),
  };
}

export function jsonResultResponse(
  service: 'sagemaker' | 'logs' | 'cloudwatch',
  result: unknown,
  requestId: string,
): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': requestId },
    body: JSON.stringify(result ?? {}),
  };
}

/** S3 REST-XML error shape. */
export function s3ErrorResponse(
  code: string,
  message: string,
  status: number,
  requestId: string,
): WireResponse {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body };
}

/** Runtime (rest-json) error shape. */
export function restJsonErrorResponse(err: AwsError, requestId: string): WireResponse {
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': err.code,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: err.message }),
  };
}

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

/** Timestamps go on the wire as epoch seconds (awsJson protocols). Internally we keep epoch ms. */
export const toEpochSeconds = (ms: number): number => ms / 1000;

/** Reads a timestamp member sent by an SDK (epoch seconds number, or ISO/epoch string). */
export function parseWireTimestamp(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) return n * 1000;
    const t = Date.parse(value);
    if (Number.isFinite(t)) return t;
  }
  throw validation(
    `Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must be a timestamp`,
  );
}
