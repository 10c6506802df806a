/**
 * The pipeline's DAG as a Mermaid flowchart for the job summary: one node per step (name, status,
 * duration), coloured by status; condition branches labelled true/false; steps that did not run
 * drawn dashed. Labels are escaped for Mermaid (entity codes), so no text can close a label or
 * inject markup. Pure.
 */
import type { GraphEdge, GraphNode } from './definition.js';
import { formatDuration, stepDuration, type StepView } from './steps.js';

const CLASSES: Record<string, string> = {
  succeeded: 'fill:#dcfce7,stroke:#16a34a,color:#14532d',
  failed: 'fill:#fee2e2,stroke:#dc2626,color:#7f1d1d',
  running: 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
  stopped: 'fill:#f3f4f6,stroke:#6b7280,color:#111827',
  notrun: 'fill:#ffffff,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 3',
};

/** Text inside a Mermaid `["..."]` label: entity codes for everything that could break out. */
export function mermaidText(text: string): string {
  return text
    .replace(/[&"<>#`\\|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function statusClass(status: string | undefined): string {
  switch (status) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'Stopped':
    case 'Stopping':
      return 'stopped';
    case 'Starting':
    case 'Executing':
      return 'running';
    default:
      return 'notrun';
  }
}

export function mermaidDag(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  steps: readonly StepView[],
  now: number,
): string {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const id = new Map(nodes.map((n, i) => [n.name, `s${i}`]));
  const lines = ['flowchart TD'];
  for (const n of nodes) {
    const s = byName.get(n.name);
    const d = s && stepDuration(s, now);
    const detail = s
      ? `${s.status}${d === undefined ? '' : ` · ${formatDuration(d)}`}${s.cachedFrom ? ' · cached' : ''}`
      : 'not run';
    const label = `${mermaidText(n.displayName ?? n.name)}<br/><small>${mermaidText(n.type)} · ${mermaidText(detail)}</small>`;
    lines.push(`  ${id.get(n.name)}["${label}"]:::${statusClass(s?.status)}`);
  }
  for (const e of edges) {
    const from = id.get(e.from);
    const to = id.get(e.to);
    if (!from || !to) continue;
    lines.push(e.label ? `  ${from} -- ${e.label} --> ${to}` : `  ${from} --> ${to}`);
  }
  for (const [name, style] of Object.entries(CLASSES)) lines.push(`  classDef ${name} ${style}`);
  return lines.join('\n');
}
