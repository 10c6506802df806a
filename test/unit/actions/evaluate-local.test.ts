import { afterEach, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/actions/evaluate.js';
import { runWithInputs } from '../../helpers/evaluate-harness.js';
import { binaryData, tempDir, writeCsv, writeLines } from '../../helpers/evaluate-data.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fixture(n = 300): { dir: string; test: string; preds: string } {
  const dir = tempDir();
  dirs.push(dir);
  const d = binaryData(n);
  return {
    dir,
    test: writeCsv(dir, 'test.csv', d.labels, d.features),
    preds: writeLines(dir, 'preds.csv', d.scores),
  };
}

// No AWS region, endpoint or credentials: local paths only must work without any AWS service.
const noAws = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_PROFILE: undefined,
};

describe('evaluate action with local files (no AWS)', () => {
  it('computes metrics, passes a met threshold, sets every output and writes summary + local report', async () => {
    const f = fixture();
    const r = await runWithInputs(
      { 'test-data': f.test, predictions: f.preds, thresholds: '{auc: ">= 0.6"}' },
      () => run(),
      noAws,
    );
    expect(r.failure).toBeUndefined();
    expect(r.failed).toBe(false);
    expect(r.outputs['passed']).toBe('true');
    const metrics = JSON.parse(r.outputs['metrics']!) as Record<string, unknown>;
    expect(typeof metrics['auc']).toBe('number');
    expect(metrics['auc']).toBeGreaterThan(0.6);
    expect(metrics['confusion_matrix']).toBeDefined();
    expect(r.outputs['report-uri']).toBe('');
    expect(r.outputs['model-package-arn']).toBe('');
    expect(r.outputs['summary-markdown']).toContain(
      '| metric | value | threshold | champion | delta | verdict |',
    );
    expect(r.summary).toContain('```mermaid');
    expect(r.summary).toContain('Confusion matrix');
    expect(JSON.parse(r.report!)).toHaveProperty('binary_classification_metrics');
    expect(r.stdout).toContain('PR comment: skipped');
    expect(r.scratchLeft).toEqual([]); // its scratch folder in RUNNER_TEMP is gone
  });

  it('fails the step when a threshold is missed, naming the rule; fail-on-gate false keeps it green with a warning', async () => {
    const f = fixture();
    const failed = await runWithInputs(
      { 'test-data': f.test, predictions: f.preds, thresholds: '{auc: ">= 0.999"}' },
      () => run(),
      noAws,
    );
    expect(failed.failed).toBe(true);
    expect(failed.failure).toMatch(/^evaluate: gate failed/);
    expect(failed.failure).toContain('auc');
    expect(failed.outputs['passed']).toBe('false');

    const soft = await runWithInputs(
      { 'test-data': f.test, predictions: f.preds, thresholds: '{auc: ">= 0.999"}', 'fail-on-gate': 'false' },
      () => run(),
      noAws,
    );
    expect(soft.failed).toBe(false);
    expect(soft.outputs['passed']).toBe('false');
    expect(soft.stdout).toMatch(/::warning::evaluate: gate failed \(fail-on-gate: false/);
  });

  it('force-fail validates the inputs, then fails labelled forced without computing anything', async () => {
    const f = fixture();
    const r = await runWithInputs(
      {
        'test-data': f.test,
        predictions: f.preds,
        thresholds: '{auc: ">= 0.5"}',
        'force-fail': 'true',
        'fail-on-gate': 'false',
      },
      () => run(),
      noAws,
    );
    expect(r.failed).toBe(true);
    expect(r.failure).toContain('force-fail is set: this stage failed on purpose');
    expect(r.outputs['passed']).toBe('false');
    expect(r.outputs['metrics']).toBeUndefined();
    expect(r.summary).toContain('failed on purpose (force-fail: true)');
  });

  it('nothing passes by default: no thresholds and no champion fails closed', async () => {
    const f = fixture();
    const r = await runWithInputs({ 'test-data': f.test, predictions: f.preds }, () => run(), noAws);
    expect(r.failed).toBe(true);
    expect(r.failure).toContain('thresholds');
  });

  it('fails closed on a NaN prediction and on a row-count mismatch, naming the file', async () => {
    const f = fixture(50);
    const d = binaryData(50);
    const nan = writeLines(
      f.dir,
      'nan.csv',
      d.scores.map((s, i) => (i === 7 ? 'NaN' : s)),
    );
    const r1 = await runWithInputs(
      { 'test-data': f.test, predictions: nan, thresholds: '{auc: ">= 0.5"}' },
      () => run(),
      noAws,
    );
    expect(r1.failed).toBe(true);
    expect(r1.outputs['passed']).toBe('false');
    expect(r1.failure).toContain('nan.csv');
    expect(r1.scratchLeft).toEqual([]); // removed on failure too

    const short = writeLines(f.dir, 'short.csv', d.scores.slice(0, 49));
    const r2 = await runWithInputs(
      { 'test-data': f.test, predictions: short, thresholds: '{auc: ">= 0.5"}' },
      () => run(),
      noAws,
    );
    expect(r2.failed).toBe(true);
    expect(r2.outputs['passed']).toBe('false');
    expect(r2.failure).toMatch(/row|mismatch|50|49/i);
  });

  it('gates an existing model-quality report as is (evaluation-report)', async () => {
    const f = fixture();
    const first = await runWithInputs(
      { 'test-data': f.test, predictions: f.preds, thresholds: '{auc: ">= 0.5"}' },
      () => run(),
      noAws,
    );
    const report = join(f.dir, 'evaluation.json');
    writeFileSync(report, first.report!);
    const r = await runWithInputs(
      { 'evaluation-report': report, thresholds: '{auc: ">= 0.5"}' },
      () => run(),
      noAws,
    );
    expect(r.failure).toBeUndefined();
    expect(r.outputs['passed']).toBe('true');
    expect(JSON.parse(r.outputs['metrics']!)['auc']).toBeCloseTo(
      JSON.parse(first.outputs['metrics']!)['auc'] as number,
      12,
    );

    writeFileSync(report, '{"binary_classification_metrics": {"auc": {"value": "high"}}}');
    const bad = await runWithInputs(
      { 'evaluation-report': report, thresholds: '{auc: ">= 0.5"}' },
      () => run(),
      noAws,
    );
    expect(bad.failed).toBe(true);
    expect(bad.failure).toContain('evaluation.json');
  });

  it('reports a configuration error for conflicting sources without a stack trace', async () => {
    const f = fixture(10);
    const r = await runWithInputs(
      { 'test-data': f.test, predictions: f.preds, 'evaluation-report': f.preds },
      () => run(),
      noAws,
    );
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/^evaluate: configuration error: set exactly one of/);
    expect(r.failure).toContain("'predictions' and 'evaluation-report'");
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('gates a regression problem on rmse (lower is better)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const y = Array.from({ length: 100 }, (_, i) => (i % 17) * 1.5);
    const test = writeCsv(
      dir,
      'reg.csv',
      y,
      y.map((v) => [v / 2]),
    );
    const preds = writeLines(
      dir,
      'reg-preds.csv',
      y.map((v, i) => v + (i % 2 ? 0.5 : -0.5)),
    );
    const ok = await runWithInputs(
      { 'test-data': test, predictions: preds, 'problem-type': 'regression', thresholds: '{rmse: "<= 0.6"}' },
      () => run(),
      noAws,
    );
    expect(ok.failure).toBeUndefined();
    expect(JSON.parse(ok.outputs['metrics']!)['rmse']).toBeCloseTo(0.5, 12);
    expect(ok.summary).not.toContain('mermaid');
    const bad = await runWithInputs(
      { 'test-data': test, predictions: preds, 'problem-type': 'regression', thresholds: '{rmse: "<= 0.4"}' },
      () => run(),
      noAws,
    );
    expect(bad.failed).toBe(true);
    expect(bad.failure).toContain('rmse');
  });
});
