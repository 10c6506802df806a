import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mockClient } from 'aws-sdk-client-mock';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { runSmokeTest } from '../../../../src/stages/deploy/smoke.js';
import type { SmokeTest } from '../../../../src/stages/deploy/settings.js';

const runtimeMock = mockClient(SageMakerRuntimeClient);
const runtime = () => new SageMakerRuntimeClient({ region: 'us-east-1' });
const SMOKE: SmokeTest = {
  payload: '1,2,3',
  contentType: 'text/csv',
  expect: '/^\\s*[0-9][0-9.eE+-]*\\s*$/',
  rollbackOnFailure: true,
};
const answer = (text: string) =>
  runtimeMock.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode(text) as never });

afterEach(() => {
  runtimeMock.reset();
});

describe('the smoke test', () => {
  it('passes on a matching answer', async () => {
    answer('0.73\n');
    const r = await runSmokeTest(runtime(), 'ep', SMOKE);
    expect(r).toMatchObject({ ok: true, detail: 'answered "0.73\\n"', body: '0.73\n' });
    expect(runtimeMock.commandCalls(InvokeEndpointCommand)[0]!.args[0].input).toMatchObject({
      EndpointName: 'ep',
      ContentType: 'text/csv',
    });
  });

  it('names what was expected and quotes the answer on one line, its newline escaped', async () => {
    answer('not a number\n');
    const r = await runSmokeTest(runtime(), 'ep', SMOKE);
    expect(r.ok).toBe(false);
    expect(r.detail).toBe(
      'the response does not match smoke-test-expect "/^\\\\s*[0-9][0-9.eE+-]*\\\\s*$/": it answered "not a number\\n"',
    );
    expect(r.body).toBe('not a number\n');
  });

  it('never lets a hostile or long answer break the line or restyle a terminal (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom('a', '\n', '\r', '\u2028', '\u202e', '\x1b', ':', '%', '"', '\\', 'é'),
          maxLength: 2000,
        }),
        async (body) => {
          answer(`${body}x`); // never matches the expected probability
          const r = await runSmokeTest(runtime(), 'ep', SMOKE);
          expect(r.ok).toBe(false);
          expect(r.detail).toMatch(/^[\x20-\x7e…]+$/);
          expect(r.detail.length).toBeLessThan(1000);
          expect(r.detail).toContain('smoke-test-expect');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fails on an empty answer and quotes an InvokeEndpoint error (a ModelError carries the answer)', async () => {
    answer(' \n');
    expect((await runSmokeTest(runtime(), 'ep', { ...SMOKE, expect: undefined })).detail).toBe(
      'the endpoint answered an empty body (" \\n")',
    );
    runtimeMock.on(InvokeEndpointCommand).rejects(
      Object.assign(new Error('Received client error (400) from model:\nboom\u2028::x'), {
        name: 'ModelError',
      }),
    );
    const r = await runSmokeTest(runtime(), 'ep', SMOKE);
    expect(r).toMatchObject({ ok: false });
    expect(r.detail).toBe(
      'InvokeEndpoint failed: "ModelError": "Received client error (400) from model:\\nboom\\u2028::x"',
    );
  });
});
