/** Pure pieces of sagemaker-local's hardening: names, Host/Origin, chunk decoding, evaluator, pid file. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { allowedHostnames, hostAllowed, originAllowed, parseHostHeader } from '../../../local/guard.js';
import { MetricEvaluator, type FoundMetric } from '../../../local/jobs/metric-worker.js';
import { parsePidFile } from '../../../local/pidfile.js';
import { AwsChunkedError, AwsChunkedParser, dechunkRequest } from '../../../local/s3chunked.js';
import { assertInside, PathEscapeError } from '../../../local/s3fs-store.js';
import { copySourceParts, s3PathParts, unsafeBucketReason, unsafeKeyReason } from '../../../local/s3names.js';
import { routeRequest } from '../../../local/router.js';

describe('S3 names that could leave the data directory', () => {
  it.each([
    '..',
    '.',
    'a/../b',
    'a/./b',
    '../x',
    'x/..',
    '..\\x',
    'a\\..\\b',
    '%2e%2e/x',
    '%2E%2E%2Fx',
    '%252e%252e%252fx',
    '%25252e%25252e',
    'a\0b',
    'a%00b',
  ])('key %j is refused', (key) => {
    expect(unsafeKeyReason(key)).toBeDefined();
  });

  it.each(['a..b', '...', '.hidden', 'dir/.hidden', 'x%2Fy', '100%', '%zz', 'a/b/c.csv', '..a', 'a..'])(
    'key %j is fine',
    (key) => {
      expect(unsafeKeyReason(key)).toBeUndefined();
    },
  );

  it('buckets are one segment', () => {
    expect(unsafeBucketReason('a/b')).toBeDefined();
    expect(unsafeBucketReason('a%2Fb')).toBeDefined();
    expect(unsafeBucketReason('a\\b')).toBeDefined();
    expect(unsafeBucketReason('')).toBeDefined();
    expect(unsafeBucketReason('my-bucket.v2')).toBeUndefined();
  });

  it('a key with no . or .. segment in any decoding is accepted (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { minLength: 1, maxLength: 5 }),
        (segs) => {
          expect(unsafeKeyReason(segs.join('/'))).toBeUndefined();
        },
      ),
    );
  });

  it('splits request paths and copy sources the way s3rver decodes them', () => {
    expect(s3PathParts('/..%2F..%2Fdir')).toEqual({ bucket: '../../dir' });
    expect(s3PathParts('/b/a%2Fb/c')).toEqual({ bucket: 'b', key: 'a/b/c' });
    expect(s3PathParts('/')).toEqual({});
    expect(copySourceParts('/b/..%2Fx?versionId=1')).toEqual({ bucket: 'b', key: '../x' });
    expect(copySourceParts('b%2F..%2F..%2Fx')).toEqual({ bucket: 'b', key: '../../x' });
  });

  it('store paths must stay inside the root', () => {
    expect(assertInside('/d/s3', '/d/s3/b/k')).toBe('/d/s3/b/k');
    expect(() => assertInside('/d/s3', '/d/s3/../x')).toThrow(PathEscapeError);
    expect(() => assertInside('/d/s3', '/d/s3x/k')).toThrow(PathEscapeError);
  });
});

describe('Host and Origin', () => {
  const cfg = { hostnames: allowedHostnames('127.0.0.1', () => []), port: 4566 };
  it.each(['127.0.0.1:4566', 'localhost:4566', 'LocalHost:4566', '[::1]:4566', '127.1.2.3:4566'])(
    'serves %s',
    (h) => expect(hostAllowed(h, cfg)).toBe(true),
  );
  it.each([
    undefined,
    '',
    'evil.example:4566',
    'localhost.evil.example:4566',
    'localhost:4567',
    '127.0.0.1',
    '127.0.0.1:4566:1',
    '127.0.0.1.nip.io:4566',
    'user@localhost:4566',
  ])('refuses %s', (h) => expect(hostAllowed(h, cfg)).toBe(false));

  it('a server bound to all interfaces also answers to its interface addresses', () => {
    const all = { hostnames: allowedHostnames('0.0.0.0', () => ['10.1.2.3', 'fe80::1']), port: 80 };
    expect(hostAllowed('10.1.2.3', all)).toBe(true);
    expect(hostAllowed('[fe80::1]', all)).toBe(true);
    expect(hostAllowed('10.9.9.9', all)).toBe(false);
  });

  it('parses Host headers', () => {
    expect(parseHostHeader('[::1]:80')).toEqual({ hostname: '::1', port: 80 });
    expect(parseHostHeader('a.b')).toEqual({ hostname: 'a.b' });
    expect(parseHostHeader('a:b')).toBeUndefined();
  });

  it('Origin: absent is fine (SDKs), our own origin is fine, anything else is not', () => {
    expect(originAllowed(undefined, cfg)).toBe(true);
    expect(originAllowed('http://localhost:4566', cfg)).toBe(true);
    expect(originAllowed('null', cfg)).toBe(false);
    expect(originAllowed('http://evil.example', cfg)).toBe(false);
    expect(originAllowed('https://localhost:4566', cfg)).toBe(false);
  });

  it('X-Amz-Target prefixes are looked up as own entries only', () => {
    for (const t of ['constructor.X', '__proto__.X', 'toString', 'hasOwnProperty.Y'])
      expect(routeRequest('POST', '/', t)).toEqual({ service: 'unknown-target', target: t });
    expect(routeRequest('POST', '/', 'SageMaker.constructor')).toEqual({
      service: 'sagemaker',
      operation: 'constructor',
    });
  });
});

describe('aws-chunked decoding streams', () => {
  it('decodes framing split at any byte boundary (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 50 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        (chunks, cuts) => {
          const framed = Buffer.concat([
            ...chunks.flatMap((c) => [
              Buffer.from(`${c.length.toString(16)};chunk-signature=ab\r\n`),
              Buffer.from(c),
              Buffer.from('\r\n'),
            ]),
            Buffer.from('0\r\nx-amz-checksum-crc32:AAAA\r\n\r\n'),
          ]);
          const p = new AwsChunkedParser();
          const out: Buffer[] = [];
          let pos = 0;
          let i = 0;
          while (pos < framed.length) {
            const n = cuts[i++ % cuts.length]!;
            out.push(...p.push(framed.subarray(pos, pos + n)));
            pos += n;
          }
          p.end();
          expect(Buffer.concat(out).equals(Buffer.concat(chunks.map((c) => Buffer.from(c))))).toBe(true);
          expect(p.trailers['x-amz-checksum-crc32']).toBe('AAAA');
        },
      ),
    );
  });

  it('rejects bad sizes, overlong headers, truncation and bodies over the limit', () => {
    expect(() => new AwsChunkedParser().push(Buffer.from('zz\r\n'))).toThrow(AwsChunkedError);
    expect(() => new AwsChunkedParser().push(Buffer.alloc(9000, 0x31))).toThrow(/too long/);
    const t = new AwsChunkedParser();
    t.push(Buffer.from('10\r\nabc'));
    expect(() => t.end()).toThrow(/truncated/);
    expect(() => new AwsChunkedParser(4).push(Buffer.from('5\r\nhello\r\n'))).toThrow(/larger than 4/);
  });

  it('hands on decoded bytes before the upload has ended (never buffers the body)', async () => {
    const body = new PassThrough();
    const req = Object.assign(body, {
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '10' },
      method: 'PUT',
      url: '/b/k',
      socket: undefined,
    }) as unknown as IncomingMessage;
    const plain = dechunkRequest(req);
    expect(plain.headers['content-length']).toBe('10');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const first = new Promise<Buffer>((resolve) => plain.once('data', resolve));
    body.write('5\r\nhello\r\n');
    expect((await first).toString()).toBe('hello'); // the second chunk has not been sent yet
    const rest: Buffer[] = [];
    plain.on('data', (c: Buffer) => rest.push(c));
    const ended = new Promise((r) => plain.once('end', r));
    body.end('5\r\nworld\r\n0\r\n\r\n');
    await ended;
    expect(Buffer.concat(rest).toString()).toBe('world');
  });

  it('errors (not ends) when the body is shorter than declared', async () => {
    const body = new PassThrough();
    const req = Object.assign(body, {
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '9' },
    }) as unknown as IncomingMessage;
    const plain = dechunkRequest(req);
    const outcome = new Promise<string>((resolve) => {
      plain.on('error', (e) => resolve(e.message));
      plain.on('end', () => resolve('end'));
      plain.resume();
    });
    body.end('5\r\nhello\r\n0\r\n\r\n');
    expect(await outcome).toMatch(/5 bytes, but x-amz-decoded-content-length is 9/);
  });
});

describe('MetricDefinitions off the event loop', () => {
  it('finds values in line order and drains', async () => {
    const found: FoundMetric[] = [];
    const ev = new MetricEvaluator([{ Name: 'loss', Regex: 'loss=([0-9.]+)' }], (m) => found.push(m));
    ev.observe('loss=1', 1);
    ev.observe('nothing', 2);
    ev.observe('loss=0.5', 3);
    await ev.drain();
    ev.close();
    expect(found).toEqual([
      { name: 'loss', value: 1, timestamp: 1 },
      { name: 'loss', value: 0.5, timestamp: 3 },
    ]);
  });

  it('a catastrophic regex is stopped and named, while the event loop keeps running', async () => {
    const ev = new MetricEvaluator(
      [
        { Name: 'ok', Regex: 'x=([0-9]+)' },
        { Name: 'evil', Regex: '^(a+)+$' },
      ],
      () => {},
      300,
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    ev.observe(`${'a'.repeat(50)}!`, 1);
    await expect(ev.drain()).rejects.toThrow(
      /MetricDefinitions 'evil': regex "\^\(a\+\)\+\$" took longer than 0.3 s/,
    );
    clearInterval(timer);
    ev.close();
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('pid file', () => {
  it('parses pid and URL, refuses anything else', () => {
    expect(parsePidFile('123\nhttp://127.0.0.1:4566\n')).toEqual({ pid: 123, url: 'http://127.0.0.1:4566' });
    expect(parsePidFile('123')).toEqual({ pid: 123 });
    for (const bad of ['', 'abc', '-1', '0', '1.5']) expect(parsePidFile(bad)).toBeUndefined();
  });
});
