/**
 * The quality bar of the generated data: XGBoost with the kit's reference hyperparameters, trained on
 * preprocess.py's splits, must land near the real data's test ROC-AUC (0.730): not ~1.0 (a leak),
 * not ~0.5 (no signal). Deterministic: seeded generator, seeded XGBoost.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from '../../../templates/olist/generator/generate.js';

const PYTHON = process.env['OLIST_PYTHON'] ?? '/usr/bin/python3';
const CODE = resolve('templates/olist/code');
const ready = spawnSync(PYTHON, ['-c', 'import pandas, sklearn, xgboost'], { encoding: 'utf8' }).status === 0;
if (!ready)
  console.warn(
    `SKIPPED olist learnability test: ${PYTHON} cannot import pandas/sklearn/xgboost (set OLIST_PYTHON)`,
  );
const suite = ready ? describe : describe.skip;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'olist-auc-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

suite('olist generated data: learnability', () => {
  test('XGBoost test ROC-AUC is near the real 0.73 and beats the always-satisfied baseline', async () => {
    await generate({ outDir: join(root, 'raw'), orders: 40000, seed: 42 });
    const pre = spawnSync(
      PYTHON,
      [
        join(CODE, 'preprocess.py'),
        '--input-dir',
        join(root, 'raw'),
        '--output-dir',
        join(root, 'out'),
        '--no-eda',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(pre.stderr).toBe('');
    expect(pre.status).toBe(0);
    const check = spawnSync(
      PYTHON,
      [join(CODE, 'check_auc.py'), '--splits-dir', join(root, 'out', 'splits'), '--json'],
      { encoding: 'utf8' },
    );
    expect(check.status).toBe(0);
    const r = JSON.parse(check.stdout) as {
      roc_auc: number;
      accuracy: number;
      always_satisfied_accuracy: number;
    };
    console.log(`olist learnability (40000 orders, seed 42): ${check.stdout.trim()}`);
    expect(r.roc_auc).toBeGreaterThanOrEqual(0.7);
    expect(r.roc_auc).toBeLessThanOrEqual(0.76);
    expect(r.always_satisfied_accuracy).toBeGreaterThan(0.72); // real: 0.756
    expect(r.always_satisfied_accuracy).toBeLessThan(0.8);
    expect(r.accuracy).toBeGreaterThan(r.always_satisfied_accuracy);
  }, 300_000);
});
