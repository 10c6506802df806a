import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { routeRequest } from '../../../local/router.js';
import { AwsError, jsonErrorResponse, parseWireTimestamp } from '../../../local/protocol.js';
import { accessKeyIdOf } from '../../../local/auth.js';
import {
  FaultInjector,
  FaultSpecError,
  drawFault,
  parseFaults,
  seededRandom,
} from '../../../local/faults.js';
import { decodeToken, encodeToken, paginate, sortBy } from '../../../local/pagination.js';
import { Checker, ENTITY_NAME_RE, MODEL_NAME_RE } from '../../../local/validate.js';
import { isLoopbackHost } from '../../../local/index.js';

describe('routeRequest', () => {
  it('routes JSON-RPC services by X-Amz-Target prefix', () => {
    expect(routeRequest('POST', '/', 'SageMaker.CreateTrainingJob')).toEqual({
      service: 'sagemaker',
      operation: 'CreateTrainingJob',
    });
    expect(routeRequest('POST', '/', 'Logs_20140328.GetLogEvents')).toEqual({
      service: 'logs',
      operation: 'GetLogEvents',
    });
    expect(routeRequest('POST', '/', 'GraniteServiceVersion20100801.PutMetricData')).toEqual({
      service: 'cloudwatch',
      operation: 'PutMetricData',
    });
  });
  it('routes runtime invocations by path and everything else to S3', () => {
    expect(routeRequest('POST', '/endpoints/my-ep/invocations', undefined)).toEqual({
      service: 'runtime',
      endpointName: 'my-ep',
    });
    expect(routeRequest('GET', '/endpoints/my-ep/invocations', undefined)).toEqual({ service: 's3' });
    expect(routeRequest('PUT', '/bucket/key', undefined)).toEqual({ service: 's3' });
    // an X-Amz-Target of a service not served is answered with an error naming it, never by S3
    expect(routeRequest('POST', '/bucket/key', 'DynamoDB_20120810.GetItem')).toEqual({
      service: 'unknown-target',
      target: 'DynamoDB_20120810.GetItem',
    });
  });
});

describe('error shapes', () => {
  it('writes x-amzn-ErrorType and __type; CloudWatch adds x-amzn-query-error', () => {
    const err = new AwsError('ValidationException', 'bad');
    const sm = jsonErrorResponse('sagemaker', err, 'rid');
    expect(sm.status).toBe(400);
    expect(sm.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(JSON.parse(sm.body)).toEqual({ __type: 'ValidationException', message: 'bad' });
    expect(sm.headers['x-amzn-query-error']).toBeUndefined();
    const cw = jsonErrorResponse('cloudwatch', new AwsError('InternalFailure', 'x', 500), 'rid');
    expect(cw.headers['x-amzn-query-error']).toBe('InternalFailure;Receiver');
    expect(cw.headers['content-type']).toBe('application/x-amz-json-1.0');
  });
  it('parses wire timestamps as epoch seconds or ISO strings', () => {
    expect(parseWireTimestamp(1700000000.5, 'T')).toBe(1700000000500);
    expect(parseWireTimestamp('2024-01-01T00:00:00Z', 'T')).toBe(Date.UTC(2024, 0, 1));
    expect(parseWireTimestamp(undefined, 'T')).toBeUndefined();
    expect(() => parseWireTimestamp('yesterday', 'StartTime')).toThrow(/StartTime/);
  });
});

describe('accessKeyIdOf', () => {
  it('reads SigV4 headers and presigned URLs', () => {
    const auth =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=abc';
    expect(accessKeyIdOf(auth, new URLSearchParams())).toBe('AKIDEXAMPLE');
    expect(
      accessKeyIdOf(
        undefined,
        new URLSearchParams('X-Amz-Credential=KEY2%2F20240101%2Fus-east-1%2Fs3%2Faws4_request'),
      ),
    ).toBe('KEY2');
    expect(accessKeyIdOf(undefined, new URLSearchParams())).toBeUndefined();
  });
});

describe('faults', () => {
  it('parses the --faults syntax', () => {
    expect(parseFaults('throttle=0.3,error=0.05,latency=50ms')).toEqual({
      throttle: 0.3,
      error: 0.05,
      latencyMs: 50,
    });
    expect(parseFaults('latency=1s, throttle=30%')).toEqual({ throttle: 0.3, error: 0, latencyMs: 1000 });
    expect(parseFaults(undefined)).toEqual({ throttle: 0, error: 0, latencyMs: 0 });
    for (const bad of [
      'throttle=2',
      'error=-1',
      'latency=fast',
      'chaos=1',
      'throttle',
      'throttle=0.7,error=0.5',
    ]) {
      expect(() => parseFaults(bad)).toThrow(FaultSpecError);
    }
  });
  it('is repeatable for a seed and close to the requested rates', () => {
    const draw = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from(
        { length: 2000 },
        () => drawFault({ throttle: 0.3, error: 0.1, latencyMs: 0 }, r)?.code ?? 'ok',
      );
    };
    expect(draw(5)).toEqual(draw(5));
    const counts = draw(9).reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
    expect(counts['ThrottlingException']! / 2000).toBeGreaterThan(0.25);
    expect(counts['ThrottlingException']! / 2000).toBeLessThan(0.35);
    expect(((counts['InternalFailure'] ?? 0) + (counts['ServiceUnavailable'] ?? 0)) / 2000).toBeGreaterThan(
      0.07,
    );
  });
  it('never faults at rate 0 and always at rate 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = seededRandom(seed);
        expect(drawFault({ throttle: 0, error: 0, latencyMs: 0 }, r)).toBeUndefined();
        expect(drawFault({ throttle: 1, error: 0, latencyMs: 0 }, r)?.code).toBe('ThrottlingException');
        const e = drawFault({ throttle: 0, error: 1, latencyMs: 0 }, r)!;
        expect([500, 503]).toContain(e.status);
      }),
    );
  });
  it('waits the latency through the injected sleep', async () => {
    const waits: number[] = [];
    const inj = new FaultInjector({ throttle: 0, error: 0, latencyMs: 50 }, 1, async (ms) => {
      waits.push(ms);
    });
    expect(await inj.before()).toBeUndefined();
    expect(waits).toEqual([50]);
  });
});

