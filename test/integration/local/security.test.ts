/**
 * sagemaker-local must not be a way into the machine: real HTTP requests (raw node:http and
 * bare sockets for malformed ones) against a server on 127.0.0.1 whose data dir has a sibling
 * sentinel directory and a planted file that no request may touch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal, type LocalHandle } from '../../../local/index.js';
import { raw, rawSocket, smCall } from './raw-http.js';
import { removeDir } from './helpers.js';

jest.setTimeout(120_000);

const SECRET = 'TOPSECRET-sentinel';

describe('sagemaker-local security', () => {
  let top: string;
  let local: LocalHandle;
  let port: number;
  const sentinelIntact = (): void => {
    expect(existsSync(join(top, 'sentinel-dir', 'keep.txt'))).toBe(true);
    expect(existsSync(join(top, 'data'))).toBe(true);
    expect(existsSync(join(top, 'secret._S3rver_object'))).toBe(true);
    // nothing new next to the data dir
    expect(readdirSync(top).sort()).toEqual(['data', 'secret._S3rver_object', 'sentinel-dir']);
  };

  /** Each traversal case starts from the same sentinels (and nothing else) next to the data dir. */
  const plantSentinels = (): void => {
    for (const f of readdirSync(top)) if (f !== 'data') removeDir(join(top, f));
    mkdirSync(join(top, 'sentinel-dir'));
    writeFileSync(join(top, 'sentinel-dir', 'keep.txt'), 'keep');
    // looks like an s3rver object three levels above a key of bucket `bkt`
    writeFileSync(join(top, 'secret._S3rver_object'), SECRET);
  };

  beforeAll(async () => {
    top = mkdtempSync(join(tmpdir(), 'sml-sec-'));
    plantSentinels();
    local = await startLocal({ port: 0, dataDir: join(top, 'data'), logger: 'silent', stopGraceMs: 1000 });
    port = local.port;
    expect((await raw(port, { method: 'PUT', path: '/bkt' })).status).toBe(200);
    expect((await raw(port, { method: 'PUT', path: '/bkt/ok.txt', body: 'fine' })).status).toBe(200);
  });
  afterAll(async () => {
    await local.stop();
    removeDir(top);
  });

  describe('only requests addressed to this server', () => {
    const job = (name: string): unknown => ({
      ProcessingJobName: name,
      RoleArn: 'arn:aws:iam::000000000000:role/R',
      AppSpecification: {
        ImageUri: 'x.dkr.ecr.us-east-1.amazonaws.com/any:1',
        ContainerEntrypoint: ['/bin/sh', '-c', `touch ${join(top, 'pwned')}`],
      },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
      },
    });

    it.each([
      'evil.example',
      `evil.example:${'PORT'}`,
      'localhost.evil.example:PORT',
      '127.0.0.1.nip.io:PORT',
      '127.0.0.1:1',
    ])('a DNS-rebinding Host %j cannot start a processing job', async (host) => {
      const res = await smCall(port, 'SageMaker.CreateProcessingJob', job('rebind'), {
        host: host.replace('PORT', String(port)),
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).__type).toBe('AccessDeniedException');
      const list = await smCall(port, 'SageMaker.ListProcessingJobs', {});
      expect(JSON.parse(list.body).ProcessingJobSummaries).toEqual([]);
      expect(existsSync(join(top, 'pwned'))).toBe(false);
    });

    it('a request without any Host header is refused', async () => {
      const answer = await rawSocket(port, 'GET /bkt/ok.txt HTTP/1.0\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.[01] 403/);
      expect(answer).not.toContain('fine');
    });

    it('a cross-origin page (Origin header) is refused even with the right Host', async () => {
      const res = await smCall(port, 'SageMaker.ListProcessingJobs', {}, { origin: 'http://evil.example' });
      expect(res.status).toBe(403);
      const s3 = await raw(port, { path: '/bkt/ok.txt', headers: { origin: 'null' } });
      expect(s3.status).toBe(403);
      expect(s3.body).not.toContain('fine');
    });

    it.each(['localhost:PORT', '127.0.0.1:PORT', '127.0.0.2:PORT', '[::1]:PORT', 'LOCALHOST:PORT'])(
      'Host %j is served',
      async (host) => {
        const res = await raw(port, {
          path: '/bkt/ok.txt',
          headers: { host: host.replace('PORT', String(port)) },
        });
        expect(res.status).toBe(200);
        expect(res.body).toBe('fine');
      },
    );
  });

  describe('X-Amz-Target dispatch is an explicit table', () => {
    it.each([
      'SageMaker.constructor',
      'SageMaker.__proto__',
      'SageMaker.toString',
      'SageMaker.hasOwnProperty',
      'Logs_20140328.constructor',
      'Logs_20140328.__proto__',
      'GraniteServiceVersion20100801.constructor',
      'GraniteServiceVersion20100801.valueOf',
    ])('%s is an unknown operation, answered without internal context', async (target) => {
      const res = await smCall(port, target, {});
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).__type).toMatch(/^(UnknownOperationException|InvalidAction)$/);
      expect(res.body).not.toContain(top);
      expect(res.body).not.toContain('dataDir');
    });

    it.each(['constructor.CreateProcessingJob', '__proto__.x', 'toString'])(
      'a target prefix %s that is not a service is refused by name, not dispatched',
      async (target) => {
        const res = await smCall(port, target, {});
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.body).toContain('UnknownOperationException');
        expect(res.body).not.toContain(top);
      },
    );
  });

  describe('body limits', () => {
    it('refuses a PUT larger than 5 GiB before reading it (EntityTooLarge)', async () => {
      const answer = await rawSocket(
        port,
        `PUT /bkt/huge HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${5 * 1024 ** 3 + 1}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain('<Code>EntityTooLarge</Code>');
    });

    it('refuses an aws-chunked PUT whose decoded length is over 5 GiB', async () => {
      const res = await raw(port, {
        method: 'PUT',
        path: '/bkt/huge2',
        headers: {
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': String(5 * 1024 ** 3 + 1),
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        },
        body: '0\r\n\r\n',
      });
      expect(res.status).toBe(400);
      expect(res.body).toContain('<Code>EntityTooLarge</Code>');
    });

    it('refuses a PUT of unknown length (MissingContentLength, as AWS)', async () => {
      const answer = await rawSocket(
        port,
        `PUT /bkt/chunked HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 411/);
      expect((await raw(port, { path: '/bkt/chunked' })).status).toBe(404);
      const post = await rawSocket(
        port,
        `POST /bkt?delete HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
      );
      expect(post).toMatch(/^HTTP\/1\.1 411/);
    });

    it('refuses a JSON body over 16 MiB', async () => {
      const res = await smCall(port, 'SageMaker.ListProcessingJobs', { pad: 'x'.repeat(17 * 1024 * 1024) });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).__type).toBe('SerializationException');
    });

    it('stores a large aws-chunked upload byte-exactly while streaming it', async () => {
      const chunk = Buffer.alloc(256 * 1024, 7);
      const n = 96; // 24 MiB
      const md5 = createHash('md5');
      const parts: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        const c = Buffer.from(chunk);
        c.writeUInt32BE(i, 0);
        md5.update(c);
        parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from('0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'));
      const res = await raw(port, {
        method: 'PUT',
        path: '/bkt/big.bin',
        headers: {
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': String(n * chunk.length),
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'x-amz-trailer': 'x-amz-checksum-crc32',
        },
        body: Buffer.concat(parts),
      });
      expect(res.status).toBe(200);
      const digest = md5.digest('hex');
      expect(res.headers['etag']).toBe(`"${digest}"`);
      const head = await raw(port, { method: 'HEAD', path: '/bkt/big.bin' });
      expect(head.headers['content-length']).toBe(String(n * chunk.length));
    });

    it('answers a truncated or mis-sized aws-chunked upload IncompleteBody and stores nothing', async () => {
      for (const [body, declared] of [
        ['10\r\nonly-eight', 16],
        ['5\r\nhello\r\n', 5],
        ['5\r\nhello\r\n0\r\n\r\n', 7],
        ['zz\r\nhello\r\n0\r\n\r\n', 5],
      ] as const) {
        const res = await raw(port, {
          method: 'PUT',
          path: '/bkt/torn.bin',
          headers: {
            'content-encoding': 'aws-chunked',
            'x-amz-decoded-content-length': String(declared),
            'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          },
          body,
        });
        expect(res.status).toBe(400);
        expect(res.body).toContain('<Code>IncompleteBody</Code>');
        expect((await raw(port, { path: '/bkt/torn.bin' })).status).toBe(404);
      }
    });
  });

  describe('atomic PUTs', () => {
    it('concurrent PUTs of different bodies to one key never leave a torn object', async () => {
      for (let round = 0; round < 3; round++) {
        const bodies = Array.from({ length: 16 }, (_, i) => Buffer.alloc(512 * 1024 + i * 977, 65 + i));
        const puts = await Promise.all(
          bodies.map((body) => raw(port, { method: 'PUT', path: '/bkt/contended.bin', body })),
        );
        expect(puts.every((p) => p.status === 200)).toBe(true);
        const get = await new Promise<{ etag: string; body: Buffer }>((resolve, reject) => {
          import('node:http').then(({ get: httpGet }) => {
            httpGet({ host: '127.0.0.1', port, path: '/bkt/contended.bin' }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ etag: String(res.headers.etag), body: Buffer.concat(chunks) }));
            }).on('error', reject);
          }, reject);
        });
        expect(get.etag).toBe(`"${createHash('md5').update(get.body).digest('hex')}"`);
        expect(bodies.some((b) => b.equals(get.body))).toBe(true);
      }
    });
  });
  // Last: on a server without the guard these requests destroy the sentinel and the data dir.
  describe('nothing outside the data directory', () => {
    beforeEach(plantSentinels);
    it.each([
      '/..%2F..%2Fsentinel-dir',
      '/%2e%2e%2f%2e%2e%2fsentinel-dir',
      '/%2E%2E%2F%2E%2E%2Fsentinel-dir',
      '/%252e%252e%252f%252e%252e%252fsentinel-dir',
      '/..%5C..%5Csentinel-dir',
      '/%2e%2e',
      '/..',
      '/.',
    ])('DELETE %s is refused (InvalidBucketName) and deletes nothing', async (path) => {
      const res = await raw(port, { method: 'DELETE', path });
      expect(res.status).toBe(400);
      expect(res.body).toContain('<Code>InvalidBucketName</Code>');
      sentinelIntact();
    });

    it.each([
      ['PUT', '/bkt/..%2F..%2F..%2Fevil'],
      ['PUT', '/bkt/x/../../../../evil'],
      ['PUT', '/bkt/%2e%2e/%2e%2e/%2e%2e/evil'],
      ['PUT', '/bkt/%252e%252e%252f%252e%252e%252f%252e%252e%252fevil'],
      ['PUT', '/bkt/..%5C..%5C..%5Cevil'],
      ['PUT', '/bkt/a%00b'],
      ['PUT', '/bkt/./x'],
      ['GET', '/bkt/..%2F..%2F..%2Fsecret'],
      ['HEAD', '/bkt/..%2F..%2F..%2Fsecret'],
      ['DELETE', '/bkt/..%2F..%2F..%2Fsecret'],
    ])('%s %s is refused (InvalidArgument) and touches nothing', async (method, path) => {
      const res = await raw(port, { method, path, body: method === 'PUT' ? 'pwned' : undefined });
      expect(res.status).toBe(400);
      if (method !== 'HEAD') expect(res.body).toContain('<Code>InvalidArgument</Code>');
      expect(res.body).not.toContain(SECRET);
      sentinelIntact();
    });

    it('refuses a copy source outside the data dir', async () => {
      for (const src of ['/bkt/../../../secret', 'bkt/..%2F..%2F..%2Fsecret', '/..%2F..%2F/secret']) {
        const res = await raw(port, {
          method: 'PUT',
          path: '/bkt/copy',
          headers: { 'x-amz-copy-source': src },
        });
        expect(res.status).toBe(400);
        expect(res.body).not.toContain(SECRET);
      }
      expect((await raw(port, { path: '/bkt/copy' })).status).toBe(404);
      sentinelIntact();
    });

    it('refuses upload ids and part numbers that are paths', async () => {
      const bad = await raw(port, {
        method: 'PUT',
        path: '/bkt/k?partNumber=1&uploadId=..%2F..%2F..%2F..%2Fevilpart',
        body: 'x',
      });
      expect(bad.status).toBe(404);
      expect(bad.body).toContain('<Code>NoSuchUpload</Code>');
      const badPart = await raw(port, {
        method: 'PUT',
        path: '/bkt/k?partNumber=..%2F..%2F..%2F..%2F..%2Fevilpart&uploadId=abc',
        body: 'x',
      });
      expect(badPart.status).toBe(400);
      sentinelIntact();
    });

    it('refuses a browser-form (POST) key outside the data dir, stored by s3rver itself', async () => {
      const boundary = 'XyZ';
      const form =
        `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\n../../../evilform\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\nContent-Type: application/octet-stream\r\n\r\npwned\r\n` +
        `--${boundary}--\r\n`;
      const res = await raw(port, {
        method: 'POST',
        path: '/bkt',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: form,
      });
      expect(res.status).toBe(400);
      expect(res.body).toContain('InvalidArgument');
      sentinelIntact();
    });

    it('refuses DeleteObjects keys outside the data dir', async () => {
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?><Delete><Object><Key>../../../secret</Key></Object></Delete>';
      await raw(port, {
        method: 'POST',
        path: '/bkt?delete',
        headers: {
          'content-type': 'application/xml',
          'content-md5': createHash('md5').update(xml).digest('base64'),
        },
        body: xml,
      });
      sentinelIntact();
    });

    it('a processing LocalPath cannot climb out of /opt/ml (no download outside the job root)', async () => {
      expect((await raw(port, { method: 'PUT', path: '/bkt/in/a.csv', body: '1,2\n' })).status).toBe(200);
      const climb = `/opt/ml/processing/${'../'.repeat(8)}${top.slice(1)}/leak`;
      const create = await smCall(port, 'SageMaker.CreateProcessingJob', {
        ProcessingJobName: 'climb',
        RoleArn: 'arn:aws:iam::000000000000:role/R',
        AppSpecification: {
          ImageUri: 'x.dkr.ecr.us-east-1.amazonaws.com/any:1',
          ContainerEntrypoint: ['/bin/true'],
        },
        ProcessingInputs: [
          {
            InputName: 'in',
            S3Input: { S3Uri: 's3://bkt/in', LocalPath: climb, S3DataType: 'S3Prefix', S3InputMode: 'File' },
          },
        ],
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
        },
      });
      expect(create.status).toBe(200);
      let d: { ProcessingJobStatus: string; FailureReason?: string } = { ProcessingJobStatus: 'InProgress' };
      for (let i = 0; i < 600 && d.ProcessingJobStatus === 'InProgress'; i++) {
        d = JSON.parse(
          (await smCall(port, 'SageMaker.DescribeProcessingJob', { ProcessingJobName: 'climb' })).body,
        );
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(d.ProcessingJobStatus).toBe('Failed');
      expect(d.FailureReason).toMatch(/^ClientError: local path '.*' leaves \/opt\/ml/);
      sentinelIntact();
    });

    it('still serves ordinary keys, including ones with dots and encoded slashes', async () => {
      for (const key of ['a..b', '...', 'dir/.hidden', 'x%2Fy', '100%25']) {
        const put = await raw(port, { method: 'PUT', path: `/bkt/${key}`, body: key });
        expect(put.status).toBe(200);
        const get = await raw(port, { path: `/bkt/${key}` });
        expect(get.body).toBe(key);
      }
      sentinelIntact();
    });
  });
});
