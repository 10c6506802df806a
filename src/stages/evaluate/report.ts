import type { EvaluationResult, ProblemType } from '../../metrics/types.js';
import type { EvaluationOutcome } from './run.js';
import type { EvaluateOutput } from './settings.js';
import type { ThresholdRule, RuleOutcome } from '../../gates/thresholds.js';
import { formatComparison, type Comparison } from '../../gates/champion.js';
import { regressionStanding, type GateDecision } from '../../gates/decide.js';
import { code, details, escapeMarkdown, formatNumber, table } from '../../core/render.js';
import { histogramChart, rocChart } from './charts.js';

/** Everything the summary and the PR comment show. Plain data. */
export interface EvaluationView {
  source: string;
  problemType: ProblemType;
  result: EvaluationResult | undefined;
  thresholds: ThresholdRule[];
  maxRegression: Record<string, number>;
  decision: GateDecision;
  champion: { arn: string; how: string } | undefined;
  championGroup: string | undefined;
  reportUri: string | undefined;
  localReport: string | undefined;
  modelPackageArn: string | undefined;
  notes: string[];
}

const HEADLINE: Record<ProblemType, string[]> = {
  'binary-classification': ['auc', 'pr_auc', 'accuracy', 'precision', 'recall', 'f1', 'log_loss'],
  'multiclass-classification': ['accuracy', 'weighted_f1', 'weighted_precision', 'weighted_recall'],
  regression: ['rmse', 'mae', 'mse', 'r2'],
};

const num = (n: number | undefined): string =>
  n === undefined ? '' : Number.isNaN(n) ? 'NaN' : formatNumber(n, 4);
const signed = (n: number): string => (n > 0 ? `+${num(n)}` : num(n));

export function formatDelta(c: Comparison): string {
  if (c.method === 'registered-metrics') return `${signed(c.diff)} (no CI)`;
  const pct = Math.round(c.confidence * 100);
  return `${signed(c.diff)}, ${pct}% CI [${signed(c.ci[0])}, ${signed(c.ci[1])}]`;
}

function regressionVerdict(c: Comparison, allowance: number | undefined): string {
  if (allowance === undefined) return '';
  switch (regressionStanding(c, allowance)) {
    case 'unknown':
      return '❌ cannot tell (fails closed)';
    case 'beyond':
      return `❌ regressed beyond ${allowance}`;
    case 'inconclusive':
      return `⚠️ not significantly worse than the allowance ${allowance}`;
    case 'within':
      return `✅ within ${allowance}`;
  }
}

/** decideGate's rule: without max-regression every compared metric gets allowance 0. */
function allowanceFor(maxRegression: Record<string, number>, metric: string): number | undefined {
  return Object.keys(maxRegression).length === 0 ? 0 : maxRegression[metric];
}

export function metricRows(view: EvaluationView): string[][] {
  const metrics = view.result?.metrics ?? {};
  const byMetric = new Map<string, RuleOutcome[]>();
  for (const o of view.decision.outcomes) byMetric.set(o.metric, [...(byMetric.get(o.metric) ?? []), o]);
  const comps = new Map(view.decision.comparisons.map((c) => [c.metric, c]));
  const names = [
    ...new Set([
      ...view.thresholds.map((t) => t.metric),
      ...view.decision.comparisons.map((c) => c.metric),
      ...HEADLINE[view.problemType].filter((m) => m in metrics),
    ]),
  ];
  return names.map((m) => {
    const outcomes = byMetric.get(m) ?? [];
    const c = comps.get(m);
    const verdicts = [
      ...outcomes.map((o) => (o.passed ? '✅ threshold' : `❌ ${o.message}`)),
      ...(c ? [regressionVerdict(c, allowanceFor(view.maxRegression, m))] : []),
    ].filter(Boolean);
    return [
      m,
      num(metrics[m] ?? outcomes[0]?.actual),
      view.thresholds
        .filter((t) => t.metric === m)
        .map((t) => t.text)
        .join(', '),
      c ? num(c.champion) : '',
      c ? formatDelta(c) : '',
      verdicts.join(' ') || 'n/a',
    ];
  });
}

