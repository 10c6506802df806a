import {
  code,
  escapeMarkdown,
  fence,
  formatDuration,
  formatNumber,
  keyValueTable,
  table,
} from '../../core/render.js';
import type { TrainJobResult } from './run.js';
import type { TrainOutput } from './settings.js';

/** The train action's outputs for a result (pure). Values are strings, JSON where structured. */
export function trainOutputs(r: TrainJobResult): Record<TrainOutput, string> {
  const v = r.view;
  // Artifacts exist only for a Completed job: a Failed/Stopped (or still running) job outputs
  // none, so no later step can pick up a model that was never written.
  const done = v?.status === 'Completed';
  return {
    'job-name': r.name,
    'job-arn': r.arn || v?.arn || '',
    status: v?.status ?? (r.detached ? 'InProgress' : ''),
    'model-artifact': done ? (v.modelArtifact ?? '') : '',
    metrics: JSON.stringify(v?.metrics ?? {}),
    outputs: JSON.stringify(done ? v.outputs : {}),
    'log-url': r.logUrl,
    // pipeline mode only
    'execution-arn': '',
    'step-statuses': '',
    'model-package-arn': '',
  };
}

function jobDurationMs(r: TrainJobResult): number | undefined {
  const v = r.view;
  const start = v?.startTime ?? v?.creationTime;
  if (!start || !v?.endTime) return undefined;
  return v.endTime.getTime() - start.getTime();
}

/** The markdown job summary (pure). */
export function trainSummary(r: TrainJobResult, stage: string): string {
  const v = r.view;
  const kind = v?.kind ?? (r.consoleUrl.includes('processing-jobs') ? 'processing' : 'training');
  const origin = r.fromThisRun ? 'an earlier attempt of this run' : 'an earlier run with the same spec';
  const how =
    r.action === 'reused'
      ? `reused (Completed in ${origin}; no new job)`
      : r.action === 'attached'
        ? `re-attached (started by ${origin})`
        : 'created';
  const status = r.detached ? 'InProgress (detached: wait is false)' : (v?.status ?? 'unknown');
  const icon = r.outcome.ok ? (r.detached ? '⏳' : '✅') : '❌';
  const duration = jobDurationMs(r);
  const rows: [string, unknown][] = [
    ['Job', `[${code(r.name)}](${r.consoleUrl})`],
    [
      'Status',
      status + (v?.secondaryStatus && v.secondaryStatus !== v.status ? ` (${v.secondaryStatus})` : ''),
    ],
    ['Job was', how],
    ['Duration', duration !== undefined ? formatDuration(duration) : undefined],
    ['Billable seconds', v?.billableSeconds],
    ['Instances', v?.instanceType ? `${v.instanceType} × ${v.instanceCount ?? 1}` : undefined],
    ['Model artifact', v?.status === 'Completed' && v.modelArtifact ? code(v.modelArtifact) : undefined],
    ['Logs', `[CloudWatch Logs](${r.logUrl})`],
  ];
  if (r.replaced.length)
    rows.push(['Replaced attempts', r.replaced.map((x) => `${code(x.name)} (${x.status})`).join(', ')]);
  const parts = [
    `### ${icon} train (${stage}): ${kind} job ${r.outcome.ok ? (r.detached ? 'started' : 'succeeded') : 'failed'}`,
    keyValueTable(rows),
  ];
  const metrics = Object.entries(v?.metrics ?? {});
  if (metrics.length)
    parts.push(
      '#### Final metrics',
      table(
        ['Metric', 'Value'],
        // Metric names come from AWS (the job's MetricDefinitions): escaped.
        metrics.map(([k, x]) => [escapeMarkdown(k), formatNumber(x)]),
      ),
    );
  const outputs = v?.status === 'Completed' ? Object.entries(v.outputs) : [];
  if (outputs.length)
    parts.push(
      '#### Outputs',
      table(
        ['Name', 'S3 URI'],
        outputs.map(([k, x]) => [escapeMarkdown(k), code(x)]),
      ),
    );
  if (!r.outcome.ok) parts.push('#### Failure', fence(r.outcome.message));
  return parts.join('\n\n') + '\n';
}
