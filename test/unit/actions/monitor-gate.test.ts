/**
 * actions/monitor-gate in-process: baseline from CSV, then checks of drifted and clean capture with
 * the drift issue on a stateful fake GitHub client, all on local files (no AWS).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Octokit } from '../../../src/github/sticky-comment.js';

const { run } = await import('../../../src/actions/monitor-gate.js');
const { runWithInputs } = await import('../../helpers/evaluate-harness.js');

const noAws = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_PROFILE: undefined,
};
const NOW = Date.parse('2026-11-30T12:00:00Z');
let dir: string;

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  comments: { id: number; body: string }[];
}
const issues: FakeIssue[] = [];

/** A stateful fake of the few Octokit calls the drift issue makes (the HTTP shape is tested with nock in test/unit/github). */
function fakeOctokit(): Octokit {
  const html = (n: number) => `https://github.test/octo/olist/issues/${n}`;
  const view = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    labels: i.labels,
    html_url: html(i.number),
  });
  const rest = {
    issues: {
      listForRepo: (p: { state: string; labels: string }) => ({
        data: issues
          .filter((i) => i.state === p.state && i.labels.some((l) => l.name === p.labels))
          .map(view),
      }),
      listComments: (p: { issue_number: number }) => ({ data: issues[p.issue_number - 1]!.comments }),
      create: (p: { title: string; body: string; labels: string[] }) => {
        const i: FakeIssue = {
          number: issues.length + 1,
          title: p.title,
          body: p.body,
          state: 'open',
          labels: p.labels.map((name) => ({ name })),
          comments: [],
        };
        issues.push(i);
        return { data: view(i) };
      },
      createComment: (p: { issue_number: number; body: string }) => {
        const i = issues[p.issue_number - 1]!;
        i.comments.push({ id: 100 + i.comments.length, body: p.body });
        return { data: {} };
      },
      update: (p: { issue_number: number; state: 'closed' }) => {
        issues[p.issue_number - 1]!.state = p.state;
        return { data: {} };
      },
    },
  };
  const paginate = {
    iterator: async function* (fn: (p: never) => { data: unknown[] }, params: never) {
      yield fn(params);
    },
  };
  return { rest, paginate } as unknown as Octokit;
}

const STATES = ['SP', 'RJ', 'MG', 'RS'];
function row(i: number, drift: boolean): string {
  const freight = 10 + ((i * 7919) % 200) / 10;
  const state = drift && i % 5 === 0 ? 'XX' : STATES[i % 4];
  return `${(drift ? 2 * freight : freight).toFixed(2)},${1 + (i % 3)},${state}`;
}

