/**
 * SageMaker Runtime InvokeEndpoint (rest-json, `POST /endpoints/<name>/invocations`): routed to a
 * variant by current weights (to green by its share while an update moves traffic), proxied to
 * the variant's serving process; the model's own error comes back as ModelError 424. Every
 * invocation emits AWS/SageMaker Invocations, Invocation4XXErrors, Invocation5XXErrors,
 * ModelLatency and OverheadLatency (dims EndpointName, VariantName) and is offered to data capture.
 */
import type { IncomingMessage } from 'node:http';
import type { LocalContext } from '../context.js';
import { AwsError } from '../protocol.js';
import type { Datapoint } from '../services/cloudwatch.js';
import { ENDPOINT_LOG_GROUP, pickVariant, type Fleet, type FleetVariant } from './fleet.js';

const MAX_PAYLOAD = 6 * 1024 * 1024;
/** Containers must answer /invocations within 60 s (sagemaker.md §3). */
const INVOCATION_TIMEOUT_MS = 60_000;

/** A runtime answer: like a WireResponse, but the body is the model's bytes. */
export interface RuntimeResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function invocationMetrics(
  endpoint: string,
  variant: string,
  time: number,
  status: number,
  modelMicros: number,
  overheadMicros: number,
): Datapoint[] {
  const dimensions = [
    { Name: 'EndpointName', Value: endpoint },
    { Name: 'VariantName', Value: variant },
  ];
  const point = (metricName: string, value: number, unit: string): Datapoint => ({
    namespace: 'AWS/SageMaker',
    metricName,
    dimensions,
    timestamp: time,
    values: [value],
    unit,
  });
  return [
    point('Invocations', 1, 'None'),
    point('Invocation4XXErrors', status >= 400 && status < 500 ? 1 : 0, 'None'),
    point('Invocation5XXErrors', status >= 500 ? 1 : 0, 'None'),
    point('ModelLatency', modelMicros, 'Microseconds'),
    point('OverheadLatency', overheadMicros, 'Microseconds'),
  ];
}

async function readPayload(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_PAYLOAD) {
      req.resume();
      throw new AwsError('ValidationError', `Request body exceeds the maximum of ${MAX_PAYLOAD} bytes.`);
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function chooseVariant(
  fleets: { blue: Fleet | undefined; green: Fleet | undefined; greenShare: number },
  target: string | undefined,
  endpoint: string,
): FleetVariant {
  const useGreen = fleets.green && Math.random() < fleets.greenShare;
  const fleet = useGreen ? fleets.green : fleets.blue;
  if (target) {
    const v = fleet?.variants.get(target) ?? fleets.blue?.variants.get(target);
    if (!v)
      throw new AwsError('ValidationError', `Endpoint ${endpoint} does not have a variant named ${target}.`);
    return v;
  }
  const v = fleet ? pickVariant(fleet, Math.random()) : undefined;
  if (!v) throw new AwsError('ValidationError', `Endpoint ${endpoint} has no variant with a weight above 0.`);
  return v;
}

export async function invokeEndpoint(
  ctx: LocalContext,
  endpointName: string,
  req: IncomingMessage,
  requestId: string,
): Promise<RuntimeResponse> {
  const arrived = performance.now();
  const notFound = new AwsError(
    'ValidationError',
    `Endpoint ${endpointName} of account ${ctx.accountId} not found.`,
  );
  const rec = ctx.state.endpoints.get(endpointName);
  const body = await readPayload(req);
  if (!rec || !['InService', 'Updating', 'SystemUpdating'].includes(String(rec['EndpointStatus'])))
    throw notFound;
  const rt = ctx.endpoints.runtime(endpointName);
  if (!rt) throw notFound;
  await rt.ready;
  const inferenceId = header(req, 'x-amzn-sagemaker-inference-id');
  if (inferenceId !== undefined && (inferenceId.length < 1 || inferenceId.length > 64))
    throw new AwsError('ValidationError', 'InferenceId must be 1 to 64 characters long.');
  const variant = chooseVariant(rt, header(req, 'x-amzn-sagemaker-target-variant'), endpointName);
  const fleetCapture = (rt.green?.variants.get(variant.server.variantName) === variant ? rt.green : rt.blue)
    ?.dataCapture;
  const contentType = header(req, 'content-type') ?? 'application/octet-stream';
  const accept = header(req, 'accept');
  const custom = header(req, 'x-amzn-sagemaker-custom-attributes');
  const server = variant.server;
  server.inflight += 1;
  const sent = performance.now();
  let status: number;
  let out: Buffer;
  let outType: string;
  let outCustom: string | null = null;
  try {
    const res = await fetch(`${server.url}/invocations`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(accept ? { accept } : {}),
        ...(custom ? { 'x-amzn-sagemaker-custom-attributes': custom } : {}),
        ...(inferenceId ? { 'x-amzn-sagemaker-inference-id': inferenceId } : {}),
      },
      body,
      signal: AbortSignal.timeout(INVOCATION_TIMEOUT_MS),
    });
    status = res.status;
    out = Buffer.from(await res.arrayBuffer());
    outType = res.headers.get('content-type') ?? 'application/octet-stream';
    outCustom = res.headers.get('x-amzn-sagemaker-custom-attributes');
  } catch (err) {
    status = 500;
    out = Buffer.from(`sagemaker-local: the model server did not answer: ${(err as Error).message}`);
    outType = 'text/plain';
  } finally {
    server.inflight -= 1;
  }
  const done = performance.now();
  const now = ctx.now();
  ctx.metrics.putMany(
    invocationMetrics(
      endpointName,
      server.variantName,
      now,
      status,
      Math.round((done - sent) * 1000),
      Math.max(0, Math.round((sent - arrived) * 1000)),
    ),
  );
  if (status >= 200 && status < 300) {
    ctx.endpoints.capture.capture(
      {
        endpointName,
        variantName: server.variantName,
        time: now,
        inferenceId,
        input: { contentType, body },
        output: { contentType: outType, body: out },
      },
      fleetCapture,
      Math.random(),
    );
    return {
      status: 200,
      headers: {
        'content-type': outType,
        'x-amzn-invoked-production-variant': server.variantName,
        'x-amzn-requestid': requestId,
        ...(outCustom ? { 'x-amzn-sagemaker-custom-attributes': outCustom } : {}),
      },
      body: out,
    };
  }
  const text = out.toString('utf8').slice(0, 2000);
  const logStreamArn = `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${ENDPOINT_LOG_GROUP(endpointName)}:log-stream:${server.logStream}`;
  ctx.logs.append(
    ENDPOINT_LOG_GROUP(endpointName),
    server.logStream,
    `sagemaker-local: /invocations answered ${status}: ${text.split('\n')[0]}`,
  );
  const kind = status >= 500 ? 'server' : 'client';
  const message = `Received ${kind} error (${status}) from primary with message "${text}". See https://${ctx.region}.console.aws.amazon.com/cloudwatch/home?region=${ctx.region}#logEventViewer:group=${ENDPOINT_LOG_GROUP(endpointName)} in account ${ctx.accountId} for more information.`;
  return {
    status: 424,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': 'ModelError',
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({
      ErrorCode: `${kind.toUpperCase()}_ERROR_FROM_MODEL`,
      Message: message,
      OriginalStatusCode: status,
      OriginalMessage: text,
      LogStreamArn: logStreamArn,
    }),
  };
}
