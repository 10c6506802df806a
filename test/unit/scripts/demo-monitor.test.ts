import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
// @ts-expect-error: plain ESM helper without type declarations
import { qualityThresholds, violationLines } from '../../../scripts/lib/demo-monitor.mjs';

const thresholds = qualityThresholds as (text: string) => { text: string; metrics: string[] };
const lines = violationLines as (json: string) => string[];

describe('demo monitoring stage helpers', () => {
  it("holds production to the evaluate section's thresholds, as monitor-gate quality-thresholds", () => {
    const config = readFileSync('templates/olist/sagemaker-actions.yml', 'utf8');
    const t = thresholds(config);
    const evaluate = (parse(config) as { evaluate: { thresholds: Record<string, string> } }).evaluate;
    expect(parse(t.text)).toEqual(evaluate.thresholds);
    expect(t.metrics).toEqual(Object.keys(evaluate.thresholds));
    expect(thresholds('evaluate:\n  thresholds: {auc: ">= 0.7"}\n').text).toBe('{auc: ">= 0.7"}');
  });

  it('fails closed when the config has no thresholds', () => {
    expect(() => thresholds('evaluate:\n  test-data: x\n')).toThrow(/no evaluate.thresholds/);
    expect(() => thresholds('evaluate:\n  thresholds: {}\n')).toThrow(/no evaluate.thresholds/);
  });

  it('lists each counted violation on one line without control characters', () => {
    expect(
      lines(
        JSON.stringify([
          {
            feature_name: 'total_freight',
            constraint_check_type: 'baseline_drift_check',
            description: 'd 0.3',
          },
          { feature_name: 'x\u001b[31m', constraint_check_type: 'model_quality_check', description: 'a\nb' },
        ]),
      ),
    ).toEqual(['total_freight: baseline_drift_check (d 0.3)', 'x [31m: model_quality_check (a b)']);
    expect(lines('')).toEqual([]);
    expect(() => lines('{oops')).toThrow(/not JSON/);
    expect(() => lines('{}')).toThrow(/not a list/);
  });
});
