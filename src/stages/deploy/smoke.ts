/** The smoke test: one InvokeEndpoint with the given payload, checked against smoke-test-expect. */
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { awsErrorName, errorMessage } from '../../core/errors.js';
import { quoteUntrusted } from '../../core/log.js';
import { expectMatcher, type SmokeTest } from './settings.js';

export interface SmokeResult {
  ok: boolean;
  /**
   * What happened, one line for the log, the summary and the step's error: what was expected and
   * the answer (model output, untrusted) quoted with every control character escaped and cut to
   * MAX_SHOWN characters.
   */
  detail: string;
  body?: string;
}

const MAX_SHOWN = 120;

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
      // A ModelError's message carries the container's answer: untrusted too.
      detail: `InvokeEndpoint failed: ${quoteUntrusted(awsErrorName(err) ?? 'Error', 60)}: ${quoteUntrusted(errorMessage(err), MAX_SHOWN)}`,
    };
  }
  const shown = quoteUntrusted(body, MAX_SHOWN);
  if (smoke.expect !== undefined && !expectMatcher(smoke.expect)(body))
    return {
      ok: false,
      detail: `the response does not match smoke-test-expect ${quoteUntrusted(smoke.expect, MAX_SHOWN)}: it answered ${shown}`,
      body,
    };
  if (body.trim() === '')
    return { ok: false, detail: `the endpoint answered an empty body (${shown})`, body };
  return { ok: true, detail: `answered ${shown}`, body };
}
