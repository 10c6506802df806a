import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { awsErrorName } from '../core/errors.js';
import { isNotFound } from './errors.js';
import { collectAll } from './paging.js';

/** Every key under the prefix (paginated), sorted as S3 lists them (UTF-8 binary order). */
export async function listKeys(
  s3: S3Client,
  bucket: string,
  prefix: string,
): Promise<{ key: string; size: number }[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const objects = await collectAll(async (token) => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    return { items: page.Contents ?? [], next: page.IsTruncated ? page.NextContinuationToken : undefined };
  });
  return objects.flatMap((o) => (o.Key !== undefined ? [{ key: o.Key, size: o.Size ?? 0 }] : []));
}

/** True when the exact object exists. */
export async function objectExists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  if (key === '' || key.endsWith('/')) return false;
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if (isNotFound(err) || awsErrorName(err) === 'Forbidden') return false;
    throw err;
  }
}

export async function downloadObject(s3: S3Client, bucket: string, key: string, file: string): Promise<void> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  await mkdir(dirname(file), { recursive: true });
  const body = res.Body;
  if (!body) throw new Error(`s3://${bucket}/${key}: empty response body`);
  const stream = body instanceof Readable ? body : Readable.from(await body.transformToByteArray());
  await pipeline(stream, createWriteStream(file));
}

export async function getObjectText(s3: S3Client, bucket: string, key: string): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await res.Body?.transformToString('utf8')) ?? '';
}

export async function uploadFile(
  s3: S3Client,
  bucket: string,
  key: string,
  file: string,
  contentType: string,
): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const { size } = await stat(file);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(file),
      ContentLength: size,
      ContentType: contentType,
    }),
  );
}

export async function putText(
  s3: S3Client,
  bucket: string,
  key: string,
  text: string,
  contentType: string,
): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: contentType }));
}
