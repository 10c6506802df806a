/**
 * monitor-gate's job summary, outputs, CloudWatch metrics and dashboard body. Feature names,
 * descriptions and file names are untrusted: they go through escapeMarkdown.
 */
import { escapeMarkdown, table } from '../../core/render.js';
import type { Datum } from '../../aws/cloudwatch.js';
import type { FeatureDrift } from '../../monitor/checks.js';
import type { BaselineOutcome, CheckOutcome } from './run.js';

const BARS = '▁▂▃▄▅▆▇█';

/** A small histogram as block characters (shares normalised to the larger side). */
export function sparkline(counts: number[], scaleTo: number): string {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return counts.map((c) => BARS[Math.min(7, Math.round((c / total / (scaleTo || 1)) * 7))]!).join('');
}

function maxShare(...sets: number[][]): number {
  let m = 0;
  for (const s of sets) {
    const t = s.reduce((a, b) => a + b, 0) || 1;
    for (const c of s) m = Math.max(m, c / t);
  }
  return m;
}

const fmt = (x: number | undefined, d = 4) =>
  x === undefined || !Number.isFinite(x) ? 'n/a' : Number(x.toPrecision(d)).toString();

export function driftTable(drift: FeatureDrift[]): string {
  return table(
    ['feature', 'distance', 'threshold', 'PSI', 'KS p', 'baseline', 'current'],
    drift.map((d) => {
      const m = maxShare(d.baselineCounts, d.currentCounts);
      return [
        `${d.drifted ? '⚠️ ' : ''}${escapeMarkdown(d.name)}`,
        fmt(d.distance),
        fmt(d.threshold),
        fmt(d.psi, 3),
        d.ks ? fmt(d.ks.pValue, 2) : '',
        `\`${sparkline(d.baselineCounts, m)}\``,
        `\`${sparkline(d.currentCounts, m)}\``,
      ];
    }),
  );
}

export function renderCheckSummary(
  o: CheckOutcome,
  endpoint: string | undefined,
  window: { sinceMs: number; untilMs: number },
): string {
  const lines: string[] = [];
  lines.push(
    `### ${o.passed ? '✅' : '❌'} monitor-gate${endpoint ? `: ${escapeMarkdown(endpoint)}` : ''} ${o.passed ? 'passed' : 'failed'}`,
  );
  lines.push('');
  for (const r of o.verdict.reasons) lines.push(`- ${escapeMarkdown(r)}`);
  for (const f of o.findings) lines.push(`- ${f.passed ? '✅' : '❌'} ${escapeMarkdown(f.message)}`);
  if (o.violations.length) {
    lines.push('', '#### Violations', '');
    lines.push(
      table(
        ['feature', 'check', 'description', 'source', 'gate'],
        o.violations.map((v) => [
          escapeMarkdown(v.feature_name),
          escapeMarkdown(v.constraint_check_type),
          escapeMarkdown(v.description),
          escapeMarkdown(v.source),
          o.verdict.ignored.includes(v) ? 'ignored (ignore-features)' : 'counted',
        ]),
      ),
    );
  } else lines.push('', 'No violations.');
  if (o.capture) {
    lines.push('', '#### Drift per feature (baseline vs current)', '', driftTable(o.capture.result.drift));
  }
  if (o.quality) {
    const q = o.quality;
    lines.push('', '#### Model quality', '');
    lines.push(
      table(
        ['rule', 'value', 'result'],
        q.rules.map((r) => [escapeMarkdown(r.rule), fmt(r.actual), r.passed ? 'passed' : 'failed']),
      ),
    );
    lines.push(
      '',
      `Joined ${q.result.matched} of ${q.result.captured} captured predictions with ${q.result.groundTruthRecords} ground-truth record(s).`,
    );
  }
  if (o.alarms.length) {
    lines.push('', '#### Alarms', '');
    lines.push(
      table(
        ['alarm', 'state', 'data in window'],
        o.alarms.map((a) => [
          escapeMarkdown(a.name),
          escapeMarkdown(a.state),
          a.found ? (a.noData ? 'none (misconfigured)' : 'yes') : '',
        ]),
      ),
    );
  }
  lines.push('', '#### What was read', '');
  const read: string[] = [
    `- window: ${new Date(window.sinceMs).toISOString()} .. ${new Date(window.untilMs).toISOString()}`,
  ];
  if (o.capture) {
    const s = o.capture.scan;
    read.push(
      `- capture: ${s.files} file(s), ${(s.bytes / 1e6).toFixed(1)} MB, ${s.records} record(s) in the window (${s.outsideWindow} outside), ${s.sink.rows} row(s); first ${Number.isFinite(s.minTimeMs) ? new Date(s.minTimeMs).toISOString() : 'n/a'}, last ${Number.isFinite(s.maxTimeMs) ? new Date(s.maxTimeMs).toISOString() : 'n/a'}`,
    );
    read.push(`- report: ${escapeMarkdown(o.capture.reportUri)}`);
  }
  if (o.execution)
    read.push(
      `- monitoring execution ${escapeMarkdown(o.execution.scheduledTime)}: ${escapeMarkdown(o.execution.status)}${o.execution.reportUri ? `, report ${escapeMarkdown(o.execution.reportUri)}` : ''}`,
    );
  lines.push(...read);
  return lines.join('\n') + '\n';
}

