/**
 * Jobs read and write S3 through s3rver's own filesystem store (the same bytes the S3 API
 * serves), never over HTTP to ourselves.
 */
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

const require = createRequire(import.meta.url);

interface StoredObject {
  key: string;
  size: number;
  content: Readable | null;
}
export interface FilesystemStore {
  getBucket(bucket: string): Promise<unknown>;
  listObjects(
    bucket: string,
    opts: { prefix?: string; maxKeys?: number },
  ): Promise<{ objects: StoredObject[] }>;
  getObject(
    bucket: string,
    key: string,
    range?: { start?: number; end?: number },
  ): Promise<(StoredObject & { metadata?: Record<string, string> }) | null>;
  putObject(object: unknown): Promise<{ size: number; md5: string }>;
  existsObject(bucket: string, key: string): Promise<boolean>;
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  putPart(bucket: string, uploadId: string, partNumber: number, content: Readable): Promise<{ md5: string }>;
}

export interface S3Location {
  bucket: string;
  key: string;
}

export class S3UriError extends Error {}

export function parseS3Uri(uri: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new S3UriError(`'${uri}' is not an s3:// URI`);
  return { bucket: m[1]!, key: m[2]! };
}

/** Joins S3 path parts with single slashes. */
export function joinS3(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ''), ...parts.map((p) => p.replace(/^\/+|\/+$/g, ''))]
    .filter(Boolean)
    .join('/');
}

/**
 * Local path of a key downloaded from an S3Prefix, relative to the channel directory:
 * `data/train/` + `data/train/a.csv` -> `a.csv`; `data/train` + `data/train/a.csv` -> `a.csv`;
 * an exact object key -> its file name; `data/tr` + `data/train/a.csv` -> `train/a.csv`.
 */
export function relativeKey(prefix: string, key: string): string {
  if (prefix === '') return key;
  if (prefix.endsWith('/')) return key.slice(prefix.length);
  if (key === prefix) return key.slice(key.lastIndexOf('/') + 1);
  if (key.startsWith(`${prefix}/`)) return key.slice(prefix.length + 1);
  return key.slice(prefix.lastIndexOf('/') + 1);
}

export class S3Store {
  private S3Object:
    | (new (bucket: string, key: string, content: unknown, metadata: Record<string, string>) => unknown)
    | undefined;
  private resolved: FilesystemStore | undefined;
  /** The store may still be loading (s3rver is loaded after the port is listening). */
  constructor(private readonly storePromise: Promise<FilesystemStore>) {}

  private async storeReady(): Promise<FilesystemStore> {
    this.resolved ??= await this.storePromise;
    this.S3Object ??= require('s3rver/lib/models/object');
    return this.resolved;
  }

  private get store(): FilesystemStore {
    if (!this.resolved) throw new Error('S3 store used before it was loaded');
    return this.resolved;
  }

  /** s3rver's filesystem store, once loaded (for the operations s3rver lacks: s3-extras.ts). */
  async filesystem(): Promise<FilesystemStore> {
    return this.storeReady();
  }

  async objectExists(bucket: string, key: string): Promise<boolean> {
    const store = await this.storeReady();
    return (await store.getBucket(bucket)) !== null && (await store.existsObject(bucket, key));
  }

  async bucketExists(bucket: string): Promise<boolean> {
    await this.storeReady();
    return !!(await this.store.getBucket(bucket));
  }

  /** Keys (and sizes) under a prefix, sorted. Throws when the bucket does not exist. */
  async list(bucket: string, prefix: string): Promise<{ key: string; size: number }[]> {
    if (!(await this.bucketExists(bucket))) throw new Error(`bucket '${bucket}' does not exist`);
    const { objects } = await this.store.listObjects(bucket, { prefix });
    return objects.map((o) => ({ key: o.key, size: o.size })).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async getBuffer(bucket: string, key: string): Promise<Buffer | undefined> {
    await this.storeReady();
    const obj = await this.store.getObject(bucket, key);
    if (!obj?.content) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of obj.content) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async downloadTo(bucket: string, key: string, file: string): Promise<void> {
    await this.storeReady();
    const obj = await this.store.getObject(bucket, key);
    if (!obj?.content) throw new Error(`s3://${bucket}/${key} does not exist`);
    mkdirSync(dirname(file), { recursive: true });
    await pipeline(obj.content, createWriteStream(file));
  }

  /** Downloads every object under s3://bucket/prefix into dir; returns the number of files. */
  async downloadPrefix(bucket: string, prefix: string, dir: string): Promise<number> {
    const keys = (await this.list(bucket, prefix)).filter((o) => !o.key.endsWith('/'));
    for (const o of keys) await this.downloadTo(bucket, o.key, join(dir, relativeKey(prefix, o.key)));
    return keys.length;
  }

  async putBuffer(
    bucket: string,
    key: string,
    body: Buffer,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    await this.assertBucket(bucket);
    await this.store.putObject(new this.S3Object!(bucket, key, body, { 'content-type': contentType }));
  }

  async putFile(
    bucket: string,
    key: string,
    file: string,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    await this.assertBucket(bucket);
    const size = statSync(file).size;
    await this.store.putObject(
      new this.S3Object!(bucket, key, createReadStream(file), {
        'content-type': contentType,
        'content-length': String(size),
      }),
    );
  }

  private async assertBucket(bucket: string): Promise<void> {
    if (!(await this.bucketExists(bucket))) throw new Error(`bucket '${bucket}' does not exist`);
  }
}