export function confusionTable(cm: Record<string, Record<string, number>>): string {
  const actual = Object.keys(cm).sort(numericOrder);
  const predicted = [...new Set(actual.flatMap((a) => Object.keys(cm[a] ?? {})).concat(actual))].sort(
    numericOrder,
  );
  return table(
    ['actual \\ predicted', ...predicted],
    actual.map((a) => [`**${a}**`, ...predicted.map((p) => cm[a]?.[p] ?? 0)]),
  );
}

function numericOrder(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
}

export function renderSummary(view: EvaluationView): string {
  const d = view.decision;
  const verdict = d.forced ? '❌ **failed (forced)**' : d.passed ? '✅ **passed**' : '❌ **failed**';
  const out: string[] = [`## Evaluate: ${verdict}`, ''];
  const rowsText = view.result ? `${view.result.rows} rows, ` : '';
  out.push(`${rowsText}${view.problemType}; predictions from ${view.source}.`, '');
  out.push(`**Decided by:** ${d.decidedBy}`, '');
  if (d.reasons.length) out.push(...d.reasons.map((r) => `- ${escapeMarkdown(r)}`), '');
  if (d.warnings.length) out.push(...d.warnings.map((w) => `> ⚠️ ${escapeMarkdown(w)}`), '');
  if (view.championGroup) {
    out.push(
      view.champion
        ? `**Champion:** ${code(view.champion.arn)} (${view.champion.how})`
        : `**Champion:** none yet in ${code(view.championGroup)} (no Approved package): gated on thresholds alone.`,
      '',
    );
    for (const c of d.comparisons) out.push(`- ${formatComparison(c)}`);
    if (d.comparisons.length) out.push('');
  }
  if (view.result) {
    out.push(
      '### Metrics',
      '',
      table(['metric', 'value', 'threshold', 'champion', 'delta', 'verdict'], metricRows(view)),
      '',
    );
    const all = Object.entries(view.result.metrics).sort(([a], [b]) => (a < b ? -1 : 1));
    out.push(
      details(
        `All ${all.length} metrics`,
        table(
          ['metric', 'value', 'standard deviation'],
          all.map(([k, v]) => [k, num(v), String(view.result!.standardDeviations[k] ?? '')]),
        ),
      ),
      '',
    );
    if (view.result.confusionMatrix)
      out.push('### Confusion matrix', '', confusionTable(view.result.confusionMatrix), '');
    if (view.result.roc)
      out.push('### ROC curve', '', rocChart(view.result.roc, view.result.metrics['auc']), '');
    if (view.result.scoreHistogram)
      out.push('### Score histogram', '', histogramChart(view.result.scoreHistogram), '');
  }
  const links: string[] = [];
  if (view.reportUri) links.push(`Report: ${code(view.reportUri)}`);
  else if (view.localReport) links.push(`Report (local): ${code(view.localReport)}`);
  if (view.modelPackageArn) links.push(`Registered: ${code(view.modelPackageArn)}`);
  if (links.length) out.push(links.join(' · '), '');
  if (view.notes.length)
    out.push(details('Notes', view.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n')), '');
  return out.join('\n');
}

/** The `metrics` output: flat metric → number (NaN → null), plus confusion_matrix. */
export function metricsOutput(outcome: Pick<EvaluationOutcome, 'result'>): Record<string, unknown> {
  const r = outcome.result;
  if (!r) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.metrics)) out[k] = Number.isFinite(v) ? v : null;
  if (r.confusionMatrix) out['confusion_matrix'] = r.confusionMatrix;
  return out;
}

/** The evaluate action's outputs (pure). */
export function evaluateOutputs(
  outcome: EvaluationOutcome,
  markdown: string,
): Record<EvaluateOutput, string> {
  return {
    passed: String(outcome.decision.passed),
    metrics: JSON.stringify(metricsOutput(outcome)),
    'report-uri': outcome.reportUri ?? '',
    'model-package-arn': outcome.modelPackageArn ?? '',
    'champion-package-arn': outcome.champion?.arn ?? '',
    'summary-markdown': markdown,
  };
}

/** The deciding rule and its reason, for the step log (the other reasons are in the summary). */
export function gateVerdict(decision: GateDecision): string {
  const first = decision.reasons[0];
  const more =
    decision.reasons.length > 1 ? ` (${decision.reasons.length - 1} more line(s) in the job summary)` : '';
  return first
    ? `${first.startsWith(decision.decidedBy) ? first : `${decision.decidedBy}: ${first}`}${more}`
    : decision.decidedBy;
}
