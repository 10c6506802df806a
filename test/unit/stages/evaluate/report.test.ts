import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  renderSummary,
  confusionTable,
  formatDelta,
  type EvaluationView,
} from '../../../../src/stages/evaluate/report.js';
import { resampleRoc, rocChart, histogramChart } from '../../../../src/stages/evaluate/charts.js';
import { decideGate } from '../../../../src/gates/decide.js';
import { evaluateThresholds, parseThresholds } from '../../../../src/gates/thresholds.js';
import { computeMetrics } from '../../../../src/metrics/compute.js';
import { binaryData } from '../../../helpers/evaluate-data.js';

function view(overrides: Partial<EvaluationView> = {}): EvaluationView {
  const d = binaryData(300);
  const result = computeMetrics(
    'binary-classification',
    Float64Array.from(d.labels),
    { scores: Float64Array.from(d.scores) },
    { threshold: 0.5 },
  );
  const thresholds = parseThresholds({ auc: '>= 0.7' }, 'binary-classification');
  const comparisons = [
    {
      metric: 'auc',
      candidate: result.metrics['auc']!,
      champion: 0.7,
      diff: result.metrics['auc']! - 0.7,
      ci: [0.01, 0.2] as [number, number],
      confidence: 0.95,
      method: 'delong' as const,
    },
  ];
  const decision = decideGate({
    outcomes: evaluateThresholds(thresholds, result.metrics),
    comparisons,
    maxRegression: { auc: 0.01 },
    championFound: true,
    forceFail: false,
    problems: [],
  });
  return {
    source: 'predictions p.csv',
    problemType: 'binary-classification',
    result,
    thresholds,
    maxRegression: { auc: 0.01 },
    decision,
    champion: { arn: 'arn:aws:sagemaker:us-east-1:1:model-package/g/1', how: 'scored on the same rows' },
    championGroup: 'g',
    reportUri: 's3://bkt/eval/evaluation.json',
    localReport: '/tmp/evaluation.json',
    modelPackageArn: undefined,
    notes: ['a note'],
    ...overrides,
  };
}

describe('summary', () => {
  it('has the metric table with threshold, champion, delta with CI and verdict, the confusion matrix, charts and the deciding rule', () => {
    const md = renderSummary(view());
    expect(md).toContain('## Evaluate: ✅ **passed**');
    expect(md).toContain('**Decided by:** all rules passed');
    expect(md).toMatch(
      /\| auc \| 0\.\d+ \| auc >= 0\.7 \| 0\.7 \| \+0\.\d+, 95% CI \[\+0\.01, \+0\.2\] \| ✅ threshold ✅ within 0\.01 \|/,
    );
    expect(md).toContain('| actual \\ predicted | 0 | 1 |');
    expect(md.match(/```mermaid\nxychart-beta/g)).toHaveLength(2);
    expect(md).toContain('AUC');
    expect(md).toContain('s3://bkt/eval/evaluation.json');
  });

  it('says when there is no champion and when the failure was forced', () => {
    const v = view({ champion: undefined });
    const forced = decideGate({
      outcomes: v.decision.outcomes,
      comparisons: [],
      maxRegression: {},
      championFound: false,
      forceFail: true,
      problems: [],
    });
    const md = renderSummary({ ...v, decision: forced });
    expect(md).toContain('failed (forced)');
    expect(md).toContain('none yet in `g`');
  });

  it('renders a fail-closed result without metrics', () => {
    const decision = decideGate({
      outcomes: [],
      comparisons: [],
      maxRegression: {},
      championFound: false,
      forceFail: false,
      problems: ['preds.csv:3: NaN'],
    });
    const md = renderSummary(
      view({ result: undefined, decision, champion: undefined, championGroup: undefined }),
    );
    expect(md).toContain('❌ **failed**');
    expect(md).toContain('preds.csv:3: NaN');
    expect(md).not.toContain('### Metrics');
  });

  it('marks plain (registered-metrics) differences as having no CI', () => {
    expect(
      formatDelta({
        metric: 'auc',
        candidate: 0.7,
        champion: 0.72,
        diff: -0.02,
        ci: [-0.02, -0.02],
        confidence: 0.95,
        method: 'registered-metrics',
      }),
    ).toBe('-0.02 (no CI)');
  });

  it('orders the confusion matrix numerically, filling missing cells with 0', () => {
    expect(confusionTable({ '10': { '2': 1 }, '2': { '2': 5, '10': 1 } })).toBe(
      [
        '| actual \\ predicted | 2 | 10 |',
        '| --- | --- | --- |',
        '| **2** | 5 | 1 |',
        '| **10** | 1 | 0 |',
      ].join('\n'),
    );
  });
});

describe('charts', () => {
  it('the resampled ROC is monotone, within [0,1], and ends at 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          { maxLength: 50 },
        ),
        (pts) => {
          const sorted = [
            [0, 0],
            ...pts.map(([a, b]) => [a, b]).sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!),
            [1, 1],
          ];
          // A real ROC is monotone in both coordinates.
          let best = 0;
          const y = sorted.map(([, v]) => (best = Math.max(best, v!)));
          const tpr = resampleRoc({ x: sorted.map(([v]) => v!), y });
          for (let i = 1; i < tpr.length; i++) expect(tpr[i]!).toBeGreaterThanOrEqual(tpr[i - 1]!);
          expect(tpr[tpr.length - 1]).toBe(1);
          expect(tpr.every((v) => v >= 0 && v <= 1)).toBe(true);
        },
      ),
    );
  });

  it('emits valid-looking xychart blocks', () => {
    expect(rocChart({ x: [0, 0.5, 1], y: [0, 0.8, 1] }, 0.8)).toMatch(
      /^```mermaid\nxychart-beta\n {2}title "ROC curve \(AUC 0\.8\)"/,
    );
    const h = histogramChart({ edges: [0, 0.5, 1], positives: [1, 4], negatives: [3, 0] });
    expect(h).toContain('bar [3, 0]');
    expect(h).toContain('line [1, 4]');
    expect(h).toContain('y-axis "Rows" 0 --> 4');
  });
});
