/**
 * Rehearses .github/workflows/forced-fail.yml on sagemaker-local (small Olist data): the workflow
 * passes only when every case (evaluate, train, deploy, monitor-gate) failed as designed (outcome
 * and reason per case) and nothing is left running (no job, no rollout, the case endpoint deleted);
 * and it fails when a case does not fail.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';
import { writeSmallOlistConfig } from '../../helpers/olist-small-config.js';

// Whole workflows with real jobs and endpoints on a shared 2-core machine.
jest.setTimeout(900_000);

const root = resolve('.');
let dir: string;
let config: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forced-fail-it-'));
  config = join(dir, 'olist-small.yml');
  writeSmallOlistConfig(root, config);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forced-fail.yml rehearsed', () => {
  it('passes: every case failed for its reason and nothing is left running', async () => {
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/forced-fail.yml',
      event: 'workflow_dispatch',
      inputs: { config },
      printer,
    });
    const log = printer.lines.join('\n');
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.jobs[0]!.outputs['outcome']).toBe('passed');
    for (const line of [
      'ok   evaluate below threshold (outcome/passed): failure/false',
      'ok   evaluate force-fail (outcome/passed): failure/false',
      'ok   training job failure (outcome/status): failure/Failed',
      'ok   timeout stops the job (outcome): failure',
      'ok   deploy rolled back by an alarm (outcome/rolled-back/reason): failure/true/alarm named',
      'ok   smoke-test failure (outcome/rolled-back/serving): failure/true/previous serves',
      'ok   monitor violation (outcome/passed/type): failure/false/drift',
      'ok   model quality below its constraint (outcome/passed/type): failure/false/quality',
      'ok   misconfigured alarm (outcome/passed/violations): failure/false/0',
      'ok   nothing left running: success',
    ])
      expect(log).toContain(line);
    // Each stage failed for its reason, in its own words.
    for (const reason of [
      /deploy: endpoint olist-forced-fail ROLLED BACK: alarm olist-forced-fail-latency fired; it serves the previous config/,
      /deploy: endpoint olist-forced-fail: smoke test failed \(the response does not match smoke-test-expect/,
      /rolled back: olist-forced-fail-\S+ serves again/,
      /monitor-gate: gate failed: \d+ violation\(s\), max-violations allows 0/,
      /monitor-gate: gate failed: alarm olist-forced-fail-blind is misconfigured: its metric had no data/,
      /nothing running \(\d+ job\(s\) and endpoint\(s\) checked\)/,
    ])
      expect(log).toMatch(reason);
  });

  it('fails when a case does not fail as designed', async () => {
    // A "bad" hyperparameter section that is in fact valid: the case trains fine, the verdict says so.
    const text = readFileSync(config, 'utf8').replace(
      "objective: 'not:an-objective'",
      'objective: binary:logistic',
    );
    const lenient = join(dir, 'olist-lenient.yml');
    writeFileSync(lenient, text);
    const printer = memoryPrinter();
    const r = await rehearse({
      workflow: '.github/workflows/forced-fail.yml',
      event: 'workflow_dispatch',
      inputs: { config: lenient },
      printer,
    });
    expect(r.result).toBe('failure');
    expect(printer.lines.join('\n')).toContain(
      'error: training job failure (outcome/status): expected failure/Failed, got success/Completed',
    );
  });
});
