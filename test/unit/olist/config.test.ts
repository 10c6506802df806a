/**
 * templates/olist/sagemaker-actions.yml parses with the train action's own input parsing, and its
 * paths agree with what preprocess.py writes and what the training channels read.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { loadConfigDefaults } from '../../../src/core/config.js';
import { Inputs } from '../../../src/core/inputs.js';
import { parseThresholds } from '../../../src/gates/thresholds.js';
import { parseTrainSettings } from '../../../src/stages/train/settings.js';
import type { ProcessingJobSpec, TrainingJobSpec } from '../../../src/sagemaker/jobs.js';
import { TABLES } from '../../../templates/olist/generator/generate.js';

const CONFIG = 'templates/olist/sagemaker-actions.yml';
const RUN = { repository: 'octo/olist', workflow: 'ml', job: 'train', runId: '7', step: 'train' };

async function settings(section: string) {
  const defaults = await loadConfigDefaults(`${CONFIG}#${section}`, 'train', {
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '2',
  });
  return parseTrainSettings(new Inputs(() => '', defaults), { run: RUN, configSection: section, env: {} });
}

describe('olist kit config', () => {
  test("preprocess: a processing job reading raw/ and the run's code/, writing features/, splits/, eda/ under the run prefix", async () => {
    const s = await settings('preprocess');
    expect(s.mode).toBe('processing-job');
    const spec = s.spec as ProcessingJobSpec;
    expect(spec.entrypoint).toEqual(['python3', '/opt/ml/processing/input/code/preprocess.py']);
    const args = spec.arguments ?? [];
    const outDir = args[args.indexOf('--output-dir') + 1];
    const inDir = args[args.indexOf('--input-dir') + 1];
    expect(Object.fromEntries(spec.inputs.map((i) => [i.name, [i.uri, i.localPath]]))).toEqual({
      raw: ['s3://sagemaker-actions-olist/olist/raw/', inDir],
      code: ['s3://sagemaker-actions-olist/olist/runs/7-2/code/', '/opt/ml/processing/input/code'],
    });
    // preprocess.py writes features/, splits/ and eda/ under --output-dir.
    expect(Object.fromEntries(spec.outputs.map((o) => [o.name, [o.uri, o.localPath]]))).toEqual({
      features: ['s3://sagemaker-actions-olist/olist/runs/7-2/features/', `${outDir}/features`],
      splits: ['s3://sagemaker-actions-olist/olist/runs/7-2/splits/', `${outDir}/splits`],
      eda: ['s3://sagemaker-actions-olist/olist/runs/7-2/eda/', `${outDir}/eda`],
    });
    const script = readFileSync('templates/olist/code/preprocess.py', 'utf8');
    for (const sub of ['"splits"', '"features"', '"eda"']) expect(script).toContain(sub);
    expect(spec.roleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
  });

  test('train: built-in XGBoost 1.7-1, the reference hyperparameters + eval_metric auc, CSV channels from splits/', async () => {
    const s = await settings('train');
    expect(s.mode).toBe('training-job');
    const spec = s.spec as TrainingJobSpec;
    expect(spec.image).toBe('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    expect(spec.hyperparameters).toEqual({
      max_depth: '5',
      eta: '0.2',
      gamma: '4',
      min_child_weight: '6',
      subsample: '0.8',
      objective: 'binary:logistic',
      num_round: '50',
      eval_metric: 'auc',
      tree_method: 'hist',
    });
    expect(spec.channels.map((c) => [c.name, c.uri, c.contentType])).toEqual([
      ['train', 's3://sagemaker-actions-olist/olist/runs/7-2/splits/train/', 'text/csv'],
      ['validation', 's3://sagemaker-actions-olist/olist/runs/7-2/splits/validation/', 'text/csv'],
    ]);
    expect(spec.outputPath).toBe('s3://sagemaker-actions-olist/olist/runs/7-2/models/');
  });

  test('raw/<table>/ names match the generator tables; evaluate thresholds parse with the gate', () => {
    const text = readFileSync(CONFIG, 'utf8');
    const listed = /Tables under raw\/: ([^.]+)\./.exec(text.replace(/\n#\s*/g, ' '))?.[1];
    expect(listed?.split(/,\s*/).sort()).toEqual(Object.keys(TABLES).sort());
    const doc = parseYaml(text) as Record<string, Record<string, unknown>>;
    const rules = parseThresholds(
      doc['evaluate']!['thresholds'] as Record<string, unknown>,
      'binary-classification',
    );
    expect(rules.map((r) => [r.metric, r.op, r.value])).toEqual([
      ['auc', '>=', 0.65],
      ['accuracy', '>=', 0.75],
    ]);
  });
});
