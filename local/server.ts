/**
 * The one HTTP port: JSON-RPC services by X-Amz-Target, SageMaker Runtime by path, everything
 * else handed to s3rver (a Koa app) mounted on the same server.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { LocalContext } from './context.js';
import { accessKeyIdOf } from './auth.js';
import type { FaultInjector } from './faults.js';
import {
  AwsError,
  jsonErrorResponse,
  jsonResultResponse,
  restJsonErrorResponse,
  s3ErrorResponse,
  type WireResponse,
} from './protocol.js';
import { routeRequest } from './router.js';
import { dechunkRequest, isAwsChunked } from './s3chunked.js';
import { handleSageMaker } from './services/sagemaker/index.js';
import { handleCloudWatch } from './services/cloudwatch-api.js';
import { invokeEndpoint, type RuntimeResponse } from './endpoints/invoke.js';

const require = createRequire(import.meta.url);

export interface ServerDeps {
  ctx: LocalContext;
  faults: FaultInjector | undefined;
  accessKey: string | undefined;
  s3Handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const MAX_JSON_BODY = 16 * 1024 * 1024;

function send(res: ServerResponse, wire: WireResponse | RuntimeResponse): void {
  res.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
  res.end(wire.body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_JSON_BODY) throw new AwsError('SerializationException', 'Request body is too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Lets s3rver accept any access key id (it only knows its own S3RVER key otherwise). */
function registerS3Key(akid: string | undefined): void {
  if (!akid) return;
  const account = require('s3rver/lib/models/account') as {
    registry: Map<string, unknown>;
    DUMMY_ACCOUNT: { createKeyPair(a: string, s: string): void };
  };
  if (!account.registry.has(akid)) account.DUMMY_ACCOUNT.createKeyPair(akid, akid);
}

export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { ctx } = deps;
  return (req, res) => {
    void (async () => {
      const requestId = randomUUID();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const target = req.headers['x-amz-target'];
      const route = routeRequest(
        req.method ?? 'GET',
        url.pathname,
        Array.isArray(target) ? target[0] : target,
      );
      const akid = accessKeyIdOf(req.headers.authorization, url.searchParams);
      if (deps.accessKey && akid !== deps.accessKey) {
        if (route.service === 's3') {
          req.resume();
          send(
            res,
            s3ErrorResponse(
              'InvalidAccessKeyId',
              'The AWS Access Key Id you provided does not exist in our records.',
              403,
              requestId,
            ),
          );
          return;
        }
        req.resume();
        const err = new AwsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
          403,
        );
        send(
          res,
          route.service === 'runtime'
            ? restJsonErrorResponse(err, requestId)
            : jsonErrorResponse(route.service, err, requestId),
        );
        return;
      }
      if (route.service === 's3') {
        registerS3Key(akid);
        if (isAwsChunked(req.headers)) {
          try {
            deps.s3Handler(await dechunkRequest(req), res);
          } catch (err) {
            send(res, s3ErrorResponse('IncompleteBody', (err as Error).message, 400, requestId));
          }
          return;
        }
        deps.s3Handler(req, res);
        return;
      }
      if (route.service === 'runtime') {
        try {
          send(res, await invokeEndpoint(ctx, route.endpointName, req, requestId));
        } catch (err) {
          req.resume();
          const e =
            err instanceof AwsError ? err : new AwsError('InternalFailure', (err as Error).message, 500);
          send(res, restJsonErrorResponse(e, requestId));
        }
        return;
      }
      const service = route.service;
      try {
        const raw = await readBody(req);
        const fault = await deps.faults?.before();
        if (fault) throw fault;
        let body: unknown = {};
        if (raw.length) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new AwsError('SerializationException', 'Request body is not valid JSON');
          }
        }
        const result =
          service === 'sagemaker'
            ? handleSageMaker(ctx, route.operation, body)
            : service === 'logs'
              ? ctx.logs.handle(route.operation, body)
              : handleCloudWatch(ctx.metrics, ctx.alarms, route.operation, body);
        send(res, jsonResultResponse(service, result, requestId));
      } catch (err) {
        if (err instanceof AwsError) {
          send(res, jsonErrorResponse(service, err, requestId));
        } else {
          ctx.logger.error(`${service} ${route.operation}: ${(err as Error).stack ?? String(err)}`);
          send(
            res,
            jsonErrorResponse(
              service,
              new AwsError(
                'InternalFailure',
                `sagemaker-local internal error: ${(err as Error).message}`,
                500,
              ),
              requestId,
            ),
          );
        }
      }
    })();
  };
}
