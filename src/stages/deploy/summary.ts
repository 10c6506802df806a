/**
 * The deploy job summary: what was deployed (package, version, registry metadata), the rollout
 * timeline (status, traffic steps, alarm states), the smoke test, and where the endpoint serves
 * now. Everything that came from outside (AWS messages, metadata, model output) is escaped for
 * Markdown and HTML.
 */
import { escapeMarkdown, formatDuration } from '../../core/render.js';
import type { EndpointResult } from './run-endpoint.js';
import type { TransformResult } from './run-transform.js';
import type { ResolvedModel } from './model-source.js';

const row = (k: string, v: unknown): string => `| **${k}** | ${escapeMarkdown(v)} |`;

function modelRows(m: ResolvedModel): string[] {
  const rows = [];
  if (m.packageArn) rows.push(row('Model package', m.packageArn));
  if (m.packageVersion !== undefined) rows.push(row('Version', m.packageVersion));
  if (m.approval) rows.push(row('Approval', m.approval));
  rows.push(row('Image', m.image), row('Model data', m.modelDataUrl));
  if (m.metricsUri) rows.push(row('Model-quality report', m.metricsUri));
  for (const [k, v] of Object.entries(m.metadata ?? {})) rows.push(row(`Registry: ${k}`, v));
  return rows;
}

export function endpointSummary(r: EndpointResult): string {
  const verdict = r.ok ? '✅ deployed' : r.rolledBack ? '⛔ rolled back' : '❌ failed';
  const lines = [
    `### Deploy ${escapeMarkdown(r.endpointName)}: ${verdict}`,
    '',
    escapeMarkdown(r.message),
    '',
    '| | |',
    '| --- | --- |',
    row('Endpoint', r.endpointName),
    row('Serving now', r.servingNow ?? 'nothing'),
    row('Requested config', r.configName),
    row('Previous config', r.previousConfig ?? '(new endpoint)'),
    row('Model', r.modelName),
    row('Plan', r.plan),
    row('Rollback alarms', r.rollbackAlarms.join(', ') || 'none'),
    ...(r.alarmFired ? [row('Alarm that fired', r.alarmFired)] : []),
    ...(r.deploymentId !== undefined ? [row('GitHub deployment', r.deploymentId)] : []),
    ...modelRows(r.model),
  ];
  if (r.timeline.length) {
    lines.push('', '#### Rollout timeline', '', '| t | state |', '| --- | --- |');
    for (const t of r.timeline)
      lines.push(
        `| ${formatDuration(t.elapsedMs)} | ${escapeMarkdown(t.text.replace(/^\[[^\]]*\] /, ''))} |`,
      );
  }
  if (r.smoke)
    lines.push(
      '',
      `#### Smoke test: ${r.smoke.ok ? 'passed' : 'failed'}`,
      '',
      escapeMarkdown(r.smoke.detail),
    );
  return `${lines.join('\n')}\n`;
}

export function transformSummary(r: TransformResult): string {
  return (
    [
      `### Batch transform ${escapeMarkdown(r.jobName)}: ✅ output validated`,
      '',
      '| | |',
      '| --- | --- |',
      row('Output', r.outputUri),
      row('Files', r.files),
      row('Predictions', r.records),
      row('Model', r.modelName),
      ...modelRows(r.model),
    ].join('\n') + '\n'
  );
}
