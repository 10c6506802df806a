/**
 * Rehearses the reusable nightly drift check and its starter caller in local mode: two endpoints'
 * data capture (one like its baseline, one drifted) seeded into sagemaker-local from the config's
 * `local:` section, one monitor-gate check per endpoint (matrix), the model-drift issue of the
 * drifted endpoint, the explicit outcome, and nothing left running.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';
// @ts-expect-error: plain ESM helper without type declarations
import { runActionBundle } from '../../../scripts/lib/run-action.mjs';
import { allSteps, expectNothingRunning, userRepo } from '../../helpers/rehearsal.js';

// Whole workflows with real jobs and endpoints on a shared 2-core machine.
jest.setTimeout(900_000);

const root = resolve('.');
let dir: string;
let ws: string;

const STATES = ['SP', 'RJ', 'MG'];
/** freight_value, item_count, customer_state: the same distribution for any window of rows. */
const row = (i: number, shift: number): string =>
  `${(10 + ((i * 37) % 100) + shift).toFixed(2)},${1 + (i % 3)},${STATES[i % 3]}`;

/** Model Monitor data capture of `n` CSV requests an hour ago, in the yyyy/mm/dd/hh layout. */
function writeCapture(to: string, endpoint: string, n: number, shift: number): void {
  const at = new Date(Date.now() - 3600_000);
  const hourDir = join(
    to,
    endpoint,
    'AllTraffic',
    at.toISOString().slice(0, 4),
    at.toISOString().slice(5, 7),
    at.toISOString().slice(8, 10),
    at.toISOString().slice(11, 13),
  );
  mkdirSync(hourDir, { recursive: true });
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      captureData: {
        endpointInput: {
          observedContentType: 'text/csv',
          mode: 'INPUT',
          data: `${row(i, shift)}\n`,
          encoding: 'CSV',
        },
        endpointOutput: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.5', encoding: 'CSV' },
      },
      eventMetadata: {
        eventId: `${endpoint}-${i}`,
        inferenceTime: new Date(at.getTime() + i * 10).toISOString(),
      },
      eventVersion: '0',
    }),
  );
  writeFileSync(join(hourDir, 'capture.jsonl'), `${lines.join('\n')}\n`);
}

const section = (endpoint: string): string => `
  mode: check
  endpoint-name: ${endpoint}
  capture-uri: s3://nightly-it/monitoring/capture/${endpoint}/
  baseline-statistics: s3://nightly-it/monitoring/baseline/statistics.json
  baseline-constraints: s3://nightly-it/monitoring/baseline/constraints.json
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nightly-it-'));
  ws = join(dir, 'user-repo');
  const monitoring = join(ws, 'monitoring');
  mkdirSync(monitoring, { recursive: true });
  writeFileSync(
    join(dir, 'baseline.csv'),
    `freight_value,item_count,customer_state\n${Array.from({ length: 3000 }, (_, i) => row(i, 0)).join('\n')}\n`,
  );
  // The baseline, written by the committed monitor-gate bundle (mode baseline, local files).
  const b = await runActionBundle(join(root, 'actions', 'monitor-gate'), {
    inputs: {
      mode: 'baseline',
      'baseline-data': join(dir, 'baseline.csv'),
      'output-uri': join(monitoring, 'baseline'),
    },
    env: { GITHUB_REPOSITORY: 'octo/nightly', GITHUB_RUN_ID: '1', RUNNER_TEMP: dir, AWS_REGION: 'us-east-1' },
    cwd: root,
  });
  if (b.code !== 0) throw new Error(`baseline failed: ${b.stdout}\n${b.stderr}`);
  writeCapture(join(monitoring, 'capture'), 'ep-clean', 600, 0);
  writeCapture(join(monitoring, 'capture'), 'ep-drifted', 600, 150);
  userRepo(root, ws, 'templates/workflows/nightly.yml', 'sagemaker-nightly.yml', (to) =>
    writeFileSync(
      to,
      `local:\n  buckets: [nightly-it]\n  upload:\n    monitoring: s3://nightly-it/monitoring/\n` +
        `monitor:${section('ep-clean')}monitor-drifted:${section('ep-drifted')}`,
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sagemaker-nightly-drift.yml rehearsed in local mode', () => {
  it('checks each endpoint, opens a model-drift issue for the drifted one, and fails', async () => {
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: join(root, '.github/workflows/sagemaker-nightly-drift.yml'),
      event: 'schedule',
      workspace: ws,
      inputs: { local: 'true', config: 'sagemaker-actions.yml', monitors: '["monitor", "monitor-drifted"]' },
      printer,
    });
    const log = printer.lines.join('\n');
    expect(r.result).toBe('failure');
    expect(r.outputs['outcome']).toBe('failed');
    expect(r.outputs['retrain']).toBe('');
    // The matrix job fails with its drifted combination; the verdict too.
    expect(r.jobs.map((j) => [j.id, j.result])).toEqual([
      ['check', 'failure'],
      ['verdict', 'failure'],
    ]);
    expect(r.jobs[0]!.children!.map((j) => [j.label, j.result])).toEqual([
      ['drift check (monitor)', 'success'],
      ['drift check (monitor-drifted)', 'failure'],
    ]);
    expect(log).toMatch(/monitor-gate: gate failed: .*freight_value.*baseline_drift_check|gate failed/);
    const gates = allSteps(r.jobs).filter((s) => s.name === 'Monitor gate');
    expect(gates.map((s) => [s.outcome, s.outputs['passed']])).toEqual([
      ['success', 'true'],
      ['failure', 'false'],
    ]);
    expect(JSON.parse(gates[1]!.outputs['violations']!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          feature_name: 'freight_value',
          constraint_check_type: 'baseline_drift_check',
        }),
      ]),
    );
    // One model-drift issue, for the drifted endpoint only.
    expect(r.issues.map((i) => i.title)).toEqual([expect.stringContaining('ep-drifted')]);
    await expectNothingRunning(r);
  });
});

describe('templates/workflows/nightly.yml (the caller users copy) rehearsed', () => {
  it('a scheduled night in a repository with SAGEMAKER_LOCAL=true passes on clean traffic', async () => {
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-nightly.yml',
      event: 'schedule',
      workspace: ws,
      vars: { SAGEMAKER_LOCAL: 'true', SAGEMAKER_CI_ROLE: 'arn:aws:iam::123456789012:role/sagemaker-ci' },
      printer,
    });
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.jobs[0]!.outputs['outcome']).toBe('passed');
    expect(r.issues).toEqual([]);
    await expectNothingRunning(r);
  });
});
