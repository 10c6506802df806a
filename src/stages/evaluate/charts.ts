import type { Curve } from '../../metrics/types.js';

/**
 * Mermaid `xychart-beta` charts, which GitHub renders in job summaries and PR comments (inline SVG
 * is stripped there). Pure: they build fenced code blocks.
 */

const fmt = (n: number): string => (Number.isFinite(n) ? String(Number(n.toFixed(4))) : '0');

/**
 * TPR at evenly spaced FPR values (xychart spreads points evenly over the axis): the ROC step
 * function, taking the best TPR reached at or before each FPR.
 */
export function resampleRoc(roc: Curve, points = 21): number[] {
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = i / (points - 1);
    let best = 0;
    for (let j = 0; j < roc.x.length; j++) {
      const fx = roc.x[j]!;
      const ty = roc.y[j]!;
      if (fx <= x + 1e-12 && ty > best) best = ty;
    }
    out.push(best);
  }
  return out;
}

export function rocChart(roc: Curve, auc: number | undefined): string {
  const tpr = resampleRoc(roc);
  const diagonal = tpr.map((_, i) => i / (tpr.length - 1));
  const labels = tpr.map((_, i) => fmt(i / (tpr.length - 1)));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "ROC curve${auc !== undefined && Number.isFinite(auc) ? ` (AUC ${fmt(auc)})` : ''}"`,
    `  x-axis "False positive rate" [${labels.map((l) => JSON.stringify(l)).join(', ')}]`,
    '  y-axis "True positive rate" 0 --> 1',
    `  line [${tpr.map(fmt).join(', ')}]`,
    `  line [${diagonal.map(fmt).join(', ')}]`,
    '```',
  ].join('\n');
}

export function histogramChart(h: { edges: number[]; positives: number[]; negatives: number[] }): string {
  const bins = h.positives.length;
  const labels = Array.from({ length: bins }, (_, i) => fmt(h.edges[i] ?? i / bins));
  const max = Math.max(1, ...h.positives, ...h.negatives);
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Score histogram (bars: actual 0, line: actual 1)"',
    `  x-axis "Score (bin start)" [${labels.map((l) => JSON.stringify(l)).join(', ')}]`,
    `  y-axis "Rows" 0 --> ${max}`,
    `  bar [${h.negatives.join(', ')}]`,
    `  line [${h.positives.join(', ')}]`,
    '```',
  ].join('\n');
}
