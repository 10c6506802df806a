/**
 * The S3 behaviours s3rver 3.7 lacks or gets wrong, served before a request reaches it:
 * - UploadPartCopy (`PUT /b/k?partNumber=N&uploadId=U` with `x-amz-copy-source`, optional
 *   `x-amz-copy-source-range: bytes=first-last`), which `aws s3 cp s3://a/big s3://b/big` and
 *   boto3's managed copy use for objects over the multipart threshold;
 * - CreateBucket of a bucket one already owns: 200 in us-east-1 (the legacy region's documented
 *   behaviour), `BucketAlreadyOwnedByYou` 409 elsewhere (s3rver answers BucketAlreadyExists).
 * There is one account here, so every existing bucket is owned by the caller.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { LocalContext } from './context.js';
import { escapeXml, s3ErrorResponse, type WireResponse } from './protocol.js';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** `bucket/key` (optionally `/`-led, URL-encoded, `?versionId=` ignored) of x-amz-copy-source. */
export function parseCopySource(header: string): { bucket: string; key: string } | undefined {
  const path = header.split('?')[0]!.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) return undefined;
  try {
    return {
      bucket: decodeURIComponent(path.slice(0, slash)),
      key: decodeURIComponent(path.slice(slash + 1)),
    };
  } catch {
    return undefined;
  }
}

/** Inclusive byte range of x-amz-copy-source-range, checked against the source size. */
export function parseCopyRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | { error: string } {
  if (header === undefined) return { start: 0, end: size - 1 };
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  if (!m)
    return {
      error:
        'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
    };
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start > end || end >= size)
    return { error: `Range specified is not valid for source object of size: ${size}` };
  return { start, end };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

async function uploadPartCopy(
  ctx: LocalContext,
  req: IncomingMessage,
  bucket: string,
  key: string,
  search: URLSearchParams,
  requestId: string,
): Promise<WireResponse> {
  const err = (code: string, message: string, status: number): WireResponse =>
    s3ErrorResponse(code, message, status, requestId);
  const store = await ctx.s3.filesystem();
  const uploadId = search.get('uploadId')!;
  const partNumber = Number(search.get('partNumber'));
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000)
    return err('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', 400);
  if (!(await ctx.s3.bucketExists(bucket)))
    return err('NoSuchBucket', 'The specified bucket does not exist', 404);
  const uploadDir = join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
  if (!/^[A-Za-z0-9._-]+$/.test(uploadId) || !existsSync(join(uploadDir, 'key')))
    return err(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
    );
  if (readFileSync(join(uploadDir, 'key'), 'utf8') !== key)
    return err('NoSuchUpload', 'The specified upload does not exist for this key.', 404);
  const source = parseCopySource(header(req, 'x-amz-copy-source') ?? '');
  if (!source)
    return err(
      'InvalidArgument',
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      400,
    );
  if (!(await ctx.s3.bucketExists(source.bucket)))
    return err('NoSuchBucket', 'The specified bucket does not exist', 404);
  const whole = await store.getObject(source.bucket, source.key).catch(() => null);
  if (!whole) return err('NoSuchKey', 'The specified key does not exist.', 404);
  whole.content?.destroy();
  const range = parseCopyRange(header(req, 'x-amz-copy-source-range'), whole.size);
  if ('error' in range) return err('InvalidArgument', range.error, 400);
  const part = await store.getObject(source.bucket, source.key, range);
  if (!part?.content) return err('NoSuchKey', 'The specified key does not exist.', 404);
  const { md5 } = await store.putPart(bucket, uploadId, partNumber, part.content);
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<CopyPartResult xmlns="${S3_XMLNS}"><LastModified>${new Date().toISOString()}</LastModified>` +
    `<ETag>${escapeXml(`"${md5}"`)}</ETag></CopyPartResult>`;
  return { status: 200, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body };
}

/**
 * Answers the request when it is one of the cases above (consuming its body), else returns
 * undefined without touching the request, for s3rver to serve.
 */
export async function handleS3Extras(
  ctx: LocalContext,
  req: IncomingMessage,
  url: URL,
  requestId: string,
): Promise<WireResponse | undefined> {
  if (req.method !== 'PUT') return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) return undefined;
  const bucket = decodeURIComponent(parts[0]!);
  const objectKey = url.pathname.slice(parts[0]!.length + 2);
  if (
    objectKey &&
    url.searchParams.has('uploadId') &&
    url.searchParams.has('partNumber') &&
    header(req, 'x-amz-copy-source') !== undefined
  ) {
    req.resume();
    return uploadPartCopy(ctx, req, bucket, decodeURIComponent(objectKey), url.searchParams, requestId);
  }
  // CreateBucket: no subresource (presigned X-Amz-* parameters and the SDK's x-id do not count)
  const subresources = [...url.searchParams.keys()].filter((k) => k !== 'x-id' && !/^x-amz-/i.test(k));
  if (!objectKey && subresources.length === 0 && (await ctx.s3.bucketExists(bucket))) {
    req.resume();
    if (ctx.region === 'us-east-1')
      return { status: 200, headers: { location: `/${bucket}`, 'x-amz-request-id': requestId }, body: '' };
    return s3ErrorResponse(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      requestId,
    );
  }
  return undefined;
}
