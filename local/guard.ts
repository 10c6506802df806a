/**
 * Checks every request passes before any service sees it, so that sagemaker-local cannot be
 * turned against the machine it runs on:
 * - Host must name the address it listens on (loopback names or the bound host, with its port),
 *   and a browser's Origin, when sent, must be one of those too: a DNS-rebinding page or a
 *   cross-site form cannot reach the API (and so cannot start a job, i.e. run a command).
 * - S3 bucket names, keys, copy sources, upload ids and part numbers that would address a path
 *   outside the data dir are refused with AWS-shaped errors (see s3names.ts).
 * - S3 uploads are limited to AWS's 5 GiB per PUT and must declare their length.
 */
import type { IncomingMessage } from 'node:http';
import { queryErrorResponse } from './query-protocol.js';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  AwsError,
  jsonErrorResponse,
  restJsonErrorResponse,
  s3ErrorResponse,
  type WireResponse,
} from './protocol.js';
import type { Route } from './router.js';
import {
  copySourceParts,
  s3PathParts,
  unsafeBucketReason,
  unsafeKeyReason,
  unsafeUploadIdReason,
} from './s3names.js';

/** AWS's limit for a single PUT (object or part). */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Lower-cased host without brackets, and the port (undefined when absent), of a Host header. */
export function parseHostHeader(host: string): { hostname: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return undefined;
  const hostname = m[1]!.replace(/^\[|\]$/g, '').toLowerCase();
  return { hostname, ...(m[2] !== undefined ? { port: Number(m[2]) } : {}) };
}

/** The host names a request may use for a server bound to `host`. */
export function allowedHostnames(
  host: string,
  interfaces: () => string[] = () =>
    Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)),
): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const bound = host.replace(/^\[|\]$/g, '').toLowerCase();
  names.add(bound);
  // Bound to every interface: any address of this machine names it.
  if (bound === '0.0.0.0' || bound === '::') for (const a of interfaces()) names.add(a.toLowerCase());
  return names;
}

export interface GuardConfig {
  hostnames: Set<string>;
  port: number;
}

/** Whether a Host header names this server. Pure. */
export function hostAllowed(hostHeader: string | undefined, cfg: GuardConfig): boolean {
  if (!hostHeader) return false;
  const h = parseHostHeader(hostHeader);
  if (!h) return false;
  const port = h.port ?? 80;
  if (port !== cfg.port) return false;
  if (cfg.hostnames.has(h.hostname)) return true;
  // any 127.0.0.0/8 address is loopback
  return isIP(h.hostname) === 4 && h.hostname.startsWith('127.') && cfg.hostnames.has('127.0.0.1');
}

/** Whether an Origin header (sent by browsers) is this server itself. Pure. */
export function originAllowed(origin: string | undefined, cfg: GuardConfig): boolean {
  if (origin === undefined) return true;
  const m = /^http:\/\/(.+)$/i.exec(origin.trim());
  return !!m && hostAllowed(m[1], cfg);
}

type Rejection = { code: string; message: string; status: number };

function s3Rejection(req: IncomingMessage, url: URL, rawPath: string): Rejection | undefined {
  const { bucket, key } = s3PathParts(rawPath);
  if (bucket !== undefined) {
    const why = unsafeBucketReason(bucket);
    if (why)
      return {
        code: 'InvalidBucketName',
        message: `The specified bucket is not valid: the name ${why}.`,
        status: 400,
      };
  }
  if (key !== undefined) {
    const why = unsafeKeyReason(key);
    if (why)
      return {
        code: 'InvalidArgument',
        message: `Object key ${why}; sagemaker-local refuses keys that could address a path outside its data directory.`,
        status: 400,
      };
  }
  const copy = req.headers['x-amz-copy-source'];
  if (typeof copy === 'string') {
    const src = copySourceParts(copy);
    const why = unsafeBucketReason(src.bucket) ?? unsafeKeyReason(src.key);
    if (why) return { code: 'InvalidArgument', message: `x-amz-copy-source ${why}.`, status: 400 };
  }
  const uploadId = url.searchParams.get('uploadId');
  if (uploadId !== null && unsafeUploadIdReason(uploadId))
    return { code: 'NoSuchUpload', message: 'The specified upload does not exist.', status: 404 };
  const part = url.searchParams.get('partNumber');
  if (part !== null && !(/^\d{1,5}$/.test(part) && Number(part) >= 1 && Number(part) <= 10000))
    return {
      code: 'InvalidArgument',
      message: 'Part number must be an integer between 1 and 10000, inclusive',
      status: 400,
    };
  return sizeRejection(req);
}

function sizeRejection(req: IncomingMessage): Rejection | undefined {
  const method = req.method ?? 'GET';
  if (method !== 'PUT' && method !== 'POST') return undefined;
  const declared = [req.headers['content-length'], req.headers['x-amz-decoded-content-length']]
    .filter((v): v is string => typeof v === 'string')
    .map(Number);
  if (declared.some((n) => n > MAX_PUT_BYTES))
    return {
      code: 'EntityTooLarge',
      message: `Your proposed upload exceeds the maximum allowed size (${MAX_PUT_BYTES} bytes).`,
      status: 400,
    };
  // AWS: a PUT or POST must say how long it is (aws-chunked ones through
  // x-amz-decoded-content-length), so no body here is of unbounded length.
  if (declared.length === 0 && req.headers['transfer-encoding'] !== undefined)
    return {
      code: 'MissingContentLength',
      message: 'You must provide the Content-Length HTTP header.',
      status: 411,
    };
  return undefined;
}

/**
 * The response for a request that must not be served, or undefined when it may go on.
 * `rawPath` is the request path before any decoding.
 */
export function guardRequest(
  req: IncomingMessage,
  url: URL,
  rawPath: string,
  route: Route,
  cfg: GuardConfig,
  requestId: string,
): WireResponse | undefined {
  let rejection: Rejection | undefined;
  if (!hostAllowed(req.headers.host, cfg)) {
    rejection = {
      code: 'AccessDenied',
      message: `sagemaker-local answers only requests addressed to itself (Host ${JSON.stringify(req.headers.host ?? '')} is not one of its names; see local/README.md, Security)`,
      status: 403,
    };
  } else if (!originAllowed(req.headers.origin, cfg)) {
    rejection = {
      code: 'AccessDenied',
      message: 'sagemaker-local does not answer requests from web pages of other origins',
      status: 403,
    };
  } else if (route.service === 's3') {
    rejection = s3Rejection(req, url, rawPath);
  }
  if (!rejection) return undefined;
  if (route.service === 's3')
    return s3ErrorResponse(rejection.code, rejection.message, rejection.status, requestId);
  const err = new AwsError(
    rejection.code === 'AccessDenied' ? 'AccessDeniedException' : rejection.code,
    rejection.message,
    rejection.status,
  );
  if (route.service === 'runtime') return restJsonErrorResponse(err, requestId);
  if (route.service === 'query') return queryErrorResponse(err, requestId);
  return jsonErrorResponse(route.service === 'unknown-target' ? 'sagemaker' : route.service, err, requestId);
}
