/** Reading and writing Model Monitor's files: statistics.json, constraints.json, constraint_violations.json. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStatistics, statisticsJson } from '../../../src/monitor/statistics.js';
import { constraintsJson, parseConstraints, suggestConstraints } from '../../../src/monitor/constraints.js';
import { parseViolations, violationsJson } from '../../../src/monitor/violations.js';
import { MonitorDataError } from '../../../src/monitor/errors.js';

const fixtures = join(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '../../fixtures/monitor',
);
const read = (f: string) => readFileSync(join(fixtures, f), 'utf8');

describe('statistics.json', () => {
  it('parses a Model Monitor statistics file: numeric with KLL sketch, String with categories', () => {
    const s = parseStatistics(read('statistics.json'), 'statistics.json');
    expect(s.itemCount).toBe(8);
    const [freight, items, state] = s.features;
    expect(freight).toMatchObject({
      name: 'freight_value',
      type: 'Fractional',
      present: 8,
      mean: 20.5,
      min: 14,
      max: 27,
    });
    expect(freight!.type === 'Fractional' && freight!.sketch.count).toBe(8);
    expect(items!.type === 'Integral' && items!.sketch.rank(1)).toBe(5);
    expect(state).toMatchObject({ name: 'customer_state', type: 'String', distinctCount: 3 });
    expect(state!.type === 'String' && [...state!.categories!]).toEqual([
      ['SP', 4],
      ['RJ', 3],
      ['MG', 1],
    ]);
  });

  it('round-trips our own output', () => {
    const s = parseStatistics(read('statistics.json'), 'statistics.json');
    const again = parseStatistics(JSON.stringify(statisticsJson(s)), 'ours');
    expect(statisticsJson(again)).toEqual(statisticsJson(s));
  });

  it('fails closed, naming the member', () => {
    const doc = JSON.parse(read('statistics.json'));
    delete doc.features[0].numerical_statistics.distribution.kll.sketch;
    expect(() => parseStatistics(doc, 's.json')).toThrow(
      /feature "freight_value".numerical_statistics.distribution.kll.sketch is missing/,
    );
    expect(() => parseStatistics('{"dataset": {}}', 's.json')).toThrow(/dataset.item_count is missing/);
    expect(() => parseStatistics('{oops', 's.json')).toThrow(MonitorDataError);
    const bad = JSON.parse(read('statistics.json'));
    bad.features[2].inferred_type = 'Boolean';
    expect(() => parseStatistics(bad, 's.json')).toThrow(/inferred_type is "Boolean"/);
  });
});

describe('constraints.json', () => {
  it('parses the current format', () => {
    const c = parseConstraints(read('constraints.json'), 'constraints.json');
    expect(c.features.map((f) => f.name)).toEqual(['freight_value', 'item_count', 'customer_state']);
    expect(c.features[2]!.domains).toEqual(['MG', 'RJ', 'SP']);
    expect(c.config).toMatchObject({
      comparisonMethod: 'Simple',
      comparisonThreshold: 0.1,
      datatypeCheckThreshold: 1,
      categoricalDriftMethod: 'LInfinity',
    });
  });

  it('parses the SDK fixture variant (overrides inside string_constraints, enable_comparisons)', () => {
    const c = parseConstraints(read('constraints-sdk-variant.json'), 'v.json');
    expect(c.features[0]).toMatchObject({
      name: 'payment_type',
      evaluate: false,
      domains: ['boleto', 'credit_card'],
    });
    expect(c.features[1]).toMatchObject({ name: 'installments', completeness: 0.98, evaluate: true });
    expect(c.config).toMatchObject({
      performComparison: true,
      comparisonThreshold: 1,
      comparisonMethod: 'Robust',
      datatypeCheckThreshold: 0.1,
    });
  });

  it('suggests constraints from statistics the way the baselining job does, and writes them in its format', () => {
    const s = parseStatistics(read('statistics.json'), 'statistics.json');
    const c = suggestConstraints(s, { comparisonMethod: 'Simple' });
    expect(constraintsJson(c)).toEqual(JSON.parse(read('constraints.json')));
  });

  it('rejects an unknown comparison method', () => {
    const doc = JSON.parse(read('constraints.json'));
    doc.monitoring_config.distribution_constraints.comparison_method = 'Fancy';
    expect(() => parseConstraints(doc, 'c.json')).toThrow(/comparison_method is "Fancy"/);
  });
});

describe('constraint_violations.json', () => {
  it('parses Model Monitor violations and round-trips them', () => {
    const v = parseViolations(read('constraint_violations.json'), 'v.json');
    expect(v.map((x) => x.constraint_check_type)).toEqual([
      'categorical_values_check',
      'baseline_drift_check',
      'completeness_check',
    ]);
    expect(parseViolations(violationsJson(v), 'again')).toEqual(v);
  });

  it('accepts model-quality violations (metric_name) and an empty list', () => {
    expect(parseViolations('{"violations": []}', 'v')).toEqual([]);
    const q = parseViolations(
      '{"violations": [{"constraint_check_type": "LessThanThreshold", "description": "Metric auc with 0.61 was LessThanThreshold 0.7", "metric_name": "auc"}]}',
      'q',
    );
    expect(q[0]).toMatchObject({ feature_name: 'auc', metric_name: 'auc' });
  });

  it('fails closed on an unknown check type', () => {
    expect(() =>
      parseViolations(
        '{"violations": [{"feature_name": "x", "constraint_check_type": "vibes_check", "description": ""}]}',
        'v.json',
      ),
    ).toThrow(
      /v.json: violations\[0\].constraint_check_type is "vibes_check", which this gate does not know/,
    );
    expect(() => parseViolations('{"violation": []}', 'v.json')).toThrow(/violations is missing/);
  });
});
