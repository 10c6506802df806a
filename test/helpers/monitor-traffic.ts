/**
 * Fixtures for monitoring tests on sagemaker-local: an endpoint that captures its traffic; rows of three features (a: Fractional,
 * b: Integral, state: String), clean or drifted, sent to an endpoint as text/csv; the environment
 * a monitor-gate run in-process needs to reach the emulator; and the emulator clock moved to the
 * next hour (tests never wait for it).
 */
import { expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { StartLocalOptions } from '../../local/index.js';
import { removeDir, startEnv, type Env } from '../integration/local/helpers.js';
import { createCaptureEndpoint, createScriptModel } from './endpoint-models.js';

const STATES = ['SP', 'RJ', 'MG', 'RS'];
const HOUR = 3_600_000;

/** One CSV row; drift doubles a and sends an unseen state ('XX') in every 3rd row. */
export const trafficRow = (i: number, drift: boolean): string => {
  const a = 10 + ((i * 7919) % 200) / 10;
  return `${(drift ? 2 * a : a).toFixed(2)},${1 + (i % 3)},${drift && i % 3 === 0 ? 'XX' : STATES[i % 4]}`;
};

/** Asserts the violations the drifted rows cause: a drifts, state has an unseen value, b is clean. */
export function expectInjectedDrift(
  violations: { feature_name: string; constraint_check_type: string }[],
): void {
  expect(violations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ feature_name: 'a', constraint_check_type: 'baseline_drift_check' }),
      expect.objectContaining({ feature_name: 'state', constraint_check_type: 'categorical_values_check' }),
    ]),
  );
  expect(violations.some((v) => v.feature_name === 'b')).toBe(false);
}

/** `n` rows starting at row `from`. */
export const trafficRows = (n: number, drift: boolean, from = 0): string[] =>
  Array.from({ length: n }, (_, i) => trafficRow(i + from, drift));

/** A baseline CSV (header a,b,state) of `n` clean rows. */
export function writeBaselineCsv(path: string, n = 1000): void {
  writeFileSync(path, `a,b,state\n${trafficRows(n, false).join('\n')}\n`);
}

/** Sends each row as its own text/csv request. */
export async function invokeRows(
  rt: SageMakerRuntimeClient,
  endpoint: string,
  rows: string[],
): Promise<void> {
  for (const r of rows)
    await rt.send(
      new InvokeEndpointCommand({
        EndpointName: endpoint,
        Body: Buffer.from(`${r}\n`),
        ContentType: 'text/csv',
      }),
    );
}

/** What an action run in-process needs to call the emulator at `url`. */
export const localActionEnv = (url: string, repository: string, runId = '7'): Record<string, string> => ({
  AWS_ENDPOINT_URL: url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: repository,
  GITHUB_RUN_ID: runId,
});

/**
 * A clock for startLocal({ clock }) that a test moves: `now()` runs ahead of the wall clock;
 * `toNextHour()` moves it to 1 s past the next top of the hour and returns that hour.
 */
export function movableClock(): { now: () => number; toNextHour: () => number } {
  let shift = 0;
  const now = (): number => Date.now() + shift;
  return {
    now,
    toNextHour() {
      const next = Math.floor(now() / HOUR) * HOUR + HOUR;
      shift = next + 1000 - Date.now();
      return next;
    },
  };
}

export interface MonitoredEndpoint {
  env: Env;
  rt: SageMakerRuntimeClient;
  /** a temporary folder holding baseline.csv (clean rows) */
  dir: string;
  close(): Promise<void>;
}

/**
 * sagemaker-local with a script-mode endpoint `endpoint` (model `<endpoint>-model`, answering 0.25)
 * capturing every request under s3://<bucket>/capture; `csv`: CSV capture, else base64 as AWS
 * does without CaptureContentTypeHeader.
 */
export async function startMonitoredEndpoint(o: {
  bucket: string;
  endpoint: string;
  csv: boolean;
  local: StartLocalOptions;
}): Promise<MonitoredEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), `${o.endpoint}-`));
  const env = await startEnv(o.local);
  const fx: MonitoredEndpoint = {
    env,
    rt: new SageMakerRuntimeClient(env.clientConfig),
    dir,
    async close() {
      fx.rt.destroy();
      await fx.env.close();
      removeDir(fx.env.dataDir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  writeBaselineCsv(join(dir, 'baseline.csv'));
  const model = `${o.endpoint}-model`;
  await createScriptModel(env.sm, env.s3, o.bucket, model, { mode: 'ok', value: 0.25 });
  await createCaptureEndpoint(env.sm, {
    endpoint: o.endpoint,
    model,
    destination: `s3://${o.bucket}/capture`,
    csv: o.csv,
  });
  return fx;
}
