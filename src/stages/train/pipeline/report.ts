/**
 * Outputs and job summary of `mode: pipeline` (pure): the DAG as a Mermaid graph coloured by
 * status, a table of steps (status, duration, links to the job and its logs), and each failed
 * step's reason in a fenced block (untrusted text never lands in Markdown unfenced).
 */
import { logConsoleUrl } from '../../../aws/logs.js';
import { code, fence, keyValueTable, table } from '../../../core/render.js';
import type { StepView } from '../../../sagemaker/pipelines.js';
import { mermaidDag } from './mermaid.js';
import type { TrainOutput } from '../settings.js';
import { LOG_GROUPS, type PipelineRunResult } from './run.js';
import type { PipelineDefinitionInfo } from './definition.js';
import { formatDuration, stepDuration } from './steps.js';

export function pipelineOutputs(r: PipelineRunResult): Record<TrainOutput, string> {
  return {
    // job modes only
    'job-name': '',
    'job-arn': '',
    metrics: '',
    outputs: '',
    'log-url': '',
    'execution-arn': r.execution.arn,
    status: r.execution.status,
    'step-statuses': JSON.stringify(Object.fromEntries(r.steps.map((s) => [s.name, s.status]))),
    'model-package-arn': r.modelPackageArn ?? '',
    'model-artifact': r.modelArtifact ?? '',
  };
}

const CONSOLE_PATH = {
  training: 'jobs',
  processing: 'processing-jobs',
  transform: 'transform-jobs',
} as const;
const ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Stopped: '⏹️',
  Executing: '⏳',
  Stopping: '⏳',
};

function stepLinks(s: StepView, region: string): string {
  if (!s.job)
    return s.modelPackageArn
      ? code(s.modelPackageArn)
      : s.conditionOutcome
        ? `outcome ${s.conditionOutcome}`
        : '';
  const job = `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/${CONSOLE_PATH[s.job.kind]}/${encodeURIComponent(s.job.name)}`;
  const logs = logConsoleUrl(region, LOG_GROUPS[s.job.kind], s.job.name);
  return `[${s.job.kind} job](${job}) · [logs](${logs})${s.cachedFrom ? ` · cached from ${code(s.cachedFrom.split('/').pop() ?? '')}` : ''}`;
}

export function pipelineSummary(
  r: PipelineRunResult,
  def: PipelineDefinitionInfo,
  region: string,
  stage: string,
): string {
  const status = r.detached ? `${r.execution.status} (detached: wait is false)` : r.execution.status;
  const icon = r.outcome.ok ? (r.detached ? '⏳' : '✅') : '❌';
  const end = r.execution.lastModifiedTime ?? r.endedAt;
  const parts = [
    `### ${icon} train (${stage}): pipeline ${code(r.pipelineName)} ${r.outcome.ok ? (r.detached ? 'started' : 'succeeded') : 'failed'}`,
    keyValueTable([
      ['Pipeline', `${code(r.pipelineName)} (definition ${r.upsert})`],
      ['Execution', code(r.execution.arn)],
      ['Status', status],
      ['Duration', r.execution.creationTime ? formatDuration(end - r.execution.creationTime) : undefined],
      ['Model package', r.modelPackageArn ? code(r.modelPackageArn) : undefined],
      ['Model artifact', r.modelArtifact ? code(r.modelArtifact) : undefined],
    ]),
    '```mermaid\n' + mermaidDag(def.nodes, def.edges, r.steps, r.endedAt) + '\n```',
  ];
  if (r.steps.length)
    parts.push(
      table(
        ['Step', 'Status', 'Duration', 'Details'],
        r.steps.map((s) => {
          const d = stepDuration(s, r.endedAt);
          return [
            s.name,
            `${ICON[s.status] ?? ''} ${s.status}`.trim(),
            d === undefined ? '' : formatDuration(d),
            stepLinks(s, region),
          ];
        }),
      ),
    );
  const failed = r.steps.filter((s) => s.status === 'Failed' && s.failureReason);
  if (failed.length) {
    parts.push('#### Failure reasons');
    for (const s of failed) parts.push(`**${s.name}**`, fence(s.failureReason!));
  } else if (!r.outcome.ok) parts.push('#### Failure', fence(r.outcome.message));
  return parts.join('\n\n') + '\n';
}
