/**
 * The AWS query protocol (form-encoded `Action=<Op>&Version=<v>&...`, XML answers), which
 * botocore < 1.34 (boto3 1.26, AWS CLI 2.9) speaks to CloudWatch, served as a translation layer
 * in front of the JSON handlers: the form is decoded into the JSON request the AWS SDK for
 * JavaScript would send (lists from `X.member.N`, maps from `X.entry.N.key/value`, structures
 * from `X.Y`, numbers, booleans, timestamps as epoch seconds), the handler runs, and its result
 * is encoded as the XML botocore parses (`<OpResponse><OpResult>...</OpResult>
 * <ResponseMetadata>`, lists as `<member>`, maps as `<entry>`, timestamps ISO 8601). Member
 * types come from the installed SDK client's schemas (sdk-shapes.ts), so every operation the
 * JSON handler serves, now or later, is served here too.
 */
import type { LocalContext } from './context.js';
import { AwsError, escapeXml, type WireResponse } from './protocol.js';
import { operationShapes, type Shape } from './sdk-shapes.js';

interface QueryService {
  name: string;
  xmlns: string;
  sdk(): Promise<Record<string, unknown>>;
  handle(ctx: LocalContext, operation: string, body: Record<string, unknown>): unknown;
}

/** The client module is loaded on the first query request, then reused. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** Query-protocol services by API version. */
export const QUERY_SERVICES: Record<string, QueryService> = {
  '2010-08-01': {
    name: 'CloudWatch',
    xmlns: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
    sdk: once(async () => (await import('@aws-sdk/client-cloudwatch')) as unknown as Record<string, unknown>),
    handle: (ctx, operation, body) => ctx.metrics.handle(operation, body),
  },
};

type Params = Map<string, string>;

/** Every dotted prefix of every key (`A.member.1.B` gives `A`, `A.member`, `A.member.1`, ...). */
function prefixesOf(params: Params): Set<string> {
  const out = new Set<string>();
  for (const key of params.keys()) {
    let i = key.indexOf('.');
    while (i !== -1) {
      out.add(key.slice(0, i));
      i = key.indexOf('.', i + 1);
    }
    out.add(key);
  }
  return out;
}

function decodeScalar(raw: string, shape: Shape): unknown {
  switch (shape.kind) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'timestamp': {
      const n = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(n)) return n;
      const t = Date.parse(raw);
      return Number.isFinite(t) ? t / 1000 : raw;
    }
    default:
      return raw;
  }
}

function decodeAt(params: Params, prefixes: Set<string>, path: string, shape: Shape): unknown {
  const join = (p: string): string => (path ? `${path}.${p}` : p);
  switch (shape.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const key = join(name);
        if (!prefixes.has(key)) continue;
        const v = decodeAt(params, prefixes, key, member());
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list': {
      if (params.get(path) === '') return [];
      const out: unknown[] = [];
      for (let i = 1; prefixes.has(`${path}.member.${i}`); i++)
        out.push(decodeAt(params, prefixes, `${path}.member.${i}`, shape.member()));
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let i = 1; prefixes.has(`${path}.entry.${i}`); i++) {
        const k = params.get(`${path}.entry.${i}.key`);
        if (k !== undefined) out[k] = decodeAt(params, prefixes, `${path}.entry.${i}.value`, shape.value());
      }
      return out;
    }
    default: {
      const raw = params.get(path);
      return raw === undefined ? undefined : decodeScalar(raw, shape);
    }
  }
}

/** The JSON request an SDK would send for these form parameters. */
export function decodeQueryRequest(params: Params, input: Shape): Record<string, unknown> {
  return decodeAt(params, prefixesOf(params), '', input) as Record<string, unknown>;
}

function encodeScalar(value: unknown, shape: Shape): string {
  if (shape.kind === 'timestamp' && typeof value === 'number') return new Date(value * 1000).toISOString();
  if (typeof value === 'object' && value !== null) return escapeXml(JSON.stringify(value));
  return escapeXml(String(value));
}

function encodeValue(value: unknown, shape: Shape): string {
  switch (shape.kind) {
    case 'structure': {
      if (typeof value !== 'object' || value === null) return '';
      const v = value as Record<string, unknown>;
      return Object.entries(shape.members)
        .filter(([name]) => v[name] !== undefined && v[name] !== null)
        .map(([name, member]) => `<${name}>${encodeValue(v[name], member())}</${name}>`)
        .join('');
    }
    case 'list':
      return Array.isArray(value)
        ? value.map((item) => `<member>${encodeValue(item, shape.member())}</member>`).join('')
        : '';
    case 'map':
      return typeof value === 'object' && value !== null
        ? Object.entries(value as Record<string, unknown>)
            .map(
              ([k, v]) =>
                `<entry><key>${escapeXml(k)}</key><value>${encodeValue(v, shape.value())}</value></entry>`,
            )
            .join('')
        : '';
    default:
      return encodeScalar(value, shape);
  }
}

/** `<OpResponse xmlns><OpResult>...</OpResult><ResponseMetadata>` (no Result for empty outputs). */
export function encodeQueryResponse(
  operation: string,
  xmlns: string,
  result: unknown,
  output: Shape,
  requestId: string,
): string {
  const hasOutput = output.kind === 'structure' && Object.keys(output.members).length > 0;
  const inner = hasOutput
    ? `<${operation}Result>${encodeValue(result ?? {}, output)}</${operation}Result>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${operation}Response xmlns="${xmlns}">${inner}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

/** `<ErrorResponse><Error><Type><Code><Message></Error><RequestId>`, the query error shape. */
export function queryErrorResponse(err: AwsError, requestId: string, xmlns?: string): WireResponse {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<ErrorResponse${xmlns ? ` xmlns="${xmlns}"` : ''}><Error><Type>${err.fault}</Type>` +
    `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

const SERVED = Object.entries(QUERY_SERVICES)
  .map(([v, s]) => `${s.name} (Version=${v})`)
  .join(', ');

/** Serves one query-protocol request (the form, from the body or the URL). */
export async function handleQuery(
  ctx: LocalContext,
  form: URLSearchParams,
  requestId: string,
): Promise<WireResponse> {
  const params: Params = new Map(form.entries());
  const action = params.get('Action');
  const version = params.get('Version');
  const service = version ? QUERY_SERVICES[version] : undefined;
  if (!action || !service) {
    return queryErrorResponse(
      new AwsError(
        action ? 'InvalidAction' : 'MissingAction',
        `sagemaker-local does not serve the query-protocol request Action=${action ?? '(none)'} ` +
          `Version=${version ?? '(none)'}: it serves the query protocol only for ${SERVED}.`,
      ),
      requestId,
    );
  }
  try {
    const shapes = operationShapes(await service.sdk(), action);
    if (!shapes)
      throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
    const body = decodeQueryRequest(params, shapes.input);
    const result: unknown = await service.handle(ctx, action, body);
    return {
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: encodeQueryResponse(action, service.xmlns, result, shapes.output, requestId),
    };
  } catch (err) {
    if (err instanceof AwsError) return queryErrorResponse(err, requestId, service.xmlns);
    ctx.logger.error(`${service.name} ${action}: ${(err as Error).stack ?? String(err)}`);
    return queryErrorResponse(
      new AwsError('InternalFailure', `sagemaker-local internal error: ${(err as Error).message}`, 500),
      requestId,
      service.xmlns,
    );
  }
}
