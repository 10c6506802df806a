/**
 * Hardening of s3rver's FilesystemStore instance (no change to s3rver itself):
 * - confinement: every path it computes for a bucket, key or upload must stay inside its root
 *   directory (the request guard refuses such names first; this is the backstop for names that
 *   arrive another way: POST form keys, DeleteObjects bodies, job S3 URIs);
 * - atomic writes: an object (or part) is streamed to a temporary file, then renamed over the
 *   old one together with its MD5, under a per-object lock; reads take the same lock while they
 *   open the object, so an ETag always is the MD5 of the bytes read;
 * - a body that fails mid-stream (bad aws-chunked framing, client gone) stores nothing and is
 *   answered IncompleteBody.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { unsafeBucketReason, unsafeKeyReason, unsafeUploadIdReason } from './s3names.js';

const require = createRequire(import.meta.url);

type S3ErrorCtor = new (code: string, message: string, detail?: Record<string, unknown>) => Error;

interface S3ObjectLike {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

/** The parts of s3rver's FilesystemStore this module replaces or wraps. */
export interface RawFilesystemStore {
  rootDirectory: string;
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getObject(bucket: string, key: string, options?: unknown): Promise<unknown>;
  putObject(object: S3ObjectLike): Promise<{ size: number; md5: string }>;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
  putPart(
    bucket: string,
    uploadId: string,
    partNumber: number | string,
    content: Readable,
  ): Promise<{ size: number; md5: string }>;
  copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacement?: unknown,
  ): Promise<unknown>;
  getMetadata(bucket: string, key: string): Promise<unknown>;
}

export class PathEscapeError extends Error {}

/** Throws unless `path` is root itself or inside it. Pure. */
export function assertInside(root: string, path: string): string {
  const rel = relative(resolve(root), resolve(path));
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return path;
  throw new PathEscapeError(`path '${path}' is outside the S3 directory`);
}

/** Serialises async sections per key. */
class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = prev.then(() => mine);
    this.tails.set(key, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

const tempName = (path: string): string => join(dirname(path), `.${randomBytes(8).toString('hex')}.sml-tmp`);

/** Streams content to a temporary file next to `target`; returns its path, size and MD5. */
async function writeTemp(target: string, content: Buffer | Readable, S3Error: S3ErrorCtor) {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempName(target);
  const md5 = createHash('md5');
  let size = 0;
  try {
    if (Buffer.isBuffer(content)) {
      md5.update(content);
      size = content.length;
      await writeFile(tmp, content);
    } else {
      await pipeline(
        content,
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            md5.update(chunk);
            size += chunk.length;
            cb(null, chunk);
          },
        }),
        createWriteStream(tmp),
      );
    }
  } catch (err) {
    await rm(tmp, { force: true });
    throw new S3Error(
      'IncompleteBody',
      `The request body ended before the upload was complete: ${(err as Error).message}`,
    );
  }
  return { tmp, size, md5: md5.digest('hex') };
}

/** Installs confinement and atomic writes on one FilesystemStore instance. */
export function hardenFilesystemStore(store: RawFilesystemStore): void {
  const S3Error = require('s3rver/lib/models/error') as S3ErrorCtor;
  const root = store.rootDirectory;
  const refuse = (what: string, why: string): never => {
    throw new S3Error(
      'InvalidArgument',
      `${what} ${why}; sagemaker-local keeps every object inside its data directory.`,
    );
  };
  const getBucketPath = store.getBucketPath.bind(store);
  const getResourcePath = store.getResourcePath.bind(store);
  store.getBucketPath = (bucket) => {
    const why = unsafeBucketReason(bucket);
    if (why) refuse('Bucket name', why);
    return assertInside(root, getBucketPath(bucket));
  };
  store.getResourcePath = (bucket, key, resource) => {
    const why = unsafeBucketReason(bucket) ?? (key === undefined ? undefined : unsafeKeyReason(key));
    if (why) refuse(key === undefined ? 'Bucket name' : 'Object key', why);
    return assertInside(join(root, bucket), getResourcePath(bucket, key, resource));
  };

  const lock = new KeyedLock();
  const getObject = store.getObject;
  const getMetadata = store.getMetadata.bind(store);
  // s3rver's getObject reads the metadata itself: it runs against a view of the store whose
  // getMetadata does not take the lock again.
  const unlocked = Object.create(store, { getMetadata: { value: getMetadata } }) as RawFilesystemStore;
  // Metadata (ETag) and the open file descriptor are taken together under the object's lock.
  store.getObject = (bucket, key, options) =>
    lock.run(store.getResourcePath(bucket, key, 'object'), () =>
      getObject.call(unlocked, bucket, key, options),
    );
  store.getMetadata = (bucket, key) =>
    lock.run(store.getResourcePath(bucket, key, 'object'), () => getMetadata(bucket, key));

  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    const { tmp, size, md5 } = await writeTemp(objectPath, object.content, S3Error);
    await lock.run(objectPath, async () => {
      const md5Tmp = tempName(objectPath);
      await writeFile(md5Tmp, md5);
      await rename(tmp, objectPath);
      await rename(md5Tmp, `${objectPath}.md5`);
      await store.putMetadata(object.bucket, object.key, object.metadata);
    });
    return { size, md5 };
  };

  store.putPart = async (bucket, uploadId, partNumber, content) => {
    const why =
      unsafeUploadIdReason(uploadId) ?? (/^\d+$/.test(String(partNumber)) ? undefined : 'is not a number');
    if (why) refuse('Upload id or part number', why);
    const partPath = assertInside(
      root,
      join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId, String(partNumber)),
    );
    const { tmp, size, md5 } = await writeTemp(partPath, content, S3Error);
    await lock.run(partPath, async () => {
      await rename(tmp, partPath);
      await writeFile(`${partPath}.md5`, md5);
    });
    return { size, md5 };
  };

  const copyObject = store.copyObject.bind(store);
  store.copyObject = async (srcBucket, srcKey, destBucket, destKey, replacement) => {
    const src = store.getResourcePath(srcBucket, srcKey, 'object');
    const dest = store.getResourcePath(destBucket, destKey, 'object');
    if (src === dest) return copyObject(srcBucket, srcKey, destBucket, destKey, replacement);
    // Copy the bytes atomically ourselves, then let s3rver copy or replace the metadata.
    const { tmp, md5 } = await writeTemp(dest, createReadStream(src), S3Error);
    return lock.run(dest, async () => {
      await rename(tmp, dest);
      await writeFile(`${dest}.md5`, md5);
      // s3rver's copy would now copy the object file again onto itself; give it src == dest.
      if (replacement) {
        await store.putMetadata(destBucket, destKey, replacement as Record<string, string>);
      } else {
        await copyFile(
          store.getResourcePath(srcBucket, srcKey, 'metadata.json'),
          store.getResourcePath(destBucket, destKey, 'metadata.json'),
        ).catch(() => undefined);
      }
      return getMetadata(destBucket, destKey);
    });
  };
}