function writeCapture(name: string, drift: boolean): string {
  const root = join(dir, name);
  const hourDir = join(root, 'olist-endpoint', 'AllTraffic', '2026', '11', '30', '10');
  mkdirSync(hourDir, { recursive: true });
  const lines = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify({
      captureData: {
        endpointInput: {
          observedContentType: 'text/csv',
          mode: 'INPUT',
          data: `${row(i + 3, drift)}\n`,
          encoding: 'CSV',
        },
        endpointOutput: {
          observedContentType: 'text/csv; charset=utf-8',
          mode: 'OUTPUT',
          data: '0.7',
          encoding: 'CSV',
        },
      },
      eventMetadata: {
        eventId: `e-${name}-${i}`,
        inferenceTime: new Date(Date.parse('2026-11-30T10:00:00Z') + i * 1000).toISOString(),
      },
      eventVersion: '0',
    }),
  );
  writeFileSync(join(hourDir, '00-00-000-test.jsonl'), lines.join('\n') + '\n');
  return root;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'monitor-gate-action-'));
  writeFileSync(
    join(dir, 'baseline.csv'),
    'freight_value,item_count,customer_state\n' +
      Array.from({ length: 3000 }, (_, i) => row(i, false)).join('\n') +
      '\n',
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ghEnv = (runId: string) => ({ ...noAws, GITHUB_REPOSITORY: 'octo/olist', GITHUB_RUN_ID: runId });
const runAt = (inputs: Record<string, string>, env: Record<string, string | undefined>) =>
  runWithInputs(
    inputs,
    () => run({ now: NOW, workers: 1, exit: () => undefined, octokit: async () => fakeOctokit() }),
    env,
  );

describe('monitor-gate action (local files)', () => {
  it('writes a baseline in Model Monitor format', async () => {
    const r = await runAt(
      { mode: 'baseline', 'baseline-data': join(dir, 'baseline.csv'), 'output-uri': join(dir, 'baseline') },
      noAws,
    );
    expect(r.failure).toBeUndefined();
    expect(r.outputs['statistics-uri']).toBe(join(dir, 'baseline', 'statistics.json'));
    const stats = JSON.parse(readFileSync(r.outputs['statistics-uri']!, 'utf8'));
    expect(stats.features.map((f: { inferred_type: string }) => f.inferred_type)).toEqual([
      'Fractional',
      'Integral',
      'String',
    ]);
    expect(stats.features[0].numerical_statistics.distribution.kll.buckets).toHaveLength(10);
    const constraints = JSON.parse(readFileSync(r.outputs['constraints-uri']!, 'utf8'));
    expect(constraints.monitoring_config.distribution_constraints).toMatchObject({
      comparison_method: 'Robust',
      comparison_threshold: 0.1,
    });
    expect(r.summary).toContain('monitor-gate baseline: 3000 row(s), 3 feature(s)');
  });

  const check = (capture: string) => ({
    'endpoint-name': 'olist-endpoint',
    'capture-uri': capture,
    since: '2026-11-30T10:00:00Z',
    until: '2026-11-30T11:00:00Z',
    'baseline-statistics': join(dir, 'baseline', 'statistics.json'),
    'baseline-constraints': join(dir, 'baseline', 'constraints.json'),
    'github-token': 'ghs_secret_token',
  });

  it('finds injected drift, fails, and opens one model-drift issue (idempotent on re-run)', async () => {
    const capture = writeCapture('drifted', true);
    const r = await runAt(check(capture), ghEnv('1001'));
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/monitor-gate: gate failed/);
    expect(r.outputs['passed']).toBe('false');
    const types = JSON.parse(r.outputs['violations']!).map(
      (v: { feature_name: string; constraint_check_type: string }) =>
        `${v.feature_name}:${v.constraint_check_type}`,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'freight_value:baseline_drift_check',
        'customer_state:categorical_values_check',
      ]),
    );
    expect(r.outputs['issue-number']).toBe('1');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.labels).toEqual([{ name: 'model-drift' }]);
    expect(issues[0]!.body).toContain('freight\\_value');
    expect(r.stdout.replace(/::add-mask::.*\n/, '')).not.toContain('ghs_secret_token');
    const report = JSON.parse(readFileSync(r.outputs['report-uri']!, 'utf8'));
    expect(report.violations.length).toBe(Number(r.outputs['violations-count']));
    expect(JSON.parse(r.outputs['metrics']!).drift.freight_value).toBeGreaterThan(0.5);
    expect(r.summary).toContain('Drift per feature');
    expect(r.scratchLeft).toEqual([]); // its scratch folder in RUNNER_TEMP is gone

    const again = await runAt(check(capture), ghEnv('1001'));
    expect(again.outputs['issue-number']).toBe('1');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.comments).toHaveLength(0);
  });

  it('clean traffic passes and comments on and closes the issue', async () => {
    const capture = writeCapture('clean', false);
    const r = await runAt(check(capture), ghEnv('1002'));
    expect(r.failure).toBeUndefined();
    expect(r.outputs['passed']).toBe('true');
    expect(r.outputs['violations-count']).toBe('0');
    expect(issues[0]!.state).toBe('closed');
    expect(issues[0]!.comments).toHaveLength(1);
  });

  it('fails closed when the window holds no records, and on a configuration error', async () => {
    const capture = writeCapture('empty-window', false);
    const r = await runAt(
      { ...check(capture), since: '2026-11-29T00:00:00Z', until: '2026-11-29T01:00:00Z', 'github-token': '' },
      noAws,
    );
    expect(r.failure).toMatch(/no data-capture records between/);
    expect(r.scratchLeft).toEqual([]); // removed on failure too
    const c = await runAt({ 'capture-uri': capture }, noAws);
    expect(c.failure).toMatch(
      /configuration error: inputs 'baseline-statistics' and 'baseline-constraints' are required/,
    );
    const none = await runAt({}, noAws);
    expect(none.failure).toMatch(/mode check needs at least one source/);
  });

  it('gates an existing Model Monitor report, with max-violations per type and ignore-features', async () => {
    const report = join(process.cwd(), 'test/fixtures/monitor/constraint_violations.json');
    const r = await runAt(
      {
        'violations-report': report,
        'max-violations': '{baseline_drift_check: 1, categorical_values_check: 1}',
        'ignore-features': 'review_delay',
      },
      noAws,
    );
    expect(r.failure).toBeUndefined();
    expect(r.outputs['violations-count']).toBe('2');
    const strict = await runAt({ 'violations-report': report }, noAws);
    expect(strict.failed).toBe(true);
  });
});
