import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(120_000);
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { SageMakerClient, ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import { putObjects, removeDir, startEnv, type Env } from './helpers.js';

describe('sagemaker-local S3 (s3rver behind the shared port)', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
    await putObjects(env.s3, 'data-bucket', {
      'a/one.csv': '1,2\n',
      'a/two.csv': '3,4\n',
      'b/three.csv': '5\n',
    });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('lists with ListObjectsV2 (prefix, delimiter, pagination) and heads objects, path-style', async () => {
    const all = await env.s3.send(new ListObjectsV2Command({ Bucket: 'data-bucket', Prefix: 'a/' }));
    expect(all.Contents?.map((c) => c.Key)).toEqual(['a/one.csv', 'a/two.csv']);
    const dirs = await env.s3.send(new ListObjectsV2Command({ Bucket: 'data-bucket', Delimiter: '/' }));
    expect(dirs.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    const page1 = await env.s3.send(new ListObjectsV2Command({ Bucket: 'data-bucket', MaxKeys: 2 }));
    expect(page1.IsTruncated).toBe(true);
    const page2 = await env.s3.send(
      new ListObjectsV2Command({
        Bucket: 'data-bucket',
        MaxKeys: 2,
        ContinuationToken: page1.NextContinuationToken!,
      }),
    );
    expect(page2.Contents?.map((c) => c.Key)).toEqual(['b/three.csv']);
    const head = await env.s3.send(new HeadObjectCommand({ Bucket: 'data-bucket', Key: 'a/one.csv' }));
    expect(head.ContentLength).toBe(4);
    await expect(
      env.s3.send(new HeadObjectCommand({ Bucket: 'data-bucket', Key: 'nope' })),
    ).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('stores streamed (aws-chunked, checksum trailer) uploads byte-exactly', async () => {
    const body = Buffer.from('x'.repeat(70_000) + '\n');
    await env.s3.send(
      new PutObjectCommand({
        Bucket: 'data-bucket',
        Key: 'stream.bin',
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    const got = await env.s3.send(new GetObjectCommand({ Bucket: 'data-bucket', Key: 'stream.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('completes a multipart upload', async () => {
    const part1 = Buffer.alloc(5 * 1024 * 1024, 'a');
    const part2 = Buffer.from('tail');
    const { UploadId } = await env.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'data-bucket', Key: 'big.bin' }),
    );
    const p1 = await env.s3.send(
      new UploadPartCommand({ Bucket: 'data-bucket', Key: 'big.bin', UploadId, PartNumber: 1, Body: part1 }),
    );
    const p2 = await env.s3.send(
      new UploadPartCommand({ Bucket: 'data-bucket', Key: 'big.bin', UploadId, PartNumber: 2, Body: part2 }),
    );
    await env.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'data-bucket',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag! },
            { PartNumber: 2, ETag: p2.ETag! },
          ],
        },
      }),
    );
    const head = await env.s3.send(new HeadObjectCommand({ Bucket: 'data-bucket', Key: 'big.bin' }));
    expect(head.ContentLength).toBe(part1.length + part2.length);
  });
});

describe('sagemaker-local --access-key', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({ accessKey: 'AKIDLOCAL' });
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  it('accepts the configured key and rejects any other, AWS-style', async () => {
    await expect(env.sm.send(new ListTrainingJobsCommand({}))).resolves.toBeDefined();
    const other = { ...env.clientConfig, credentials: { accessKeyId: 'OTHERKEY', secretAccessKey: 'x' } };
    const sm = new SageMakerClient(other);
    const s3 = new S3Client({ ...other, forcePathStyle: true });
    await expect(sm.send(new ListTrainingJobsCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(s3.send(new ListObjectsV2Command({ Bucket: 'whatever' }))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    sm.destroy();
    s3.destroy();
  });
});