export function renderBaselineSummary(b: BaselineOutcome): string {
  return [
    `### ✅ monitor-gate baseline: ${b.rows} row(s), ${b.features.length} feature(s)`,
    '',
    table(
      ['feature', 'inferred type', 'completeness'],
      b.features.map((f) => [escapeMarkdown(f.name), f.type, fmt(f.completeness)]),
    ),
    '',
    `- statistics: ${escapeMarkdown(b.statisticsUri)}`,
    `- constraints: ${escapeMarkdown(b.constraintsUri)}`,
    ...(b.schedule ? [`- monitoring schedule: ${escapeMarkdown(b.schedule)}`] : []),
    '',
  ].join('\n');
}

/** The `metrics` output: drift per feature, violations per type, quality metrics, counts. */
export function metricsOutput(o: CheckOutcome): Record<string, unknown> {
  const out: Record<string, unknown> = { violations_by_type: o.verdict.byType };
  if (o.capture) {
    out.drift = Object.fromEntries(o.capture.result.drift.map((d) => [d.name, d.distance]));
    out.psi = Object.fromEntries(o.capture.result.drift.map((d) => [d.name, d.psi ?? null]));
    out.records = o.capture.scan.records;
  }
  if (o.quality) {
    out.quality = Object.fromEntries(
      Object.entries(o.quality.result.evaluation.metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]),
    );
    out.join_rate = o.quality.result.joinRate;
  }
  return out;
}

/** Model Monitor's namespace and metric names (sagemaker.md §7), dimensions Endpoint + MonitoringSchedule. */
export const DATA_METRICS_NAMESPACE = 'aws/sagemaker/Endpoints/data-metrics';

export function cloudWatchData(o: CheckOutcome, endpoint: string, schedule: string): Datum[] {
  const dimensions = { Endpoint: endpoint, MonitoringSchedule: schedule };
  const data: Datum[] = [];
  if (o.capture) {
    for (const d of o.capture.result.drift)
      data.push({ name: `feature_baseline_drift_${d.name}`, value: d.distance, dimensions });
    for (const f of o.capture.result.statistics.features)
      data.push({ name: `feature_non_null_${f.name}`, value: f.present, dimensions, unit: 'Count' });
  }
  for (const [type, n] of Object.entries(o.verdict.byType))
    data.push({ name: `violations_${type}`, value: n, dimensions, unit: 'Count' });
  data.push({ name: 'violations_total', value: o.verdict.counted.length, dimensions, unit: 'Count' });
  return data.filter((d) => d.name.length <= 255);
}
