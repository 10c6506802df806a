/**
 * monitor-gate with a real monitoring schedule on sagemaker-local, end to end: a script-mode
 * endpoint captures traffic; `mode: baseline` with `create-schedule: true` creates the hourly
 * data-quality schedule; traffic is sent; the emulator's clock moves to the next hour (never
 * waited for) and its scheduler runs the execution (a processing job analysing that hour's
 * capture against the baseline); `mode: check` with `monitoring-schedule` reads the newest
 * execution and its report and gates on it: clean traffic passes, drifted traffic fails with the
 * execution's violations.
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListMonitoringExecutionsCommand, type MonitoringExecutionSummary } from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { run } from '../../src/actions/monitor-gate.js';
import { escapeMarkdown } from '../../src/core/render.js';
import { runWithInputs, type ActionRun } from '../helpers/evaluate-harness.js';
import { createCaptureEndpoint, createScriptModel } from '../helpers/endpoint-models.js';
import { ROLE, eventually, removeDir, startEnv, type Env } from './local/helpers.js';

jest.setTimeout(240_000);

const BUCKET = 'monitor-schedule-it';
const EP = 'ms-ep';
const SCHEDULE = `${EP}-data-quality`;
const HOUR = 3_600_000;
let env: Env;
let rt: SageMakerRuntimeClient;
let dir: string;
/** The emulator's clock runs `shift` ms ahead of the wall clock. */
let shift = 0;

const awsEnv = (): Record<string, string> => ({
  AWS_ENDPOINT_URL: env.local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/monitor-schedule-it',
  GITHUB_RUN_ID: '11',
});

const gate = (inputs: Record<string, string>): Promise<ActionRun> =>
  runWithInputs(inputs, () => run({ exit: () => undefined }), awsEnv());

const STATES = ['SP', 'RJ', 'MG', 'RS'];
/** a: Fractional, b: Integral, state: String; drift doubles a and sends an unseen state in every 3rd row. */
const row = (i: number, drift: boolean): string => {
  const a = 10 + ((i * 7919) % 200) / 10;
  return `${(drift ? 2 * a : a).toFixed(2)},${1 + (i % 3)},${drift && i % 3 === 0 ? 'XX' : STATES[i % 4]}`;
};

async function invoke(rows: string[]): Promise<void> {
  for (const r of rows)
    await rt.send(
      new InvokeEndpointCommand({ EndpointName: EP, Body: Buffer.from(`${r}\n`), ContentType: 'text/csv' }),
    );
}

/** Moves the emulator's clock past the next top of the hour and waits for that hour's execution. */
async function nextHourExecution(): Promise<MonitoringExecutionSummary> {
  const now = Date.now() + shift;
  const at = Math.floor(now / HOUR) * HOUR + HOUR;
  shift = at + 1000 - Date.now();
  return eventually(
    async () => {
      const page = await env.sm.send(
        new ListMonitoringExecutionsCommand({ MonitoringScheduleName: SCHEDULE, SortBy: 'ScheduledTime' }),
      );
      const e = page.MonitoringExecutionSummaries?.find((x) => x.ScheduledTime?.getTime() === at);
      return e && !['Pending', 'InProgress'].includes(e.MonitoringExecutionStatus!) ? e : undefined;
    },
    1200,
    100,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'monitor-schedule-it-'));
  // The real scheduler, on a clock the test moves.
  env = await startEnv({ clock: () => Date.now() + shift, monitoringIntervalMs: 100 });
  rt = new SageMakerRuntimeClient(env.clientConfig);
  writeFileSync(
    join(dir, 'baseline.csv'),
    `a,b,state\n${Array.from({ length: 1000 }, (_, i) => row(i, false)).join('\n')}\n`,
  );
  await createScriptModel(env.sm, env.s3, BUCKET, 'ms-model', { mode: 'ok', value: 0.25 });
  await createCaptureEndpoint(env.sm, {
    endpoint: EP,
    model: 'ms-model',
    destination: `s3://${BUCKET}/capture`,
    csv: false,
  });
});

afterAll(async () => {
  rt?.destroy();
  await env?.close();
  if (env) removeDir(env.dataDir);
  rmSync(dir, { recursive: true, force: true });
});

test('baseline + create-schedule, traffic, the hourly execution, and the gate on it: clean passes, drift fails', async () => {
  const baseline = await gate({
    mode: 'baseline',
    'baseline-data': join(dir, 'baseline.csv'),
    'output-uri': `s3://${BUCKET}/baseline`,
    'endpoint-name': EP,
    'create-schedule': 'true',
    'role-arn': ROLE,
  });
  expect(baseline.failure).toBeUndefined();
  expect(baseline.summary).toContain('(created)');

  await invoke(Array.from({ length: 150 }, (_, i) => row(i + 5000, false)));
  const clean = await nextHourExecution();
  expect(clean.MonitoringExecutionStatus).toBe('Completed');
  const passed = await gate({ mode: 'check', 'monitoring-schedule': SCHEDULE });
  expect(passed.failure).toBeUndefined();
  expect(passed.outputs['passed']).toBe('true');
  expect(passed.outputs['violations-count']).toBe('0');

  await invoke(Array.from({ length: 150 }, (_, i) => row(i, true)));
  const drifted = await nextHourExecution();
  expect(drifted.MonitoringExecutionStatus).toBe('CompletedWithViolations');
  const failed = await gate({ mode: 'check', 'monitoring-schedule': SCHEDULE });
  expect(failed.failed).toBe(true);
  expect(failed.outputs['passed']).toBe('false');
  const violations = JSON.parse(failed.outputs['violations']!) as {
    feature_name: string;
    constraint_check_type: string;
  }[];
  expect(violations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ feature_name: 'a', constraint_check_type: 'baseline_drift_check' }),
      expect.objectContaining({ feature_name: 'state', constraint_check_type: 'categorical_values_check' }),
    ]),
  );
  expect(violations.some((v) => v.feature_name === 'b')).toBe(false);
  // The report the gate read is the execution's, in Model Monitor's layout under the schedule's output.
  const hour = new Date(drifted.ScheduledTime!).toISOString().slice(0, 13).replace(/[-T]/g, '/');
  expect(failed.summary).toContain(
    `report ${escapeMarkdown(`s3://${BUCKET}/baseline/monitoring/${EP}/${SCHEDULE}/${hour}/constraint_violations.json`)}`,
  );
});
