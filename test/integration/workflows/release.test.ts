/**
 * Rehearses the reusable release workflow and its starter caller in local mode on the Olist
 * template (small generated data): train → evaluate and register (Approved) → staging →
 * monitoring baseline → production, the outputs wired out of the reusable workflow, and nothing
 * left running afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';
import { writeSmallOlistConfig } from '../../helpers/olist-small-config.js';
import { allSteps, expectNothingRunning, userRepo } from '../../helpers/rehearsal.js';

// Whole workflows with real jobs and endpoints on a shared 2-core machine.
jest.setTimeout(900_000);

const root = resolve('.');
let dir: string;
let smallConfig: string;
const writeSmallConfig = (to: string): void => writeSmallOlistConfig(root, to);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-it-'));
  smallConfig = join(dir, 'olist-small.yml');
  writeSmallConfig(smallConfig);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASELINE = 's3://sagemaker-actions-olist/olist/monitoring/olist-satisfaction/baseline/constraints.json';

describe('sagemaker-release.yml rehearsed in local mode', () => {
  it('trains, registers Approved, deploys staging, writes the baseline, deploys production', async () => {
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-release.yml',
      event: 'push',
      ref: 'refs/tags/v1.0.0',
      inputs: { local: 'true', config: smallConfig, 'staging-endpoint': 'olist-staging' },
      printer,
    });
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.outputs['outcome']).toBe('released');
    expect(r.outputs['model-package-arn']).toMatch(/:model-package\/olist-satisfaction-xgb\/1$/);
    expect(r.outputs['staging-endpoint-config']).toMatch(/^olist-staging-/);
    expect(r.outputs['production-endpoint-config']).toMatch(/^olist-satisfaction-/);
    expect(r.outputs['baseline-constraints-uri']).toBe(BASELINE);
    expect(JSON.parse(r.outputs['metrics']!).auc).toBeGreaterThan(0.5);
    const steps = allSteps(r.jobs).map((s) => `${s.outcome} ${s.name}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'skipped AWS credentials (OIDC)',
        'success Preprocess the release data',
        'success Train',
        'success Evaluate and register (Approved on pass)',
        'success Deploy to staging',
        'success Monitoring baseline',
        'success Deploy to production (local mode)',
      ]),
    );
    // On AWS production is its own job in the GitHub Environment; in local mode it is skipped.
    expect(r.jobs.map((j) => [j.id, j.result])).toEqual([
      ['release', 'success'],
      ['production', 'skipped'],
    ]);
    await expectNothingRunning(r, ['olist-staging']);
  });

  it('a candidate the gate rejects is never deployed, and the release is red', async () => {
    const strict = join(dir, 'olist-strict.yml');
    writeFileSync(
      strict,
      readFileSync(smallConfig, 'utf8').replace('    auc: ">= 0.5"', '    auc: ">= 0.999"'),
    );
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-release.yml',
      event: 'push',
      ref: 'refs/tags/v1.0.1',
      inputs: { local: 'true', config: strict, 'staging-endpoint': 'olist-staging' },
      printer,
    });
    expect(r.result).toBe('failure');
    expect(r.outputs['outcome']).toBe('rejected');
    const steps = allSteps(r.jobs).map((s) => `${s.outcome} ${s.name}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'success Evaluate and register (Approved on pass)',
        'skipped Deploy to staging',
        'skipped Monitoring baseline',
        'skipped Deploy to production (local mode)',
        'failure Outcome',
      ]),
    );
    expect(r.outputs['staging-endpoint-config']).toBe('');
    await expectNothingRunning(r);
  });
});

describe('templates/workflows/release.yml (the caller users copy) rehearsed', () => {
  it('a release tag in a repository with SAGEMAKER_LOCAL=true releases on sagemaker-local', async () => {
    const ws = join(dir, 'user-repo');
    userRepo(root, ws, 'templates/workflows/release.yml', 'sagemaker-release.yml', writeSmallConfig);
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/sagemaker-release.yml',
      event: 'push',
      ref: 'refs/tags/v2.0.0',
      workspace: ws,
      vars: {
        SAGEMAKER_LOCAL: 'true',
        SAGEMAKER_CI_ROLE: 'arn:aws:iam::123456789012:role/sagemaker-ci',
        SAGEMAKER_DEPLOY_ROLE: 'arn:aws:iam::123456789012:role/sagemaker-deploy',
      },
      printer,
    });
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    const call = r.jobs[0]!;
    expect(call.outputs['outcome']).toBe('released');
    expect(call.outputs['staging-endpoint-config']).toMatch(/^my-model-staging-/);
    expect(call.children!.map((j) => [j.id, j.result])).toEqual([
      ['release', 'success'],
      ['production', 'skipped'],
    ]);
    await expectNothingRunning(r, ['my-model-staging']);
  });
});
