import { afterEach, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StopTransformJobCommand } from '@aws-sdk/client-sagemaker';
import { run } from '../../../src/actions/evaluate.js';
import type { Octokit } from '../../../src/github/sticky-comment.js';
import { runWithInputs } from '../../helpers/evaluate-harness.js';
import { binaryData, tempDir } from '../../helpers/evaluate-data.js';
import { fakeAws } from '../../helpers/evaluate-fake-aws.js';
import { fakeTime } from '../../helpers/fake-time.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const d = binaryData(200, 5);
const testCsv = d.labels.map((y, i) => [y, ...d.features[i]!].join(',')).join('\n') + '\n';
const model = (lines: string[]): string =>
  lines.map((l) => Math.min(1, Math.max(0, Number(l.split(',')[0]) * 0.5 + 0.25)).toFixed(5)).join('\n') +
  '\n';
const awsEnv = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKID',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_RUN_ID: '77',
  GITHUB_RUN_ATTEMPT: '1',
};
const inputs = {
  'model-artifact': 's3://bkt/m/output/model.tar.gz',
  'test-data': 's3://bkt/data/test/test.csv',
  'role-arn': ROLE,
  thresholds: '{auc: ">= 0.6"}',
};

describe('evaluate run() with AWS (mocked SDK)', () => {
  it('stops the running transform job when the workflow is cancelled (SIGINT) and fails the step', async () => {
    const aws = fakeAws({ predict: (_u, l) => model(l), finalStatus: 'InProgress', inProgressPolls: 1e9 });
    cleanups.push(() => aws.restore());
    aws.objects.set('bkt/data/test/test.csv', testCsv);
    const signals = new EventEmitter();
    const exits: number[] = [];
    let sleeps = 0;
    const r = await runWithInputs(
      inputs,
      () =>
        run({
          signals,
          sleep: async () => {
            if (++sleeps === 2) signals.emit('SIGINT');
          },
          stopDelay: () => new Promise(() => {}),
          exit: (code) => exits.push(code),
        }),
      awsEnv,
    );
    expect(exits).toEqual([1]); // one behaviour with train: exit at once after a cancel
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/cancelled/);
    expect(r.stdout).toMatch(
      /received SIGINT \(workflow cancelled\): stopping transform job\(s\) eval-candidate-77-1-/,
    );
    expect(aws.sm.commandCalls(StopTransformJobCommand).length).toBeGreaterThanOrEqual(1);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('posts the sticky PR comment on a pull_request event and sets every output', async () => {
    const aws = fakeAws({ predict: (_u, l) => model(l) });
    cleanups.push(() => aws.restore());
    aws.objects.set('bkt/data/test/test.csv', testCsv);
    const dir = tempDir();
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 12, pull_request: { number: 12 } }));
    const calls: string[] = [];
    const fake = {
      paginate: {
        iterator: async function* () {
          yield { data: [] };
        },
      },
      rest: {
        users: { getAuthenticated: async () => ({ data: { login: 'github-actions[bot]' } }) },
        issues: {
          listComments: () => undefined,
          createComment: async (p: { issue_number: number; body: string }) => {
            calls.push(`create #${p.issue_number} ${p.body.split('\n')[0]}`);
            return { data: { id: 1, html_url: 'https://github.com/o/r/pull/12#issuecomment-1' } };
          },
        },
      },
    } as unknown as Octokit;
    const r = await runWithInputs(
      { ...inputs, 'github-token': 'tok' },
      () => run({ poll: { minDelayMs: 1, maxDelayMs: 1, budgetIntervalMs: 1 }, octokit: async () => fake }),
      {
        ...awsEnv,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_WORKFLOW: 'CI',
        GITHUB_JOB: 'eval',
      },
    );
    expect(r.failure).toBeUndefined();
    expect(calls).toEqual(['create #12 <!-- sagemaker-actions:evaluate:CI/eval -->']);
    expect(r.outputs['passed']).toBe('true');
    expect(r.outputs['report-uri']).toBe('s3://bkt/m/output/evaluation/evaluation.json');
    expect(r.outputs['champion-package-arn']).toBe('');
    expect(r.outputs['summary-markdown']).toContain('batch transform of s3://bkt/m/output/model.tar.gz');
  });

  it('a 403 on the PR comment (fork PR): the step stays as the gate decides; the summary says why no comment', async () => {
    const aws = fakeAws({ predict: (_u, l) => model(l) });
    cleanups.push(() => aws.restore());
    aws.objects.set('bkt/data/test/test.csv', testCsv);
    const dir = tempDir();
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 12, pull_request: { number: 12 } }));
    const forbidden = Object.assign(new Error('Resource not accessible by integration <img src=x>'), {
      status: 403,
    });
    // The job summary as it stood when the comment was attempted: the comment is posted first.
    let summaryAtComment: string | undefined;
    const createComment = async () => {
      summaryAtComment = readFileSync(process.env['GITHUB_STEP_SUMMARY']!, 'utf8');
      return Promise.reject(forbidden);
    };
    const fake = {
      paginate: {
        iterator: async function* () {
          yield { data: [] };
        },
      },
      rest: {
        users: { getAuthenticated: async () => Promise.reject(forbidden) },
        issues: { listComments: () => undefined, createComment },
      },
    } as unknown as Octokit;
    const r = await runWithInputs(
      { ...inputs, 'github-token': 'tok' },
      () => run({ poll: { minDelayMs: 1, maxDelayMs: 1, budgetIntervalMs: 1 }, octokit: async () => fake }),
      { ...awsEnv, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' },
    );
    expect(r.failure).toBeUndefined();
    expect(r.outputs['passed']).toBe('true');
    expect(r.summary).toContain('## Evaluate: ✅ **passed**');
    expect(r.summary).toMatch(
      /The PR comment was not posted: HTTP 403: Resource not accessible by integration/,
    );
    expect(r.summary).not.toContain('<img');
    // Written once, after the comment was tried: one report, the reason at its end.
    expect(summaryAtComment).toBe('');
    expect(r.summary.split('## Evaluate:')).toHaveLength(2);
    expect(r.summary).toBe(
      `${r.outputs['summary-markdown']!.replace(/\n*$/, '\n')}\n> ⚠️ The PR comment was not posted: ${r.summary.split('not posted: ')[1]}`,
    );
    expect(r.stdout).toMatch(/::warning::PR comment: not posted \(HTTP 403/);
    expect(r.stdout).toMatch(/gate passed\./);
  });
});

