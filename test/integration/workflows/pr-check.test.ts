/**
 * Rehearses the reusable PR check and the starter caller in local mode, end to end on
 * sagemaker-local (small generated Olist data): every job and step, the outputs wired out of the
 * reusable workflow, the sticky PR comment (through the rehearsal's local GitHub API), the comment
 * artifact for forks, and nothing left running afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';
import { writeSmallOlistConfig } from '../../helpers/olist-small-config.js';
import { allSteps, expectNothingRunning, userRepo } from '../../helpers/rehearsal.js';

const root = resolve('.');
let dir: string;
let smallConfig: string;

const writeSmallConfig = (to: string): void => writeSmallOlistConfig(root, to);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pr-check-it-'));
  smallConfig = join(dir, 'olist-small.yml');
  // The seed caches where setup-local says (SAGEMAKER_ACTIONS_CACHE_DIR: the workflow's
  // ~/.cache/sagemaker-actions, under a HOME of the test's own).
  writeSmallOlistConfig(root, smallConfig, { seedCache: 'exported' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sagemaker-pr-check.yml rehearsed in local mode', () => {
  it('preprocesses, trains, evaluates, comments, and stops everything it started', async () => {
    const printer = memoryPrinter();
    const home = join(dir, 'home');
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-pr-check.yml',
      event: 'pull_request',
      inputs: {
        local: 'true',
        config: smallConfig,
        thresholds: '{auc: ">= 0.5", log_loss: "<= 1.0"}',
      },
      env: { ...process.env, HOME: home },
      printer,
    });
    const log = printer.lines.join('\n');
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.outputs['outcome']).toBe('passed');
    expect(r.outputs['passed']).toBe('true');
    // Per-run prefix: this run's model lives under olist/runs/<run id>-<attempt>/.
    expect(r.outputs['model-artifact']).toMatch(
      /^s3:\/\/sagemaker-actions-olist\/olist\/runs\/\d+-1\/models\/.+\/model\.tar\.gz$/,
    );
    expect(JSON.parse(r.outputs['metrics']!).auc).toBeGreaterThan(0.5);
    const names = allSteps(r.jobs).map((s) => `${s.outcome} ${s.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'skipped AWS credentials (OIDC)',
        'success Restore the local-mode cache',
        'success sagemaker-local',
        'success Save the local-mode cache',
        'success Preprocess',
        'success Train',
        'success Evaluate against the thresholds and the champion',
        'success Upload the PR comment',
      ]),
    );
    // The sticky comment went to the pull request of the event payload, once.
    expect(r.comments).toHaveLength(1);
    expect(r.comments[0]!.body).toContain('<!-- sagemaker-actions:evaluate:');
    expect(r.comments[0]!.body).toMatch(/Evaluate: .*passed/);
    expect(log).toContain('olist seed: 9 tables');
    // The generated tables went into the cache folder setup-local exported; its key names the save.
    const cacheDir = join(home, '.cache', 'sagemaker-actions');
    expect(log).toContain(`generated, cached in ${cacheDir}/olist-seed/orders-3000-seed-42-gen-`);
    const setup = allSteps(r.jobs).find((s) => s.name === 'sagemaker-local')!;
    expect(setup.outputs['cache-dir']).toBe(cacheDir);
    expect(setup.outputs['cache-key']).toMatch(/^[0-9a-f]{16}$/);
    await expectNothingRunning(r);
  });
});

describe('templates/workflows/pr.yml (the caller users copy) rehearsed', () => {
  it('a fork pull request runs in local mode and gets no comment token, only the comment artifact', async () => {
    // A user's repository: their config at the root, the kit resolved from this checkout.
    const ws = join(dir, 'user-repo');
    userRepo(root, ws, 'templates/workflows/pr.yml', 'sagemaker-pr.yml', writeSmallConfig);
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-pr.yml',
      event: 'pull_request',
      fork: true,
      workspace: ws,
      vars: { SAGEMAKER_CI_ROLE: 'arn:aws:iam::123456789012:role/sagemaker-ci' },
      printer,
    });
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.jobs[0]!.children![0]!.result).toBe('success');
    expect(r.jobs[0]!.outputs['outcome']).toBe('passed');
    expect(r.comments).toEqual([]);
    expect(printer.lines.join('\n')).toContain('PR comment: skipped (no github-token input');
    await expectNothingRunning(r);
  });
});
