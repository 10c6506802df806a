/**
 * Champion / challenger decisions on the same test rows: which metrics are lower-is-better, the
 * `max-regression` map and the summary line. The statistics themselves (DeLong, paired bootstrap)
 * are in src/stats.
 */
import { GateConfigError } from './errors.js';
import { metricNames } from '../metrics/report.js';
import type { ProblemType } from '../metrics/types.js';
import type { Comparison } from '../stats/comparison.js';

// The statistics live in src/stats; re-exported here for the gate's callers.
export { delong, midranks } from '../stats/delong.js';
export { pairedBootstrap } from '../stats/bootstrap.js';
export type { Comparison } from '../stats/comparison.js';

const LOWER_IS_BETTER = new Set([
  'log_loss',
  'false_positive_rate',
  'false_negative_rate',
  'mae',
  'mse',
  'rmse',
]);

export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.has(metric);
}

/** `max-regression`: metric -> allowed drop (a number >= 0, in the metric's units). */
export function parseMaxRegression(
  map: Record<string, unknown>,
  problemType: ProblemType,
): Record<string, number> {
  const valid = metricNames(problemType);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new GateConfigError(
      `${JSON.stringify(map)} is not a map; expected metric: allowed drop, e.g. {auc: 0.01}`,
    );
  }
  const out: Record<string, number> = {};
  for (const [metric, raw] of Object.entries(map)) {
    if (!valid.includes(metric)) {
      throw new GateConfigError(
        `unknown metric ${JSON.stringify(metric)} for ${problemType}; valid metrics: ${valid.join(', ')}`,
      );
    }
    const v =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)
          ? Number(raw)
          : NaN;
    if (!Number.isFinite(v) || v < 0) {
      throw new GateConfigError(
        `allowed drop ${JSON.stringify(raw)} for ${metric} is not valid; expected a number >= 0 in ${metric}'s units, e.g. ${metric}: 0.01 (0 = no significant regression allowed)`,
      );
    }
    out[metric] = v;
  }
  return out;
}

const DISPLAY: Record<string, string> = {
  auc: 'AUC',
  pr_auc: 'PR AUC',
  f1: 'F1',
  f2: 'F2',
  f0_5: 'F0.5',
  log_loss: 'log loss',
};

function signed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(digits);
  return v >= 0 || /^-0\.0*$/.test(s) ? `+${s.replace(/^-/, '')}` : s;
}

/** "AUC 0.741 vs champion 0.729, +0.012, 95% CI [+0.004, +0.020]" */
export function formatComparison(c: Comparison, digits = 3): string {
  const name = DISPLAY[c.metric] ?? c.metric;
  const pct = `${Number((c.confidence * 100).toFixed(2))}%`;
  const ci =
    c.method === 'registered-metrics'
      ? ' (registered metrics, no CI)'
      : `, ${pct} CI [${signed(c.ci[0], digits)}, ${signed(c.ci[1], digits)}]`;
  return `${name} ${c.candidate.toFixed(digits)} vs champion ${c.champion.toFixed(digits)}, ${signed(c.diff, digits)}${ci}`;
}