describe('evaluate run(): SAGEMAKER_ACTIONS_POLL_INTERVAL', () => {
  it('waits for the transform job on the fixed interval', async () => {
    const aws = fakeAws({ predict: (_u, l) => model(l), inProgressPolls: 3 });
    cleanups.push(() => aws.restore());
    aws.objects.set('bkt/data/test/test.csv', testCsv);
    const t = fakeTime();
    const r = await runWithInputs(inputs, () => run({ clock: t.clock, sleep: t.sleep }), {
      ...awsEnv,
      SAGEMAKER_ACTIONS_POLL_INTERVAL: '750ms',
    });
    expect(r.failure).toBeUndefined();
    expect(t.sleeps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(t.sleeps)).toEqual(new Set([750]));
  });

  it('a malformed value fails the step as a configuration error, before any AWS call', async () => {
    const aws = fakeAws({ predict: (_u, l) => model(l) });
    cleanups.push(() => aws.restore());
    const r = await runWithInputs(inputs, () => run({}), {
      ...awsEnv,
      SAGEMAKER_ACTIONS_POLL_INTERVAL: '1 minute',
    });
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/configuration error: environment variable SAGEMAKER_ACTIONS_POLL_INTERVAL/);
    expect(aws.sm.calls()).toHaveLength(0);
  });
});
