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

import { join } from 'node:path';
import { ListMonitoringExecutionsCommand, type MonitoringExecutionSummary } from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { run } from '../../src/actions/monitor-gate.js';
import { escapeMarkdown } from '../../src/core/render.js';
import { runWithInputs, type ActionRun } from '../helpers/evaluate-harness.js';
import {
  invokeRows,
  expectInjectedDrift,
  localActionEnv,
  startMonitoredEndpoint,
  type MonitoredEndpoint,
  movableClock,
  trafficRows,
} from '../helpers/monitor-traffic.js';
import { ROLE, eventually, type Env } from './local/helpers.js';

jest.setTimeout(240_000);

const BUCKET = 'monitor-schedule-it';
const EP = 'ms-ep';
const SCHEDULE = `${EP}-data-quality`;
let fx: MonitoredEndpoint;
let env: Env;
let rt: SageMakerRuntimeClient;
let dir: string;
const clock = movableClock();

const gate = (inputs: Record<string, string>): Promise<ActionRun> =>
  runWithInputs(
    inputs,
    () => run({ exit: () => undefined }),
    localActionEnv(env.local.url, 'octo/monitor-schedule-it', '11'),
  );

/** Moves the emulator's clock past the next top of the hour and waits for that hour's execution. */
async function nextHourExecution(): Promise<MonitoringExecutionSummary> {
  const at = clock.toNextHour();
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
  // The real scheduler, on a clock the test moves.
  fx = await startMonitoredEndpoint({
    bucket: BUCKET,
    endpoint: EP,
    csv: false,
    local: { clock: clock.now, monitoringIntervalMs: 100 },
  });
  ({ env, rt, dir } = fx);
});

afterAll(async () => {
  await fx?.close();
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

  await invokeRows(rt, EP, trafficRows(150, false, 5000));
  const clean = await nextHourExecution();
  expect(clean.MonitoringExecutionStatus).toBe('Completed');
  const passed = await gate({ mode: 'check', 'monitoring-schedule': SCHEDULE });
  expect(passed.failure).toBeUndefined();
  expect(passed.outputs['passed']).toBe('true');
  expect(passed.outputs['violations-count']).toBe('0');

  await invokeRows(rt, EP, trafficRows(150, true));
  const drifted = await nextHourExecution();
  expect(drifted.MonitoringExecutionStatus).toBe('CompletedWithViolations');
  const failed = await gate({ mode: 'check', 'monitoring-schedule': SCHEDULE });
  expect(failed.failed).toBe(true);
  expect(failed.outputs['passed']).toBe('false');
  const violations = JSON.parse(failed.outputs['violations']!) as {
    feature_name: string;
    constraint_check_type: string;
  }[];
  expectInjectedDrift(violations);
  // The report the gate read is the execution's, in Model Monitor's layout under the schedule's output.
  const hour = new Date(drifted.ScheduledTime!).toISOString().slice(0, 13).replace(/[-T]/g, '/');
  expect(failed.summary).toContain(
    `report ${escapeMarkdown(`s3://${BUCKET}/baseline/monitoring/${EP}/${SCHEDULE}/${hour}/constraint_violations.json`)}`,
  );
});