describe('pagination and sorting', () => {
  it('pages concatenate to the whole list for any page size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        (items, limit) => {
          const seen: number[] = [];
          let token: string | undefined;
          let pages = 0;
          do {
            const page = paginate(items, limit, token, 'scope');
            seen.push(...page.items);
            token = page.nextToken;
            pages++;
          } while (token && pages < 100);
          expect(seen).toEqual(items);
        },
      ),
    );
  });
  it('rejects a token minted for other filters', () => {
    expect(() => decodeToken(encodeToken(3, 'a'), 'b')).toThrow(AwsError);
    expect(() => decodeToken('garbage', 'a')).toThrow(/NextToken/);
  });
  it('sorts stably, descending reverses', () => {
    const rows = [
      { k: 2, id: 'a' },
      { k: 1, id: 'b' },
      { k: 2, id: 'c' },
    ];
    expect(sortBy(rows, (r) => r.k, false).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortBy(rows, (r) => r.k, true).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('Checker', () => {
  it('collects every problem into one ValidationException with camel-cased member paths', () => {
    const c = new Checker();
    c.string('TrainingJobName', 'bad name', { required: true, pattern: ENTITY_NAME_RE });
    c.required('RoleArn', undefined);
    c.enumOf('AlgorithmSpecification.TrainingInputMode', 'Stream', ['Pipe', 'File']);
    c.stringMap('HyperParameters', { a: 'x'.repeat(11) }, { maxEntries: 100, keyMax: 256, valueMax: 10 });
    expect(() => c.done()).toThrow(AwsError);
    let message = '';
    try {
      c.done();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^4 validation errors detected: /);
    expect(message).toContain("Value 'bad name' at 'trainingJobName'");
    expect(message).toContain(
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
    expect(message).toContain("at 'algorithmSpecification.trainingInputMode'");
    expect(message).toContain('Map value must have length less than or equal to 10');
  });
  it('name patterns accept what AWS accepts (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,20}$/), (name) => {
        expect(ENTITY_NAME_RE.test(name)).toBe(true);
        expect(MODEL_NAME_RE.test(name)).toBe(true);
      }),
    );
    for (const bad of ['-lead', 'trail-', 'under_score', '', 'a'.repeat(64)])
      expect(ENTITY_NAME_RE.test(bad)).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it('warns for anything but loopback', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.5', '::', 'example.com']) expect(isLoopbackHost(h)).toBe(false);
  });
});
