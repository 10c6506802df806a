/** The smoke test: one InvokeEndpoint with the given payload, checked against smoke-test-expect. */
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { awsErrorName, errorMessage } from '../../core/errors.js';
import { expectMatcher, type SmokeTest } from './settings.js';

export interface SmokeResult {
  ok: boolean;
  /** What happened, for the log and summary (contains model output: untrusted). */
  detail: string;
  body?: string;
}

const MAX_SHOWN = 500;

export async function runSmokeTest(
  runtime: SageMakerRuntimeClient,
  endpointName: string,
  smoke: SmokeTest,
): Promise<SmokeResult> {
  const { InvokeEndpointCommand } = await import('@aws-sdk/client-sagemaker-runtime');
  let body: string;
  try {
    const out = await runtime.send(
      new InvokeEndpointCommand({
        EndpointName: endpointName,
        Body: Buffer.from(smoke.payload),
        ContentType: smoke.contentType,
      }),
    );
    body = Buffer.from(out.Body ?? new Uint8Array()).toString('utf8');
  } catch (err) {
    return {
      ok: false,
      detail: `InvokeEndpoint failed: ${awsErrorName(err) ?? 'Error'}: ${errorMessage(err).slice(0, MAX_SHOWN)}`,
    };
  }
  const shown = body.length > MAX_SHOWN ? `${body.slice(0, MAX_SHOWN)}…` : body;
  if (smoke.expect !== undefined && !expectMatcher(smoke.expect)(body))
    return {
      ok: false,
      detail: `the response does not match smoke-test-expect ${JSON.stringify(smoke.expect)}: ${shown}`,
      body,
    };
  if (body.trim() === '') return { ok: false, detail: 'the endpoint answered an empty body', body };
  return { ok: true, detail: `answered ${shown.trim()}`, body };
}
