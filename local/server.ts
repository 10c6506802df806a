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
import { guardRequest, type GuardConfig } from './guard.js';
import { handleQuery, queryErrorResponse } from './query-protocol.js';
import { TARGET_PREFIXES, routeRequest } from './router.js';
import { handleS3Extras } from './s3-extras.js';
import { dechunkRequest, isAwsChunked } from './s3chunked.js';
import { handleSageMaker } from './services/sagemaker/index.js';

const require = createRequire(import.meta.url);

export interface ServerDeps {
  ctx: LocalContext;
  faults: FaultInjector | undefined;
  accessKey: string | undefined;
  s3Handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Host names and port the server answers to (set once it listens). */
  guard: GuardConfig;
}

const MAX_JSON_BODY = 16 * 1024 * 1024;

function send(res: ServerResponse, wire: WireResponse): void {
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
        req.headers['content-type'],
        url.searchParams,
      );
      const denied = guardRequest(req, url, (req.url ?? '/').split('?')[0]!, route, deps.guard, requestId);
      if (denied) {
        req.resume();
        send(res, denied);
        return;
      }
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
            : route.service === 'query'
              ? queryErrorResponse(err, requestId)
              : jsonErrorResponse(
                  route.service === 'unknown-target' ? 'sagemaker' : route.service,
                  err,
                  requestId,
                ),
        );
        return;
      }
      if (route.service === 'unknown-target') {
        req.resume();
        const served = [...TARGET_PREFIXES.keys()].join(', ');
        send(
          res,
          jsonErrorResponse(
            'sagemaker',
            new AwsError(
              'UnknownOperationException',
              `sagemaker-local does not serve X-Amz-Target '${route.target}': it serves the targets ${served}.`,
            ),
            requestId,
          ),
        );
        return;
      }
      if (route.service === 'query') {
        try {
          const form = req.method === 'POST' ? (await readBody(req)).toString('utf8') : '';
          const fault = await deps.faults?.before();
          if (fault) throw fault;
          const params = new URLSearchParams(url.search);
          for (const [k, v] of new URLSearchParams(form)) params.set(k, v);
          send(res, await handleQuery(ctx, params, requestId));
        } catch (err) {
          const e =
            err instanceof AwsError
              ? err
              : new AwsError('InternalFailure', `sagemaker-local internal error: ${String(err)}`, 500);
          send(res, queryErrorResponse(e, requestId));
        }
        return;
      }
      if (route.service === 's3') {
        const extra = await handleS3Extras(ctx, req, url, requestId).catch((err: unknown) =>
          s3ErrorResponse('InternalError', `sagemaker-local internal error: ${String(err)}`, 500, requestId),
        );
        if (extra) {
          send(res, extra);
          return;
        }
        registerS3Key(akid);
        deps.s3Handler(isAwsChunked(req.headers) ? dechunkRequest(req) : req, res);
        return;
      }
      if (route.service === 'runtime') {
        req.resume();
        send(
          res,
          restJsonErrorResponse(
            new AwsError(
              'ValidationError',
              `Endpoint ${route.endpointName} of account ${ctx.accountId} not found.`,
            ),
            requestId,
          ),
        );
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
        const result: unknown = await (service === 'sagemaker'
          ? handleSageMaker(ctx, route.operation, body)
          : service === 'logs'
            ? ctx.logs.handle(route.operation, body)
            : ctx.metrics.handle(route.operation, body));
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
